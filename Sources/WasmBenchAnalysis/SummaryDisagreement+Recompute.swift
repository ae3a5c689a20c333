import WasmBenchModel

extension SummaryDisagreement {
    /// Computes `result`'s summaries and geometric means again from its raw rows (what `report
    /// --recompute` does) and, when a stored number disagrees with them, adds a notice listing the
    /// first disagreements to `result` and returns it. `nil` when every stored number agrees.
    public static func recompute(_ result: inout RunResult) -> String? {
        let stored = result
        Summarizer(configuration: result.configuration).summarize(&result)
        guard let notice = notice(between(stored: stored, recomputed: result)) else { return nil }
        result.notices.append(notice)
        return notice
    }

    /// The notice that lists the first stored numbers the rows disagree with, or nil when all agree.
    public static func notice(_ disagreements: [SummaryDisagreement]) -> String? {
        guard !disagreements.isEmpty else { return nil }
        let shown = disagreements.prefix(5).map(\.description).joined(separator: "; ")
        let more = disagreements.count > 5 ? "; and \(disagreements.count - 5) more" : ""
        return
            "\(disagreements.count) stored number(s) disagree with the summaries recomputed from the rows, which this report shows: \(shown)\(more)"
    }
}

import WasmBenchModel

extension RunDocument {
    /// When compiling ahead of time pays for itself: per workload, each ahead-of-time runtime's
    /// compile against the saving of every run over its just-in-time counterpart; none when the
    /// run has no such pair.
    func crossovers() -> ReportSection? {
        guard !counted, !result.crossovers.isEmpty else { return nil }
        let iterations = result.crossovers.first?.iterations ?? result.configuration.iterations
        let headers: [ReportText] = [
            "workload", "runtime", "against", "aot-compile", "artifact", "saved per run", "pays off after",
        ]
        let rows = result.crossovers.map { crossover -> [ReportCell] in
            [
                .code(crossover.workload), .code(crossover.runtime), .code(crossover.counterpart),
                .plain(formatDuration(crossover.compileSeconds)),
                .plain(crossover.artifactBytes.map(formatBytes) ?? ""),
                .plain(formatDuration(crossover.savingPerRun)), .plain(Self.runs(crossover)),
            ]
        }
        let sentences: [String] = [
            "A run is a start of the workload with \(iterations) iterations: startup (compile or load, instantiate)",
            "plus the iterations' median execute time where the two sides' execute intervals do not overlap.",
            "The compile is paid once; after compile ÷ (run of the counterpart − run with the artifact) runs it",
            "has paid for itself. Medians; the interval takes each input's 95% interval at its most and least",
            "favourable end, so it is wider than a joint interval would be.",
        ]
        let explanation = ReportText(.literal(sentences.joined(separator: " ")))
        return ReportSection(
            .init(id: "aot", title: "Ahead-of-time compilation"),
            caption: "runs after which compiling ahead of time has paid for itself",
            [
                .table(ReportTable(headers: headers, numeric: [3, 4, 5, 6], rows: rows)),
                .paragraph([explanation], role: .note),
            ])
    }

    /// `3.2 runs [2.1–5.0]`, an open interval when the intervals allow no saving, or `never`.
    static func runs(_ crossover: AOTCrossover) -> String {
        guard let runs = crossover.runs else { return "never (a run with the artifact saves nothing)" }
        let point = "\(formatSignificant(runs)) runs"
        guard let low = crossover.runsLow else { return point }
        return "\(point) [\(formatSignificant(low))–\(crossover.runsHigh.map(formatSignificant) ?? "∞")]"
    }
}

import WasmBenchModel

/// A number a run's stored summaries (or geometric means) hold that the same run's rows, summarised
/// again, do not give: the statistics changed since the run was saved, or the file was edited.
///
/// Not an error: `wasmbench report --recompute` shows the recomputed numbers and lists these.
public struct SummaryDisagreement: Sendable, Equatable, CustomStringConvertible {
    /// What the number belongs to: `kernels/fib × wasmkit execute time`, or `geomean wasmkit execute`.
    public var item: String
    /// The field: `median`, `count`, `ratio`, …; nil when one side has no such summary at all.
    public var field: String?
    /// The stored value (nil: the file has none).
    public var stored: Double?
    /// The recomputed value (nil: the rows give none).
    public var recomputed: Double?

    /// One line: `kernels/fib × wasmkit execute time: median 7 stored, 0.005 from the rows`.
    public var description: String {
        guard let field else {
            return "\(item): " + (stored == nil ? "not stored, but the rows give it" : "stored, but the rows give none")
        }
        func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "none" }
        return "\(item): \(field) \(text(stored)) stored, \(text(recomputed)) from the rows"
    }

    /// Two values agree when both are missing, or both are there and within a relative 1e-9 of
    /// each other (the last bits of `log`/`exp` may differ between C libraries).
    static func agree(_ left: Double?, _ right: Double?) -> Bool {
        guard let left, let right else { return left == nil && right == nil }
        return left == right || abs(left - right) <= 1e-9 * max(abs(left), abs(right))
    }

    /// Every point estimate of `stored` that `recomputed` (the same run, summarised again from its
    /// rows) does not give, summaries first in stored order, then geometric means; intervals are
    /// left out (a bootstrap's interval follows its seed and resampling scheme, its point estimate
    /// does not).
    public static func between(stored: RunResult, recomputed: RunResult) -> [SummaryDisagreement] {
        func key(_ summary: Summary) -> String {
            "\(summary.workload) × \(summary.runtime) \(summary.phase.rawValue) \(summary.metric.rawValue)"
        }
        func fields(_ summary: Summary?) -> [(String, Double?)] {
            [
                ("count", summary.map { Double($0.count) }), ("median", summary?.median), ("mad", summary?.mad),
                ("min", summary?.min), ("ratio", summary?.ratioToBaseline),
                ("process minimum", summary?.processMinimum?.value),
                ("process-minimum ratio", summary?.processMinimumRatio?.value),
            ]
        }
        var found: [SummaryDisagreement] = []
        func compare(_ item: String, _ before: [(String, Double?)]?, _ after: [(String, Double?)]?) {
            guard let before, let after else {
                if before != nil || after != nil {
                    found.append(
                        SummaryDisagreement(
                            item: item, field: nil, stored: before == nil ? nil : 0, recomputed: after == nil ? nil : 0)
                    )
                }
                return
            }
            for ((field, left), (_, right)) in zip(before, after) where !agree(left, right) {
                found.append(SummaryDisagreement(item: item, field: field, stored: left, recomputed: right))
            }
        }
        let again = Dictionary(recomputed.summaries.map { (key($0), $0) }) { first, _ in first }
        let storedKeys = Set(stored.summaries.map(key))
        for summary in stored.summaries { compare(key(summary), fields(summary), again[key(summary)].map(fields)) }
        for summary in recomputed.summaries where !storedKeys.contains(key(summary)) {
            compare(key(summary), nil, fields(summary))
        }
        func means(_ result: RunResult) -> [String: Double] {
            Dictionary(
                result.geometricMeans.map { ("geomean \($0.runtime) \($0.phase.rawValue)", $0.value) }
            ) { first, _ in first }
        }
        let (before, after) = (means(stored), means(recomputed))
        for item in Set(before.keys).union(after.keys).sorted() {
            compare(item, before[item].map { [("value", $0)] }, after[item].map { [("value", $0)] })
        }
        return found
    }
}

import WasmBenchModel

extension Summarizer {
    /// Warnings for the cells whose guests' passing self-checks disagree (``WarningKind/resultsDiffer``),
    /// from the value each process's `wall` row keeps (``Row/checkValue``; failed processes left out).
    ///
    /// Each check passed on its own, so a kernel run at a size with no known answer, which only
    /// checks that its iterations agree, is still compared across runtimes: the same workload with
    /// the same arguments has one right result. The reference is the baseline's most frequent
    /// value, or, when the baseline reported none, the value most runtimes reported, each runtime
    /// voting once with its own most frequent value (ties: the smallest value). A
    /// cell whose processes disagree among themselves is flagged whatever the reference.
    static func resultWarnings(_ rows: [Row], failures: [Failure], baseline: String) -> [Cell: SummaryWarning] {
        let failed = Set(
            failures.compactMap { failure in
                failure.process.map { ProcessKey(runtime: failure.runtime, workload: failure.workload, process: $0) }
            })
        var values: [String: [String: [String: Int]]] = [:]  // workload → runtime → value → processes
        for row in rows where row.phase == .wall && row.metric == .time {
            guard let value = row.checkValue,
                !failed.contains(ProcessKey(runtime: row.runtime, workload: row.workload, process: row.process))
            else { continue }
            values[row.workload, default: [:]][row.runtime, default: [:]][value, default: 0] += 1
        }
        var warnings: [Cell: SummaryWarning] = [:]
        for (workload, runtimes) in values {
            // Without the baseline's value, each runtime votes once, with its own most frequent value.
            let votes = runtimes.values.compactMap(Self.mostFrequent).reduce(into: [String: Int]()) {
                $0[$1, default: 0] += 1
            }
            guard let reference = Self.mostFrequent(runtimes[baseline] ?? votes) else { continue }
            let source = runtimes[baseline] == nil ? "most runtimes" : "the baseline \(baseline)"
            for (runtime, counts) in runtimes {
                let cell = Cell(workload: workload, runtime: runtime)
                if counts.count > 1 {
                    let listed = counts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
                    warnings[cell] = SummaryWarning(
                        kind: .resultsDiffer,
                        message:
                            "its processes' self-checks reported different results: \(listed.joined(separator: ", ")); the runtime or the guest is not deterministic"
                    )
                } else if let value = counts.keys.first, value != reference {
                    warnings[cell] = SummaryWarning(
                        kind: .resultsDiffer,
                        message:
                            "its self-check reported \(value) where \(source) reported \(reference): one of them computed a wrong result"
                    )
                }
            }
        }
        return warnings
    }

    /// The value reported by the most processes; ties go to the smallest value.
    private static func mostFrequent(_ counts: [String: Int]) -> String? {
        counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// Attaches each warning to its cell's `execute` time summary, or its `wall` time summary when
    /// it has none.
    static func attach(_ warnings: [Cell: SummaryWarning], to summaries: inout [Summary]) {
        for (cell, warning) in warnings.sorted(by: { $0.key < $1.key }) {
            let index =
                summaries.firstIndex {
                    $0.workload == cell.workload && $0.runtime == cell.runtime && $0.phase == .execute
                        && $0.metric == .time
                }
                ?? summaries.firstIndex {
                    $0.workload == cell.workload && $0.runtime == cell.runtime && $0.phase == .wall
                        && $0.metric == .time
                }
            if let index { summaries[index].warnings.append(warning) }
        }
    }
}

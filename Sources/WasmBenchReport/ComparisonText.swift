import WasmBenchModel

/// The words and numbers the comparison reports (terminal, Markdown, HTML) print, so they say
/// the same thing. Formatting only.
enum ComparisonText {
    /// A measured value in its unit: a duration or a size.
    static func value(_ value: Double, unit: MeasureUnit) -> String {
        switch unit {
        case .seconds: formatDuration(value)
        case .bytes: formatBytes(value)
        case .instructions: GapText.count(value)
        }
    }

    /// The phase and, unless it is time, the metric: `execute`, `wall cpu`, `wall peak-rss`.
    static func measure(_ comparison: Comparison) -> String {
        comparison.metric == .time
            ? comparison.phase.rawValue : "\(comparison.phase.rawValue) \(comparison.metric.rawValue)"
    }

    /// One line on which run is which.
    static func side(_ label: String, _ run: ComparedRun) -> String {
        "\(label) \(run.path) · wasmbench \(run.toolVersion) · started \(run.startedAt)"
            + (run.complete ? "" : " · incomplete")
    }

    /// The settings of the comparison.
    static func settings(_ comparison: RunComparison) -> String {
        let gated =
            comparison.gatedPhases.isEmpty
            ? "no phase gates the exit status"
            : "gated: \(comparison.gatedPhases.map(\.rawValue).joined(separator: ", "))"
        return
            "threshold \(formatPercent(comparison.threshold)) (slower from \(formatRatio(1 + comparison.threshold)), faster from \(formatRatio(1 / (1 + comparison.threshold)))) · \(gated)"
    }

    /// The comparisons of the `execute` table: execute time.
    static func executeRows(_ comparison: RunComparison) -> [Comparison] {
        comparison.comparisons.filter { $0.phase == .execute && $0.metric == .time }
    }

    /// Every other comparison whose verdict is a change (slower or faster).
    static func otherChanges(_ comparison: RunComparison) -> [Comparison] {
        comparison.comparisons.filter {
            !($0.phase == .execute && $0.metric == .time) && ($0.verdict == .slower || $0.verdict == .faster)
        }
    }

    /// The runtime and workload changes the comparisons recorded, one line each, without repeats.
    static func changes(_ comparison: RunComparison) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for entry in comparison.comparisons {
            for change in entry.changes {
                let subject = change.hasPrefix("workload") ? entry.workload : entry.runtime
                let line = "\(subject): \(change)"
                if seen.insert(line).inserted { lines.append(line) }
            }
        }
        return lines
    }

    /// The closing sentence: regressed or not, and why.
    static func outcome(_ comparison: RunComparison) -> String {
        let slower = comparison.regressions.count
        let failing = comparison.gatedPhases.isEmpty ? 0 : comparison.newFailures.count
        guard comparison.regressed else {
            let faster = comparison.comparisons.filter { $0.verdict == .faster }.count
            return "no regression past \(formatPercent(comparison.threshold))"
                + (faster > 0 ? "; \(faster) measure(s) faster" : "")
        }
        var parts: [String] = []
        if slower > 0 {
            parts.append("\(slower) slower in \(comparison.gatedPhases.map(\.rawValue).joined(separator: "/"))")
        }
        if failing > 0 { parts.append("\(failing) cell(s) newly failing") }
        return "regressed: " + parts.joined(separator: ", ")
    }
}

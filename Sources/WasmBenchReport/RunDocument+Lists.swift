import WasmBenchModel

extension RunDocument {
    /// Every summary warning with its workload, runtime and phase; in the terminal, past
    /// ``warningsListed``, a count per phase and kind with the runtimes most concerned.
    func warnings() -> ReportSection? {
        let warnings = result.summaries.flatMap { summary in summary.warnings.map { (summary: summary, warning: $0) } }
        guard !warnings.isEmpty else { return nil }
        if compact && warnings.count > Self.warningsListed { return warningCounts(warnings) }
        let rows = warnings.map { summary, warning -> [ReportCell] in
            [
                .code(summary.workload), .code(summary.runtime),
                .plain(ReportIndex.label(phase: summary.phase, metric: summary.metric)),
                .text(.styled(warning.kind.rawValue, .warning)), .plain(warning.message),
            ]
        }
        let table = ReportTable(
            headers: ["workload", "runtime", "phase", "kind", "message"], rows: rows, layout: .list)
        return ReportSection(Self.warnings, caption: "numbers to read with care", [.table(table)])
    }

    /// Warnings counted per phase and kind, `execute` first, with the runtimes that have most.
    private func warningCounts(_ warnings: [(summary: Summary, warning: SummaryWarning)]) -> ReportSection {
        let groups = Dictionary(grouping: warnings) { summary, warning in
            [ReportIndex.label(phase: summary.phase, metric: summary.metric), warning.kind.rawValue]
        }
        .mapValues { $0.map(\.summary.runtime) }
        let execute = Phase.execute.rawValue
        let ordered = groups.keys.sorted { a, b in
            if (a[0] == execute) != (b[0] == execute) { return a[0] == execute }
            return (groups[a]?.count ?? 0, b[0], b[1]) > (groups[b]?.count ?? 0, a[0], a[1])
        }
        let rows = ordered.map { group -> [ReportCell] in
            let runtimes = groups[group] ?? []
            let counts = Dictionary(runtimes.map { ($0, 1) }, uniquingKeysWith: +)
            let top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map {
                "\($0.key) \($0.value)"
            }
            return [
                .plain(group[0]), .text(.styled(group[1], .warning)), .plain(String(runtimes.count)),
                .plain(top.joined(separator: ", ")),
            ]
        }
        let caption =
            "\(warnings.count) summaries to read with care, counted; the Markdown report and the JSON list each one"
        let table = ReportTable(headers: ["phase", "kind", "summaries", "most in"], rows: rows, layout: .list)
        return ReportSection(Self.warnings, caption: caption, [.table(table)])
    }

    /// Every failed process with its command line; in the terminal the processes of one cell that
    /// failed alike share a line (and the first one's command, under it).
    func failures() -> ReportSection? {
        guard !result.failures.isEmpty else { return nil }
        let headers: [ReportText] = ["runtime", "workload", "process", "kind", "message"]
        let cells = { (failure: Failure, processes: String) -> [ReportCell] in
            [
                .code(failure.runtime), .code(failure.workload), .plain(processes),
                .text(.styled(failure.kind.rawValue, .failure)), .plain(failure.message),
            ]
        }
        guard !compact else {
            let rows = Self.groupedFailures(result.failures).map { failure, processes in
                let processes = processes.map { "#\($0)" }.joined(separator: " ")
                return ReportTable.Row(
                    cells: cells(failure, processes.isEmpty ? "all" : processes),
                    detail: failure.command.map { ReportText(.styled("$ ", .muted), .text($0)) })
            }
            let table = ReportTable(headers.map { .init(header: $0) }, groups: [.init(rows: rows)], layout: .list)
            return ReportSection(Self.failures, [.table(table)])
        }
        let rows = result.failures.map { failure in
            cells(failure, failure.process.map { "#\($0)" } ?? "all") + [
                failure.command.map(ReportCell.code) ?? .plain("")
            ]
        }
        return ReportSection(Self.failures, [.table(ReportTable(headers: headers + ["command"], rows: rows))])
    }

    /// Failures of the same cell, kind and message, in order of first appearance, with the
    /// processes they happened in.
    static func groupedFailures(_ failures: [Failure]) -> [(first: Failure, processes: [Int])] {
        let key = { (failure: Failure) in
            [failure.runtime, failure.workload, failure.kind.rawValue, failure.message, "\(failure.process == nil)"]
        }
        let groups = Dictionary(grouping: failures, by: key)
        return ReportIndex.ordered(failures.map(key)).compactMap { key in
            groups[key].flatMap { group in group.first.map { ($0, group.compactMap(\.process)) } }
        }
    }

    /// Runtimes that could not run here, with the reason, and things to know about the run as a whole.
    func notRunAndNotices() -> [ReportSection] {
        let notRun = result.runtimes.filter { !$0.available }.map {
            ReportText(.code($0.id), .text(": " + ($0.unavailableReason ?? "no reason recorded")))
        }
        return ReportSection.lists(
            [("not-run", "Not run", notRun), ("notices", "Notices", result.notices.map { ReportText(.prose($0)) })],
            style: .bullets)
    }
}

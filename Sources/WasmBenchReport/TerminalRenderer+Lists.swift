import WasmBenchModel

extension TerminalRenderer {
    /// The most warnings listed one per line; more are counted by phase and kind instead.
    static let warningsListed = 20

    /// Every summary warning with its workload, runtime and phase; past ``warningsListed``, a
    /// count per phase and kind with the runtimes most concerned (the Markdown report and the
    /// JSON keep every one).
    func warningsSection(_ index: ReportIndex) -> [String] {
        let warnings = index.warnings
        guard !warnings.isEmpty else { return [] }
        guard warnings.count <= Self.warningsListed else { return warningCounts(warnings) }
        var table = listTable(["workload", "runtime", "phase", "kind", "message"])
        for (summary, warning) in warnings {
            table.append([
                summary.workload, summary.runtime, ReportIndex.label(phase: summary.phase, metric: summary.metric),
                palette.yellow(warning.kind.rawValue), warning.message,
            ])
        }
        return [title("warnings") + " — numbers to read with care", ""] + wrappingLastColumn(table).render()
    }

    /// Warnings counted per phase and kind, `execute` first, with the runtimes that have most.
    private func warningCounts(_ warnings: [(summary: Summary, warning: SummaryWarning)]) -> [String] {
        struct Group: Hashable {
            var phase: String
            var kind: WarningKind
        }
        var groups: [Group: [String]] = [:]
        for (summary, warning) in warnings {
            let phase = ReportIndex.label(phase: summary.phase, metric: summary.metric)
            groups[Group(phase: phase, kind: warning.kind), default: []].append(summary.runtime)
        }
        let ordered = groups.keys.sorted { a, b in
            let executeA = a.phase == Phase.execute.rawValue
            let executeB = b.phase == Phase.execute.rawValue
            if executeA != executeB { return executeA }
            return (groups[a]?.count ?? 0, b.phase, b.kind.rawValue) > (groups[b]?.count ?? 0, a.phase, a.kind.rawValue)
        }
        var table = listTable(["phase", "kind", "summaries", "most in"])
        for group in ordered {
            let runtimes = groups[group] ?? []
            var counts: [String: Int] = [:]
            for runtime in runtimes { counts[runtime, default: 0] += 1 }
            let top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
                .map { "\($0.key) \($0.value)" }
            table.append([
                group.phase, palette.yellow(group.kind.rawValue), String(runtimes.count), top.joined(separator: ", "),
            ])
        }
        return [
            title("warnings") + " — \(warnings.count) summaries to read with care, counted; the Markdown report "
                + "and the JSON list each one", "",
        ] + wrappingLastColumn(table).render()
    }

    /// Every failed process, with its command line when it ran in a child process; the processes
    /// of one cell that failed alike share a line (and the first one's command).
    func failuresSection(_ index: ReportIndex) -> [String] {
        let groups = Self.groupedFailures(index.result.failures)
        guard !groups.isEmpty else { return [] }
        let failures = groups.map(\.first)
        var table = listTable(["runtime", "workload", "process", "kind", "message"])
        for group in groups {
            let failure = group.first
            let processes = group.processes.map { "#\($0)" }.joined(separator: " ")
            table.append([
                failure.runtime, failure.workload, processes.isEmpty ? "all" : processes,
                palette.red(failure.kind.rawValue), failure.message,
            ])
        }
        table = wrappingLastColumn(table)
        // Commands go whole on a line of their own under the message, so they can be copied;
        // as a spanning line they do not widen the table.
        let widths = table.columnWidths
        let offset = String(repeating: " ", count: widths.dropLast().reduce(0, +) + table.gap * (widths.count - 1))
        var lines: [TextTable.Line] = []
        for (position, failure) in failures.enumerated() {
            lines.append(table.lines[position])
            if let command = failure.command { lines.append(.section(offset + palette.dim("$ ") + command)) }
        }
        table.lines = lines
        return [title("failures"), ""] + table.render()
    }

    /// Failures of the same cell, kind and message, in order of first appearance, with the
    /// processes they happened in.
    static func groupedFailures(_ failures: [Failure]) -> [(first: Failure, processes: [Int])] {
        var groups: [(first: Failure, processes: [Int])] = []
        for failure in failures {
            if let position = groups.firstIndex(where: {
                $0.first.runtime == failure.runtime && $0.first.workload == failure.workload
                    && $0.first.kind == failure.kind && $0.first.message == failure.message
                    && ($0.first.process == nil) == (failure.process == nil)
            }) {
                if let process = failure.process { groups[position].processes.append(process) }
            } else {
                groups.append((failure, failure.process.map { [$0] } ?? []))
            }
        }
        return groups
    }

    /// Runtimes that could not run here, with the reason.
    func notRunSection(_ index: ReportIndex) -> [String] {
        let runtimes = index.unavailableRuntimes
        guard !runtimes.isEmpty else { return [] }
        var table = listTable(["runtime", "reason"])
        for runtime in runtimes {
            table.append([runtime.id, runtime.unavailableReason ?? "no reason recorded"])
        }
        return [title("not run"), ""] + wrappingLastColumn(table).render()
    }

    /// Things to know about the run as a whole.
    func noticesSection(_ index: ReportIndex) -> [String] {
        let notices = index.result.notices
        guard !notices.isEmpty else { return [] }
        var lines = [title("notices"), ""]
        for notice in notices {
            let wrapped = wrap(notice, width: width - 4)
            lines += wrapped.enumerated().map { ($0.offset == 0 ? "  • " : "    ") + $0.element }
        }
        return lines
    }

    /// A table for a list section: indented, every column left-aligned.
    func listTable(_ headers: [String]) -> TextTable {
        var table = TextTable(columns: headers.map { TextTable.Column(header: $0) })
        table.indent = 2
        table.styleHeader = palette.bold
        return table
    }

    /// `table` with its last column word-wrapped so lines fit in ``width`` where possible.
    func wrappingLastColumn(_ table: TextTable) -> TextTable {
        let widths = table.columnWidths
        let used = table.indent + widths.dropLast().reduce(0, +) + table.gap * (widths.count - 1)
        let available = max(20, width - used)
        var wrapped = table
        wrapped.lines = table.lines.map { line in
            guard case .cells(var cells) = line, let last = cells.last else { return line }
            cells[cells.count - 1] = wrap(last, width: available).joined(separator: "\n")
            return .cells(cells)
        }
        return wrapped
    }
}

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

    /// Every failed process, with its command line when it ran in a child process.
    func failuresSection(_ index: ReportIndex) -> [String] {
        let failures = index.result.failures
        guard !failures.isEmpty else { return [] }
        var table = listTable(["runtime", "workload", "process", "kind", "message"])
        for failure in failures {
            table.append([
                failure.runtime, failure.workload, failure.process.map { "#\($0)" } ?? "all",
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

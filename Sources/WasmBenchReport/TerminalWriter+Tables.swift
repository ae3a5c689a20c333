extension TerminalWriter {
    /// A table as lines: split into parts that fit the width (the pinned column moved next to
    /// the first if it has to be), or indented with its last column wrapped.
    func lines(_ table: ReportTable) -> [String] {
        var text = textTable(table)
        var leading = 1
        if let pinned = table.pinned, text.width > width {
            // Repeat the baseline next to the workloads in every part of a split table.
            text = text.subtable([0, pinned] + text.columns.indices.filter { $0 != 0 && $0 != pinned })
            leading = 2
        }
        switch table.layout {
        case .fixed: return text.render()
        case .list: return listLines(text, details: table.rows.map(\.detail))
        case .split, .wide:
            let parts = text.split(maxWidth: width, leading: leading).map { part in
                var part = part
                // A part whose columns have no footer values drops the empty row and its rule.
                if table.footer != nil, case .cells(let cells) = part.lines.last,
                    cells.dropFirst().allSatisfy(\.isEmpty)
                {
                    part.lines.removeLast(2)
                }
                return part.render()
            }
            return Array(parts.joined(separator: [""]))
        }
    }

    /// The table as text: headers bold, group headings and notes as spanning lines, row labels
    /// under a heading indented, the footer under a rule.
    private func textTable(_ table: ReportTable) -> TextTable {
        let rows = table.rows.map(\.cells) + (table.footer.map { [$0] } ?? [])
        let fits = table.columns.indices.map { column in
            ColumnFit(rows.compactMap { column < $0.count ? $0[column] : nil })
        }
        let columns = zip(table.columns, fits).map { column, fit in
            let header = palette.paint(inline(column.header) + (fit.marked ? " " : ""), .strong)
            return TextTable.Column(header: header, right: column.numeric && !fit.compared, wraps: column.wraps)
        }
        var text = TextTable(
            columns: columns, gap: table.layout == .wide ? 4 : 2, indent: table.layout == .list ? 2 : 0)
        for (position, group) in table.groups.enumerated() {
            if let heading = group.heading {
                let notes = group.notes.flatMap { wrap($0, width: width - 2) }.map { "  " + palette.paint($0, .muted) }
                text.lines += ((position > 0 ? [""] : []) + [inline(heading)] + notes).map(TextTable.Line.section)
            }
            text.lines += group.rows.map { row in
                let cells = zip(row.cells, fits).map(cell)
                return .cells(group.heading == nil ? cells : ["  " + (cells.first ?? "")] + cells.dropFirst())
            }
        }
        if let footer = table.footer {
            text.lines += [.rule, .cells(zip(footer, fits).map(cell))]
        }
        return text
    }

    /// A list table: ``ReportTable/Column/wraps`` columns share what the others leave with the
    /// last one, which takes the rest; a row's detail goes whole on a line of its own under the
    /// last column, so a command can be copied (as a spanning line it does not widen the table).
    private func listLines(_ text: TextTable, details: [ReportText?]) -> [String] {
        var text = text
        let last = text.columns.count - 1
        let wrapping = text.columns.indices.filter { $0 < last && text.columns[$0].wraps }
        if !wrapping.isEmpty {
            let fixed = (0..<last).filter { !wrapping.contains($0) }.map { column in
                text.rows.map { visibleWidth($0[column]) }.max() ?? 0
            }
            let share = max(24, (width - text.indent - fixed.reduce(0, +) - text.gap * last) / (wrapping.count + 1))
            text.lines = text.lines.map { line in
                guard case .cells(var cells) = line else { return line }
                for column in wrapping { cells[column] = wrap(cells[column], width: share).joined(separator: "\n") }
                return .cells(cells)
            }
        }
        let used = text.widths.dropLast().reduce(0, +) + text.gap * last
        text.lines = zip(text.lines, details).flatMap { line, detail -> [TextTable.Line] in
            guard case .cells(var cells) = line else { return [line] }
            cells[last] = wrap(cells[last], width: max(20, width - text.indent - used)).joined(separator: "\n")
            let offset = String(repeating: " ", count: used)
            return [.cells(cells)] + (detail.map { [.section(offset + inline($0))] } ?? [])
        }
        return text.render()
    }

    /// One cell; a measure keeps a slot for a mark, a compared median is padded so the ratios
    /// after it line up, a mean sits under the ratios.
    private func cell(_ cell: ReportCell, _ fit: ColumnFit) -> String {
        switch cell {
        case .text(let text):
            return inline(text)
        case .measure(let value):
            let slot = fit.marked ? " " : ""
            switch value {
            case .value: return value.text + (value.isWarned ? palette.paint("*", .warning) : slot)
            case .notExposed: return palette.paint(value.text, .muted) + slot
            case .failed: return palette.paint(value.text, .failure) + slot
            case .noData: return value.text + slot
            }
        case .compared(let value, let ratio, let isBaseline):
            let median = pad(value.text, to: fit.medianWidth, right: true)
            guard case .value = value else {
                if case .failed = value { return palette.paint(median, .failure) }
                return median
            }
            let marked = median + (value.isWarned ? palette.paint("*", .warning) : " ") + " "
            if isBaseline { return marked + palette.paint("baseline", .muted) }
            return marked + (ratio.map { palette.ratio($0.text, value: $0.value) + unfair($0) } ?? "")
        case .mean(let ratio, let covered, let total):
            let coverage = covered.map { " (\($0) of \(total) workloads)" } ?? ""
            let ratioText = palette.ratio(ratio.text, value: ratio.value)
            return String(repeating: " ", count: fit.medianWidth + 2) + ratioText + coverage + unfair(ratio)
        }
    }

    private func unfair(_ ratio: ReportRatio) -> String {
        ratio.unfair ? palette.paint("†", .warning) : ""
    }
}

/// What the cells of one terminal table column need to line up.
private struct ColumnFit {
    /// The widest median of the column's compared cells, which right-align their medians in it.
    var medianWidth = 0
    /// Whether a measure of the column has a warning mark: every one then keeps a slot for it.
    var marked = false
    /// Whether the column holds compared cells, which align themselves.
    var compared = false

    init(_ cells: [ReportCell]) {
        for cell in cells {
            switch cell {
            case .measure(let value): marked = marked || value.isWarned
            case .compared(let value, _, _):
                compared = true
                medianWidth = max(medianWidth, visibleWidth(value.text))
            default: break
            }
        }
    }
}

/// Padded, aligned columns of text for the terminal: a header, a rule, then the body. Cells may
/// span several lines (split on `\n`) and carry ANSI colour codes, which take no width; lines never
/// end in spaces.
private struct TextTable {
    struct Column {
        var header: String
        var right: Bool
        /// Whether the column's text may be wrapped to fit (in a list table).
        var wraps: Bool
    }

    enum Line {
        case cells([String])
        /// Text across the table that does not widen it.
        case section(String)
        case rule
    }

    var columns: [Column]
    var gap: Int
    var indent: Int
    var lines: [Line] = []

    var rows: [[String]] {
        lines.compactMap { if case .cells(let cells) = $0 { cells } else { nil } }
    }

    /// The visible width of each column: its widest cell line or header.
    var widths: [Int] {
        ([columns.map(\.header)] + rows).reduce(into: columns.map { _ in 0 }) { widths, cells in
            for (index, cell) in cells.enumerated() where index < widths.count {
                let lines = cell.split(separator: "\n", omittingEmptySubsequences: false)
                widths[index] = max(widths[index], lines.map(visibleWidth).max() ?? 0)
            }
        }
    }

    var width: Int { indent + widths.reduce(0, +) + gap * max(0, columns.count - 1) }

    func render() -> [String] {
        let widths = self.widths
        let margin = String(repeating: " ", count: indent)
        let rule = margin + String(repeating: "─", count: width - indent)
        func format(_ cells: [String]) -> String {
            let padded = columns.indices.map {
                pad($0 < cells.count ? cells[$0] : "", to: widths[$0], right: columns[$0].right)
            }
            return margin + padded.joined(separator: String(repeating: " ", count: gap))
        }
        var output = [format(columns.map(\.header)), rule]
        for line in lines {
            switch line {
            case .cells(let cells):
                let split = cells.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
                for index in 0..<(split.map(\.count).max() ?? 1) {
                    output.append(format(split.map { index < $0.count ? $0[index] : "" }))
                }
            case .section(let text): output.append(margin + text)
            case .rule: output.append(rule)
            }
        }
        return output.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
    }

    /// Tables no wider than `maxWidth`, the columns after the first `leading` (one or more, which
    /// repeat in each) spread over them; a single column wider than `maxWidth` gets its own table.
    func split(maxWidth: Int, leading: Int) -> [TextTable] {
        guard width > maxWidth, columns.count > leading + 1 else { return [self] }
        let widths = self.widths
        let leadingWidth = indent + widths.prefix(leading).reduce(0, +) + gap * (leading - 1)
        var groups: [[Int]] = [[]]
        var used = leadingWidth
        for index in leading..<columns.count {
            if !groups[groups.count - 1].isEmpty, used + gap + widths[index] > maxWidth {
                groups.append([])
                used = leadingWidth
            }
            used += gap + widths[index]
            groups[groups.count - 1].append(index)
        }
        return groups.map { subtable(Array(0..<leading) + $0) }
    }

    /// A copy with only the given columns, in the given order.
    func subtable(_ indices: [Int]) -> TextTable {
        var table = self
        table.columns = indices.map { columns[$0] }
        table.lines = lines.map { line in
            guard case .cells(let cells) = line else { return line }
            return .cells(indices.map { $0 < cells.count ? cells[$0] : "" })
        }
        return table
    }
}

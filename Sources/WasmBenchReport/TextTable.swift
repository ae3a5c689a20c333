/// A plain-text table with padded, aligned columns, for the terminal report.
///
/// Cells may span several lines (split on `\n`) and may carry ANSI colour codes, which do not
/// count towards a column's width. Lines never end in spaces.
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    struct Column {
        var header: String
        var alignment: Alignment = .left
        /// Whether the column's text may be wrapped to fit (in a list table).
        var wraps = false
    }

    /// One line of the body.
    enum Line {
        /// A row of cells, one per column.
        case cells([String])
        /// A line of text that spans the table and does not affect column widths.
        case section(String)
        /// A horizontal rule across the table.
        case rule
    }

    var columns: [Column]
    /// The body, under the header and its rule.
    var lines: [Line] = []
    /// Spaces between columns.
    var gap = 2
    /// Spaces before the first column.
    var indent = 0
    /// Wraps header text (e.g. in bold); must not change its visible width.
    var styleHeader: (String) -> String = { $0 }

    mutating func append(_ cells: [String]) {
        lines.append(.cells(cells))
    }

    /// The rows of cells.
    var rows: [[String]] {
        lines.compactMap { if case .cells(let cells) = $0 { cells } else { nil } }
    }

    /// The visible width of each column: its widest cell line or header.
    var columnWidths: [Int] {
        var widths = columns.map { visibleWidth($0.header) }
        for cells in rows {
            for (index, cell) in cells.enumerated() where index < widths.count {
                let widest = cell.split(separator: "\n", omittingEmptySubsequences: false).map(visibleWidth).max() ?? 0
                widths[index] = max(widths[index], widest)
            }
        }
        return widths
    }

    /// The visible width of the whole table.
    var width: Int {
        let widths = columnWidths
        return indent + widths.reduce(0, +) + gap * max(0, widths.count - 1)
    }

    /// The table as lines: header, rule, body.
    func render() -> [String] {
        let widths = columnWidths
        let margin = String(repeating: " ", count: indent)
        let rule = margin + String(repeating: "─", count: width - indent)
        var output = [format(columns.map(\.header), widths: widths, style: styleHeader), rule]
        for line in lines {
            switch line {
            case .cells(let cells):
                let rowLines = cells.map {
                    $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                }
                for lineIndex in 0..<(rowLines.map(\.count).max() ?? 1) {
                    output.append(format(rowLines.map { lineIndex < $0.count ? $0[lineIndex] : "" }, widths: widths))
                }
            case .section(let text): output.append(margin + text)
            case .rule: output.append(rule)
            }
        }
        return output.map(trimmingTrailingSpaces)
    }

    /// Splits the table into tables no wider than `maxWidth` by spreading the columns after the
    /// first `leading` ones over several tables; the leading columns repeat in each. A single
    /// column wider than `maxWidth` still gets its own table.
    func split(maxWidth: Int, leading: Int) -> [TextTable] {
        guard width > maxWidth, columns.count > leading + 1 else { return [self] }
        let widths = columnWidths
        let leadingWidth = indent + widths.prefix(leading).reduce(0, +) + gap * max(0, leading - 1)
        var groups: [[Int]] = []
        var current: [Int] = []
        var currentWidth = leadingWidth
        for index in leading..<columns.count {
            var added = widths[index] + (leading > 0 || !current.isEmpty ? gap : 0)
            if !current.isEmpty, currentWidth + added > maxWidth {
                groups.append(current)
                current = []
                currentWidth = leadingWidth
                added = widths[index] + (leading > 0 ? gap : 0)
            }
            current.append(index)
            currentWidth += added
        }
        if !current.isEmpty { groups.append(current) }
        return groups.map { group in subtable(columns: Array(0..<leading) + group) }
    }

    /// A copy with only the given columns, in the given order.
    func subtable(columns indices: [Int]) -> TextTable {
        var table = self
        table.columns = indices.map { columns[$0] }
        table.lines = lines.map { line in
            guard case .cells(let cells) = line else { return line }
            return .cells(indices.map { $0 < cells.count ? cells[$0] : "" })
        }
        return table
    }

    /// Pads and joins one line of cells.
    private func format(_ cells: [String], widths: [Int], style: (String) -> String = { $0 }) -> String {
        let parts = columns.enumerated().map { index, column in
            let cell = index < cells.count ? cells[index] : ""
            let padding = String(repeating: " ", count: max(0, widths[index] - visibleWidth(cell)))
            let styled = cell.isEmpty ? cell : style(cell)
            return column.alignment == .left ? styled + padding : padding + styled
        }
        return String(repeating: " ", count: indent) + parts.joined(separator: String(repeating: " ", count: gap))
    }
}

/// The number of characters a terminal shows for `text`, leaving out ANSI escape sequences.
func visibleWidth(_ text: some StringProtocol) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
        if inEscape {
            if scalar == "m" { inEscape = false }
        } else if scalar == "\u{1B}" {
            inEscape = true
        } else if scalar.properties.generalCategory != .nonspacingMark {
            width += 1
        }
    }
    return width
}

/// Pads `text` on the right (or left) to `width` visible characters.
func pad(_ text: String, to width: Int, alignment: TextTable.Alignment = .left) -> String {
    let padding = String(repeating: " ", count: max(0, width - visibleWidth(text)))
    return alignment == .left ? text + padding : padding + text
}

/// `text` without spaces at its end.
func trimmingTrailingSpaces(_ text: String) -> String {
    String(text.reversed().drop { $0 == " " }.reversed())
}

/// Breaks `text` into lines of at most `width` visible characters at spaces; a word longer than
/// `width` stays whole on its own line. Existing line breaks are kept.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [text] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in paragraph.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if visibleWidth(line) + 1 + visibleWidth(word) <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
    }
    return lines
}

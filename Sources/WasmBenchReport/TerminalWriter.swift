/// Writes a report document as aligned plain text for a terminal, optionally coloured: the
/// compact view, wrapped and split to fit a width.
///
/// Sections are a bold title with the caption after it, then their blocks, a blank line apart
/// (notes, facts and line lists sit right under the title). Charts are left out.
struct TerminalWriter: ReportWriter {
    /// The colours, or none.
    var palette: Palette
    /// The number of columns to fit in; a single value wider than this is not cut.
    var width: Int

    /// A writer for `width` columns (at least 40), coloured when `useColor` is set.
    init(useColor: Bool, width: Int) {
        palette = Palette(enabled: useColor)
        self.width = max(40, width)
    }

    var compact: Bool { true }

    func write(_ document: ReportDocument) -> String {
        let chunks =
            [document.introduction.flatMap(lines)] + document.sections.filter { !$0.isCharts }.map(lines)
            + document.closing.map(lines)
        return chunks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// A section: its title and caption, then its blocks.
    private func lines(_ section: ReportSection) -> [String] {
        var lines = [
            palette.paint(section.name.short, .strong) + (section.caption.map { " — " + InertText.stripped($0) } ?? "")
        ]
        for block in section.blocks {
            switch block {
            case .figures, .charts: continue
            case .paragraph(_, role: .note), .list(_, style: .lines), .facts: break
            default: lines.append("")
            }
            lines += self.lines(block)
        }
        return lines
    }

    /// A block as lines; nothing for a chart.
    private func lines(_ block: ReportBlock) -> [String] {
        switch block {
        case .paragraph(let lines, let role):
            return lines.map { role == .note ? palette.paint(inline($0), .muted) : inline($0) }
        case .list(let items, let style):
            guard style == .bullets else { return items.map { "  " + inline($0) } }
            return items.flatMap { item in
                wrap(inline(item), width: width - 4).enumerated().map {
                    ($0.offset == 0 ? "  • " : "    ") + $0.element
                }
            }
        case .facts(let facts):
            let labels = facts.map { visibleWidth($0.label) }.max() ?? 0
            return facts.flatMap { fact in
                fill(fact.value.map(inline), separator: " · ", width: width - labels - 2).enumerated().map {
                    position, line in
                    (position == 0 ? palette.paint(pad(fact.label, to: labels), .strong) : pad("", to: labels)) + "  "
                        + line
                }
            }
        case .table(let table): return lines(table)
        case .legend(let entries):
            return fill(entries.map { palette.paint(inline($0), .muted) }, separator: " · ", width: width)
        case .heading(let text, _): return [palette.paint(inline(text), .strong)]
        case .figures, .charts: return []
        }
    }

    /// Inline text: code and links as plain text, tones as colours; the text itself is stripped of
    /// controls and escape sequences (``InertText/stripped(_:)``): only the palette colours it.
    func inline(_ text: ReportText) -> String {
        text.spans.map { span in
            switch span {
            case .styled(let text, let tone): palette.paint(InertText.stripped(text), tone)
            default: InertText.stripped(ReportText([span]).plain)
            }
        }
        .joined()
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

/// Pads `text` with spaces after it (or before it) to `width` visible characters.
package func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - visibleWidth(text)))
    return right ? padding + text : text + padding
}

/// Breaks `text` into lines of at most `width` visible characters at spaces; a word longer than
/// `width` stays whole on its own line. Existing line breaks are kept.
func wrap(_ text: String, width: Int) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
        let lines = fill(paragraph.split(separator: " ").map(String.init), separator: " ", width: width)
        return lines.isEmpty ? [""] : lines
    }
}

/// Joins `pieces` with `separator` into lines, starting a new line before a piece that would
/// pass `width` visible characters (a piece wider than that gets a line of its own).
private func fill(_ pieces: [String], separator: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for piece in pieces {
        if line.isEmpty {
            line = piece
        } else if visibleWidth(line) + visibleWidth(separator) + visibleWidth(piece) <= width {
            line += separator + piece
        } else {
            lines.append(line)
            line = piece
        }
    }
    return lines + (line.isEmpty ? [] : [line])
}

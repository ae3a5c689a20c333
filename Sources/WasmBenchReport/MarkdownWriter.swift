import Foundation

/// Writes a report document as GitHub-flavoured Markdown: a `#` heading, `##` sections, blocks a
/// blank line apart, tables padded into columns in the raw text too. Charts are left out.
///
/// The report's own wording is written as it is; text from the artifact (names, messages, a
/// guest's output) is made inert by ``InertText/markdown(_:backticks:)``: controls stripped, `\`,
/// `` ` ``, `<` and `>` escaped, so it cannot open HTML or a code span. In tables `|` becomes `\|`
/// (also inside code spans, as GitHub requires) and line breaks become `<br>`; a code span's fence
/// outgrows any backticks inside.
struct MarkdownWriter: ReportWriter {
    var compact: Bool { false }

    func write(_ document: ReportDocument) -> String {
        let sections = document.sections.filter { !$0.isCharts }.map { section in
            (["## " + inline(section.name.title)] + section.body.compactMap(block)).joined(separator: "\n\n")
        }
        let introduction = document.introduction.compactMap(block)
        let chunks =
            ["# " + InertText.markdown(document.heading)] + introduction + sections + document.closing.compactMap(block)
        return chunks.joined(separator: "\n\n") + "\n"
    }

    /// One block; `nil` for a chart.
    private func block(_ block: ReportBlock) -> String? {
        switch block {
        case .paragraph(let lines, let role):
            return (role == .alert ? "> " : "") + lines.map(inline).joined(separator: "\n")
        case .list(let items, _): return items.map { "- " + inline($0) }.joined(separator: "\n")
        case .facts(let facts):
            return facts.map {
                "- **\($0.label):** " + $0.value.map(inline).joined(separator: " · ")
            }
            .joined(separator: "\n")
        case .table(let table): return self.table(table).joined(separator: "\n")
        case .legend(let entries): return entries.map(inline).joined(separator: " · ")
        case .heading(let text, let level): return String(repeating: "#", count: level) + " " + inline(text)
        case .figures, .charts: return nil
        }
    }

    /// A table for each group under its heading (Markdown has no rows that span a table), the
    /// footer under the last with its label bold.
    private func table(_ table: ReportTable) -> [String] {
        let headers = table.columns.map { inline($0.header) }
        let right = table.columns.map(\.numeric)
        return table.groups.enumerated().flatMap { position, group in
            var rows = group.rows.map { $0.cells.map(cell) }
            if let footer = table.footer, position == table.groups.count - 1 {
                rows.append(footer.enumerated().map { $0 == 0 ? "**\(cell($1))**" : cell($1) })
            }
            let heading = group.heading.map { [inline($0), ""] } ?? []
            let cells = ([headers] + rows).map { row in
                headers.indices.map { $0 < row.count ? Self.escape(row[$0]) : "" }
            }
            let widths = headers.indices.map { column in max(3, cells.map { visibleWidth($0[column]) }.max() ?? 0) }
            let delimiters = widths.indices.map { index in
                let dashes = String(repeating: "-", count: widths[index] - 1)
                return right[index] ? dashes + ":" : ":" + dashes
            }
            let lines = ([cells[0], delimiters] + cells.dropFirst()).enumerated().map { line, row in
                let padded = row.enumerated().map { index, cell in
                    pad(cell, to: widths[index], right: right[index] && line > 1)
                }
                return "| " + padded.joined(separator: " | ") + " |"
            }
            return (position > 0 ? [""] : []) + heading + lines
        }
    }

    /// One cell's text escaped for a table.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "<br>").replacingOccurrences(of: "|", with: "\\|")
    }

    /// One cell: a median with `\*` for a warning, ` · ` before its ratio, a mean in bold.
    private func cell(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text): return inline(text)
        case .measure(let value): return value.text + (value.isWarned ? "\\*" : "")
        case .compared(let value, let ratio, let isBaseline):
            let median = value.text + (value.isWarned ? "\\*" : "")
            guard case .value = value else { return median }
            if isBaseline { return median + " · baseline" }
            return median + (ratio.map { " · " + $0.text + ($0.unfair ? " †" : "") } ?? "")
        case .mean(let ratio, let covered, let total):
            let coverage = covered.map { " (\($0) of \(total) workloads)" } ?? ""
            return "**\(ratio.text)**" + (ratio.unfair ? " †" : "") + coverage
        }
    }

    /// Inline text: code spans, bold for strong and alarming tones, links to section anchors.
    private func inline(_ text: ReportText) -> String {
        text.spans.map { span in
            switch span {
            case .literal(let text): text
            case .text(let text): InertText.markdown(text)
            case .prose(let text): InertText.markdown(text, backticks: false)
            case .code(let text, _): codeSpan(InertText.stripped(text))
            case .styled(let text, .strong), .styled(let text, .alarm): "**\(InertText.markdown(text))**"
            case .styled(let text, _): InertText.markdown(text)
            case .symbol(let text): text.replacingOccurrences(of: "*", with: "\\*")
            case .see(let name): "[\(inline(name.title))](#\(anchor(name.title.plain)))"
            case .swatch: "●"
            case .lineBreak: "<br>"
            }
        }
        .joined()
    }

    /// The anchor GitHub gives a heading: lower case, spaces as hyphens, other punctuation left out.
    private func anchor(_ title: String) -> String {
        String(title.lowercased().compactMap { $0 == " " ? "-" : $0.isLetter || $0.isNumber || $0 == "-" ? $0 : nil })
    }

    /// A code span for `text`, with a fence longer than any backtick run inside it.
    private func codeSpan(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        let longest = text.split { $0 != "`" }.map(\.count).max() ?? 0
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }
}

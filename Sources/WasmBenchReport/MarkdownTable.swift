import Foundation

/// A GitHub-flavoured Markdown table whose raw text is padded into columns too.
///
/// Every cell is escaped for a table: `|` becomes `\|` (also inside code spans, as GitHub
/// requires) and line breaks become `<br>`.
struct MarkdownTable {
    /// How a column is aligned when GitHub renders it.
    enum Alignment {
        case left
        case right
    }

    /// Column headings.
    var headers: [String]
    /// Column alignments, one per heading (missing ones are left-aligned).
    var alignments: [Alignment]
    /// The rows, one cell per heading.
    var rows: [[String]] = []

    /// Creates a table with the given headings, left-aligned unless said otherwise.
    init(headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = headers.indices.map { $0 < alignments.count ? alignments[$0] : .left }
    }

    /// Appends a row.
    mutating func append(_ cells: [String]) {
        rows.append(cells)
    }

    /// Renders the table as lines.
    func render() -> [String] {
        let escapedHeaders = headers.map(Self.escape)
        let escapedRows = rows.map { row in headers.indices.map { $0 < row.count ? Self.escape(row[$0]) : "" } }
        var widths = escapedHeaders.map { max(3, visibleWidth($0)) }
        for row in escapedRows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], visibleWidth(cell)) }
        }
        let delimiters = headers.indices.map { index in
            alignments[index] == .right
                ? String(repeating: "-", count: widths[index] - 1) + ":"
                : ":" + String(repeating: "-", count: widths[index] - 1)
        }
        let formatted = [escapedHeaders, delimiters] + escapedRows
        return formatted.enumerated().map { position, cells in
            let padded = cells.enumerated().map { index, cell in
                let alignment: TextTable.Alignment = alignments[index] == .right && position > 1 ? .right : .left
                return pad(cell, to: widths[index], alignment: alignment)
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
    }

    /// Escapes one cell's text for a table.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "<br>")
            .replacingOccurrences(of: "|", with: "\\|")
    }
}

/// A Markdown code span for `text`, with a fence longer than any backtick run inside it.
func codeSpan(_ text: String) -> String {
    guard !text.isEmpty else { return "" }
    var longest = 0
    var run = 0
    for character in text {
        run = character == "`" ? run + 1 : 0
        longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
    return fence + padding + text + padding + fence
}

import WasmBenchCharts

/// Writes a report document as one self-contained HTML5 page with charts.
///
/// The page needs no JavaScript and loads nothing: the style sheet is inline, charts are SVG in
/// the page, hover text comes from SVG `<title>`s. Every text from the artifact is escaped
/// (``HTML``). Chart coordinates print with fixed precision, so one document always gives the
/// same page.
struct HTMLWriter: ReportWriter {
    var compact: Bool { false }

    func write(_ document: ReportDocument) -> String {
        let introduction = HTML(joining: document.introduction.map { block($0, axis: nil) + "\n" })
        let contents = document.sections.map {
            "<li><a href=\"#\($0.name.id)\">\(inline($0.name.title))</a></li>" as HTML
        }
        let body = document.sections.map { section -> HTML in
            let bars = section.blocks.flatMap(\.figures).flatMap { figure -> [RatioChart.Bar] in
                if case .ratios(let chart) = figure.chart { chart.bars } else { [] }
            }
            // The ratio charts of a section share one axis so they can be read against each other.
            let axis = bars.isEmpty ? nil : RatioChart.axis(for: bars)
            let blocks = HTML(joining: section.body.map { block($0, axis: axis) }, separator: "\n")
            return
                "<section id=\"\(section.name.id)\">\n<h2>\(inline(section.name.title))</h2>\n\(blocks)\n</section>\n"
        }
        let closing = HTML(joining: document.closing.map { block($0, axis: nil) + "\n" })
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(document.title)</title>
            <style>
            \(Self.styleSheet)</style>
            </head>
            <body>
            <header>
            <h1>\(document.heading)</h1>
            \(introduction)<nav><ul>\(contents)</ul></nav>
            </header>
            <main>
            \(body)\(closing)</main>
            </body>
            </html>

            """
        return page.markup
    }

    /// One block; `axis` is the section's ratio charts' one axis.
    private func block(_ block: ReportBlock, axis: Axis?) -> HTML {
        switch block {
        case .paragraph(let lines, let role):
            let kind: HTML = role == .note ? " class=\"muted\"" : role == .alert ? " class=\"alert\"" : ""
            return "<p\(kind)>\(HTML(joining: lines.map(inline), separator: "<br>\n"))</p>"
        case .list(let items, _):
            return "<ul>\n\(items.map { "<li>\(inline($0))</li>\n" as HTML })</ul>"
        case .facts(let facts):
            let items = facts.map { fact -> HTML in
                "<dt>\(fact.label)</dt><dd>\(HTML(joining: fact.value.map(inline), separator: " · "))</dd>\n"
            }
            return "<dl class=\"facts\">\n\(items)</dl>"
        case .table(let table): return self.table(table)
        case .legend(let entries):
            return "<p class=\"legend\">\(HTML(joining: entries.map(inline), separator: " · "))</p>"
        case .heading(let text, let level): return "<h\(level)>\(inline(text))</h\(level)>"
        case .figures(let figures, let grid):
            let all = HTML(joining: figures.map { figure($0, axis: axis) }, separator: "\n")
            return !grid ? all : figures.isEmpty ? "" : "<div class=\"charts\">\n\(all)\n</div>"
        case .charts(let blocks):
            return HTML(joining: blocks.map { self.block($0, axis: axis) }, separator: "\n")
        }
    }

    /// A figure: its caption, then its chart drawn in SVG (a caption under a chart reads as the
    /// heading of the next one).
    private func figure(_ figure: ReportFigure, axis: Axis?) -> HTML {
        let chart: HTML =
            switch figure.chart {
            case .ratios(let chart): chart.ratios(on: axis)
            case .shares(let chart): chart.shares()
            case .points(let chart):
                chart.svg { value, unit in unit.map { ReportIndex.format(value, unit: $0) } ?? formatCount(value) }
            case .embedded(let svg): HTML(stringLiteral: svg)
            }
        let id: HTML = figure.id.map { " id=\"\($0)\"" } ?? ""
        let caption: HTML = figure.caption.map { "<figcaption>\(inline($0))</figcaption>\n" } ?? ""
        return "<figure\(id)>\n\(caption)\(chart)\n</figure>"
    }

    /// A table whose rows are one line each, the first cell of a row its heading, in a block that
    /// scrolls sideways when it is wider than the page.
    private func table(_ table: ReportTable) -> HTML {
        let numeric = table.columns.map { $0.numeric ? " class=\"num\"" : "" as HTML }
        let head = zip(table.columns, numeric).map { "<th\($1) scope=\"col\">\(inline($0.header))</th>" as HTML }
        func row(_ cells: [ReportCell]) -> HTML {
            let parts = numeric.enumerated().map { column, kind -> HTML in
                let cell = column < cells.count ? self.cell(cells[column]) : ""
                return column == 0 ? "<th\(kind) scope=\"row\">\(cell)</th>" : "<td\(kind)>\(cell)</td>"
            }
            return "<tr>\(parts)</tr>"
        }
        let rows = table.groups.flatMap { group -> [HTML] in
            let heading = group.heading.map {
                "<th colspan=\"\(table.columns.count)\" scope=\"rowgroup\">\(inline($0))</th>" as HTML
            }
            return (heading.map { ["<tr class=\"group\">\($0)</tr>"] } ?? []) + group.rows.map { row($0.cells) }
        }
        var html: HTML = "<div class=\"scroll\"><table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n"
        html += HTML(joining: rows.map { "\($0)\n" }) + "</tbody>\n"
        if let footer = table.footer { html += "<tfoot>\(row(footer))</tfoot>\n" }
        return html + "</table></div>"
    }

    /// One cell: marks link to the sections that explain them, a ratio goes under its median.
    private func cell(_ cell: ReportCell) -> HTML {
        switch cell {
        case .text(let text): return inline(text)
        case .measure(let value): return measure(value)
        case .compared(let value, let ratio, let isBaseline):
            let under: HTML? = isBaseline ? "baseline" : ratio.map { "\($0.text)\(unfair($0))" as HTML }
            guard case .value = value, let under else { return measure(value) }
            return measure(value) + "<br><span class=\"ratio\">\(under)</span>"
        case .mean(let ratio, let covered, let total):
            let coverage = covered.map { "<br><small>\($0) of \(total) workloads</small>" as HTML } ?? ""
            return "\(ratio.text)\(unfair(ratio))\(coverage)"
        }
    }

    /// A median with a warning mark, `—` (not exposed), `failed` or `no data`.
    private func measure(_ value: ReportIndex.Cell) -> HTML {
        switch value {
        case .value:
            let mark: HTML = value.isWarned ? "<a class=\"mark\" href=\"#warnings\" title=\"see Warnings\">*</a>" : ""
            return "\(value.text)\(mark)"
        case .notExposed: return "<span class=\"na\" title=\"not exposed by this runtime\">\(value.text)</span>"
        case .failed: return "<a class=\"failed\" href=\"#failures\">\(value.text)</a>"
        case .noData: return "<span class=\"na\">\(value.text)</span>"
        }
    }

    /// ` †` linking to the builds section when a ratio is not like for like.
    private func unfair(_ ratio: ReportRatio) -> HTML {
        ratio.unfair
            ? " <a class=\"mark\" href=\"#builds\" title=\"not like for like: see Builds and fairness\">†</a>" : ""
    }

    /// Inline text, escaped; code in `<code>`, tones as classes, links to section anchors.
    func inline(_ text: ReportText) -> HTML {
        HTML(
            joining: text.spans.map { span -> HTML in
                switch span {
                case .text(let text), .symbol(let text): HTML(text: text)
                case .literal(let text): HTML(text: text, quotes: false)
                case .code(let text, nil): code(text)
                case .code(let text, let hover?): "<code title=\"\(hover)\">\(text)</code>"
                case .prose(let text): prose(text)
                case .styled(let text, .strong): "<strong>\(text)</strong>"
                case .styled(let text, .alarm), .styled(let text, .failure): "<span class=\"failed\">\(text)</span>"
                case .styled(let text, .doubt): "<span class=\"mark\">\(text)</span>"
                case .styled(let text, .muted): "<span class=\"muted\">\(text)</span>"
                case .styled(let text, .warning): HTML(text: text)
                case .see(let name): "<a href=\"#\(name.id)\">\(inline(name.title))</a>"
                case .swatch(let position): "<span style=\"color:\(SVG.colour(position))\">●</span>"
                case .lineBreak: "<br>"
                }
            })
    }
}

/// `text` as code; nothing for empty text.
private func code(_ text: String) -> HTML {
    text.isEmpty ? "" : "<code>\(text)</code>"
}

/// A sentence in which spans between backticks are code, as the runtimes' notes and the run's
/// notices write them; text with unpaired backticks stays as it is.
private func prose(_ text: String) -> HTML {
    let parts = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
    guard parts.count % 2 == 1 else { return HTML(text: text) }
    return HTML(joining: parts.enumerated().map { $0.offset % 2 == 1 ? code($0.element) : HTML(text: $0.element) })
}

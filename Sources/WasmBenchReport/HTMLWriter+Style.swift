import WasmBenchCharts

extension HTMLWriter {
    /// The report's style sheet: system fonts, light tables, and the classes the SVG charts use.
    /// Nothing is loaded from elsewhere.
    static let styleSheet: HTML = """
        :root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --shade: #f6f8fa; --warn: #9a6700; --bad: #cf222e; }
        body { margin: 2rem auto; max-width: 1280px; padding: 0 1rem; color: var(--text); background: #ffffff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        h1 { margin-bottom: 0.25rem; }
        h2 { margin-top: 2.5rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--line); }
        h3 { margin-top: 1.75rem; }
        code { padding: 0.1em 0.3em; border-radius: 4px; background: var(--shade); font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; list-style: none; }
        a { color: #0969da; }
        .alert { padding: 0.5rem 1rem; border-left: 4px solid var(--warn); background: #fff8c5; }
        .scroll { overflow-x: auto; }
        table { margin: 0.75rem 0; border-collapse: collapse; font-size: 0.9rem; }
        th, td { padding: 0.3rem 0.6rem; border: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: var(--shade); }
        tbody th { font-weight: normal; white-space: nowrap; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tfoot th, tfoot td { background: var(--shade); font-weight: 600; }
        tr.group th { background: #eaeef2; font-weight: 600; }
        .ratio { color: var(--muted); }
        .muted, .na, .legend, figcaption { color: var(--muted); }
        .legend, figcaption { font-size: 0.85rem; }
        .mark { color: var(--warn); font-weight: 600; text-decoration: none; }
        .failed { color: var(--bad); font-weight: 600; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        figure { margin: 0.75rem 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        .charts figure { margin: 0; }
        svg.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        svg.chart text { fill: var(--text); }
        svg.chart .tick, svg.chart .axis-title { fill: var(--muted); }
        svg.chart .grid { stroke: #e6e9ed; stroke-width: 1; }
        svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
        svg.chart .reference { stroke: var(--text); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg.chart .bar { fill-opacity: 0.85; }
        svg.chart .whisker { fill: none; stroke: var(--text); stroke-width: 1.5; }
        svg.chart .warm-up-band { fill: #eef1f4; }
        svg.chart .median { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 5 3; }
        svg.chart .curve { fill: none; stroke-width: 1.5; }
        @media print { body { margin: 0; max-width: none; } nav { display: none; } }

        """
}

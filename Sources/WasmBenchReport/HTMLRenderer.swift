import WasmBenchModel

/// Renders a run result as one self-contained HTML5 document with charts.
///
/// The document holds what the Markdown report holds — machine, configuration, every runtime
/// with its version, flags and build record, every workload with how it was built, the `execute`
/// table (median, ratio to the baseline with its 95% confidence interval, geometric mean), the
/// `phases` table, warm-up, builds and fairness, warnings, failures with their commands, runtimes
/// that did not run, notices — and charts drawn as inline SVG: the geometric mean ratio of each
/// runtime and each workload's ratios on a log scale with their intervals, and a warm-up curve
/// (time per iteration, one line per process) wherever the rows have per-iteration times.
///
/// The page needs no JavaScript and loads nothing: the style sheet is inline, charts are SVG in
/// the page, hover text comes from SVG `<title>`s. Everything that comes from the run (ids,
/// versions, flags, messages, commands) is escaped. A phase a runtime does not expose shows as
/// `—`. The renderer only formats: it computes no statistics and does no I/O, and it prints
/// chart coordinates with fixed precision, so one result always gives the same document.
public struct HTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `result` as an HTML document ending in a newline.
    public func render(_ result: RunResult) -> String {
        let index = ReportIndex(result)
        let sections = [
            machineSection(result), configurationSection(result), runtimesSection(index), workloadsSection(index),
            executeSection(index), ratioChartsSection(index), phasesSection(index), warmUpSection(index),
            buildsSection(index), warningsSection(index), failuresSection(index), notRunSection(index),
            noticesSection(index),
        ]
        .compactMap { $0 }
        return document(result, sections: sections).markup
    }

    /// The page around the sections: head with the style sheet, title, run line, contents.
    private func document(_ result: RunResult, sections: [HTMLSection]) -> HTML {
        var run = "wasmbench \(result.toolVersion) · started \(result.startedAt)"
        if let finished = result.finishedAt { run += " · finished \(finished)" }
        let incomplete: HTML =
            result.complete
            ? ""
            : "<p class=\"alert\"><strong>Incomplete run:</strong> not every planned cell ran (interrupted or stopped).</p>\n"
        return page(
            title: "wasmbench results · \(result.startedAt)", heading: "wasmbench results",
            introduction: "<p>\(run)</p>\n\(incomplete)", sections: sections)
    }

    /// A whole page: head with the style sheet and `title`, a header with `heading`,
    /// `introduction` and the contents, then the sections.
    func page(title: String, heading: String, introduction: HTML, sections: [HTMLSection]) -> HTML {
        let contents = sections.map { "<li><a href=\"#\($0.id)\">\($0.title)</a></li>" as HTML }
        let body = sections.map { section -> HTML in
            "<section id=\"\(section.id)\">\n<h2>\(section.title)</h2>\n\(section.body)\n</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            \(HTMLWriter.styleSheet)</style>
            </head>
            <body>
            <header>
            <h1>\(heading)</h1>
            \(introduction)<nav><ul>\(contents)</ul></nav>
            </header>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    private func machineSection(_ result: RunResult) -> HTMLSection? {
        HTMLSection(id: "machine", title: "Machine", body: facts(RunFact.machine(result.machine)))
    }

    /// The settings the run was measured with.
    private func configurationSection(_ result: RunResult) -> HTMLSection? {
        HTMLSection(
            id: "configuration", title: "Configuration", body: facts(RunFact.configuration(result.configuration)))
    }

    /// Facts as a definition list.
    private func facts(_ facts: [RunFact]) -> HTML {
        let items = facts.map { fact -> HTML in
            "<dt>\(fact.label)</dt><dd>\(fact.isCode ? code(fact.value) : HTML(text: fact.value))</dd>\n"
        }
        return "<dl class=\"facts\">\n\(items)</dl>"
    }

    /// Every runtime asked for, with version, flags, exposed phases, build record and notes.
    private func runtimesSection(_ index: ReportIndex) -> HTMLSection? {
        let runtimes = index.result.runtimes
        guard !runtimes.isEmpty else { return nil }
        let builds = runtimes.contains { $0.build != nil }
        var table = HTMLTable(
            headers: ["runtime", "engine", "version", "kind", "flags", "phases", "available"]
                + (builds ? ["build"] : []))
        for runtime in runtimes {
            let build: [HTML] = builds ? [HTML(text: runtime.build.map { "\($0.summary) · \($0.origin)" } ?? "")] : []
            table.append(
                [
                    code(runtime.id), HTML(text: runtime.name), HTML(text: runtime.version),
                    HTML(text: runtime.kind.rawValue), code(runtime.flags.joined(separator: " ")),
                    HTML(text: runtime.exposedPhases.sorted().map(\.rawValue).joined(separator: ", ")),
                    runtime.available ? "yes" : "<span class=\"failed\">no</span>",
                ] + build)
        }
        let notes = runtimes.flatMap { runtime -> [HTML] in
            let source: [HTML] = runtime.source.map { ["<li>\(code(runtime.id)) comes from \(code($0))</li>\n"] } ?? []
            return runtime.notes.map { "<li>\(code(runtime.id)): \(prose($0))</li>\n" as HTML } + source
        }
        let list: HTML = notes.isEmpty ? "" : "\n<ul class=\"notes\">\n\(notes)</ul>"
        return HTMLSection(id: "runtimes", title: "Runtimes", body: table.render() + list)
    }

    /// Every workload, with how it was built, then its hashes.
    private func workloadsSection(_ index: ReportIndex) -> HTMLSection? {
        let workloads = index.result.workloads
        guard !workloads.isEmpty else { return nil }
        var builds = HTMLTable(headers: ["workload", "summary", "entry", "compiler", "compiler version", "flags"])
        var hashes = HTMLTable(headers: ["workload", "wasm", "native", "source"])
        for workload in workloads {
            let entry = workload.entryDescription
            let flags = workload.flagGroups.map { group -> HTML in
                "\(group.label.map { $0 + ": " } ?? "")\(code(group.flags))"
            }
            builds.append([
                code(workload.id), HTML(text: workload.summary),
                "\(entry.kind)\(entry.code.map { " " + code($0) } ?? "")", workload.compiler.map(code) ?? "",
                HTML(text: workload.compilerVersion ?? ""), HTML(joining: flags, separator: "<br>"),
            ])
            hashes.append([
                code(workload.id), shortHash(workload.wasmSHA256), workload.nativeSHA256.map(shortHash) ?? "",
                workload.sourceSHA256.map(shortHash) ?? "",
            ])
        }
        let body =
            builds.render() + "\n<p>SHA-256 hashes, first 12 hex digits (the whole hash on hover):</p>\n"
            + hashes.render()
        return HTMLSection(id: "workloads", title: "Workloads", body: body)
    }

    /// A hash shortened to its first 12 hex digits, as code, the whole hash as its hover text.
    private func shortHash(_ hash: String) -> HTML {
        "<code title=\"\(hash)\">\(String(hash.prefix(12)))</code>"
    }
}

/// One section of the HTML report: its anchor, its heading and its content.
struct HTMLSection {
    /// The anchor (`id`) other parts link to, e.g. `warnings`.
    var id: String
    /// The heading, also its entry in the contents.
    var title: String
    /// The content after the heading.
    var body: HTML
}

import ArgumentParser
import WasmBenchAnalysis
import WasmBenchReport
import WasmBenchRunner

/// `wasmbench report FILE.json`: re-renders a saved run without running anything.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render a saved run (JSON) as a terminal table, Markdown, HTML or JSON again.")

    @Argument(help: "A JSON file written by `wasmbench run --json`.") var file: String
    @OptionGroup var output: ReportOutput
    @OptionGroup var export: ExportOptions
    @Flag(help: "Recompute summaries from the raw rows (e.g. after changing the statistics).") var recompute = false

    func run() throws {
        try output.check(exports: export.paths, inputs: [file])
        var result = try ArtifactFile.readJSON(file)
        if recompute { Summarizer(configuration: result.configuration).summarize(&result) }
        try output.emit(.run(result))
        try export.write(result)
    }
}

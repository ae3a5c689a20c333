import ArgumentParser
import Foundation
import WasmBenchAnalysis
import WasmBenchReport
import WasmBenchRunner

/// `wasmbench report FILE.json`: re-renders a saved run without running anything.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render a saved run (JSON) as a terminal table, Markdown, HTML or JSON again.",
        discussion: """
            With --recompute, the summaries and geometric means are computed again from the raw rows, \
            and every stored number they disagree with is listed on stderr and in the report's notices. \
            Exit status: 0 rendered, 3 the file cannot be read or is not a wasmbench run, 5 an output \
            file not writable, 64 usage.
            """)

    @Argument(help: "A JSON file written by `wasmbench run --json`.") var file: String
    @OptionGroup var output: ReportOutput
    @OptionGroup var export: ExportOptions
    @Flag(
        help:
            "Recompute summaries from the raw rows (e.g. after changing the statistics) and list the stored numbers that disagree."
    ) var recompute = false

    func run() throws {
        try output.sink.check(exports: export.paths, inputs: [file])
        var result = try ArtifactFile.readJSON(file)
        if recompute, let notice = SummaryDisagreement.recompute(&result) {
            ProgressPrinter(quiet: false).line("note: \(notice)")
        }
        try output.sink.emit(.run(result))
        try export.write(result)
    }
}

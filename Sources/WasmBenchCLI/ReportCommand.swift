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
        try output.check(exports: export.paths, inputs: [file])
        var result = try ArtifactFile.readJSON(file)
        if recompute {
            let stored = result
            Summarizer(configuration: result.configuration).summarize(&result)
            let disagreements = SummaryDisagreement.between(stored: stored, recomputed: result)
            if let notice = Self.notice(disagreements) {
                ProgressPrinter(quiet: false).line("note: \(notice)")
                result.notices.append(notice)
            }
        }
        try output.emit(.run(result))
        try export.write(result)
    }

    /// The notice that lists the first stored numbers the rows disagree with, or nil when all agree.
    static func notice(_ disagreements: [SummaryDisagreement]) -> String? {
        guard !disagreements.isEmpty else { return nil }
        let shown = disagreements.prefix(5).map(\.description).joined(separator: "; ")
        let more = disagreements.count > 5 ? "; and \(disagreements.count - 5) more" : ""
        return
            "\(disagreements.count) stored number(s) disagree with the summaries recomputed from the rows, which this report shows: \(shown)\(more)"
    }
}

import ArgumentParser
import Foundation
import WasmBenchArtifact
import WasmBenchHistory
import WasmBenchModel
import WasmBenchReport
import WasmBenchRunner

/// `wasmbench history`: lists stored runs, or shows one workload × runtime over them with its
/// step changes.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the stored runs, or chart one workload on one runtime over them and flag step changes.",
        discussion: """
            With --series WORKLOAD --runtime ID, shows that cell's value in every stored run (oldest \
            first) with its interval, as a sparkline in the terminal, a table in Markdown and a line \
            chart in HTML, and flags a step change where the geometric means of the --window runs \
            before and after a run have 95% t intervals that do not overlap and differ by more than \
            --threshold (see the README's History section). Exit status: 0, 4 the store cannot be \
            reached or is locked, 5 an output file cannot be written, 64 usage.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only runs on this machine: a machine key prefix or part of its description.") var machine: String?
    @Option(help: "Only runs that asked for this runtime id (with --series: the series' runtime).") var runtime: String?
    @Option(help: "Only runs that measured this workload id.") var workload: String?
    @Option(help: "Only runs with this --label.") var label: String?
    @Option(help: "Only runs started at or after this date (2026-12-01) or instant (ISO 8601).") var since: String?
    @Option(help: "Only runs started at or before this date or instant.") var until: String?
    @Option(help: "Show this workload id over the runs (needs --runtime).") var series: String?
    @Option(help: "The series' phase.") var phase: Phase = .execute
    @Option(help: "The series' metric: time, cpu, peak-rss, artifact-bytes or instructions.") var metric: Metric = .time
    @Option(help: "The series' estimator: process-minimum or median.") var estimator: Estimator = .preferred
    @Option(help: "Runs in each window of the change detection (two at least).") var window = 5
    @Option(
        help: "The relative change a step must exceed (5% or 0.05).",
        transform: SelectionOptions.parsing(
            PrecisionGoal.target(parsing:), or: "--threshold takes a fraction such as 5% or 0.05")
    ) var threshold: Double = 0.05
    @OptionGroup var output: ReportOutput

    func validate() throws {
        if series != nil && runtime == nil { throw ValidationError("--series needs --runtime: the series' runtime") }
        if window < 2 { throw ValidationError("--window must be 2 or more (a window needs a spread)") }
        if try storeOptions.location() == .off { throw ValidationError("--store off: there is no history to show") }
        _ = try filter()
    }

    /// The filter of the options; a date that does not read is a usage error.
    func filter() throws -> HistoryFilter {
        try usage {
            try HistoryFilter(
                machine: machine, runtime: runtime, workload: workload ?? series, label: label, sinceText: since,
                untilText: until)
        }
    }

    func run() throws {
        try output.sink.check(inputs: [])
        let store = try HistoryStore(try storeOptions.location(), toolVersion: Wasmbench.version)
        let request = series.flatMap { series in
            runtime.map {
                HistorySeriesRequest(
                    workload: series, runtime: $0, phase: phase, metric: metric, estimator: estimator, window: window,
                    threshold: threshold)
            }
        }
        let report = try store.report(matching: try filter(), series: request)
        do {
            try output.sink.emit(report)
        } catch let error as ArtifactError {
            throw CommandError(.internalError, "\(error)")
        }
    }
}

extension Phase: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}

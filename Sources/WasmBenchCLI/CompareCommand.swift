import ArgumentParser
import Foundation
import WasmBenchAnalysis
import WasmBenchJobs
import WasmBenchModel
import WasmBenchReport
import WasmBenchRunner

/// `wasmbench compare BASE.json NEW.json`: how a run differs from an earlier one, for CI.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare two saved runs (JSON); exit 2 when the new one regressed.",
        discussion: """
            For every workload × runtime × phase both runs measured, from both runs' raw rows: new ÷ \
            base by the median (two-level bootstrap interval: processes, then iterations, resampled) \
            and by the per-process minimum (geometric mean over processes, Welch's t interval); the \
            verdict follows --estimator (default: the per-process minimum). A change counts when the whole \
            interval lies past 1 and the ratio past the threshold. \
            Runs made with `run --measure instructions` compare instructions per iteration instead of \
            times; a time run and an instruction run cannot be compared. \
            Exit status: 0 no regression, 2 a gated phase got slower or a cell now fails, 3 a file \
            cannot be read or is not a wasmbench run, or the runs measured different things, \
            5 --markdown or --html not writable, 64 usage.
            """)

    @Argument(help: "The run to compare against (written by `wasmbench run --json`).") var base: String
    @Argument(help: "The run under test.") var new: String
    @Option(parsing: .unconditional, help: "The relative change below which a difference counts as none (0.05 is 5%).")
    var threshold = 0.05
    @Option(
        help: "Phases whose slowdowns fail the comparison, comma-separated, or `none` (default: execute).",
        transform: SelectionOptions.list)
    var failOn: [String] = ["execute"]
    @Option(
        help: "Whose verdicts count: process-minimum (the default) or median (the JSON keeps both).")
    var estimator: Estimator = .preferred
    @Option(parsing: .unconditional, help: "Seed for the bootstrap.") var seed: UInt64 = 1
    @OptionGroup var output: ReportOutput

    /// The gated phases after parsing `--fail-on` (checked by ``validate()``).
    var gatedPhases: [Phase] { (try? Phase.gated(byNames: failOn)) ?? [] }

    func validate() throws {
        guard threshold >= 0, threshold.isFinite else {
            throw ValidationError("--threshold must be a fraction of 0 or more, e.g. 0.05 for 5%")
        }
        _ = try usage { try Phase.gated(byNames: failOn) }
    }

    func run() throws {
        let comparer = RunComparer(threshold: threshold, estimator: estimator, gatedPhases: gatedPhases, seed: seed)
        try CompareJob(base: base, new: new, comparer: comparer, report: output.sink).execute()
    }
}

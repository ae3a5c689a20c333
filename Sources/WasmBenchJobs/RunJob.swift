import Foundation
import WasmBenchHistory
import WasmBenchModel
import WasmBenchPlan
import WasmBenchProcess
import WasmBenchRunner
import WasmBenchRuntime

/// What `wasmbench run` does once its options are read: plan the selection, prepare every output,
/// run the benchmark (saving after every process), write the outputs, store the run in the history
/// and judge it. Ctrl-C stops the run and keeps what was measured.
package struct RunJob: Sendable {
    /// What to run.
    package var selection: RunSelection
    /// How to run it.
    package var configuration: RunConfiguration
    /// The JSON results file; nil for a new file under the cache.
    package var json: String?
    /// Where the recorded commands' files are kept; nil for a folder per run under the cache.
    package var keepArtifacts: String?
    /// The report on stdout and its files.
    package var report: ReportSink
    /// The CSV and pyperf exports, if asked for.
    package var csv: String?, pyperf: String?
    /// The run's name and the measured thing's commit, kept with it.
    package var label: String?, commit: String?
    /// Whether the noise canary is timed around processes.
    package var canary = true
    /// The history store.
    package var store: HistoryLocation
    /// Whether progress is left out.
    package var quiet = false
    /// The version of wasmbench, recorded in the run.
    package var toolVersion: String

    /// A job; the rest of its settings are as the properties say.
    package init(
        selection: RunSelection, configuration: RunConfiguration, report: ReportSink, store: HistoryLocation,
        toolVersion: String
    ) {
        self.selection = selection
        self.configuration = configuration
        self.report = report
        self.store = store
        self.toolVersion = toolVersion
    }

    /// Runs the job and returns its verdict; throws only what stops it before a result exists
    /// (a plan that cannot run, an output that cannot be written, no valgrind).
    package func execute() throws -> RunVerdict {
        let session = Session(quiet: quiet)
        let interruption = Interruption()
        let signals = SignalTrap(raising: interruption, stopping: session.launcher)
        defer { signals.cancel() }
        // Before any set-up: without valgrind an instruction run cannot count anything.
        let valgrind = try configuration.measure == .instructions ? session.workspace.valgrind() : nil
        try session.workspace.checkCache()
        let folder = try session.workspace.runFolder(named: keepArtifacts)
        defer { folder.release() }
        let plan = try Planner(workspace: session.workspace, runFolder: folder.url).plan(selection)
        try report.check(
            json: json.map { ("--json", $0) },
            exports: [csv.map { ("--csv", $0) }, pyperf.map { ("--pyperf-json", $0) }].compactMap { $0 },
            inputs: selection.modules + selection.interpreterSpecs + selection.runtimeSpecs)
        let outputs = RunOutputs(
            json: try json ?? session.workspace.newResultsFile(), report: report, csv: csv, pyperf: pyperf)
        var initial = RunResult.start(
            toolVersion: toolVersion, configuration: configuration, runtimes: plan.runtimes.map(\.info),
            workloads: plan.workloads.map(\.info), notices: plan.notices, refused: plan.rejected, runFolder: folder.url,
            reportsPeakRSS: session.launcher.hasExecHelper)
        initial.shard = plan.shard
        (initial.label, initial.commit) = (label, commit)
        do {
            try outputs.prepare(initial)
            try plan.announce { session.printer.line($0) }
        } catch {
            // Nothing was measured: the results file claimed in the cache goes, so no empty or
            // row-less run is left there looking like one.
            if json == nil { unlink(outputs.json) }
            throw error
        }
        let printer = session.printer
        var runner = BenchmarkRunner(
            configuration: configuration, scratchRoot: folder.url, interruption: interruption,
            progress: { printer.handle($0) },
            save: { [jsonPath = outputs.json] in try ArtifactFile.writeJSON(.run($0), to: jsonPath) },
            valgrind: valgrind)
        runner.canary = !canary || configuration.measure == .instructions ? nil : .fib
        let result = runner.run(
            programs: plan.workloads.map(\.program), runtimes: plan.runtimes.map { ($0.runtime, $0.info) },
            into: initial)
        signals.cancel()
        try outputs.write(result)
        let verdict = RunVerdict(
            result, refused: plan.rejected, interrupted: interruption.isRaised,
            saveFailure: runner.saveFailures.firstFailure, resultsPath: outputs.json)
        if verdict.resultsSaved {
            printer.line("results saved to \(outputs.json)")
            record(result, savedAt: outputs.json)
        }
        return verdict
    }

    /// Stores a saved run in the history, saying where; a store that fails costs the run nothing.
    func record(_ result: RunResult, savedAt jsonPath: String) {
        guard store != .off else { return }
        let said = HistoryStore.record(result, at: store, toolVersion: toolVersion, savedAt: jsonPath)
        if let line = said.progress { ProgressPrinter(quiet: quiet).line(line) }
        if let warning = said.warning { FileHandle.standardError.write(Data(warning.utf8)) }
    }
}

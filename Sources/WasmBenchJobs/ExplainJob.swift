import Foundation
import WasmBenchExplain
import WasmBenchModel
import WasmBenchPlan
import WasmBenchProcess
import WasmBenchRunner
import WasmBenchRuntime

/// What `wasmbench explain` does once its options are read: plan the selection, count each cell
/// under callgrind (and the opcodes on WasmKit when asked), saving the analysis as it grows, then
/// write the report and judge it. Ctrl-C stops it and keeps what was counted.
package struct ExplainJob: Sendable {
    /// What to count.
    package var selection: RunSelection
    /// The iteration counts of the counted runs.
    package var iterations: [Int]
    /// Time limit of one process under valgrind, seconds.
    package var timeoutSeconds: Double
    /// Functions each profile keeps.
    package var topFunctions: Int
    /// Whether callgrind is left out (`--opcodes --no-callgrind`).
    package var skipCallgrind = false
    /// The JSON analysis file, if asked for.
    package var json: String?
    /// The folder the flamegraphs are written to (`--flamegraph`), if asked for.
    package var flamegraphFolder: String?
    /// The report on stdout and its files.
    package var report: ReportSink
    /// Whether progress is left out.
    package var quiet = false
    /// The version of wasmbench, recorded in the analysis.
    package var toolVersion: String

    /// A job; the rest of its settings are as the properties say.
    package init(
        selection: RunSelection, iterations: [Int], timeoutSeconds: Double, topFunctions: Int, report: ReportSink,
        toolVersion: String
    ) {
        self.selection = selection
        self.iterations = iterations
        self.timeoutSeconds = timeoutSeconds
        self.topFunctions = topFunctions
        self.report = report
        self.toolVersion = toolVersion
    }

    /// Runs the job and returns its verdict; throws only what stops it before an analysis exists.
    package func execute() throws -> RunVerdict {
        let session = Session(quiet: quiet)
        let interruption = Interruption()
        let signals = SignalTrap(raising: interruption, stopping: session.launcher)
        defer { signals.cancel() }
        let valgrind = skipCallgrind ? "" : try session.workspace.valgrind()
        try session.workspace.checkCache()
        let plan = try Planner(workspace: session.workspace).plan(selection)
        var analysis = ExplainReport.start(
            toolVersion: toolVersion, baseline: selection.resolvedBaseline.description,
            runtimes: plan.runtimes.map(\.info), workloads: plan.workloads.map(\.info), notices: plan.notices,
            refused: plan.rejected)
        if let flamegraphFolder { try Self.prepareFlamegraphFolder(flamegraphFolder) }
        try report.check(
            json: json.map { ("--json", $0) },
            inputs: selection.modules + selection.interpreterSpecs + selection.runtimeSpecs)
        if let json { try ArtifactFile.prepare(ArtifactFile.encode(.explain(analysis)), at: json) }
        let printer = session.printer
        let explainer = Explainer(
            valgrind: valgrind, iterations: iterations, timeoutSeconds: timeoutSeconds, topFunctions: topFunctions,
            scratchRoot: session.workspace.runScratch, interruption: interruption, progress: { printer.line($0) })
        analysis = explainer.explain(
            programs: plan.workloads.map(\.program), runtimes: skipCallgrind ? [] : plan.runtimes,
            opcodeRuntimes: plan.opcodeRuntimes, into: analysis
        ) { [json] in
            // A save that fails here is tried again, and reported, at the end.
            if let json { try? ArtifactFile.writeJSON(.explain($0), to: json) }
        }
        session.workspace.removeScratch()
        if let flamegraphFolder {
            analysis.flamegraphFolder = flamegraphFolder
            let written = try Self.writeFlamegraphs(analysis, to: flamegraphFolder)
            printer.line("flamegraphs: \(written.count) files in \(flamegraphFolder)")
        }
        try report.emit(.explain(analysis))
        if let json { try ArtifactFile.writeJSON(.explain(analysis), to: json) }
        return RunVerdict(explained: analysis, interrupted: interruption.isRaised)
    }
}

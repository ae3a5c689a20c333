import ArgumentParser
import Foundation
import WasmBenchExplain
import WasmBenchInterpreters
import WasmBenchMachine
import WasmBenchModel
import WasmBenchPlan
import WasmBenchReport
import WasmBenchRuntime

/// `wasmbench explain`: why a runtime is slower than native, by counting instructions and
/// profiling functions instead of timing.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Count instructions per iteration (callgrind) and profile functions, native against Wasm.",
        discussion: """
            Each workload runs on each runtime under `valgrind --tool=callgrind` once per count of \
            --iterations (2, 4 and 6); the difference of the last two counts over the difference of \
            their iterations is the cost of one iteration, with no start-up or compilation in it, and \
            it repeats exactly whatever else the machine does; the first two runs tell whether that \
            cost was still changing. Native runs also give callgrind's \
            function profile; the wasmtime CLI runtimes run once more with wasmtime's guest \
            profiler. Kernels are built with their symbols for this (the same code as `run` \
            measures); wasmtime-aot compiles its artifact for the CPU valgrind emulates, without \
            this host's optional features. Default runtimes: native, wasmtime, wasmtime-winch and node for the kernels; \
            the matched CPython pair (native, and WASI on wasmtime-aot) for --suite python. Exit \
            status: 0 all counted, 1 some cells failed, 3 an unreadable module, 4 no valgrind or \
            nothing runnable, 5 an output file not writable, 64 usage, 130 interrupted.
            """)

    @Argument(help: "WebAssembly modules that print wasmbench's markers (see `run --markers`).") var modules: [String] =
        []
    @Option(help: "kernels or python (default: kernels).") var suite: Suite?
    @Option(help: "Only these kernels (comma-separated).", transform: RunCommand.list) var kernel: [String] = []
    @Option(help: "Only these python benchmarks (comma-separated).", transform: RunCommand.list) var benchmark:
        [String] = []
    @Option(help: "Runtime ids, comma-separated (default: see above).", transform: RunCommand.runtimeIDs)
    var runtime: [RuntimeID] = []
    @Option(help: "The runtime ratios are taken against (default: native, or cpython3.11-native).")
    var baseline: RuntimeID?
    @Option(
        name: .customLong("interpreter"), help: "A Python-in-Wasm interpreter spec file (see `run --interpreter`).")
    var interpreterSpecs: [String] = []
    @Option(
        help: "Iteration counts of the counted runs, comma-separated: three or more show whether the cost is steady.",
        transform: ExplainCommand.counts)
    var iterations: [Int] = [2, 4, 6]
    @Option(help: "Time limit of one process under valgrind, in seconds.") var timeout: Double = 1800
    @Option(help: "Functions each profile keeps.") var top = 25
    @Option(help: "Write the analysis (counts, profiles, commands) to this JSON file.") var json: String?
    @Option(help: "Write a Markdown report to this file.") var markdown: String?
    @Option(help: "Write a self-contained HTML report (with charts) to this file.") var html: String?
    @Option(help: "The report printed on stdout: terminal, markdown, html or json.") var format: ReportFormat =
        .terminal
    @Flag(help: "Do not install missing runtimes from PyPI; use what is there.") var noInstall = false
    @Flag(help: "No progress lines on stderr.") var quiet = false

    /// The runtimes explained when none are asked for.
    static func defaultRuntimes(suite: Suite?) -> [RuntimeID] {
        let ids =
            suite == .python
            ? [MatchedPairInterpreters.nativeID, "\(MatchedPairInterpreters.wasiID)@wasmtime-aot"]
            : ["native", "wasmtime", "wasmtime-winch", "node"]
        return ids.compactMap(RuntimeID.init)
    }

    /// The workloads and runtimes these options choose: what `run` would plan for them, with the
    /// kernels' symbols kept for the function profiles.
    var selection: RunSelection {
        var selection = RunSelection(suite: suite, runtimes: runtime, modules: modules)
        selection.defaultRuntimes = Self.defaultRuntimes(suite: suite)
        selection.markers = !modules.isEmpty
        selection.kernels = kernel
        selection.benchmarks = benchmark
        selection.baseline = baseline
        selection.interpreterSpecs = interpreterSpecs
        selection.install = !noInstall
        selection.kernelSymbols = true
        return selection
    }

    func validate() throws {
        guard iterations.count >= 2, Set(iterations).count == iterations.count, iterations.allSatisfy({ $0 >= 1 })
        else {
            throw ValidationError(
                "--iterations takes two or more different counts of at least 1, e.g. 2,4,6 (got \(iterations.map { $0 > 0 ? String($0) : "?" }.joined(separator: ",")))"
            )
        }
        guard timeout > 0, top >= 1 else { throw ValidationError("--timeout and --top must be positive") }
        try RunCommand.validate(selection)
    }

    func run() throws {
        let session = Session(quiet: quiet)
        let interruption = Interruption()
        let signals = SignalTrap(raising: interruption, stopping: session.launcher)
        defer { signals.cancel() }
        let valgrind = try session.valgrind()
        let selection = selection
        let plan = try RunCommand.plan(selection, session: session, interruption: interruption)
        var report = ExplainReport(
            toolVersion: Wasmbench.version, startedAt: ISO8601DateFormatter().string(from: Date()),
            machine: MachineProbe.current(), baseline: selection.resolvedBaseline.description,
            runtimes: plan.runtimes.map(\.info),
            workloads: plan.workloads.map(\.info), notices: plan.notices + Self.notices)
        report.failures = plan.rejected
        if let json { try ArtifactFile.writeJSON(.explain(report), to: json) }
        let printer = session.printer
        let scratch = session.workspace.runScratch
        let explainer = Explainer(
            valgrind: valgrind, iterations: iterations, timeoutSeconds: timeout,
            topFunctions: top, scratchRoot: scratch, interruption: interruption, progress: { printer.line($0) })
        report = explainer.explain(programs: plan.workloads.map(\.program), runtimes: plan.runtimes, into: report) {
            // A save that fails here is tried again, and reported, at the end.
            if let json { try? ArtifactFile.writeJSON(.explain($0), to: json) }
        }
        try? FileManager.default.removeItem(at: scratch)
        try ReportOutput(format: format, markdown: markdown, html: html).emit(.explain(report))
        if let json { try ArtifactFile.writeJSON(.explain(report), to: json) }
        if interruption.isRaised { throw CommandError(.interrupted, "interrupted; what was counted is above") }
        let failed = report.failures.filter { $0.kind != .unsupported }
        if !failed.isEmpty {
            throw CommandError(.someRunsFailed, "\(failed.count) cell(s) could not be counted or profiled (see above)")
        }
    }

    /// What every analysis says about its numbers.
    static let notices =
        InstructionCounter.notices + [
            "function shares compare like with like only within a profile: native profiles count instructions (callgrind), wasmtime profiles count samples of the guest's stack every millisecond"
        ]

    /// Parses `--iterations`: comma-separated whole numbers (a word that is not one becomes 0,
    /// which `validate()` refuses with the list it got).
    static func counts(_ text: String) -> [Int] {
        RunCommand.list(text).map { Int($0) ?? 0 }
    }
}

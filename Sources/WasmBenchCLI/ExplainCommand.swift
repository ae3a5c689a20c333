import ArgumentParser
import Foundation
import WasmBenchExplain
import WasmBenchJobs
import WasmBenchPlan
import WasmBenchRunner

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
            profiler; their call stacks make flamegraphs (in the HTML report, files with --flamegraph). Kernels are built with their symbols for this (the same code as `run` \
            measures); wasmtime-aot compiles its artifact for the CPU valgrind emulates, without \
            this host's optional features. --opcodes also runs an instrumented copy of each module on \
            WasmKit, or on wasmtime-capi when it is asked for (a counter per basic block), for the exact Wasm opcode mix per iteration. Default runtimes: native, wasmtime, wasmtime-winch and node for the kernels; \
            the matched CPython pair (native, and WASI on wasmtime-aot) for --suite python. Exit \
            status: 0 all counted, 1 some cells failed, 3 an unreadable module, 4 no valgrind or \
            nothing runnable, 5 an output file not writable, 64 usage, 130 interrupted.
            """)

    @OptionGroup var choice: SelectionOptions
    @Option(
        parsing: .unconditional,
        help: "Iteration counts of the counted runs, comma-separated: three or more show whether the cost is steady.",
        transform: SelectionOptions.counts)
    var iterations: [Int] = [2, 4, 6]
    @Option(parsing: .unconditional, help: "Time limit of one process under valgrind, in seconds.") var timeout:
        Double = 1800
    @Option(parsing: .unconditional, help: "Functions each profile keeps.") var top = 25
    @Option(help: "Write the analysis (counts, profiles, commands) to this JSON file.") var json: String?
    @Option(help: "Write each workload's flamegraphs (native, Wasm, difference: SVG) and folded stacks here.")
    var flamegraph: String?
    @Flag(
        help:
            "Also count every Wasm opcode an iteration executes: an instrumented copy on WasmKit (INTERPRETER@wasmkit)."
    )
    var opcodes = false
    @Flag(help: "With --opcodes: skip callgrind (no valgrind needed).") var noCallgrind = false
    @OptionGroup var output: ReportOutput

    /// The workloads and runtimes these options choose: what `run` would plan for them, with the
    /// kernels' symbols kept for the function profiles.
    var selection: RunSelection {
        var selection = choice.selection
        selection.defaultRuntimes = Planner.explainedRuntimes(suite: choice.suite)
        selection.markers = !choice.modules.isEmpty
        selection.kernelSymbols = true
        selection.countOpcodes = opcodes
        return selection
    }

    func validate() throws {
        try usage { try Explainer.checkSettings(iterations: iterations, timeoutSeconds: timeout, topFunctions: top) }
        if noCallgrind && !opcodes { throw ValidationError("--no-callgrind applies to --opcodes") }
        try RunCommand.validate(selection)
    }

    func run() throws {
        var job = ExplainJob(
            selection: selection, iterations: iterations, timeoutSeconds: timeout, topFunctions: top,
            report: output.sink, toolVersion: Wasmbench.version)
        (job.skipCallgrind, job.json, job.quiet, job.flamegraphFolder) = (noCallgrind, json, choice.quiet, flamegraph)
        try CommandError.check(try job.execute())
    }
}

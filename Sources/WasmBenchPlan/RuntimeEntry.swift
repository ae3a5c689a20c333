import Foundation
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// One runtime of the registry: its id, what it is, what it can host, and how to make its adapter.
///
/// Adding a runtime to wasmbench is adding one entry to ``RuntimeRegistry/entries`` (plus its adapter).
public struct RuntimeEntry: Sendable {
    /// What a runtime can do beyond running a module.
    public struct Capabilities: OptionSet, Sendable {
        /// The raw bits.
        public let rawValue: Int

        /// Creates a set from its bits.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// It runs interpreters built for WASI: `INTERPRETER@ID` is a runtime.
        public static let hostsWASI = Capabilities(rawValue: 1 << 0)
        /// It is a JavaScript engine that runs Emscripten builds (Pyodide): `pyodide@ID` is a runtime.
        public static let hostsJavaScript = Capabilities(rawValue: 1 << 1)
        /// It runs native executables, and native interpreters run on it.
        public static let native = Capabilities(rawValue: 1 << 2)
    }

    /// The id users pass to `--runtime`.
    public let id: String
    /// What it is, for `--help`, `wasmbench runtimes` and the README.
    public let summary: String
    /// What it can host.
    public let capabilities: Capabilities
    /// The external tools its adapter is made from (the compiler aside, which every run has).
    public let tools: Set<Provisioner.Tool>
    /// Makes the adapter on this machine.
    let make: @Sendable (RuntimeContext) -> any BenchmarkRuntime
    /// For an engine embedded in wasmbench: makes it inside a worker process from the worker's
    /// `--library` and `--engine-version` arguments.
    let engine: (@Sendable (_ library: String?, _ version: String?) -> any InProcessEngine)?

    /// Creates an entry.
    init(
        _ id: String, _ summary: String, capabilities: Capabilities = [.hostsWASI], tools: Set<Provisioner.Tool> = [],
        engine: (@Sendable (_ library: String?, _ version: String?) -> any InProcessEngine)? = nil,
        make: @escaping @Sendable (RuntimeContext) -> any BenchmarkRuntime
    ) {
        self.id = id
        self.summary = summary
        self.capabilities = capabilities
        self.tools = tools
        self.engine = engine
        self.make = make
    }
}

/// What an adapter is made from on this machine: the tools found, the process launcher, wasmbench's
/// own executable (for worker processes) and the run's artifact folder.
public struct RuntimeContext: Sendable {
    /// The external tools, resolved once.
    public let toolbox: Toolbox
    /// Spawns every child.
    public let launcher: ProcessLauncher
    /// wasmbench's executable, which worker processes run.
    public let workerExecutable: String
    /// Where a run keeps AOT artifacts that may be reused across its processes.
    public let artifactFolder: String?
    /// The environment programs are looked up in (PATH) and asked their version with.
    public let environment: [String: String]

    /// Creates a context.
    public init(
        toolbox: Toolbox, launcher: ProcessLauncher, workerExecutable: String, artifactFolder: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.toolbox = toolbox
        self.launcher = launcher
        self.workerExecutable = workerExecutable
        self.artifactFolder = artifactFolder
        self.environment = environment
    }
}

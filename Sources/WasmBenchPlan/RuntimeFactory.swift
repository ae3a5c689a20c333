import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchProvision
import WasmBenchRuntime
import WasmBenchSubprocess

/// Makes the adapter for any runtime id on this machine: a runtime of the registry, or an
/// interpreter on its host.
public struct RuntimeFactory: Sendable {
    /// The tools, launcher and folders adapters are made from.
    public let context: RuntimeContext
    /// The interpreters on this machine (wasmbench's and the user's).
    public let interpreters: InterpreterCatalog
    /// The guest runner's host path (`wasmbench_runner.py`), for interpreter runtimes.
    public let pythonRunner: String?
    /// Runtimes the user described in spec files (`--runtime-spec`).
    public var userRuntimes: [RuntimeSpec] = []

    /// Creates a factory.
    public init(context: RuntimeContext, interpreters: InterpreterCatalog, pythonRunner: String?) {
        self.context = context
        self.interpreters = interpreters
        self.pythonRunner = pythonRunner
    }

    /// The adapter for `id`; an id that does not resolve is an error, never skipped.
    public func runtime(_ id: RuntimeID) throws(PlanError) -> any BenchmarkRuntime {
        if let spec = userRuntimes.first(where: { $0.id == id.base }) {
            guard let interpreter = id.interpreter else { return described(spec) }
            // A described runtime hosts an interpreter built for WASI as the built-in ones do.
            guard InterpreterCatalog.entry(interpreter, user: interpreters.user.map(\.id))?.placement == .wasi else {
                throw .usage("\(id) cannot run: \(spec.id) (from \(spec.path)) hosts interpreters built for WASI only")
            }
            return try interpreterRuntime(interpreter, on: described(spec))
        }
        switch try RuntimeRegistry.resolve(id, user: interpreters.user.map(\.id)) {
        case .runtime(let entry):
            return entry.make(context)
        case .nativeInterpreter(let entry):
            return try interpreterRuntime(entry.id, on: try native())
        case .hosted(let interpreter, let host) where interpreter.placement == .javaScript:
            return pyodide(on: host)
        case .hosted(let interpreter, let host):
            return try interpreterRuntime(interpreter.id, on: host.make(context))
        }
    }

    private var runner: String { pythonRunner ?? "wasmbench_runner.py" }

    /// A runtime described by a file: its program (and compiler) found on PATH, its version asked.
    private func described(_ spec: RuntimeSpec) -> any BenchmarkRuntime {
        let locator = ToolLocator(environment: context.environment)
        let executable = locator.find(spec.program)
        let compiler = spec.compile?.program.flatMap(locator.find)
        var problem: String?
        if executable == nil {
            problem =
                "\(spec.program) (from \(spec.path)) is not on PATH; install it or give `program` as an absolute path"
        } else if let named = spec.compile?.program, compiler == nil {
            problem = "\(named) (the compile step of \(spec.path)) is not on PATH; install it or give an absolute path"
        }
        var version = "unknown"
        if let executable, let arguments = spec.versionArguments,
            let output = try? context.launcher.capture(
                executable, arguments, environment: context.environment, timeout: 10)
        {
            let text = output.stdout.isEmpty ? output.stderr : output.stdout
            version = text.split(whereSeparator: \.isNewline).first.map { String($0.prefix(120)) } ?? "unknown"
        }
        return SpecRuntime(
            spec: spec, executable: executable, compiler: compiler, version: version, unavailableReason: problem,
            launcher: context.launcher)
    }

    private func native() throws(PlanError) -> any BenchmarkRuntime {
        guard let entry = RuntimeRegistry.entries.first(where: { $0.capabilities.contains(.native) }) else {
            throw PlanError.environment("the registry has no native runtime; please report this")
        }
        return entry.make(context)
    }

    private func interpreterRuntime(_ id: String, on host: any BenchmarkRuntime) throws(PlanError)
        -> any BenchmarkRuntime
    {
        guard let interpreter = interpreters.interpreter(id) else {
            throw PlanError.usage("the interpreter \(id) is in the catalog but cannot be described; please report this")
        }
        return InterpreterRuntime(interpreter: interpreter, host: host, runner: runner)
    }

    /// Pyodide on a Node tier, or in a headless browser (which Node's driver serves the page to).
    private func pyodide(on host: RuntimeEntry) -> any BenchmarkRuntime {
        let tier = NodeRuntime.Tier.allCases.first { $0.id == host.id } ?? .dynamic
        let browser = BrowserRuntime.Browser(rawValue: host.id).map { browser in
            let tool = browser.program == .firefox ? context.toolbox.firefox : context.toolbox.chromium
            return PyodideRuntime.BrowserHost(
                browser: browser, executable: tool.path, version: tool.version,
                unavailableReason: tool.unavailableReason)
        }
        let node = context.toolbox.node
        var folder: String?
        var problem: String?
        switch interpreters.provisioner.pyodideIndex() {
        case .success(let url): folder = url.path
        case .failure(let error): problem = error.description
        }
        return PyodideRuntime(
            tier: tier, node: node.path, nodeVersion: node.version, nodeUnavailableReason: node.unavailableReason,
            indexURL: folder, unavailableReason: problem, source: InterpreterProvisioner.pyodideSource, runner: runner,
            launcher: context.launcher, browser: browser)
    }
}

import WasmBenchInterpreters
import WasmBenchModel
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

    /// Creates a factory.
    public init(context: RuntimeContext, interpreters: InterpreterCatalog, pythonRunner: String?) {
        self.context = context
        self.interpreters = interpreters
        self.pythonRunner = pythonRunner
    }

    /// The adapter for `id`; an id that does not resolve is an error, never skipped.
    public func runtime(_ id: RuntimeID) throws(PlanError) -> any BenchmarkRuntime {
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

    /// Pyodide on a Node tier (the JavaScript hosts are Node's tiers).
    private func pyodide(on host: RuntimeEntry) -> any BenchmarkRuntime {
        let tier = NodeRuntime.Tier.allCases.first { $0.id == host.id } ?? .dynamic
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
            launcher: context.launcher)
    }
}

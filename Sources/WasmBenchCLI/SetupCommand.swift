import ArgumentParser
import Foundation
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchPlan
import WasmBenchProvision
import WasmBenchWorkloads

/// `wasmbench setup`: installs the PyPI runtimes and the compiler into the cache and builds the kernels.
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract:
            "Install the runtimes and the compiler wasmbench can get (PyPI) into its cache, and build the kernels.",
        discussion: "The cache is $WASMBENCH_HOME (default ~/.cache/wasmbench). Offline, it says what it could not get."
    )

    @Flag(
        help:
            "Also install every Python interpreter (PyPI, Debian's pypy3), pyperformance, and build the matched CPython pair."
    ) var python = false

    func run() throws {
        let session = Session()
        session.printer.line("setup: cache folder \(session.home.root.path)")
        let toolbox = session.workspace.toolbox(install: true)
        for tool in [toolbox.wasmtime, toolbox.libwasmtime, toolbox.node, toolbox.compiler.tool] {
            if let path = tool.path {
                session.printer.line("setup: \(tool.name) \(tool.version) at \(path) (\(tool.source))")
            } else {
                session.printer.line("setup: \(tool.name) unavailable: \(tool.unavailableReason ?? "unknown reason")")
            }
        }
        do {
            let suite = try KernelSuite(home: session.home, launcher: session.launcher, compiler: toolbox.compiler)
            let built = try suite.build { session.printer.line("setup: \($0)") }
            session.printer.line("setup: \(built.count) kernels ready")
        } catch {
            throw CommandError(.environment, "\(error)")
        }
        if python { try setUpPython(session, toolbox: toolbox) }
    }

    /// Installs the interpreters and pyperformance, and builds the matched pair; an interpreter
    /// that cannot be had is reported and the others still are.
    private func setUpPython(_ session: Session, toolbox: Toolbox) throws {
        let factory = session.workspace.runtimeFactory(toolbox, install: true)
        do {
            let workloads = try PythonSuite(installer: session.workspace.installer).workloads(only: []) {
                session.printer.line("setup: \($0)")
            }
            session.printer.line("setup: \(workloads.count) python benchmarks ready")
        } catch {
            throw CommandError(.environment, "\(error)")
        }
        // The pair is built below; the others are installed through one of their hosts.
        let pair = [MatchedPairInterpreters.nativeID, MatchedPairInterpreters.wasiID]
        let ids = InterpreterCatalog.builtIn.filter { !pair.contains($0.id) }.map { entry in
            switch entry.placement {
            case .native: RuntimeID(base: entry.id)
            case .wasi: RuntimeID(base: "wasmtime", interpreter: entry.id)
            case .javaScript: RuntimeID(base: "node", interpreter: entry.id)
            }
        }
        for id in ids {
            guard let info = try? factory.runtime(id).describe() else { continue }
            session.printer.line(
                "setup: \(id) "
                    + (info.available ? "\(info.version) ready" : "unavailable: \(info.unavailableReason ?? "?")"))
        }
        do {
            let pair = try session.workspace.buildMatchedPair(
                source: .debianDefault, jobs: ProcessInfo.processInfo.activeProcessorCount)
            session.printer.line("setup: matched CPython pair \(pair.version) ready in \(pair.folder)")
        } catch {
            session.printer.line("setup: the matched CPython pair could not be built: \(error.description)")
        }
    }
}

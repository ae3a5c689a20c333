import Foundation
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchProvision
import WasmBenchWorkloads

extension Workspace {
    /// Installs the Python interpreters and pyperformance, and builds the matched pair (what
    /// `wasmbench setup --python` does), saying on ``progress`` what is ready and what is not; an
    /// interpreter that cannot be had is reported and the others still are.
    ///
    /// - Throws: ``PlanError/environment(_:)`` when the python suite itself cannot be installed.
    public func setUpPython(toolbox: Toolbox) throws(PlanError) {
        let factory = runtimeFactory(toolbox, install: true)
        let progress = self.progress
        do {
            let workloads = try PythonSuite(installer: installer).workloads(only: []) { progress("setup: \($0)") }
            progress("setup: \(workloads.count) python benchmarks ready")
        } catch {
            throw .environment("\(error)")
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
            progress(
                "setup: \(id) "
                    + (info.available ? "\(info.version) ready" : "unavailable: \(info.unavailableReason ?? "?")"))
        }
        do {
            let pair = try buildMatchedPair(source: .debianDefault, jobs: ProcessInfo.processInfo.activeProcessorCount)
            progress("setup: matched CPython pair \(pair.version) ready in \(pair.folder)")
        } catch {
            progress("setup: the matched CPython pair could not be built: \(error.description)")
        }
    }
}

extension Workspace {
    /// Says on ``progress`` where each tool is (wasmtime, libwasmtime, node, the compiler, wasm3's
    /// driver, wamr and wamrc) or why it cannot be had, and whether each Wasmer compiler is ready,
    /// then builds the kernels: what `wasmbench setup` does before `--python`. A tool that cannot be
    /// had is not an error here: it is returned (the Wasmer compilers are not: they are only said).
    ///
    /// - Returns: each tool that could not be had, with its reason.
    /// - Throws: ``PlanError/environment(_:)`` when the kernels cannot be built.
    public func setUpKernels(toolbox: Toolbox) throws(PlanError) -> [String] {
        var missing: [String] = []
        let tools = [
            toolbox.wasmtime, toolbox.libwasmtime, toolbox.node, toolbox.compiler.tool, toolbox.wasm3, toolbox.wamr,
            toolbox.wamrc,
        ]
        for tool in tools {
            if let path = tool.path {
                progress("setup: \(tool.name) \(tool.version) at \(path) (\(tool.source))")
            } else {
                let reason = tool.unavailableReason ?? "unknown reason"
                progress("setup: \(tool.name) unavailable: \(reason)")
                missing.append("\(tool.name) (\(reason))")
            }
        }
        // Wasmer's compilers are said, not required: they need a Python 3.10 the machine may lack.
        for compiler in WasmerPython.Compiler.allCases {
            let python = toolbox.wasmer.python
            progress(
                "setup: wasmer-\(compiler.rawValue) "
                    + (toolbox.wasmer.engine(compiler).unavailableReason.map { "unavailable: \($0)" }
                        ?? "ready (wasmer-python \(WasmerPython.bindingsVersion) on Python \(python.version), \(python.source))")
            )
        }
        do {
            let suite = try KernelSuite(home: home, launcher: launcher, compiler: toolbox.compiler)
            let progress = self.progress
            let built = try suite.build { progress("setup: \($0)") }
            progress("setup: \(built.count) kernels ready")
        } catch {
            throw .environment("\(error)")
        }
        return missing
    }
}

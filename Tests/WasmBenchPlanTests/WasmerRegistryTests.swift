import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchPlan
import WasmBenchProvision
import WasmBenchSubprocess

/// The Wasmer runtimes in the one registry: an id per compiler, an honest summary, and an
/// availability that says how to get what is missing.
@Suite("The registry's Wasmer runtimes")
struct WasmerRegistryTests {
    let folder = TemporaryFolder()

    @Test("one id per compiler, in order, each naming the old engine and the bindings it comes through")
    func entries() throws {
        let ids = RuntimeRegistry.ids.filter { $0.hasPrefix("wasmer-") }
        #expect(ids == ["wasmer-cranelift", "wasmer-singlepass", "wasmer-llvm"])
        #expect(ids == WasmerRuntime.Compiler.allCases.map(\.id))
        // The adapter's compilers and the provisioner's are the same three.
        #expect(WasmerRuntime.Compiler.allCases.map(\.rawValue) == WasmerPython.Compiler.allCases.map(\.rawValue))
        for id in ids {
            let entry = try #require(RuntimeRegistry.entry(id))
            #expect(entry.summary.hasPrefix("Wasmer 2.1.1 engine (late 2021) via wasmer-python 1.1.0 (Jan 2022)"))
            #expect(!entry.capabilities.contains(.hostsWASI), "the driver mounts no folders: no interpreter runs there")
        }
        #expect(!Preset.all.runtimes.filter { $0.base.hasPrefix("wasmer-") }.isEmpty)
    }

    @Test("without a Python 3.10 every Wasmer runtime is listed unavailable, saying how to get one")
    func noPython() throws {
        let environment = [
            "PATH": folder.path("empty"), "HOME": folder.path("home"), "PYENV_ROOT": folder.path("no-pyenv"),
            "WASMBENCH_HOME": folder.path("cache"),
        ]
        let workspace = Workspace(environment: environment, progress: { _ in })
        let factory = workspace.runtimeFactory(workspace.toolbox(install: false), install: false)
        for id in ["wasmer-cranelift", "wasmer-singlepass", "wasmer-llvm"] {
            let info = try factory.runtime(#require(RuntimeID(id))).describe()
            #expect(!info.available)
            #expect(info.unavailableReason == ProvisionError.noPython310.description, "\(id)")
        }
        let listing = try factory.listing().joined(separator: "\n")
        #expect(listing.contains("wasmer-llvm"))
        #expect(listing.contains("no Python 3.10 found"))
    }
}

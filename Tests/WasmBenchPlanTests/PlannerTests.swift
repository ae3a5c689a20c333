import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchPlan
import WasmBenchRuntime

@Suite("The planner: a selection checked, resolved and turned into workloads and adapters")
struct PlannerTests {
    let folder = TemporaryFolder()

    /// A planner in an empty cache with nothing on PATH and installing off: nothing is fetched.
    func planner() -> Planner {
        Planner(
            workspace: Workspace(
                environment: ["PATH": folder.path("empty"), "WASMBENCH_HOME": folder.path("home")], progress: { _ in }))
    }

    func module() throws -> String {
        let path = folder.path("hello.wat")
        try GuestModules.hello.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func selection(_ runtimes: [String], modules: [String] = []) -> RunSelection {
        var selection = RunSelection(runtimes: runtimes.compactMap(RuntimeID.init), modules: modules)
        selection.install = false
        return selection
    }

    @Test("Options that need one another are usage errors")
    func usage() throws {
        var benchmarks = selection([])
        benchmarks.benchmarks = ["nbody"]
        #expect(throws: PlanError.usage("--benchmark applies to --suite python")) {
            try planner().validate(benchmarks)
        }
        var invoke = selection([])
        invoke.invoke = "add"
        #expect(throws: PlanError.usage("--invoke needs a module to call into")) { try planner().validate(invoke) }
        var hosted = selection([])
        hosted.hosting.environment = ["A": "1"]
        #expect(throws: PlanError.self) { try planner().validate(hosted) }
        var baseline = selection([])
        baseline.baseline = RuntimeID("wasmer")
        let error = try #require(throws: PlanError.self) { try planner().validate(baseline) }
        #expect(error.description.contains("unknown baseline `wasmer`"))
    }

    @Test("An id that does not resolve is an error, never skipped")
    func unknownRuntime() throws {
        let error = try #require(throws: PlanError.self) { try planner().plan(selection(["wasmkit", "wasmer"])) }
        guard case .usage(let message) = error else {
            Issue.record("expected a usage error, got \(error)")
            return
        }
        #expect(message.contains("unknown runtime wasmer"))
    }

    @Test("A bad interpreter spec file is a usage error naming the file")
    func badSpec() throws {
        let spec = folder.path("spec.json")
        try Data("{\"id\": 3}".utf8).write(to: URL(fileURLWithPath: spec))
        var selection = selection([])
        selection.interpreterSpecs = [spec]
        let error = try #require(throws: PlanError.self) { try planner().validate(selection) }
        #expect(error.description.contains(spec))
    }

    @Test("A runtime described by a file hosts interpreters built for WASI, and only those")
    func describedHost() throws {
        let spec = folder.path("engine.json")
        try Data(
            #"{"id": "engine", "program": "/bin/true", "run": ["{module}", "{arguments}"], "mount": ["--dir", "{host}::{guest}"]}"#
                .utf8
        ).write(to: URL(fileURLWithPath: spec))
        var hosted = selection(["engine", "micropython-wasi@engine"])
        hosted.runtimeSpecs = [spec]
        try planner().validate(hosted)
        var javaScript = selection(["pyodide@engine"])
        javaScript.runtimeSpecs = [spec]
        let error = try #require(throws: PlanError.self) { try planner().validate(javaScript) }
        #expect(error.description.contains("pyodide@engine cannot run") && error.description.contains("built for WASI"))
    }

    @Test(
        "The defaults: one engine of each kind for kernels (every one with --preset all), the python suite's own list")
    func defaults() {
        let kernels = Planner.defaultRuntimes(suite: nil).map(\.description)
        #expect(kernels == ["native", "wasmkit", "wasmtime", "wasmtime-aot", "node"])
        #expect(kernels.allSatisfy(RuntimeRegistry.ids.contains))
        #expect(Preset.all.runtimes.map(\.description) == RuntimeRegistry.ids)
        let python = Planner.defaultRuntimes(suite: .python).map(\.description)
        #expect(python.first == "cpython3.11-native")
        #expect(python.contains("pyodide@node") && python.contains("micropython-wasi@wasmtime-aot"))
        #expect(python.allSatisfy { RuntimeRegistry.isKnown(RuntimeID($0) ?? RuntimeID(base: "?")) })
        #expect(RunSelection(suite: .python).resolvedBaseline.description == "cpython3.11-native")
        #expect(RunSelection().resolvedBaseline.description == "native")
    }

    @Test("A module on WasmKit plans with the baseline added, a missing runtime kept with its reason")
    func plansModule() throws {
        let wat = try module()
        let plan = try planner().plan(selection(["wasmkit", "wasmtime"], modules: [wat, folder.path("missing.wasm")]))
        #expect(plan.runtimes.map(\.info.id) == ["native", "wasmkit", "wasmtime"])
        #expect(plan.notices.contains("added the baseline runtime native to the runtimes asked for"))
        #expect(plan.notices.contains { $0.hasPrefix("wasmtime not run:") })
        #expect(plan.workloads.map(\.info.id) == ["hello.wat"])
        #expect(plan.rejected.map(\.workload) == [folder.path("missing.wasm")])
        #expect(plan.rejected.first?.kind == .invalidModule)
    }

    @Test("Nothing asked for can run here: an environment error that says why")
    func nothingRuns() throws {
        let error = try #require(throws: PlanError.self) {
            try planner().plan(selection(["wasmtime"], modules: [try module()]))
        }
        guard case .environment(let message) = error else {
            Issue.record("expected an environment error, got \(error)")
            return
        }
        #expect(message.contains("none of the runtimes asked for can run here"))
    }
}

import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The node command lines, read from a stub `node` that records its arguments; the driver's
/// report is written by the test where the driver would write it.
@Suite("Node: V8 flags per tier and the driver's command line")
struct NodeRuntimeTests {
    let setting = AdapterSetting()

    func runtime(_ tier: NodeRuntime.Tier, _ node: StubProgram?) -> NodeRuntime {
        NodeRuntime(
            tier: tier, executable: node?.path, version: "v22.0.0, V8 12.4",
            unavailableReason: node == nil ? "no node" : nil,
            launcher: ProcessLauncher())
    }

    /// Writes the report the driver would leave in the scratch folder.
    func report(_ json: String) throws {
        try json.write(toFile: setting.scratch + "/node-report.json", atomically: true, encoding: .utf8)
    }

    @Test("lazy compilation is off in every tier; Liftoff-only and TurboFan-only switch the other tier off")
    func tiers() {
        #expect(NodeRuntime.Tier.dynamic.flags == ["--no-wasm-lazy-compilation"])
        #expect(NodeRuntime.Tier.liftoff.flags == ["--no-wasm-lazy-compilation", "--liftoff", "--no-wasm-tier-up"])
        #expect(NodeRuntime.Tier.turbofan.flags == ["--no-wasm-lazy-compilation", "--no-liftoff"])
        #expect(NodeRuntime.Tier.allCases.map(\.id) == ["node", "node-liftoff", "node-turbofan"])
    }

    @Test(
        "a command: the tier's flags, the driver, its report and hosting files, the module and the guest's arguments",
        arguments: NodeRuntime.Tier.allCases)
    func command(tier: NodeRuntime.Tier) throws {
        let node = try StubProgram(in: setting.folder, name: "node", stdout: AdapterSetting.oneIteration)
        try report(AdapterSetting.commandReport)
        let outcome = runtime(tier, node).run(setting.request(setting.kernel()))
        let driver = try AdapterSetting.shippedDriver(NodeRuntime.driverPath, named: "node-driver.mjs")
        let scratch = setting.scratch
        #expect(
            try node.calls() == [
                tier.flags + [
                    "--no-warnings", driver, scratch + "/node-report.json", scratch + "/node-hosting.json",
                    setting.module, "command", "--size", "3", "1",
                ]
            ])
        #expect(outcome.status == .completed)
        #expect(Array(outcome.samples.prefix(2)) == AdapterSetting.commandReportSamples)
    }

    @Test("an invoked export: `invoke ITERATIONS NAME types:TYPES VALUES`, the types `?` when not read")
    func invoke() throws {
        let node = try StubProgram(in: setting.folder, name: "node")
        try report(#"{"phases":{},"iterations":[1,2,3,4],"exitCode":0}"#)
        let outcome = runtime(.dynamic, node).run(setting.request(setting.invoke, iterations: 4))
        #expect(try node.calls().first?.suffix(7) == [setting.module, "invoke", "4", "add", "types:?", "1", "2"])
        #expect(outcome.samples.filter { $0.phase == .execute }.compactMap(\.iteration) == [0, 1, 2, 3])
        var typed = setting.invoke
        typed.parameterTypes = ["i64", "f64"]
        _ = runtime(.dynamic, node).run(setting.request(typed, iterations: 1))
        #expect(try node.calls().last?.suffix(3) == ["types:i64,f64", "1", "2"])
    }

    @Test("the guest's hosting goes to the driver as JSON, as given")
    func hostingFile() throws {
        let node = try StubProgram(in: setting.folder, name: "node")
        let hosting = GuestHosting(
            mounts: [GuestHosting.Mount(hostPath: "/host", guestPath: "/data")], environment: ["A": "1"],
            commandExport: "run", trapUnknownImports: true)
        _ = runtime(.dynamic, node).run(setting.request(setting.kernel(hosting: hosting)))
        let data = try #require(FileManager.default.contents(atPath: setting.scratch + "/node-hosting.json"))
        #expect(try JSONDecoder().decode(GuestHosting.self, from: data) == hosting)
    }

    @Test("the driver's error names V8")
    func engineName() throws {
        let node = try StubProgram(in: setting.folder, name: "node")
        try report(#"{"phases":{},"iterations":[],"error":{"kind":"trap","message":"RuntimeError: unreachable"}}"#)
        let outcome = runtime(.dynamic, node).run(setting.request(setting.kernel()))
        #expect(outcome.status == .failed(.trap, "V8: RuntimeError: unreachable"))
    }

    @Test("describe() gives the tier's flags and the phases the driver times")
    func describe() throws {
        let info = runtime(.liftoff, try StubProgram(in: setting.folder, name: "node")).describe()
        #expect(info.id == "node-liftoff")
        #expect(info.flags == NodeRuntime.Tier.liftoff.flags)
        #expect(info.available)
        #expect(info.exposedPhases == [.compile, .instantiate, .startup, .execute, .wall])
    }

    @Test("without node, it is unavailable and its runs are unsupported with the problem")
    func unavailable() {
        let runtime = runtime(.dynamic, nil)
        #expect(runtime.describe().available == false)
        #expect(runtime.unsupportedReason(for: setting.kernel()) == "no node")
        #expect(runtime.run(setting.request(setting.kernel())).status == .failed(.unsupported, "no node"))
    }
}

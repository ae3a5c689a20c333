import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The wasm3 driver's command lines, read from a stub driver that records its arguments; the
/// driver's report is written by the test where the driver would write it.
@Suite("wasm3: the driver's command line, its report's phases and what it cannot host")
struct Wasm3RuntimeTests {
    let setting = AdapterSetting()

    func runtime(_ driver: StubProgram?) -> Wasm3Runtime {
        Wasm3Runtime(
            driver: driver?.path, version: "0.5.0", unavailableReason: driver == nil ? "no sources" : nil,
            source: "test", launcher: ProcessLauncher())
    }

    /// Writes the report the driver would leave in the scratch folder.
    func report(_ json: String) throws {
        try json.write(toFile: setting.scratch + "/wasm3-report.json", atomically: true, encoding: .utf8)
    }

    @Test(
        "a command: the report, the module, `command _start` and the guest's arguments; parse, instantiate and compile from the report"
    )
    func command() throws {
        let driver = try StubProgram(in: setting.folder, name: "wasm3-driver", stdout: AdapterSetting.oneIteration)
        try report(
            #"{"phases":{"parse":1000,"instantiate":2000,"compile":3000,"start":4000},"iterations":[],"entryRealtime":1,"exitCode":0}"#
        )
        let outcome = runtime(driver).run(setting.request(setting.kernel()))
        #expect(
            try driver.calls() == [
                [setting.scratch + "/wasm3-report.json", setting.module, "command", "_start", "--size", "3", "1"]
            ])
        #expect(outcome.status == .completed)
        #expect(
            outcome.samples.prefix(3) == [
                PhaseSample(.parse, .time, 0.000_001), PhaseSample(.compile, .time, 0.000_003),
                PhaseSample(.instantiate, .time, 0.000_002),
            ])
        #expect(outcome.samples.contains(PhaseSample(.execute, .time, 0.000_005, iteration: 0)))
    }

    @Test("another entry export is passed in place of _start")
    func entryExport() throws {
        let driver = try StubProgram(in: setting.folder, name: "wasm3-driver")
        _ = runtime(driver).run(setting.request(setting.kernel(hosting: GuestHosting(commandExport: "run"))))
        #expect(try driver.calls().first?.dropFirst(2).prefix(2) == ["command", "run"])
    }

    @Test("an invoked export: `invoke ITERATIONS NAME VALUES`, each call's time from the report")
    func invoke() throws {
        let driver = try StubProgram(in: setting.folder, name: "wasm3-driver")
        try report(#"{"phases":{"parse":1,"instantiate":1,"compile":1},"iterations":[5,6,7],"exitCode":0}"#)
        let outcome = runtime(driver).run(setting.request(setting.invoke, iterations: 3))
        #expect(try driver.calls().first?.dropFirst(2) == ["invoke", "3", "add", "1", "2"])
        #expect(outcome.status == .completed)
        #expect(outcome.samples.filter { $0.phase == .execute }.compactMap(\.iteration) == [0, 1, 2])
    }

    @Test("a trap the driver reports is a trap; no report at all is a runtime error that says so")
    func failures() throws {
        let driver = try StubProgram(in: setting.folder, name: "wasm3-driver")
        try report(
            #"{"phases":{"parse":1},"iterations":[],"error":{"kind":"trap","message":"[trap] unreachable executed"}}"#)
        let trapped = runtime(driver).run(setting.request(setting.kernel()))
        #expect(trapped.status == .failed(.trap, "wasm3: [trap] unreachable executed"))
        try FileManager.default.removeItem(atPath: setting.scratch + "/wasm3-report.json")
        let silent = runtime(driver).run(setting.request(setting.invoke))
        guard case .failed(.runtimeError, let message) = silent.status else {
            Issue.record("\(silent.status)")
            return
        }
        #expect(message.hasPrefix("the wasm3 driver wrote no report"))
    }

    @Test("folders, variables and trap-linked imports are unsupported, with the reason; nothing is spawned")
    func hosting() throws {
        let driver = try StubProgram(in: setting.folder, name: "wasm3-driver")
        let hosting = GuestHosting(
            mounts: [GuestHosting.Mount(hostPath: "/host", guestPath: "/data")], environment: ["A": "1"],
            trapUnknownImports: true)
        let program = setting.kernel(hosting: hosting)
        let reason = try #require(runtime(driver).unsupportedReason(for: program))
        #expect(
            reason
                == "wasm3's driver runs plain WASI commands and exports only, and kernels/k needs preopened folders, environment variables, imports linked as traps"
        )
        #expect(runtime(driver).run(setting.request(program)).status == .failed(.unsupported, reason))
        #expect(try driver.calls().isEmpty)
    }

    @Test(
        "describe: parse, compile and instantiate apart, eager compile; without a driver, unavailable with the reason")
    func describe() throws {
        let info = runtime(try StubProgram(in: setting.folder, name: "wasm3-driver")).describe()
        #expect(info.id == "wasm3" && info.available && info.flags == ["compile=eager"])
        #expect(info.exposedPhases == [.parse, .compile, .instantiate, .startup, .execute, .wall])
        let missing = runtime(nil)
        #expect(missing.describe().available == false && missing.describe().unavailableReason == "no sources")
        #expect(missing.unsupportedReason(for: setting.kernel()) == "no sources")
    }
}

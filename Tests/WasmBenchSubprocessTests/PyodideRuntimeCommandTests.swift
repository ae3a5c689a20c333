import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// Pyodide's adapter without Pyodide: its id per tier, what it refuses, what it reads from a
/// distribution's `pyodide-lock.json`, and the driver's command line, read from a stub `node`.
@Suite("Pyodide: ids, script workloads only, the lock file and the driver's command line")
struct PyodideRuntimeCommandTests {
    let setting = AdapterSetting()

    func runtime(
        tier: NodeRuntime.Tier = .dynamic, node: String? = "/usr/bin/node", indexURL: String? = "/pyodide",
        unavailableReason: String? = nil, browser: PyodideRuntime.BrowserHost? = nil
    ) -> PyodideRuntime {
        PyodideRuntime(
            tier: tier, node: node, nodeVersion: "v22.0.0",
            nodeUnavailableReason: node == nil ? "node is missing" : nil,
            indexURL: indexURL, unavailableReason: unavailableReason, source: "test",
            runner: "/runner/wasmbench_runner.py",
            launcher: ProcessLauncher(), browser: browser)
    }

    func firefox(_ executable: String? = "/usr/bin/firefox-esr") -> PyodideRuntime.BrowserHost {
        PyodideRuntime.BrowserHost(
            browser: .firefoxIon, executable: executable, version: "Firefox 1.0",
            unavailableReason: executable == nil ? "firefox is not installed; apt-get install firefox-esr" : nil)
    }

    var script: GuestProgram {
        GuestProgram(
            workload: "python/fib", wasmPath: "", entry: .command(arguments: []), reportsMarkers: true,
            script: "/bench/bm_fib.py")
    }

    @Test("the id names the node tier it runs on", arguments: NodeRuntime.Tier.allCases)
    func ids(tier: NodeRuntime.Tier) {
        #expect(runtime(tier: tier).id == "pyodide@\(tier.id)")
    }

    @Test("a workload that is not a script is unsupported, with the reason")
    func notAScript() throws {
        let program = GuestProgram(
            workload: "kernels/fib", wasmPath: "/k.wasm", entry: .command(arguments: []), reportsMarkers: true)
        let reason = try #require(runtime().unsupportedReason(for: program))
        #expect(reason.contains("not a script workload"))
    }

    @Test("without Pyodide or node it is unavailable, saying what to do")
    func unavailable() {
        #expect(
            runtime(indexURL: nil).unsupportedReason(for: script) == "Pyodide is not installed; run `wasmbench setup`")
        #expect(runtime(node: nil).unsupportedReason(for: script) == "node is missing")
        #expect(runtime(unavailableReason: "the install failed").describe().unavailableReason == "the install failed")
        #expect(runtime().unsupportedReason(for: script) == nil)
    }

    @Test("describe() reads Pyodide's, Python's and Emscripten's versions from pyodide-lock.json")
    func lockFile() throws {
        let distribution = setting.folder.path("pyodide")
        try FileManager.default.createDirectory(atPath: distribution, withIntermediateDirectories: true)
        try
            #"{"info":{"version":"0.27.7","python":"3.12.7","platform":"emscripten_3_1_58","arch":"wasm32"},"packages":{}}"#
            .write(toFile: distribution + "/pyodide-lock.json", atomically: true, encoding: .utf8)
        let info = runtime(tier: .liftoff, indexURL: distribution).describe()
        #expect(info.version == "0.27.7 (Python 3.12.7)")
        #expect(info.build?.compiler == "Emscripten 3.1.58")
        #expect(info.build?.version == "3.12.7")
        #expect(info.flags == ["host=node-liftoff", "host-version=v22.0.0"] + NodeRuntime.Tier.liftoff.flags)
        #expect(info.exposedPhases == [.load, .startup, .import, .execute, .wall])
    }

    @Test("a distribution without a readable lock file has unknown versions, not made-up ones")
    func noLockFile() throws {
        let empty = setting.folder.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let info = runtime(indexURL: empty).describe()
        #expect(info.version == "unknown (Python unknown)")
        #expect(info.build?.compiler == nil)
        try "{not json".write(toFile: empty + "/pyodide-lock.json", atomically: true, encoding: .utf8)
        #expect(runtime(indexURL: empty).describe().version == "unknown (Python unknown)")
    }

    @Test("a run: the tier's flags, the driver, the distribution, the runner, the benchmark and the iterations")
    func command() throws {
        let stdout =
            // Times inside the stub's own (millisecond) process: markers beyond it are a bad report.
            "wasmbench:load 20000\nwasmbench:import 10000\nwasmbench:iter 0 5000\nwasmbench:check ok 1\n"
        let node = try StubProgram(in: setting.folder, name: "node", stdout: stdout)
        let outcome = runtime(tier: .turbofan, node: node.path).run(setting.request(script))
        let driver = try #require(PyodideRuntime.driverPath)
        #expect(driver.hasSuffix("/Drivers/pyodide-driver.mjs"))
        #expect(
            try node.calls() == [
                NodeRuntime.Tier.turbofan.flags + [
                    "--no-warnings", driver, "--index-url", "/pyodide", "--runner", "/runner/wasmbench_runner.py",
                    "--benchmark", "/bench/bm_fib.py", "--iterations", "1",
                ]
            ])
        #expect(outcome.status == .completed)
        #expect(
            outcome.samples.prefix(3) == [
                PhaseSample(.load, .time, 0.000_02), PhaseSample(.import, .time, 0.000_01),
                PhaseSample(.execute, .time, 0.000_005, iteration: 0),
            ])
    }

    @Test(
        "in a browser: node runs the browser driver in its pyodide mode with the browser's command, the output limit, the runner, the benchmark and the iterations"
    )
    func browserCommand() throws {
        let stdout = "wasmbench:load 20000\nwasmbench:import 10000\nwasmbench:iter 0 5000\nwasmbench:check ok 1\n"
        let node = try StubProgram(in: setting.folder, name: "node", stdout: stdout)
        let runtime = runtime(node: node.path, browser: firefox())
        #expect(runtime.id == "pyodide@firefox-ion")
        let outcome = runtime.run(setting.request(script))
        #expect(outcome.status == .completed)
        let call = try #require(try node.calls().first)
        let driver = try #require(BrowserRuntime.driverPath)
        let scratch = setting.scratch
        #expect(Array(call.prefix(4)) == ["--no-warnings", driver, scratch + "/browser-report.json", "/pyodide"])
        let command = try JSONDecoder().decode([String].self, from: Data(call[4].utf8))
        #expect(
            command
                == BrowserRuntime.Browser.firefoxIon.command(
                    "/usr/bin/firefox-esr", profile: scratch + "/browser-profile"))
        #expect(
            Array(call.suffix(5)) == [
                String(RunConfiguration.defaultOutputLimitBytes), "pyodide", "/runner/wasmbench_runner.py",
                "/bench/bm_fib.py", "1",
            ])
        #expect(
            try String(contentsOfFile: scratch + "/browser-profile/user.js", encoding: .utf8).contains("baselinejit"))
        #expect(outcome.samples.first == PhaseSample(.load, .time, 0.000_02))
    }

    @Test("in a browser: describe() names the browser, its version and tier; without the browser it is unavailable")
    func browserDescribe() {
        let info = runtime(browser: firefox()).describe()
        #expect(info.flags.prefix(2) == ["host=firefox-ion", "host-version=Firefox 1.0"])
        #expect(info.notes.contains { $0.hasPrefix("tier: Ion only") })
        #expect(info.notes.contains { $0.contains("the browser's start-up and the page load") })
        let missing = runtime(browser: firefox(nil))
        #expect(missing.unsupportedReason(for: script) == "firefox is not installed; apt-get install firefox-esr")
        #expect(missing.describe().available == false)
    }
}

import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The Python command lines of the Wasmer runtimes, read from a stub `python3.10` that records its
/// arguments; the driver's report is written by the test where the driver would write it.
@Suite("Wasmer: the driver's command line per compiler, and what it refuses")
struct WasmerRuntimeTests {
    let setting = AdapterSetting()

    func runtime(
        _ compiler: WasmerRuntime.Compiler, _ python: StubProgram?, environment: [String: String] = [:]
    ) -> WasmerRuntime {
        WasmerRuntime(
            compiler: compiler, python: python?.path, pythonVersion: "3.10.13", version: "2.1.1 (wasmer-python 1.1.0)",
            importPaths: ["/cache/wasmer-1.1.0", "/cache/wasmer-compiler-\(compiler.rawValue)-1.1.0"],
            environment: environment, unavailableReason: python == nil ? "no Python 3.10 found" : nil,
            launcher: ProcessLauncher())
    }

    /// Writes the report the driver would leave in the scratch folder.
    func report(_ json: String) throws {
        try json.write(toFile: setting.scratch + "/wasmer-report.json", atomically: true, encoding: .utf8)
    }

    @Test("one id per compiler, each recording its compiler and the Python that runs it")
    func ids() {
        #expect(WasmerRuntime.Compiler.allCases.map(\.id) == ["wasmer-cranelift", "wasmer-singlepass", "wasmer-llvm"])
        #expect(
            runtime(.singlepass, nil).flags == ["engine=universal", "compiler=singlepass", "python=3.10.13"])
    }

    @Test(
        "a command: isolated Python, the driver, the import folders, the compiler, the report, the module and the guest's arguments",
        arguments: WasmerRuntime.Compiler.allCases)
    func command(compiler: WasmerRuntime.Compiler) throws {
        let python = try StubProgram(in: setting.folder, name: "python3.10", stdout: AdapterSetting.oneIteration)
        try report(AdapterSetting.commandReport)
        let outcome = runtime(compiler, python).run(setting.request(setting.kernel()))
        let driver = try AdapterSetting.shippedDriver(WasmerRuntime.driverPath, named: "wasmer-driver.py")
        #expect(
            try python.calls() == [
                [
                    "-I", "-S", driver, "--path", "/cache/wasmer-1.1.0", "--path",
                    "/cache/wasmer-compiler-\(compiler.rawValue)-1.1.0", compiler.rawValue,
                    setting.scratch + "/wasmer-report.json", setting.module, "command", "--size", "3", "1",
                ]
            ])
        #expect(outcome.status == .completed)
        #expect(Array(outcome.samples.prefix(2)) == AdapterSetting.commandReportSamples)
    }

    @Test("an invoked export: `invoke ITERATIONS NAME types:TYPES VALUES`, as the node driver takes it")
    func invoke() throws {
        let python = try StubProgram(in: setting.folder, name: "python3.10")
        try report(#"{"phases":{},"iterations":[1,2,3],"exitCode":0}"#)
        var typed = setting.invoke
        typed.parameterTypes = ["i64", "f64"]
        let outcome = runtime(.cranelift, python).run(setting.request(typed, iterations: 3))
        #expect(
            try python.calls().first?.suffix(7) == [setting.module, "invoke", "3", "add", "types:i64,f64", "1", "2"])
        #expect(outcome.samples.filter { $0.phase == .execute }.compactMap(\.iteration) == [0, 1, 2])
    }

    @Test("the LLVM preload reaches the process, and the recorded command carries it for `reproduce`")
    func preload() throws {
        let seen = setting.folder.path("seen")
        let python = try StubProgram(
            in: setting.folder, name: "python3.10",
            body: "printf '%s %s' \"$LD_PRELOAD\" \"$LD_LIBRARY_PATH\" > \(seen)")
        try report(#"{"phases":{"compile":1,"instantiate":1,"start":1},"iterations":[],"exitCode":0}"#)
        let environment = ["LD_PRELOAD": "libtinfo.so.5", "LD_LIBRARY_PATH": "/cache/shim"]
        let runtime = runtime(.llvm, python, environment: environment)
        let outcome = runtime.run(setting.request(setting.kernel()))
        #expect(try String(contentsOfFile: seen, encoding: .utf8) == "libtinfo.so.5 /cache/shim")
        let command = try #require(outcome.command)
        #expect(command.hasPrefix("env LD_LIBRARY_PATH=/cache/shim LD_PRELOAD=libtinfo.so.5 \(python.path) -I -S "))
        #expect(runtime.describe().notes.contains { $0.contains("preloaded as libtinfo.so.5") })
    }

    @Test("the driver's error names Wasmer, and a guest's exit status is a non-zero exit")
    func errors() throws {
        let python = try StubProgram(in: setting.folder, name: "python3.10")
        try report(
            #"{"phases":{"compile":1},"iterations":[],"error":{"kind":"trap","message":"RuntimeError: unreachable"}}"#)
        let trap = runtime(.singlepass, python).run(setting.request(setting.kernel()))
        #expect(trap.status == .failed(.trap, "Wasmer: RuntimeError: unreachable"))
        try report(#"{"phases":{"compile":1,"instantiate":1,"start":1},"iterations":[],"exitCode":2}"#)
        let exit = runtime(.singlepass, python).run(setting.request(setting.kernel()))
        guard case .failed(let kind, _) = exit.status else {
            Issue.record("\(exit.status)")
            return
        }
        #expect(kind == .nonZeroExit)
    }

    @Test("a guest that needs folders, variables or another entry is refused with the reason")
    func hosting() throws {
        let python = try StubProgram(in: setting.folder, name: "python3.10")
        let hosting = GuestHosting(mounts: [GuestHosting.Mount(hostPath: "/host", guestPath: "/data")])
        let runtime = runtime(.cranelift, python)
        let reason = try #require(runtime.unsupportedReason(for: setting.kernel(hosting: hosting)))
        #expect(reason.contains("no folders, environment"))
        #expect(runtime.run(setting.request(setting.kernel(hosting: hosting))).status == .failed(.unsupported, reason))
        #expect(try python.calls().isEmpty)
        #expect(runtime.unsupportedReason(for: setting.kernel()) == nil)
    }

    @Test("describe() gives the compiler, the phases the driver times and the engine's age")
    func describe() throws {
        let info = runtime(.cranelift, try StubProgram(in: setting.folder, name: "python3.10")).describe()
        #expect(info.id == "wasmer-cranelift" && info.name == "wasmer" && info.available)
        #expect(info.version == "2.1.1 (wasmer-python 1.1.0)")
        #expect(info.exposedPhases == [.compile, .instantiate, .startup, .execute, .wall])
        #expect(info.notes.contains { $0.contains("Wasmer 2.1.1 (late 2021)") })
    }

    @Test("without Python 3.10, it is unavailable and its runs are unsupported with the problem")
    func unavailable() {
        let runtime = runtime(.llvm, nil)
        #expect(runtime.describe().available == false)
        #expect(runtime.describe().unavailableReason == "no Python 3.10 found")
        #expect(runtime.run(setting.request(setting.kernel())).status == .failed(.unsupported, "no Python 3.10 found"))
    }
}

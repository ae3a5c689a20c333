import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The native side: the workload's own executable (here a stub) with the guest's arguments.
@Suite("Native: the executable with the guest's arguments and environment")
struct NativeRuntimeTests {
    let setting = AdapterSetting()
    let runtime = NativeRuntime(launcher: ProcessLauncher(), compilerDescription: "clang 14.0.6 -O2")

    @Test("the native build runs with the kernel's arguments and iteration count, and only its hosting's variables")
    func run() throws {
        let native = try StubProgram(
            in: setting.folder, name: "k-native", stdout: AdapterSetting.oneIteration,
            body: "printf '%s' \"${GREETING-unset}/${HOME-unset}\" > \(setting.folder.path("environment"))")
        let outcome = runtime.run(
            setting.request(setting.kernel(hosting: GuestHosting(environment: ["GREETING": "hi"]))))
        #expect(outcome.status == .completed)
        #expect(try native.calls() == [["--size", "3", "1"]])
        #expect(try String(contentsOfFile: setting.folder.path("environment"), encoding: .utf8) == "hi/unset")
        #expect(outcome.samples.map(\.phase) == [.execute, .wall, .wall])
    }

    @Test("a program with no native build is unsupported, with the reason")
    func noNativeBuild() {
        var program = setting.kernel()
        program.nativePath = nil
        #expect(runtime.unsupportedReason(for: program)?.contains("has no native build") == true)
        #expect(runtime.run(setting.request(program)).status.kind == .unsupported)
    }

    @Test("a scratch folder that cannot hold the output is a runtime error that names it, not a crash")
    func unwritableScratch() throws {
        _ = try StubProgram(in: setting.folder, name: "k-native")
        var request = setting.request(setting.kernel())
        request.scratchDirectory = setting.folder.path("absent")
        let outcome = runtime.run(request)
        #expect(outcome.status.kind == .runtimeError)
        #expect(outcome.status.message.contains(setting.folder.path("absent")))
    }

    @Test("describe() gives the compiler as the version and no phases it cannot see")
    func describe() {
        let info = runtime.describe()
        #expect(info.id == "native")
        #expect(info.version == "clang 14.0.6 -O2")
        #expect(info.exposedPhases == [.startup, .execute, .wall])
    }
}

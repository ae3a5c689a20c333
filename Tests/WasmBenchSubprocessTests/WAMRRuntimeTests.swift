import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The Zig port of WAMR: `wamrc compile -O0` to an artifact, timed and sized, then `wamr run` on
/// it; read from stub programs that record their arguments.
@Suite("wamr-aot: wamrc's compile step, wamr's run, and what it cannot host")
struct WAMRRuntimeTests {
    let setting = AdapterSetting()

    /// A stub `wamrc`: `compile … -o FILE` writes a 5-byte artifact to FILE.
    func wamrc(status: Int32 = 0, stderr: String = "") throws -> StubProgram {
        try StubProgram(
            in: setting.folder, name: "wamrc", stderr: stderr, exitStatus: status,
            body: """
                for argument in "$@"; do last=$argument; done
                printf 'aot!!' > "$last"
                """)
    }

    func runtime(wamr: StubProgram?, wamrc: StubProgram?, artifactFolder: String? = nil) -> WAMRRuntime {
        WAMRRuntime(
            wamr: wamr?.path, wamrc: wamrc?.path, version: "3.0.0-dev.14",
            unavailableReason: wamr == nil ? "no wamr" : nil, source: "test", launcher: ProcessLauncher(),
            artifactFolder: artifactFolder)
    }

    @Test("`wamrc compile -O0 MODULE -o STAGING`, moved into place, then `wamr run ARTIFACT ARGS ITERATIONS`")
    func compileThenRun() throws {
        let compiler = try wamrc()
        let wamr = try StubProgram(in: setting.folder, name: "wamr", stdout: AdapterSetting.oneIteration)
        let request = setting.request(setting.kernel())
        let outcome = runtime(wamr: wamr, wamrc: compiler).run(request)
        let artifact = request.scratchDirectory + "/module.cwasm"
        #expect(try compiler.calls() == [["compile", "-O0", setting.module, "-o", artifact + ".partial"]])
        #expect(try wamr.calls() == [["run", artifact, "--size", "3", "1"]])
        #expect(outcome.status == .completed)
        let aot = outcome.samples.filter { $0.phase == .aotCompile }
        #expect(aot.map(\.metric) == [.time, .cpu, .artifactBytes])
        #expect(aot.last?.value == 5)
        #expect(aot.allSatisfy { $0.command?.contains("compile -O0") == true })
    }

    @Test("a compile that fails is the run's verdict, and wamr is not started")
    func compileFails() throws {
        let compiler = try wamrc(status: 1, stderr: "error: Malformed section\n")
        let wamr = try StubProgram(in: setting.folder, name: "wamr")
        let outcome = runtime(wamr: wamr, wamrc: compiler).run(setting.request(setting.kernel()))
        #expect(outcome.status == .failed(.invalidModule, "the runtime rejected the module: error: Malformed section"))
        #expect(try wamr.calls().isEmpty)
    }

    @Test("a trap in the artifact's run is a trap")
    func trap() throws {
        let wamr = try StubProgram(
            in: setting.folder, name: "wamr", stderr: "Error: AOT execution failed: error.WasmTrap\n", exitStatus: 1)
        let outcome = runtime(wamr: wamr, wamrc: try wamrc()).run(setting.request(setting.kernel()))
        #expect(outcome.status == .failed(.trap, "the guest trapped: Error: AOT execution failed: error.WasmTrap"))
    }

    @Test("--invoke, another entry export and folders are unsupported, with the reason")
    func unsupported() throws {
        let runtime = runtime(wamr: try StubProgram(in: setting.folder, name: "wamr"), wamrc: try wamrc())
        #expect(
            runtime.unsupportedReason(for: setting.invoke)
                == "wamr runs plain WASI commands only, and add needs a call of an export (--invoke)")
        let hosted = setting.kernel(
            hosting: GuestHosting(mounts: [GuestHosting.Mount(hostPath: "/h", guestPath: "/g")], commandExport: "run"))
        #expect(
            runtime.unsupportedReason(for: hosted)
                == "wamr runs plain WASI commands only, and kernels/k needs preopened folders, an entry export other than _start"
        )
        #expect(runtime.unsupportedReason(for: setting.kernel()) == nil)
    }

    @Test("describe: labelled a Zig port, AOT at -O0, no startup; unavailable without either program")
    func describe() throws {
        let info = runtime(wamr: try StubProgram(in: setting.folder, name: "wamr"), wamrc: try wamrc()).describe()
        #expect(info.id == "wamr-aot" && info.available && info.flags == ["aot", "-O0"])
        #expect(info.name == "wamr (Zig port)")
        #expect(info.exposedPhases == [.aotCompile, .execute, .wall])
        #expect(info.notes.first?.contains("not the Bytecode Alliance's WAMR") == true)
        let missing = runtime(wamr: nil, wamrc: nil)
        #expect(missing.describe().available == false)
        #expect(missing.run(setting.request(setting.kernel())).status == .failed(.unsupported, "no wamr"))
    }
}

import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The command lines the wasmtime CLI adapter builds, read from a stub `wasmtime` that records
/// its arguments: the compile cache off in every mode, Winch's compiler flag, the AOT compile
/// step and its artifact, hosting options, the guest profiler and a command prefix.
@Suite("wasmtime CLI: the command lines of each mode")
struct WasmtimeCLIRuntimeTests {
    let setting = AdapterSetting()

    /// A stub `wasmtime`: `compile … -o FILE` writes a 6-byte artifact to FILE; `run` prints the
    /// kernel's markers.
    func stub(compileStatus: Int32 = 0, compileStderr: String = "") throws -> StubProgram {
        try StubProgram(
            in: setting.folder, name: "wasmtime", stdout: AdapterSetting.oneIteration,
            body: """
                if [ "$1" = compile ]; then
                    for argument in "$@"; do last=$argument; done
                    printf 'cwasm!' > "$last"
                    printf '%s' \(shellQuote(compileStderr)) >&2
                    exit \(compileStatus)
                fi
                """)
    }

    func runtime(_ mode: WasmtimeCLIRuntime.Mode, _ stub: StubProgram?, artifactFolder: String? = nil)
        -> WasmtimeCLIRuntime
    {
        WasmtimeCLIRuntime(
            mode: mode, executable: stub?.path, version: "wasmtime 50.0.1",
            unavailableReason: stub == nil ? "not here" : nil,
            source: "test", launcher: ProcessLauncher(), artifactFolder: artifactFolder)
    }

    @Test("Cranelift: `run -C cache=n MODULE ARGS ITERATIONS`, and the outcome carries that command")
    func cranelift() throws {
        let stub = try stub()
        let outcome = runtime(.cranelift, stub).run(setting.request(setting.kernel()))
        #expect(outcome.status == .completed)
        let arguments = ["run", "-C", "cache=n", setting.module, "--size", "3", "1"]
        #expect(try stub.calls() == [arguments])
        #expect(outcome.command == ([stub.path] + arguments).map(shellQuote).joined(separator: " "))
        #expect(outcome.samples.contains(PhaseSample(.execute, .time, 0.000_005, iteration: 0)))
    }

    @Test("Winch: the cache is off and the compiler is winch")
    func winch() throws {
        let stub = try stub()
        _ = runtime(.winch, stub).run(setting.request(setting.kernel()))
        #expect(
            try stub.calls() == [
                ["run", "-C", "cache=n", "-C", "compiler=winch", setting.module, "--size", "3", "1"]
            ])
    }

    @Test("AOT: `compile` to a staging file, moved into place, then `run --allow-precompiled` on the artifact")
    func aot() throws {
        let stub = try stub()
        let request = setting.request(setting.kernel())
        let outcome = runtime(.aot, stub).run(request)
        #expect(outcome.status == .completed)
        let artifact = request.scratchDirectory + "/module.cwasm"
        let compile = ["compile", "-C", "cache=n", setting.module, "-o", artifact + ".partial"]
        #expect(
            try stub.calls() == [
                compile, ["run", "-C", "cache=n", "--allow-precompiled", artifact, "--size", "3", "1"],
            ])
        #expect(FileManager.default.fileExists(atPath: artifact))
        #expect(!FileManager.default.fileExists(atPath: artifact + ".partial"))
        let compileCommand = ([stub.path] + compile).map(shellQuote).joined(separator: " ")
        let aotSamples = outcome.samples.filter { $0.phase == .aotCompile }
        #expect(aotSamples.map(\.metric) == [.time, .cpu, .artifactBytes])
        #expect(aotSamples.allSatisfy { $0.command == compileCommand })
        #expect(aotSamples.last?.value == 6)
    }

    @Test("AOT whose compile fails: the compile step's verdict, and no run")
    func aotCompileFails() throws {
        let stub = try stub(compileStatus: 1, compileStderr: "Error: failed to compile\n")
        let outcome = runtime(.aot, stub).run(setting.request(setting.kernel()))
        #expect(outcome.status == .failed(.invalidModule, "the runtime rejected the module: Error: failed to compile"))
        #expect(outcome.samples.isEmpty)
        #expect(try stub.calls().map(\.first) == ["compile"])
    }

    @Test("AOT with artifact reuse: compiled once into the run's folder, later processes only run it")
    func aotReuse() throws {
        let stub = try stub()
        var hosting = GuestHosting()
        hosting.reuseCompiledArtifact = true
        let runtime = runtime(.aot, stub, artifactFolder: setting.folder.path("artifacts"))
        let first = runtime.run(setting.request(setting.kernel(hosting: hosting)))
        let second = runtime.run(setting.request(setting.kernel(hosting: hosting)))
        #expect(try stub.calls().map(\.first) == ["compile", "run", "run"])
        #expect(first.samples.contains { $0.phase == .aotCompile })
        #expect(second.samples.contains { $0.phase == .aotCompile } == false)
        let artifact = try #require(try stub.calls().last?.dropFirst(4).first)
        #expect(artifact.hasPrefix(setting.folder.path("artifacts") + "/") && artifact.hasSuffix(".cwasm"))
    }

    @Test("under a command prefix only the run is prefixed; the AOT compile targets the baseline CPU")
    func commandPrefix() throws {
        let stub = try stub()
        let valgrind = try StubProgram(in: setting.folder, name: "valgrind")
        let outcome = runtime(.aot, stub).run(
            setting.request(setting.kernel(), commandPrefix: [valgrind.path, "--tool=callgrind"]))
        let artifact = setting.scratch + "/module.cwasm"
        #expect(
            try stub.calls() == [
                [
                    "compile", "-C", "cache=n", "--target", WasmtimeCLIRuntime.baselineTarget, setting.module, "-o",
                    artifact + ".partial",
                ]
            ])
        #expect(
            try valgrind.calls() == [
                [
                    "--tool=callgrind", stub.path, "run", "-C", "cache=n", "--allow-precompiled", artifact, "--size",
                    "3", "1",
                ]
            ])
        #expect(outcome.command?.hasPrefix(valgrind.path + " --tool=callgrind ") == true)
    }

    @Test("the guest profiler: `--profile=guest,PATH,1ms` on the run, epoch interruption compiled in for AOT")
    func guestProfile() throws {
        let stub = try stub()
        let profile = setting.folder.path("guest.json")
        _ = runtime(.aot, stub).run(setting.request(setting.kernel(), guestProfilePath: profile))
        let calls = try stub.calls()
        #expect(calls.first?.contains("epoch-interruption=y") == true)
        #expect(calls.last?.contains("--profile=guest,\(profile),1ms") == true)
    }

    @Test("hosting: folders, sorted variables, trap-linked imports and the entry export, before the module")
    func hosting() throws {
        let stub = try stub()
        let hosting = GuestHosting(
            mounts: [GuestHosting.Mount(hostPath: "/host/lib", guestPath: "/lib")],
            environment: ["PYTHONPATH": "/lib", "A": "1"], commandExport: "run", trapUnknownImports: true)
        _ = runtime(.cranelift, stub).run(setting.request(setting.kernel(hosting: hosting)))
        #expect(
            try stub.calls() == [
                [
                    "run", "-C", "cache=n", "--dir", "/host/lib::/lib", "--env", "A=1", "--env", "PYTHONPATH=/lib",
                    "-W", "unknown-imports-trap=y", "--invoke", "run", setting.module, "--size", "3", "1",
                ]
            ])
    }

    @Test("an invoked export: `--invoke NAME MODULE VALUES`, with no iteration count")
    func invoke() throws {
        let stub = try stub()
        _ = runtime(.cranelift, stub).run(setting.request(setting.invoke, iterations: 4))
        #expect(try stub.calls() == [["run", "-C", "cache=n", "--invoke", "add", setting.module, "1", "2"]])
    }

    @Test("each mode's id, flags and phases; AOT adds its compile step")
    func describe() throws {
        let stub = try stub()
        let expected: [(WasmtimeCLIRuntime.Mode, String, [String])] = [
            (.cranelift, "wasmtime", ["cache=n"]), (.winch, "wasmtime-winch", ["cache=n", "compiler=winch"]),
            (.aot, "wasmtime-aot", ["cache=n", "precompiled"]),
        ]
        for (mode, id, flags) in expected {
            let info = runtime(mode, stub).describe()
            #expect(info.id == id)
            #expect(info.flags == flags)
            #expect(info.available)
            #expect(info.exposedPhases == (mode == .aot ? [.aotCompile] : []) + [.startup, .execute, .wall])
        }
    }

    @Test("without a wasmtime program it is unavailable and its runs are unsupported, with the reason")
    func unavailable() {
        let runtime = runtime(.cranelift, nil)
        #expect(runtime.describe().available == false)
        #expect(runtime.unsupportedReason(for: setting.kernel()) == "not here")
        #expect(runtime.run(setting.request(setting.kernel())).status == .failed(.unsupported, "not here"))
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// A guest that needs a folder, a variable, another entry export and a trap-linked import (what
/// interpreters built for WASI need) gets exactly those on every subprocess runtime.
@Suite("Hosting: mounts, environment, entry export, trap-linked imports", .serialized)
struct HostingTests {
    @Test("the guest sees the mounted folder and the variable, entered through `run`, on wasmtime and node")
    func subprocessRuntimes() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let module = folder.path("hosted.wat")
        try GuestModules.hosted.write(toFile: module, atomically: true, encoding: .utf8)
        let data = folder.path("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for runtime in ["wasmtime", "wasmtime-aot", "node"] {
            let json = folder.path("\(runtime).json")
            let run = try WasmbenchBinary.run(
                [
                    "run", module, "--runtime", runtime, "--baseline", runtime, "--processes", "1", "--iterations", "1",
                    "--warmups", "0", "--dir", "\(data)::/data", "--env", "GREETING=hello", "--entry", "run",
                    "--trap-unknown-imports", "--no-install", "--json", json,
                ], in: folder)
            #expect(run.status == 0, "\(runtime): \(run.stderr.suffix(800))")
            let bytes = try #require(FileManager.default.contents(atPath: json))
            let scratch = try JSONDecoder().decode(RunResult.self, from: bytes)
            #expect(scratch.failures.isEmpty, "\(runtime): \(scratch.failures)")
            let command = scratch.rows.first { $0.phase == .wall }?.command ?? ""
            if runtime.hasPrefix("wasmtime") {
                #expect(command.contains("--dir") && command.contains("GREETING=hello"))
            }
        }
    }

    @Test("an entry export that returns an i32 exit status has it honoured on node", arguments: [0, 7])
    func entryReturnsStatus(_ status: Int) throws {
        let folder = TemporaryFolder()
        let module = folder.path("status.wat")
        try """
        (module
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (memory (export "memory") 1)
          (func (export "run") (result i32) (i32.const \(status))))
        """.write(toFile: module, atomically: true, encoding: .utf8)
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--runtime", "node", "--baseline", "node", "--processes", "1", "--iterations", "1",
                "--warmups", "0", "--entry", "run", "--no-install", "--json", json,
            ], in: folder)
        let data = try #require(FileManager.default.contents(atPath: json))
        let failures = try JSONDecoder().decode(RunResult.self, from: data).failures
        if status == 0 {
            #expect(run.status == 0, "\(run.stderr.suffix(800))")
            #expect(failures.isEmpty, "\(failures)")
        } else {
            #expect(run.status == 1)
            #expect(failures.first?.kind == .nonZeroExit)
            #expect(failures.first?.message.contains("status 7") == true, "\(failures)")
        }
    }

    @Test("without --trap-unknown-imports, the unknown import is a clear rejection")
    func unknownImport() throws {
        #expect(SharedSetup.outcome.status == 0)
        let folder = TemporaryFolder()
        let module = folder.path("hosted.wat")
        try GuestModules.hosted.write(toFile: module, atomically: true, encoding: .utf8)
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--runtime", "wasmtime", "--baseline", "wasmtime", "--processes", "1", "--iterations",
                "1",
                "--warmups", "0", "--entry", "run", "--no-install", "--json", json,
            ], in: folder)
        #expect(run.status == 1)
        let data = try #require(FileManager.default.contents(atPath: json))
        let failure = try #require(try JSONDecoder().decode(RunResult.self, from: data).failures.first)
        #expect(failure.kind == .invalidModule)
        #expect(failure.message.contains("host"))
    }
}

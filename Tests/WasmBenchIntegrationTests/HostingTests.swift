import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// A guest that needs a folder, a variable, another entry export and a trap-linked import (what
/// interpreters built for WASI need) gets exactly those on every runtime that hosts guests, and
/// fails when it does not.
@Suite("Hosting: mounts, environment, entry export, trap-linked imports", .serialized)
struct HostingTests {
    /// Every runtime that hosts guests (folders, variables, an entry export, trap-linked imports).
    static let hostingRuntimes = ["wasmtime", "wasmtime-aot", "node", "wasmkit", "wasmtime-capi"]

    /// Runs the strict guest (``HostedTestGuest``: its `run` exits non-zero unless it reads the
    /// file in the mounted folder and sees exactly the one variable) on `runtime`.
    func runStrictGuest(on runtime: String, variable: String, in folder: TemporaryFolder) throws -> (
        WasmbenchBinary.Invocation, RunResult
    ) {
        let module = folder.path("strict.wat")
        try HostedTestGuest.wat.write(toFile: module, atomically: true, encoding: .utf8)
        let data = folder.url.appendingPathComponent("data")
        _ = try HostedTestGuest.hosting(mounting: data)
        let json = folder.path("\(runtime).json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--runtime", runtime, "--baseline", runtime, "--processes", "1", "--iterations", "1",
                "--warmups", "0", "--dir", "\(data.path)::\(HostedTestGuest.guestPath)", "--env", variable,
                "--entry", "run", "--trap-unknown-imports", "--no-install", "--json", json,
            ], in: folder)
        let bytes = try #require(FileManager.default.contents(atPath: json), "\(runtime): \(run.stderr.suffix(800))")
        return (run, try JSONDecoder().decode(RunResult.self, from: bytes))
    }

    @Test(
        "the strict guest reads the mounted folder's file and sees the variable, entered through `run`, on every hosting runtime",
        arguments: hostingRuntimes)
    func strictGuest(runtime: String) throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let (run, result) = try runStrictGuest(on: runtime, variable: HostedTestGuest.variable, in: folder)
        #expect(run.status == 0, "\(runtime): \(run.stderr.suffix(800))")
        #expect(result.failures.isEmpty, "\(runtime): \(result.failures)")
        #expect(result.rows.contains { $0.runtime == runtime && $0.phase == .wall }, "\(runtime) measured nothing")
        let command = result.rows.first { $0.phase == .wall }?.command ?? ""
        if ["wasmtime", "wasmtime-aot"].contains(runtime) {
            #expect(command.contains("--dir") && command.contains(HostedTestGuest.variable))
        }
    }

    @Test(
        "the strict guest fails when it does not get what it checks: the test above can fail, on every hosting runtime",
        arguments: hostingRuntimes)
    func strictGuestFails(runtime: String) throws {
        #expect(SharedSetup.outcome.status == 0)
        let folder = TemporaryFolder()
        let (run, result) = try runStrictGuest(on: runtime, variable: "GREETING=bye", in: folder)
        #expect(run.status == 1, "\(runtime): \(run.stderr.suffix(800))")
        let failure = try #require(result.failures.first { $0.runtime == runtime })
        #expect(failure.kind == .nonZeroExit, "\(runtime): \(failure)")
        #expect(
            failure.message.contains("status \(HostedTestGuest.Status.wrongVariable.rawValue)"), "\(failure.message)")
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

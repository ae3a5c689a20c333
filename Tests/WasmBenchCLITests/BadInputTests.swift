import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchProcess

/// Each bad input from the foundation issue, given to the real `wasmbench run`: a clear message,
/// the documented exit status, and the results measured so far kept in the JSON file.
@Suite("Bad input and failures give clear errors, documented exit codes, and keep results")
struct BadInputTests {
    let folder = TemporaryFolder()
    let quick = ["--processes", "1", "--iterations", "1", "--warmups", "0", "--no-install", "--runtime", "wasmkit"]

    func module(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func bytes(_ name: String, _ content: [UInt8]) -> String {
        let path = folder.path(name)
        FileManager.default.createFile(atPath: path, contents: Data(content))
        return path
    }

    func results(_ path: String) throws -> RunResult {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try JSONDecoder().decode(RunResult.self, from: data)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> WasmbenchBinary.Invocation {
        try WasmbenchBinary.run(arguments, environment: environment, timeout: 300, in: folder)
    }

    @Test("a missing module: exit 3, the message names the file, and the JSON records it")
    func missingModule() throws {
        let json = folder.path("r.json")
        let result = try run(["run", folder.path("absent.wasm"), "--json", json] + quick)
        #expect(result.status == 3)
        #expect(result.stderr.contains("absent.wasm") && result.stderr.contains("No such file or directory"))
        #expect(try results(json).failures.first?.kind == .invalidModule)
    }

    @Test("bad magic and a truncated header: exit 3 with the reason, and no empty results file left in the cache")
    func badHeader() throws {
        let home = folder.path("home")
        let magic = try run(
            ["run", bytes("magic.wasm", Array("not wasm at all".utf8))] + quick, environment: ["WASMBENCH_HOME": home])
        #expect(magic.status == 3)
        #expect(magic.stderr.contains("bad magic"))
        // Nothing was measured, so the results file the run claimed is gone again.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: home + "/results")) ?? [] == [])
        let short = try run(["run", bytes("short.wasm", [0, 0x61, 0x73, 0x6d, 1, 0])] + quick)
        #expect(short.status == 3)
        #expect(short.stderr.contains("truncated"))
    }

    @Test("a section that runs past the end of the file is truncated: exit 3, before any runtime sees it")
    func truncatedSection() throws {
        // The type section declares 5 bytes; 2 follow.
        let json = folder.path("r.json")
        let cut = try run(
            ["run", bytes("cut.wasm", [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60]), "--json", json] + quick)
        #expect(cut.status == 3, "\(cut.stderr)")
        #expect(cut.stderr.contains("truncated: section 1 at offset 8"), "\(cut.stderr)")
        #expect(try results(json).failures.allSatisfy { $0.runtime == "wasmbench" && $0.kind == .invalidModule })
    }

    @Test("a link loop, a FIFO and a device given as a module say so, with the system's reason, and exit 3")
    func specialInputs() throws {
        let loop = folder.path("loop.wasm")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let fifo = folder.path("fifo.wasm")
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, reason) in [
            (loop, "Too many levels of symbolic links"), (fifo, "it is a FIFO (named pipe)"),
            ("/dev/zero", "it is a device"),
            (folder.url.path, "it is a folder"), (folder.path("absent.wasm"), "No such file or directory"),
        ] {
            let result = try run(["run", path] + quick)
            #expect(result.status == 3, "\(path): \(result.stderr)")
            #expect(result.stderr.contains("cannot read \(path) (\(reason))"), "\(path): \(result.stderr)")
            #expect(result.seconds < 60, "\(path) blocked")
        }
        let report = try run(["report", fifo])
        #expect(report.status == 3 && report.stderr.contains("it is a FIFO"), "\(report.stderr)")
        let compare = try run(["compare", loop, fifo])
        #expect(compare.status == 3 && compare.stderr.contains("Too many levels"), "\(compare.stderr)")
    }

    @Test("a cache folder that cannot be written: exit 5 naming it and the system's reason, for run and setup")
    func unwritableCache() throws {
        let file = folder.path("a-file")
        FileManager.default.createFile(atPath: file, contents: Data())
        var homes = [(file + "/cache", "\(file) (it is a file, not a folder)")]
        let readOnly = folder.path("read-only")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly)
        // Root writes through a mode of 555; an immutable folder stops it too.
        let immutable =
            geteuid() == 0
            && (try? ProcessLauncher().capture("/usr/bin/chattr", ["+i", readOnly], environment: [:]))?.termination
                == .exited(0)
        if geteuid() != 0 || immutable {
            homes.append((readOnly, geteuid() == 0 ? "Operation not permitted" : "Permission denied"))
        }
        defer {
            if immutable { _ = try? ProcessLauncher().capture("/usr/bin/chattr", ["-i", readOnly], environment: [:]) }
        }
        for (home, reason) in homes {
            for arguments in [["run", try module("ok.wat", GuestModules.hello)] + quick, ["setup"]] {
                let result = try run(arguments, environment: ["WASMBENCH_HOME": home])
                #expect(result.status == 5, "\(arguments[0]) with \(home): \(result.stderr)")
                #expect(result.stderr.contains("cannot write the cache folder"), "\(result.stderr)")
                #expect(result.stderr.contains(reason), "\(arguments[0]) with \(home): \(result.stderr)")
                #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)")
            }
        }
    }

    @Test("--quiet: the last error says what happened instead of pointing at lines it did not print")
    func quietErrors() throws {
        let refused = try run(["run", bytes("magic.wasm", Array("not wasm".utf8)), "--quiet"] + quick)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("bad magic") && !refused.stderr.contains("above"), "\(refused.stderr)")
        let trapped = try run(
            ["run", try module("trap.wat", GuestModules.trap), "--quiet", "--json", folder.path("r.json")] + quick)
        #expect(trapped.status == 1)
        #expect(trapped.stderr.contains("trap.wat on wasmkit (trap)"), "\(trapped.stderr)")
        #expect(!trapped.stderr.contains("above"), "\(trapped.stderr)")
        #expect(trapped.stdout.contains("failures"))
    }

    @Test("a bad module among good ones does not stop the good ones from being measured")
    func badAmongGood() throws {
        let json = folder.path("r.json")
        let result = try run(
            ["run", bytes("bad.wasm", [1, 2, 3]), try module("ok.wat", GuestModules.hello), "--json", json] + quick)
        #expect(result.status == 3)
        let saved = try results(json)
        #expect(saved.rows.contains { $0.workload == "ok.wat" && $0.phase == .wall })
    }

    @Test("a module that fails validation is rejected by the runtime with its reason: exit 1")
    func invalidModule() throws {
        // (func (result i32) i64.const 1): type mismatch, well-formed binary.
        let invalid: [UInt8] = [
            0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0, 0x0a, 6, 1, 4, 0, 0x42, 1, 0x0b,
        ]
        let json = folder.path("r.json")
        let result = try run(["run", bytes("invalid.wasm", invalid), "--json", json] + quick)
        #expect(result.status == 1)
        let failure = try #require(try results(json).failures.first { $0.runtime == "wasmkit" })
        #expect(failure.kind == .invalidModule)
        #expect(failure.message.contains("WasmKit"))
    }

    @Test("a trap, a non-zero exit and a wrong result are recorded outcomes, not crashes")
    func guestFailures() throws {
        let json = folder.path("r.json")
        let result = try run(
            [
                "run", try module("trap.wat", GuestModules.trap), try module("exit3.wat", GuestModules.exitThree),
                try module("wrong.wat", GuestModules.wrongResult), "--markers", "--json", json,
            ] + quick)
        #expect(result.status == 1)
        let failures = try results(json).failures.filter { $0.runtime == "wasmkit" }
        let kinds = Dictionary(uniqueKeysWithValues: failures.map { ($0.workload, $0.kind) })
        #expect(kinds["trap.wat"] == .trap)
        #expect(kinds["exit3.wat"] == .nonZeroExit)
        #expect(kinds["wrong.wat"] == .wrongResult)
        #expect(result.stderr.contains("FAILED"))
    }

    @Test("a guest that never ends is killed at the time limit and recorded as a time-out")
    func hang() throws {
        let json = folder.path("r.json")
        let result = try run(
            ["run", try module("hang.wat", GuestModules.hang), "--timeout", "2", "--json", json] + quick)
        #expect(result.status == 1)
        #expect(result.seconds < 60)
        let failure = try #require(try results(json).failures.first { $0.runtime == "wasmkit" })
        #expect(failure.kind == .timeout)
        #expect(failure.message.contains("--timeout"))
    }

    @Test("Ctrl-C stops the run, exits 130 and keeps the results in the JSON file")
    func interrupt() throws {
        let json = folder.path("r.json")
        let hang = try module("hang.wat", GuestModules.hang)
        let script = """
            "$0" run "$1" --timeout 120 --json "$2" --processes 1 --iterations 1 --warmups 0 --no-install --runtime wasmkit &
            pid=$!; sleep 4; kill -INT $pid; wait $pid; echo "status=$?"
            """
        let launcher = ProcessLauncher()
        let out = folder.path("sh.out")
        let finished = try launcher.run(
            ProcessSpec(
                executable: "/bin/sh", arguments: ["-c", script, WasmbenchBinary.path, hang, json],
                environment: WasmbenchBinary.environment(in: folder),
                stdoutPath: out, stderrPath: folder.path("sh.err"), timeout: 100))
        #expect(finished.wallSeconds < 60)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("status=130"))
        let saved = try results(json)
        #expect(!saved.complete)
        #expect(saved.failures.contains { $0.kind == .interrupted })
        #expect(
            FileManager.default.fileExists(atPath: folder.path("history.sqlite")),
            "the test's own history, not the user's")
    }

    @Test("an unknown runtime id or a bad flag is a usage error (64) that lists the choices")
    func usage() throws {
        let unknown = try run(["run", "--runtime", "wasmer"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("wasmkit"))
        let bad = try run(["run", "--processes", "many"])
        #expect(bad.status == 64)
        let warmups = try run(["run", "--iterations", "2", "--warmups", "2"])
        #expect(warmups.status == 64)
    }

    @Test("a module that times itself as a whole keeps its one sample per process despite the default warm-up")
    func defaultWarmups() throws {
        let json = folder.path("r.json")
        let result = try run([
            "run", try module("hello.wat", GuestModules.hello), "--runtime", "wasmkit", "--processes", "2",
            "--iterations", "2", "--no-install", "--json", json,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(
            try results(json).summaries.first { $0.runtime == "wasmkit" && $0.phase == .execute && $0.metric == .time })
        #expect(summary.count == 2)
    }

    @Test("an unwritable --markdown or --html path: exit 5 before anything runs", arguments: ["--markdown", "--html"])
    func unwritableReport(option: String) throws {
        let result = try run(
            [
                "run", try module("ok.wat", GuestModules.hello), option, "/nonexistent/dir/report", "--json",
                folder.path("r.json"),
            ] + quick)
        #expect(result.status == 5)
        #expect(result.stderr.contains("/nonexistent/dir/report"))
        #expect(!result.stderr.contains("FAILED") && !result.stderr.contains("[1/"))
    }

    @Test("an output that is the module itself: exit 5 and the module kept; one file for two outputs: exit 64")
    func outputsThatDestroy() throws {
        let module = try module("ok.wat", GuestModules.hello)
        let overwrite = try run(["run", module, "--markdown", module, "--json", folder.path("r.json")] + quick)
        #expect(overwrite.status == 5, "\(overwrite.stderr)")
        #expect(overwrite.stderr.contains("is an input of this command"))
        #expect(try String(contentsOfFile: module, encoding: .utf8) == GuestModules.hello)
        let twice = try run(["run", module, "--json", folder.path("r.json"), "--html", folder.path("r.json")] + quick)
        #expect(twice.status == 64, "\(twice.stderr)")
        let report = try run(["report", folder.path("none.json"), "--markdown", folder.path("none.json")])
        #expect(report.status == 5 && report.stderr.contains("is an input of this command"))
        let folderOutput = try run(["run", module, "--json", folder.url.path] + quick)
        #expect(folderOutput.status == 5 && folderOutput.stderr.contains("is a folder"), "\(folderOutput.stderr)")
    }

    @Test("two modules with the same file name stay two workloads")
    func sameNames() throws {
        let first = folder.path("a")
        let second = folder.path("b")
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        try GuestModules.hello.write(toFile: first + "/m.wat", atomically: true, encoding: .utf8)
        try GuestModules.hello.write(toFile: second + "/m.wat", atomically: true, encoding: .utf8)
        let json = folder.path("r.json")
        let result = try run(["run", first + "/m.wat", second + "/m.wat", "--json", json] + quick)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try results(json).workloads.map(\.id) == ["m.wat", "m.wat#2"])
    }

    @Test("an unknown baseline is a usage error")
    func unknownBaseline() throws {
        #expect(try run(["run", "--baseline", "wasmer"]).status == 64)
    }

    @Test("an unwritable output path: exit 5 before anything runs")
    func unwritable() throws {
        let result = try run(
            ["run", try module("ok.wat", GuestModules.hello), "--json", "/nonexistent/dir/r.json"] + quick)
        #expect(result.status == 5)
        #expect(result.stderr.contains("/nonexistent/dir/r.json"))
    }

    @Test("a missing runtime: exit 4 when nothing asked for can run, with what to do")
    func missingRuntime() throws {
        let result = try run(
            ["run", try module("ok.wat", GuestModules.hello), "--runtime", "wasmtime", "--no-install"],
            environment: ["WASMBENCH_WASMTIME": "/nonexistent/wasmtime"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("WASMBENCH_WASMTIME"))
    }

    @Test("setup --strict fails (4) naming a runtime it cannot have; without --strict it carries on (0)")
    func strictSetup() throws {
        let environment = ["WASMBENCH_WASMTIME": "/nonexistent/wasmtime"]
        let strict = try run(["setup", "--strict"], environment: environment)
        #expect(strict.status == 4, "\(strict.stderr)")
        #expect(strict.stderr.contains("setup --strict: could not get wasmtime"), "\(strict.stderr)")
        let lenient = try run(["setup"], environment: environment)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("wasmtime unavailable"), "\(lenient.stderr)")
    }

    @Test("a runtime that crashes is a recorded crash with its signal")
    func crashingRuntime() throws {
        let fake = folder.path("crashing-wasmtime")
        try ExecutableFile.write("#!/bin/sh\nkill -SEGV $$\n", to: fake)
        let json = folder.path("r.json")
        let result = try run(
            [
                "run", try module("ok.wat", GuestModules.hello), "--runtime", "wasmtime", "--baseline", "wasmtime",
                "--processes", "1", "--iterations", "1", "--warmups", "0", "--no-install", "--json", json,
            ], environment: ["WASMBENCH_WASMTIME": fake])
        #expect(result.status == 1)
        let failure = try #require(try results(json).failures.first { $0.runtime == "wasmtime" })
        #expect(failure.kind == .crash)
        #expect(failure.message.contains("signal 11"))
        #expect(failure.command?.contains("crashing-wasmtime") == true)
    }
}

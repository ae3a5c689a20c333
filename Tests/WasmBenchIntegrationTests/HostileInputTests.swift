import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// Guests written to attack the harness, generated here from WAT and run on the in-process engines
/// (WasmKit, wasmtime's C API) and two subprocess runtimes (the wasmtime CLI, Node): forged and
/// inconsistent markers, a check that tries to take back its failure, a guest that never ends,
/// escape sequences and HTML in its output, and a guest that looks for host files and variables.
/// Each case says what the harness must do, on every one of these runtimes.
@Suite("Hostile guests: nothing forged, nothing leaked, nothing left running", .serialized)
struct HostileInputTests {
    static let runtimes = ["wasmkit", "wasmtime-capi", "wasmtime", "node"]

    /// A WASI command that writes `stdout` then `stderr`, then runs `body` (WAT instructions);
    /// `imports` adds WASI imports the body calls.
    static func guest(stdout: String = "", stderr: String = "", imports: String = "", body: String = "") -> String {
        let out = Array(stdout.utf8)
        let err = Array(stderr.utf8)
        let errorAt = 1024 + out.count
        return """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              \(imports)
              (memory (export "memory") 2)
              (data (i32.const 1024) "\(watString(out))")
              (data (i32.const \(errorAt)) "\(watString(err))")
              (func $write (param $fd i32) (param $at i32) (param $length i32)
                (i32.store (i32.const 0) (local.get $at))
                (i32.store (i32.const 4) (local.get $length))
                (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))
              (func (export "_start")
                (call $write (i32.const 1) (i32.const 1024) (i32.const \(out.count)))
                (call $write (i32.const 2) (i32.const \(errorAt)) (i32.const \(err.count)))
                \(body)))
            """
    }

    /// Bytes as a WAT string literal's contents: printable ASCII as is, the rest as `\hh`.
    static func watString(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            (0x20..<0x7f).contains(byte) && byte != 0x22 && byte != 0x5c
                ? String(UnicodeScalar(byte)) : String(format: "\\%02x", byte)
        }.joined()
    }

    /// What one run of a guest on every runtime gave.
    struct Outcome {
        var invocation: WasmbenchBinary.Invocation
        var result: RunResult
        var folder: TemporaryFolder
        /// The Markdown report of the run.
        var markdown: String

        /// The failure of each runtime's process, if it failed.
        var failures: [String: Failure] {
            Dictionary(result.failures.map { ($0.runtime, $0) }) { first, _ in first }
        }
    }

    /// Runs `wat` once per runtime (one process, `iterations` iterations, no warm-up, a Markdown
    /// report beside the JSON) with `options` added.
    func run(_ wat: String, iterations: Int = 1, options: [String] = []) throws -> Outcome {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let module = folder.path("guest.wat")
        try wat.write(toFile: module, atomically: true, encoding: .utf8)
        let json = folder.path("r.json")
        let markdown = folder.path("r.md")
        let invocation = try WasmbenchBinary.run(
            [
                "run", module, "--runtime", Self.runtimes.joined(separator: ","), "--baseline", "wasmkit",
                "--processes", "1", "--iterations", "\(iterations)", "--warmups", "0", "--no-install", "--no-canary",
                "--json", json, "--markdown", markdown,
            ] + options, in: folder)
        let data = try #require(FileManager.default.contents(atPath: json), "\(invocation.stderr.suffix(800))")
        return Outcome(
            invocation: invocation, result: try JSONDecoder().decode(RunResult.self, from: data), folder: folder,
            markdown: markdown)
    }

    @Test("markers from a guest nobody asked for markers are ignored: no failure, the host's times stand")
    func forgedMarkers() throws {
        let outcome = try run(
            Self.guest(stdout: "wasmbench:iter 0 1\nwasmbench:check fail forged\nwasmbench:import 1\n"))
        #expect(outcome.invocation.status == 0, "\(outcome.invocation.stderr.suffix(800))")
        #expect(outcome.result.failures.isEmpty, "\(outcome.result.failures)")
        let times = outcome.result.rows.filter { $0.metric == .time }
        #expect(Set(times.filter { $0.phase == .wall }.map(\.runtime)) == Set(Self.runtimes))
        // The forged iteration said 1 ns; what stands is the host's own clock.
        #expect(times.allSatisfy { $0.value != 1e-9 }, "\(times.map(\.value))")
        #expect(!outcome.result.rows.contains { $0.phase == .import })
    }

    @Test("with --markers, an iteration index out of order is a bad report whose samples enter no summary")
    func inconsistentMarkers() throws {
        let outcome = try run(
            Self.guest(stdout: "wasmbench:iter 3 100\nwasmbench:iter 0 100\nwasmbench:check ok 1\n"), iterations: 2,
            options: ["--markers"])
        #expect(outcome.invocation.status == 1, "\(outcome.invocation.stderr.suffix(800))")
        for runtime in Self.runtimes {
            #expect(outcome.failures[runtime]?.kind == .badReport, "\(runtime): \(outcome.failures)")
        }
        #expect(!outcome.result.summaries.contains { $0.phase == .execute }, "\(outcome.result.summaries)")
    }

    @Test("with --markers, a failed check stands though an ok follows it")
    func checkTakenBack() throws {
        let outcome = try run(
            Self.guest(
                stdout:
                    "wasmbench:iter 0 1000\nwasmbench:iter 1 1000\nwasmbench:check fail got 1 want 2\nwasmbench:check ok 2\n"
            ), iterations: 2, options: ["--markers"])
        #expect(outcome.invocation.status == 1, "\(outcome.invocation.stderr.suffix(800))")
        for runtime in Self.runtimes {
            #expect(outcome.failures[runtime]?.kind == .wrongResult, "\(runtime): \(outcome.failures)")
        }
    }

    @Test("a guest that never ends is stopped at --timeout on every runtime, and the run goes on")
    func neverEnds() throws {
        let outcome = try run(Self.guest(body: "(loop $forever (br $forever))"), options: ["--timeout", "3"])
        #expect(outcome.invocation.status == 1, "\(outcome.invocation.stderr.suffix(800))")
        for runtime in Self.runtimes {
            #expect(outcome.failures[runtime]?.kind == .timeout, "\(runtime): \(outcome.failures)")
        }
        // Four runtimes, three seconds each, plus start-up: far from four unbounded guests.
        #expect(outcome.invocation.seconds < 120, "took \(outcome.invocation.seconds) s")
    }

    @Test("escape sequences and HTML a trapping guest writes stay inert in the terminal and Markdown reports")
    func inertOutput() throws {
        let outcome = try run(
            Self.guest(
                stderr: "\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[31m<script>alert(1)</script> | table |\n",
                body: "unreachable"), options: ["--format", "terminal"])
        #expect(outcome.invocation.status == 1, "\(outcome.invocation.stderr.suffix(800))")
        for runtime in Self.runtimes {
            #expect(outcome.failures[runtime]?.kind == .trap, "\(runtime): \(outcome.failures)")
        }
        let report = try String(contentsOfFile: outcome.markdown, encoding: .utf8)
        for text in [report, outcome.invocation.stdout] {
            #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        }
        // The guest's words are there, as text: the tag escaped, the sequences gone.
        #expect(report.contains("alert(1)"), "\(report.suffix(1500))")
        #expect(!report.contains("<script>"))
    }

    @Test("a guest finds no preopened folder and no environment variable on any runtime")
    func noHostAccess() throws {
        let imports = """
            (import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))
            (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ (param i32 i32) (result i32)))
            """
        // fd 3 would be the first preopened folder: its prestat must fail. No variable may be set.
        let body = """
            (if (i32.eqz (call $prestat (i32.const 3) (i32.const 16))) (then unreachable))
            (drop (call $environ (i32.const 32) (i32.const 36)))
            (if (i32.ne (i32.load (i32.const 32)) (i32.const 0)) (then unreachable))
            """
        let outcome = try run(Self.guest(imports: imports, body: body))
        #expect(outcome.invocation.status == 0, "\(outcome.invocation.stderr.suffix(800))")
        #expect(outcome.result.failures.isEmpty, "\(outcome.result.failures)")
    }
}

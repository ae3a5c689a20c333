import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The JSON report of our JavaScript drivers (Node's and the browsers'), read from fixed files:
/// phases and per-call times in nanoseconds become seconds, the guest's exit code and the
/// driver's error become the verdict, and a report that cannot be read is a runtime error.
@Suite("The drivers' report: units, verdicts and unreadable reports")
struct DriverReportTests {
    let folder = TemporaryFolder()
    let child = ChildRun(launcher: ProcessLauncher(), classify: { _ in nil })

    static let invoke = GuestProgram(
        workload: "add", wasmPath: "/add.wasm", entry: .invoke(function: "add", arguments: ["1", "2"]),
        reportsMarkers: false)
    static let plainCommand = GuestProgram(
        workload: "hello", wasmPath: "/hello.wasm", entry: .command(arguments: []), reportsMarkers: false)
    static let markerCommand = GuestProgram(
        workload: "kernels/fib", wasmPath: "/fib.wasm", entry: .command(arguments: []), reportsMarkers: true)

    /// The wall and CPU samples of the driver process every outcome ends with.
    static let processSamples = [PhaseSample(.wall, .time, 1.25), PhaseSample(.wall, .cpu, 0.75)]

    /// Writes `report` as the driver's report and reads the outcome of a driver that ended so.
    func outcome(
        _ report: String?, program: GuestProgram = invoke, iterations: Int = 3, termination: Termination = .exited(0),
        stdout: String = "", stderr: String = ""
    ) throws -> RunOutcome {
        let path = folder.path("node-report.json")
        if let report { try report.write(toFile: path, atomically: true, encoding: .utf8) }
        let finished = ChildRun.Finished(
            result: ProcessResult(
                termination: termination, wallSeconds: 1.25, userSeconds: 0.5, systemSeconds: 0.25, maxRSSBytes: nil,
                spawnRealtimeNanoseconds: 1_000_000_000),
            stdout: stdout, stderr: stderr, command: "node node-driver.mjs")
        return child.driverOutcome(
            finished, reportPath: path,
            request: RunRequest(
                program: program, iterations: iterations, timeoutSeconds: 30, scratchDirectory: folder.url.path),
            engine: "V8")
    }

    @Test("an invoked export: compile, instantiate and each call, from nanoseconds to seconds exactly")
    func invokeUnits() throws {
        let outcome = try outcome(
            #"{"phases":{"compile":1500000,"instantiate":250000},"iterations":[2000,1000,500],"exitCode":0}"#)
        #expect(outcome.status == .completed)
        #expect(
            outcome.samples
                == [
                    PhaseSample(.compile, .time, 0.0015), PhaseSample(.instantiate, .time, 0.000_25),
                    PhaseSample(.execute, .time, 0.000_002, iteration: 0),
                    PhaseSample(.execute, .time, 0.000_001, iteration: 1),
                    PhaseSample(.execute, .time, 0.000_000_5, iteration: 2),
                ] + Self.processSamples)
    }

    @Test("a 1.5 ms compile is 0.0015 s: a millisecond or microsecond slip is off by 1000 or more")
    func unitSlip() throws {
        let outcome = try outcome(#"{"phases":{"compile":1500000},"iterations":[],"exitCode":0}"#)
        let compile = try #require(outcome.samples.first { $0.phase == .compile }?.value)
        #expect(compile == 0.0015)
        #expect(compile != 1.5 && compile != 1.5e-6 && compile != 1.5e-9)
    }

    @Test("a command without markers is timed by the driver's start phase, as iteration 0")
    func plainCommandStart() throws {
        let outcome = try outcome(
            #"{"phases":{"compile":1000,"instantiate":1000,"start":3000000},"iterations":[],"entryRealtime":1200000000,"exitCode":0}"#,
            program: Self.plainCommand)
        #expect(outcome.status == .completed)
        #expect(outcome.samples.filter { $0.phase == .execute } == [PhaseSample(.execute, .time, 0.003, iteration: 0)])
        #expect(outcome.samples.contains { $0.phase == .startup } == false)
    }

    @Test("a marker-reporting command takes execute from its markers and startup from the driver's entry time")
    func markerCommand() throws {
        let stdout = "wasmbench:start 1300000000\nwasmbench:iter 0 4000000\nwasmbench:check ok 1\n"
        let outcome = try outcome(
            #"{"phases":{"compile":1000,"instantiate":1000,"start":5000000},"iterations":[],"entryRealtime":1200000000,"exitCode":0}"#,
            program: Self.markerCommand, iterations: 1, stdout: stdout)
        #expect(outcome.status == .completed)
        #expect(outcome.samples.filter { $0.phase == .execute } == [PhaseSample(.execute, .time, 0.004, iteration: 0)])
        #expect(outcome.samples.filter { $0.phase == .startup } == [PhaseSample(.startup, .time, 0.1)])
    }

    @Test("a guest exit code other than 0 is a non-zero exit, unless the guest reported a failed check")
    func guestExitCode() throws {
        let report = #"{"phases":{"compile":1000},"iterations":[],"exitCode":3}"#
        let plain = try outcome(report, program: Self.plainCommand)
        #expect(plain.status == .failed(.nonZeroExit, "the guest exited with status 3"))
        #expect(plain.samples.contains { $0.phase == .compile })
        let checked = try outcome(
            report, program: Self.markerCommand, stdout: "wasmbench:check fail got=1 want=2\n")
        #expect(checked.status.kind == .wrongResult)
    }

    @Test(
        "the driver's error keeps its kind and is prefixed with the engine; an unknown kind is a runtime error",
        arguments: [
            ("trap", FailureKind.trap), ("invalid-module", .invalidModule), ("runtime-error", .runtimeError),
            ("no-such-kind", .runtimeError),
        ])
    func driverError(kind: String, expected: FailureKind) throws {
        let outcome = try outcome(
            #"{"phases":{"compile":1000},"iterations":[],"error":{"kind":"\#(kind)","message":"unreachable executed"}}"#
        )
        #expect(outcome.status == .failed(expected, "V8: unreachable executed"))
        #expect(outcome.samples.first == PhaseSample(.compile, .time, 0.000_001))
    }

    @Test("a driver that exits cleanly without a report is a runtime error that quotes its stderr")
    func noReport() throws {
        let outcome = try outcome(nil, stderr: "node: bad option\n")
        #expect(outcome.status == .failed(.runtimeError, "the V8 driver wrote no report: node: bad option"))
        #expect(outcome.samples == Self.processSamples)
    }

    @Test("a driver that crashed or failed is judged as a process, whatever its report says")
    func driverFailed() throws {
        let report = #"{"phases":{"compile":1000},"iterations":[],"exitCode":0}"#
        let crashed = try outcome(report, termination: .signaled(11))
        #expect(crashed.status.kind == .crash)
        #expect(crashed.samples == Self.processSamples)
        let failed = try outcome(report, termination: .exited(1), stderr: "TypeError: x\n")
        #expect(failed.status == .failed(.nonZeroExit, "exited with status 1: TypeError: x"))
        let late = try outcome(report, termination: .timedOut)
        #expect(late.status.kind == .timeout)
    }

    @Test(
        "a malformed or hostile report is rejected as a runtime error, with no sample taken from it",
        arguments: [
            "", "{", "null", "[]", "\u{0}\u{1}\u{2}", #"{"phases":{}}"#, #"{"iterations":[]}"#,
            #"{"phases":{"compile":"fast"},"iterations":[]}"#, #"{"phases":[],"iterations":[]}"#,
            #"{"phases":{},"iterations":["1"]}"#, #"{"phases":{},"iterations":[],"exitCode":1.5}"#,
            #"{"phases":{},"iterations":[],"exitCode":"0"}"#, #"{"phases":{},"iterations":[],"error":{"kind":"trap"}}"#,
            #"{"phases":{},"iterations":[],"entryRealtime":"now"}"#,
            #"{"phases":{"compile":1e400},"iterations":[]}"#,
        ])
    func malformed(report: String) throws {
        let outcome = try outcome(report)
        #expect(outcome.status.kind == .runtimeError)
        // Today the message says the driver wrote no report, even when it wrote one that cannot be read.
        #expect(outcome.status.message.contains("V8 driver") && outcome.status.message.contains("report"))
        #expect(outcome.samples == Self.processSamples)
    }

    @Test("fields the driver adds that wasmbench does not read are ignored")
    func extraFields() throws {
        let outcome = try outcome(
            #"{"phases":{"compile":1000,"other":5},"iterations":[],"exitCode":0,"isolated":true,"userAgent":"x"}"#)
        #expect(outcome.status == .completed)
        #expect(outcome.samples.filter { $0.phase != .wall } == [PhaseSample(.compile, .time, 0.000_001)])
    }

    @Test("negative times in a report are rejected rather than filed as samples")
    func negativeTimes() throws {
        let outcome = try outcome(#"{"phases":{"compile":-1500000},"iterations":[-5],"exitCode":0}"#)
        #expect(outcome.samples.allSatisfy { $0.value >= 0 })
        #expect(outcome.samples.allSatisfy { $0.phase != .compile && $0.phase != .execute })
        #expect(outcome.status.kind == .runtimeError)
    }

    @Test("an entry time that is no realtime reading (negative) is rejected, not a crash of the harness")
    func negativeEntryTime() async {
        await #expect(processExitsWith: .success) {
            let folder = TemporaryFolder()
            let path = folder.path("node-report.json")
            try #"{"phases":{},"iterations":[],"entryRealtime":-1,"exitCode":0}"#.write(
                toFile: path, atomically: true, encoding: .utf8)
            let finished = ChildRun.Finished(
                result: ProcessResult(
                    termination: .exited(0), wallSeconds: 1, userSeconds: 0, systemSeconds: 0, maxRSSBytes: nil,
                    spawnRealtimeNanoseconds: 1),
                stdout: "", stderr: "", command: "node")
            let outcome = ChildRun(launcher: ProcessLauncher(), classify: { _ in nil }).driverOutcome(
                finished, reportPath: path,
                request: RunRequest(
                    program: DriverReportTests.plainCommand, iterations: 1, timeoutSeconds: 30,
                    scratchDirectory: folder.url.path),
                engine: "V8")
            #expect(outcome.status.kind == .runtimeError)
        }
    }
}

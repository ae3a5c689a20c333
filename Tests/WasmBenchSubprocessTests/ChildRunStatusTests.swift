import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// How ``ChildRun`` turns a finished child (how it ended, its stdout and stderr) into an outcome,
/// from fixed process results: no process is started.
@Suite("A finished child becomes samples and a verdict")
struct ChildRunStatusTests {
    let markers = GuestProgram(workload: "k", wasmPath: "/k.wasm", entry: .command(arguments: []), reportsMarkers: true)
    let child = ChildRun(launcher: ProcessLauncher(), classify: { _ in nil })
    let wasmtime = ChildRun(launcher: ProcessLauncher(), classify: WasmtimeCLIRuntime.classify)

    func request(iterations: Int = 2, timeout: Double = 30) -> RunRequest {
        RunRequest(program: markers, iterations: iterations, timeoutSeconds: timeout, scratchDirectory: "/nonexistent")
    }

    /// A child spawned at realtime 1 s that ran 1.25 s with 0.5 s user and 0.25 s system time.
    func finished(
        _ termination: Termination, stdout: String = "", stderr: String = "", maxRSSBytes: Double? = nil
    ) -> ChildRun.Finished {
        ChildRun.Finished(
            result: ProcessResult(
                termination: termination, wallSeconds: 1.25, userSeconds: 0.5, systemSeconds: 0.25,
                maxRSSBytes: maxRSSBytes, spawnRealtimeNanoseconds: 1_000_000_000),
            stdout: stdout, stderr: stderr, command: "runtime k.wasm 2")
    }

    static let complete = """
        wasmbench:start 1500000000
        wasmbench:iter 0 2000000
        wasmbench:iter 1 1000000
        wasmbench:check ok 7

        """

    @Test(
        "a clean exit with every marker: startup from the spawn, each iteration, then wall, CPU and peak RSS, and the check's value"
    )
    func completed() {
        let outcome = child.outcome(finished(.exited(0), stdout: Self.complete, maxRSSBytes: 4096), request: request())
        var expected = RunOutcome(
            samples: [
                PhaseSample(.startup, .time, 0.5), PhaseSample(.execute, .time, 0.002, iteration: 0),
                PhaseSample(.execute, .time, 0.001, iteration: 1), PhaseSample(.wall, .time, 1.25),
                PhaseSample(.wall, .cpu, 0.75), PhaseSample(.wall, .peakRSS, 4096),
            ], status: .completed, command: "runtime k.wasm 2")
        expected.checkValue = "7"
        #expect(outcome == expected)
    }

    @Test("a guest not asked for markers gives process samples only, whatever it printed, and its exit decides")
    func markersUnread() {
        var plain = request()
        plain.program.reportsMarkers = false
        let printed = Self.complete + "wasmbench:check fail got=1 want=2\nwasmbench:iter 9 99999999999\n"
        let outcome = child.outcome(finished(.exited(0), stdout: printed), request: plain)
        #expect(outcome.status == .completed)
        #expect(outcome.samples.allSatisfy { $0.phase == .wall })
        let failed = child.outcome(finished(.exited(3), stdout: printed), request: plain)
        #expect(failed.status.kind == .nonZeroExit)
    }

    @Test("a marker-reporting guest whose iterations outlast its process is a bad report")
    func markersOutlastProcess() {
        let stdout = "wasmbench:iter 0 1000000000\nwasmbench:iter 1 1000000000\nwasmbench:check ok 7\n"
        let outcome = child.outcome(finished(.exited(0), stdout: stdout), request: request())
        #expect(outcome.status.kind == .badReport)
    }

    @Test("a driver's entry time replaces the spawn time for startup, and the adapter's own samples come first")
    func entryAndExtra() {
        let compile = PhaseSample(.aotCompile, .time, 3, command: "runtime compile")
        let outcome = child.outcome(
            finished(.exited(0), stdout: Self.complete), request: request(),
            entryRealtimeNanoseconds: 1_400_000_000, extra: [compile])
        #expect(outcome.samples.first == compile)
        #expect(outcome.samples.filter { $0.phase == .startup } == [PhaseSample(.startup, .time, 0.1)])
        #expect(outcome.samples.contains { $0.metric == .peakRSS } == false)
    }

    @Test("a clean exit that is missing iterations or the check is a runtime error, not a completed run")
    func cutShort() {
        let short = child.outcome(finished(.exited(0), stdout: Self.complete), request: request(iterations: 3))
        #expect(short.status.kind == .runtimeError)
        #expect(short.status.message.contains("2 of 3 iterations"))
        let unchecked = child.outcome(
            finished(.exited(0), stdout: "wasmbench:iter 0 5\n"), request: request(iterations: 1))
        #expect(unchecked.status.kind == .runtimeError)
        #expect(unchecked.status.message.contains("wasmbench:check"))
    }

    @Test("a non-zero exit is that, with the end of stderr; an empty stderr adds nothing")
    func nonZeroExit() {
        let loud = child.outcome(finished(.exited(3), stderr: "first\nboom\n"), request: request())
        #expect(loud.status == .failed(.nonZeroExit, "exited with status 3: first | boom"))
        let quiet = child.outcome(finished(.exited(3)), request: request())
        #expect(quiet.status == .failed(.nonZeroExit, "exited with status 3"))
        #expect(quiet.samples.contains { $0.phase == .wall })
    }

    @Test("wasmtime's stderr tells a trap and a rejected module from other failures")
    func classified() {
        let trap = wasmtime.outcome(
            finished(.exited(134), stderr: "Error: failed to run\n    0: wasm trap: integer divide by zero\n"),
            request: request())
        #expect(
            trap.status
                == .failed(.trap, "the guest trapped: Error: failed to run | 0: wasm trap: integer divide by zero"))
        let rejected = wasmtime.outcome(
            finished(.exited(1), stderr: "Error: failed to parse WebAssembly module\n"), request: request())
        #expect(rejected.status.kind == .invalidModule)
        #expect(rejected.status.message.hasPrefix("the runtime rejected the module: "))
        let other = wasmtime.outcome(finished(.exited(2), stderr: "Error: no such file\n"), request: request())
        #expect(other.status == .failed(.nonZeroExit, "exited with status 2: Error: no such file"))
    }

    @Test(
        "wasmtime's messages are classified by what they say",
        arguments: [
            ("wasm trap: out of bounds memory access", FailureKind.trap),
            ("error while executing at wasm backtrace:", .trap),
            ("failed to parse WebAssembly module", .invalidModule),
            ("WebAssembly translation error", .invalidModule),
            ("failed to validate", .invalidModule),
            ("unknown import: `host::call` has not been defined", .invalidModule),
            ("incompatible import type for `env::f`", .invalidModule),
        ])
    func classify(stderr: String, kind: FailureKind) {
        #expect(WasmtimeCLIRuntime.classify("Error: " + stderr) == kind)
    }

    @Test("a message wasmtime gives for other reasons is not classified")
    func unclassified() {
        #expect(WasmtimeCLIRuntime.classify("Error: failed to open `missing.wasm`: No such file or directory") == nil)
        #expect(WasmtimeCLIRuntime.classify("") == nil)
    }

    @Test("a guest that reported a failed check before exiting is judged by it, whatever stderr says")
    func checkBeforeExit() {
        let stderr = "wasm trap: unreachable\n"
        let wrong = wasmtime.outcome(
            finished(.exited(1), stdout: "wasmbench:check fail got=1 want=2\n", stderr: stderr), request: request())
        #expect(wrong.status.kind == .wrongResult)
        #expect(wrong.status.message.contains("got=1 want=2"))
        let raised = wasmtime.outcome(
            finished(.exited(1), stdout: "wasmbench:check error ValueError: boom\n", stderr: stderr),
            request: request())
        #expect(raised.status.kind == .guestError)
        #expect(raised.status.message.contains("ValueError: boom"))
    }

    @Test(
        "a signal is a crash that names it",
        arguments: [
            (Int32(11), "the process died from signal 11 (SIGSEGV): gone"),
            (9, "the process died from signal 9 (SIGKILL, e.g. out of memory): gone"),
            (4, "the process died from signal 4 (SIGILL, e.g. a native trap): gone"),
            (12, "the process died from signal 12 (see `kill -l 12`): gone"),
        ])
    func signal(signal: Int32, message: String) {
        let outcome = child.outcome(finished(.signaled(signal), stderr: "gone\n"), request: request())
        #expect(outcome.status == .failed(.crash, message))
    }

    @Test("a time-out says which limit was hit and what to do, in whole or fractional seconds")
    func timeout() {
        let whole = child.outcome(finished(.timedOut, stdout: "wasmbench:iter 0 5\n"), request: request(timeout: 30))
        #expect(whole.status.kind == .timeout)
        #expect(whole.status.message.hasPrefix("killed after the 30 s time limit; raise --timeout"))
        // What was measured before the limit is kept.
        #expect(whole.samples.contains { $0.phase == .execute && $0.iteration == 0 })
        let fractional = child.outcome(finished(.timedOut), request: request(timeout: 2.5))
        #expect(fractional.status.message.hasPrefix("killed after the 2.5 s time limit"))
    }

    @Test("an interrupted child is an interruption, not a crash")
    func interrupted() {
        let outcome = child.outcome(finished(.interrupted, stderr: "killed\n"), request: request())
        #expect(outcome.status == .failed(.interrupted, "interrupted before it finished"))
    }

    @Test("without the exec helper there is no peak RSS sample, never a zero")
    func noPeakRSS() {
        let samples = ChildRun.processSamples(finished(.exited(0)).result)
        #expect(samples == [PhaseSample(.wall, .time, 1.25), PhaseSample(.wall, .cpu, 0.75)])
    }
}

extension RunStatus {
    var kind: FailureKind? {
        if case .failed(let kind, _) = self { return kind }
        return nil
    }

    var message: String {
        if case .failed(_, let message) = self { return message }
        return ""
    }
}

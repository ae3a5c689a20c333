import Testing
import WasmBenchModel
import WasmBenchRuntime

@Suite("Guest markers are read exactly, and verdicts say what was wrong")
struct GuestReportTests {
    let program = GuestProgram(workload: "k", wasmPath: "/k.wasm", entry: .command(arguments: []), reportsMarkers: true)

    @Test("a complete report gives start, iterations and a passing check")
    func complete() {
        let report = GuestReport(
            parsing: "hello\nwasmbench:start 1000\nwasmbench:iter 0 500\nwasmbench:iter 1 250\nwasmbench:check ok 42\n")
        #expect(report.startRealtimeNanoseconds == 1000)
        #expect(report.iterations.map(\.nanoseconds) == [500, 250])
        #expect(report.checkPassed == true)
        #expect(report.checkDetail == "42")
        #expect(GuestOutcome.verdict(report, program: program, iterations: 2, wallSeconds: 1) == .completed)
    }

    @Test("markers become startup and execute samples in seconds")
    func samples() {
        let report = GuestReport(parsing: "wasmbench:start 3000000000\nwasmbench:iter 0 2000000\n")
        let samples = GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: 2_000_000_000)
        #expect(samples == [PhaseSample(.startup, .time, 1.0), PhaseSample(.execute, .time, 0.002, iteration: 0)])
    }

    @Test("an interpreter guest's import time becomes an import sample")
    func importMarker() {
        let report = GuestReport(parsing: "wasmbench:start 5\nwasmbench:import 1500000\nwasmbench:iter 0 7\n")
        #expect(report.importNanoseconds == 1_500_000)
        #expect(report.malformedLines.isEmpty)
        let samples = GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: nil)
        #expect(samples.first == PhaseSample(.import, .time, 0.0015))
    }

    @Test("a driver's interpreter load time becomes a load sample, ahead of startup, import and execute")
    func loadMarker() {
        let report = GuestReport(
            parsing:
                "wasmbench:load 2500000000\nwasmbench:start 4000000000\nwasmbench:import 3000000\nwasmbench:iter 0 250000000\n"
        )
        #expect(report.loadNanoseconds == 2_500_000_000)
        #expect(report.malformedLines.isEmpty)
        let samples = GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: 1_000_000_000)
        #expect(
            samples == [
                PhaseSample(.load, .time, 2.5), PhaseSample(.startup, .time, 3.0), PhaseSample(.import, .time, 0.003),
                PhaseSample(.execute, .time, 0.25, iteration: 0),
            ])
    }

    @Test("a load marker without a whole number of nanoseconds is malformed, and no load sample is made")
    func malformedLoad() {
        for line in ["wasmbench:load", "wasmbench:load 2.5", "wasmbench:load -1", "wasmbench:load 1 2"] {
            let report = GuestReport(parsing: line + "\n")
            #expect(report.loadNanoseconds == nil)
            #expect(report.malformedLines == [line])
            #expect(GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: nil).isEmpty)
        }
    }

    @Test("a start reading before the entry (a clock step) gives no startup sample rather than a negative one")
    func clockStep() {
        let report = GuestReport(parsing: "wasmbench:start 10\n")
        #expect(GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: 20).isEmpty)
    }

    @Test("a failed self-check is a wrong result")
    func wrongResult() {
        let report = GuestReport(parsing: "wasmbench:iter 0 5\nwasmbench:check fail got=1 want=2\n")
        guard
            case .failed(let kind, let message) = GuestOutcome.verdict(
                report, program: program, iterations: 1, wallSeconds: 1)
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(kind == .wrongResult)
        #expect(message.contains("got=1 want=2"))
    }

    @Test("a check error is the guest program's own failure, not a wrong result")
    func guestError() {
        let stdout = "wasmbench:start 1\nwasmbench:check error import: ImportError: no module named 'itertools'\n"
        let report = GuestReport(parsing: stdout)
        #expect(report.checkPassed == false && report.checkIsError)
        guard
            case .failed(let kind, let message) = GuestOutcome.verdict(
                report, program: program, iterations: 1, wallSeconds: 1)
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(kind == .guestError)
        #expect(message.contains("no module named 'itertools'"))
        // An engine that saw only a non-zero exit gets the guest's own verdict.
        let refined = GuestOutcome.refine(
            .failed(.nonZeroExit, "the guest exited with status 3"), stdout: stdout, program: program)
        #expect(refined.kind == .guestError)
        let trap = GuestOutcome.refine(.failed(.trap, "unreachable"), stdout: stdout, program: program)
        #expect(trap.kind == .trap)
        #expect(GuestOutcome.refine(.failed(.nonZeroExit, "x"), stdout: "", program: program).kind == .nonZeroExit)
    }

    @Test("missing check, missing iterations and malformed markers are runtime errors")
    func incomplete() {
        let noCheck = GuestReport(parsing: "wasmbench:iter 0 5\n")
        #expect(GuestOutcome.verdict(noCheck, program: program, iterations: 1, wallSeconds: 1).kind == .runtimeError)
        let short = GuestReport(parsing: "wasmbench:iter 0 5\nwasmbench:check ok 1\n")
        #expect(GuestOutcome.verdict(short, program: program, iterations: 2, wallSeconds: 1).kind == .runtimeError)
        let malformed = GuestReport(parsing: "wasmbench:iter zero 5\nwasmbench:check ok 1\n")
        #expect(malformed.malformedLines == ["wasmbench:iter zero 5"])
        #expect(GuestOutcome.verdict(malformed, program: program, iterations: 0, wallSeconds: 1).kind == .runtimeError)
    }

    @Test("a guest without markers is judged by its exit status alone")
    func noMarkers() {
        var plain = program
        plain.reportsMarkers = false
        #expect(
            GuestOutcome.verdict(GuestReport(parsing: ""), program: plain, iterations: 5, wallSeconds: 1) == .completed)
        #expect(plain.commandArguments(iterations: 5) == [])
        #expect(program.commandArguments(iterations: 5) == ["5"])
    }

    @Test("a guest not asked for markers has its output left unread, however much it looks like markers")
    func markersOnlyWhenAsked() {
        var plain = program
        plain.reportsMarkers = false
        let stdout = "wasmbench:start 5\nwasmbench:iter 0 7\nwasmbench:check fail got=1 want=2\nwasmbench:iter x\n"
        #expect(GuestReport(reading: stdout, of: plain) == GuestReport(parsing: ""))
        #expect(GuestReport(reading: stdout, of: program) == GuestReport(parsing: stdout))
        let exited = RunStatus.failed(.nonZeroExit, "the guest exited with status 1")
        #expect(GuestOutcome.refine(exited, stdout: stdout, program: plain) == exited)
        #expect(GuestOutcome.refine(exited, stdout: stdout, program: program).kind == .wrongResult)
    }

    @Test("a check fail stands wherever it is printed: a later ok or error line does not override it")
    func checkFailStands() {
        for stdout in [
            "wasmbench:iter 0 5\nwasmbench:check fail got=1 want=2\nwasmbench:check ok 2\n",
            "wasmbench:check fail got=1 want=2\nwasmbench:iter 0 5\nwasmbench:check ok 2\nwasmbench:check ok 2\n",
            "wasmbench:iter 0 5\nwasmbench:check fail got=1 want=2\nwasmbench:check error late\n",
        ] {
            let report = GuestReport(parsing: stdout)
            #expect(report.checkPassed == false && !report.checkIsError && report.checkDetail == "got=1 want=2")
            #expect(GuestOutcome.verdict(report, program: program, iterations: 1, wallSeconds: 1).kind == .wrongResult)
        }
    }

    @Test(
        "markers that contradict themselves or the process's wall time are a bad report",
        arguments: [
            ("wasmbench:iter 1 5\nwasmbench:iter 0 5\n", "numbered"),
            ("wasmbench:iter 0 5\nwasmbench:iter 0 5\n", "numbered"),
            ("wasmbench:iter 0 5\nwasmbench:iter 2 5\n", "numbered"),
            ("wasmbench:iter 0 0\nwasmbench:iter 1 5\n", "above zero"),
            ("wasmbench:iter 0 5\nwasmbench:iter 1 2000000000\n", "wall time"),
            ("wasmbench:iter 0 600000000\nwasmbench:iter 1 600000000\n", "add up"),
            ("wasmbench:import 3000000000\nwasmbench:iter 0 5\nwasmbench:iter 1 5\n", "import"),
            ("wasmbench:load 0\nwasmbench:iter 0 5\nwasmbench:iter 1 5\n", "load"),
            ("wasmbench:start 9000000000\nwasmbench:iter 0 5\nwasmbench:iter 1 5\n", "start-up"),
        ])
    func inconsistentMarkers(markers: String, problem: String) throws {
        let report = GuestReport(parsing: markers + "wasmbench:check ok 1\n")
        let status = GuestOutcome.verdict(
            report, program: program, iterations: 2, wallSeconds: 1, entryRealtimeNanoseconds: 1_000_000_000)
        guard case .failed(let kind, let message) = status else {
            Issue.record("expected a bad report for \(markers)")
            return
        }
        #expect(kind == .badReport)
        #expect(message.contains(problem), "\(message)")
        #expect(FailureKind.badReport.rawValue == "bad-report")
    }

    @Test("consistent markers pass: ordered iterations, each time and their total inside the process")
    func consistentMarkers() {
        let report = GuestReport(
            parsing: "wasmbench:start 1100000000\nwasmbench:import 1000\nwasmbench:iter 0 400000000\n"
                + "wasmbench:iter 1 400000000\nwasmbench:check ok 1\n")
        let status = GuestOutcome.verdict(
            report, program: program, iterations: 2, wallSeconds: 1, entryRealtimeNanoseconds: 1_000_000_000)
        #expect(status == .completed)
    }
}

extension RunStatus {
    var kind: FailureKind? {
        if case .failed(let kind, _) = self { return kind }
        return nil
    }
}

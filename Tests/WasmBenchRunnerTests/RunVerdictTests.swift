import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRunner

@Suite("A run's verdict: decided once, in a fixed order, with a message that says where the results are")
struct RunVerdictTests {
    func result(failures: [FailureKind]) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(
                os: "test", kernel: "k", architecture: "x86_64", cpuModel: "cpu", cores: 2, memoryBytes: 1),
            configuration: settings())
        result.failures = failures.map {
            Failure(runtime: "r", workload: "w", process: 0, kind: $0, message: "m")
        }
        return result
    }

    let refused = [
        Failure(runtime: "wasmbench", workload: "x.wasm", process: nil, kind: .invalidModule, message: "bad")
    ]

    @Test("No failure, no refusal, no interruption: passed; a skipped (unsupported) cell is no failure")
    func passed() {
        let verdict = RunVerdict(
            result(failures: [.unsupported]), refused: [], interrupted: false, saveFailure: nil, resultsPath: "r.json")
        #expect(verdict == .passed)
        #expect(verdict.resultsSaved)
    }

    @Test("Failed processes: some failed, counted, the first named, pointing at the report and the results file only")
    func someFailed() {
        let verdict = RunVerdict(
            result(failures: [.timeout, .unsupported, .trap]), refused: [], interrupted: false, saveFailure: nil,
            resultsPath: "r.json")
        #expect(
            verdict
                == .someFailed(
                    "2 run(s) failed, the first w on r (timeout); the report's failures and r.json list them all; the other results are valid"
                ))
        // Nothing on stderr is pointed at: with --quiet there is none.
        #expect(!(verdict.failure?.message.contains("above") ?? true))
    }

    @Test("A refused module outranks failures; an interruption outranks both; a failed save outranks all")
    func order() {
        let failed = result(failures: [.trap])
        #expect(
            RunVerdict(failed, refused: refused, interrupted: false, saveFailure: nil, resultsPath: "r.json")
                == .refused("1 module(s) refused: bad"))
        #expect(
            RunVerdict(failed, refused: refused, interrupted: true, saveFailure: nil, resultsPath: "r.json")
                == .interrupted("interrupted; the results measured so far are in r.json"))
        let saveFailed = RunVerdict(
            failed, refused: refused, interrupted: true, saveFailure: "disk full", resultsPath: "r.json")
        #expect(
            saveFailed
                == .saveFailed("saving the results failed during the run (disk full); the final save to r.json worked"))
        #expect(!saveFailed.resultsSaved)
    }

    @Test("An explain analysis: interrupted before failed cells, unsupported cells no failure")
    func explained() {
        var report = ExplainReport(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(
                os: "test", kernel: "k", architecture: "x86_64", cpuModel: "cpu", cores: 2, memoryBytes: 1),
            baseline: "native", runtimes: [], workloads: [], notices: [])
        #expect(RunVerdict(explained: report, interrupted: false) == .passed)
        report.failures = [
            Failure(runtime: "r", workload: "w", process: nil, kind: .unsupported, message: "m"),
            Failure(runtime: "r", workload: "w", process: nil, kind: .crash, message: "m"),
        ]
        #expect(
            RunVerdict(explained: report, interrupted: false)
                == .someFailed(
                    "1 cell(s) could not be counted or profiled, the first w on r; the report's failures say why"))
        #expect(
            RunVerdict(explained: report, interrupted: true)
                == .interrupted("interrupted; the report shows what was counted"))
    }

    @Test("The first saved result carries the planner's notices, the measure's own, the refused modules and the folder")
    func start() {
        let time = RunResult.start(
            toolVersion: "9", configuration: settings(), runtimes: [], workloads: [], notices: ["planned"],
            refused: refused, runFolder: URL(fileURLWithPath: "/tmp/run"), reportsPeakRSS: true)
        #expect(time.notices == ["planned", RunNotice.peakRSS])
        #expect(time.failures == refused)
        #expect(time.runFolder == "/tmp/run")
        #expect(time.toolVersion == "9")
        #expect(time.finishedAt == nil && !time.complete)
        let noHelper = RunResult.start(
            toolVersion: "9", configuration: settings(), runtimes: [], workloads: [], notices: [],
            refused: [], runFolder: URL(fileURLWithPath: "/tmp/run"), reportsPeakRSS: false)
        #expect(noHelper.notices.isEmpty)
        let counted = RunResult.start(
            toolVersion: "9", configuration: settings(measure: .instructions), runtimes: [], workloads: [],
            notices: [], refused: [], runFolder: URL(fileURLWithPath: "/tmp/run"), reportsPeakRSS: true)
        #expect(counted.notices.last == RunNotice.degenerateInterval)
        #expect(!counted.notices.contains(RunNotice.peakRSS))
    }
}

/// Plain settings for a result that is never run.
private func settings(measure: Measure = .time) -> RunConfiguration {
    RunConfiguration(
        processes: 3, iterations: 5, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 10,
        cellBudgetSeconds: 60, failurePolicy: .continue, measure: measure)
}

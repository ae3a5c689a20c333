import WasmBenchModel

/// Turns what a guest printed into samples and a verdict, the same way for every runtime.
public enum GuestOutcome {
    /// The `load`, `startup`, `import` and per-iteration `execute` samples a marker-reporting guest
    /// (and its host driver, for `load`) gives.
    ///
    /// Start-up is the guest's `wasmbench:start` reading minus `entryRealtimeNanoseconds` (when the
    /// runtime was asked to start the guest); it is left out when either is missing or when the
    /// difference is negative (a clock step), never guessed.
    public static func markerSamples(_ report: GuestReport, entryRealtimeNanoseconds: UInt64?) -> [PhaseSample] {
        var samples: [PhaseSample] = []
        if let ns = report.loadNanoseconds {
            samples.append(PhaseSample(.load, .time, Double(ns) / 1e9))
        }
        if let guest = report.startRealtimeNanoseconds, let entry = entryRealtimeNanoseconds, guest >= entry {
            samples.append(PhaseSample(.startup, .time, Double(guest - entry) / 1e9))
        }
        if let ns = report.importNanoseconds {
            samples.append(PhaseSample(.import, .time, Double(ns) / 1e9))
        }
        for iteration in report.iterations {
            samples.append(
                PhaseSample(.execute, .time, Double(iteration.nanoseconds) / 1e9, iteration: iteration.index))
        }
        return samples
    }

    /// A failure as the engine saw it (a non-zero exit, say), told apart by what the guest
    /// printed: a guest that reported a failed check before exiting gets that verdict instead.
    public static func refine(_ status: RunStatus, stdout: String) -> RunStatus {
        guard case .failed(.nonZeroExit, _) = status else { return status }
        let report = GuestReport(parsing: stdout)
        return report.checkPassed == false ? checkFailure(report) : status
    }

    /// The failure a `wasmbench:check fail` or `error` line reports.
    public static func checkFailure(_ report: GuestReport) -> RunStatus {
        report.checkIsError
            ? .failed(
                .guestError,
                "the guest program failed: \(report.checkDetail); the benchmark or the interpreter is at fault, not the runtime (its traceback is in the command's stderr)"
            )
            : .failed(
                .wrongResult,
                "the guest's self-check failed (\(report.checkDetail)); the runtime computed a wrong result")
    }

    /// The verdict for a guest that exited normally (status 0).
    ///
    /// A marker-reporting guest must print all its iterations and a passing self-check; anything
    /// else is a wrong result or a runtime error, with a message that says what was missing.
    public static func verdict(_ report: GuestReport, program: GuestProgram, iterations: Int) -> RunStatus {
        guard program.reportsMarkers else { return .completed }
        if let malformed = report.malformedLines.first {
            return .failed(.runtimeError, "the guest printed a malformed marker line: \(malformed)")
        }
        switch report.checkPassed {
        case .some(false):
            return checkFailure(report)
        case .none:
            return .failed(.runtimeError, "the guest printed no `wasmbench:check` line; its output was cut short")
        case .some(true):
            break
        }
        guard report.iterations.count == iterations else {
            return .failed(
                .runtimeError,
                "the guest reported \(report.iterations.count) of \(iterations) iterations; its output was cut short")
        }
        return .completed
    }
}

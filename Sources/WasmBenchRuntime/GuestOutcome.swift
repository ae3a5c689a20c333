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
    /// printed: a marker-reporting guest that reported a failed check before exiting gets that
    /// verdict instead; the output of any other guest is not read.
    public static func refine(_ status: RunStatus, stdout: String, program: GuestProgram) -> RunStatus {
        guard case .failed(.nonZeroExit, _) = status else { return status }
        let report = GuestReport(reading: stdout, of: program)
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
    /// Markers that contradict themselves or the process's `wallSeconds` (see
    /// ``inconsistency(_:wallSeconds:entryRealtimeNanoseconds:)``) are a ``FailureKind/badReport``.
    public static func verdict(
        _ report: GuestReport, program: GuestProgram, iterations: Int, wallSeconds: Double,
        entryRealtimeNanoseconds: UInt64? = nil
    ) -> RunStatus {
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
        if let problem = inconsistency(
            report, wallSeconds: wallSeconds, entryRealtimeNanoseconds: entryRealtimeNanoseconds)
        {
            return .failed(.badReport, "the guest's markers cannot be believed: \(problem)")
        }
        return .completed
    }

    /// Why a guest's markers contradict themselves or the process that printed them, or `nil`
    /// when they are consistent.
    ///
    /// Iterations must be numbered 0, 1, 2… in the order printed; every time a marker gives (an
    /// iteration, `load`, `import`, and the start-up the `start` reading implies) must be above
    /// zero and below the process's wall time, and so must the iterations' total. A guest that
    /// measures itself cannot have spent longer than the process it ran in.
    public static func inconsistency(
        _ report: GuestReport, wallSeconds: Double, entryRealtimeNanoseconds: UInt64? = nil
    ) -> String? {
        for (position, iteration) in report.iterations.enumerated() where iteration.index != position {
            return
                "iteration \(position) is numbered \(iteration.index); expected 0 to \(report.iterations.count - 1) in order"
        }
        var times = report.iterations.map { ("iteration \($0.index)", $0.nanoseconds) }
        if let ns = report.loadNanoseconds { times.append(("the load time", ns)) }
        if let ns = report.importNanoseconds { times.append(("the import time", ns)) }
        if let start = report.startRealtimeNanoseconds, let entry = entryRealtimeNanoseconds, start >= entry {
            times.append(("the start-up time", start - entry))
        }
        let total = report.iterations.reduce(0.0) { $0 + Double($1.nanoseconds) / 1e9 }
        for (what, ns) in times {
            let seconds = Double(ns) / 1e9
            guard seconds.isFinite, seconds > 0 else { return "\(what) is \(ns) ns; a measured time is above zero" }
            guard seconds < wallSeconds else {
                return "\(what) (\(seconds) s) is not below the process's wall time (\(wallSeconds) s)"
            }
        }
        guard total < wallSeconds || report.iterations.isEmpty else {
            return "the iterations add up to \(total) s, not below the process's wall time (\(wallSeconds) s)"
        }
        return nil
    }
}

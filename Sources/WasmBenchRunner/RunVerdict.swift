import WasmBenchModel

/// How a run (or an explain analysis) ended, decided once from what it measured, with the exit
/// status each case ends the command with (``failure``).
///
/// Not an error in itself: a failed process is data in the result, and the verdict only says what
/// the whole came to. The first case that applies wins, in the order below.
public enum RunVerdict: Equatable, Sendable {
    /// Everything asked for ran, and every save worked.
    case passed
    /// A save during the run failed, though the final one worked.
    case saveFailed(String)
    /// Ctrl-C ended the run; what was measured so far is kept.
    case interrupted(String)
    /// Some of the user's modules were refused before anything ran.
    case refused(String)
    /// Some processes (or cells) failed; the other results are valid.
    case someFailed(String)

    /// The verdict of a finished run.
    ///
    /// - Parameters:
    ///   - result: the run's result.
    ///   - refused: the modules refused while planning, as failures.
    ///   - interrupted: whether Ctrl-C stopped the run.
    ///   - saveFailure: the first save that failed during the run, if any.
    ///   - resultsPath: where the results were saved, for the messages.
    public init(
        _ result: RunResult, refused: [Failure], interrupted: Bool, saveFailure: String?, resultsPath: String
    ) {
        let failures = result.failures.filter { $0.kind != .unsupported }
        if let saveFailure {
            self = .saveFailed(
                "saving the results failed during the run (\(saveFailure)); the final save to \(resultsPath) worked")
        } else if interrupted {
            self = .interrupted("interrupted; the results measured so far are in \(resultsPath)")
        } else if !refused.isEmpty {
            self = .refused(
                "\(refused.count) module(s) refused: \(refused.map(\.message).joined(separator: "; "))")
        } else if !failures.isEmpty {
            let first = failures[0]
            self = .someFailed(
                "\(failures.count) run(s) failed, the first \(first.workload) on \(first.runtime) (\(first.kind.rawValue)); "
                    + "the report's failures and \(resultsPath) list them all; the other results are valid")
        } else {
            self = .passed
        }
    }

    /// The verdict of an explain analysis: interrupted, some cells not counted, or passed.
    public init(explained report: ExplainReport, interrupted: Bool) {
        let failed = report.failures.filter { $0.kind != .unsupported }
        if interrupted {
            self = .interrupted("interrupted; the report shows what was counted")
        } else if !failed.isEmpty {
            self = .someFailed(
                "\(failed.count) cell(s) could not be counted or profiled, the first \(failed[0].workload) on \(failed[0].runtime); the report's failures say why"
            )
        } else {
            self = .passed
        }
    }

    /// The exit status and message the command ends with, or nil when it passed.
    public var failure: (status: ExitStatus, message: String)? {
        switch self {
        case .passed: nil
        case .saveFailed(let message): (.outputNotWritable, message)
        case .interrupted(let message): (.interrupted, message)
        case .refused(let message): (.invalidInput, message)
        case .someFailed(let message): (.someRunsFailed, message)
        }
    }

    /// Whether the command may say the results were saved (every save worked).
    public var resultsSaved: Bool {
        if case .saveFailed = self { return false }
        return true
    }
}

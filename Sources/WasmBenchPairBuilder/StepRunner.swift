import Foundation
import WasmBenchProcess

/// Runs build steps one after another, each into its own log file, reporting progress lines.
struct StepRunner: Sendable {
    /// Spawns the steps.
    let launcher: ProcessLauncher
    /// Where the logs go (kept after a failure).
    let logFolder: URL
    /// Receives progress lines.
    let progress: @Sendable (String) -> Void

    /// The log file of a step.
    func log(of step: BuildStep) -> URL { logFolder.appendingPathComponent(step.logName) }

    /// Runs a step to success and returns its wall time in seconds.
    ///
    /// A step that cannot start, exits non-zero, is killed or times out throws
    /// ``PythonBuildError/stepFailed(step:outcome:tail:log:)`` quoting the end of its log; an
    /// interrupted one throws ``PythonBuildError/interrupted``.
    @discardableResult
    func run(_ step: BuildStep) throws(PythonBuildError) -> Double {
        let log = log(of: step).path
        progress("\(step.name): \(step.commandLine)  (log: \(log))")
        let result: ProcessResult
        do {
            result = try launcher.run(step.processSpec(log: log))
        } catch {
            throw .stepFailed(step: step.name, outcome: error.description, tail: "", log: log)
        }
        switch result.termination {
        case .exited(0):
            progress("\(step.name): done in \(Int(result.wallSeconds.rounded())) s")
            return result.wallSeconds
        case .interrupted:
            throw .interrupted
        case .exited(let code):
            throw .stepFailed(step: step.name, outcome: "exit status \(code)", tail: Self.tail(of: log), log: log)
        case .signaled(let signal):
            throw .stepFailed(
                step: step.name, outcome: "killed by signal \(signal)", tail: Self.tail(of: log), log: log)
        case .outputLimitExceeded:
            throw .stepFailed(
                step: step.name, outcome: "killed for writing more than its output limit", tail: Self.tail(of: log),
                log: log)
        case .timedOut:
            throw .stepFailed(
                step: step.name, outcome: "still running after \(Int(step.timeout)) s", tail: Self.tail(of: log),
                log: log)
        }
    }

    /// The last `count` non-empty lines of a log, each cut to 400 characters.
    static func tail(of path: String, count: Int = 15) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "(no output)" }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.suffix(count)
        guard !lines.isEmpty else { return "(no output)" }
        return lines.map { $0.count > 400 ? $0.prefix(400) + "…" : Substring($0) }.joined(separator: "\n")
    }
}

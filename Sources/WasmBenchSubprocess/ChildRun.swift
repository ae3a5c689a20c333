import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// Runs one child process for a runtime and turns what it did into a ``RunOutcome``.
///
/// Shared by every adapter that spawns: it times the process (wall, CPU, peak RSS), reads the
/// guest's markers from stdout, and maps a non-zero exit, a signal or a time-out to a failure
/// whose message quotes the end of the child's stderr.
struct ChildRun {
    /// Spawns the child.
    let launcher: ProcessLauncher
    /// Tells a trap or a rejected module from other non-zero exits by the runtime's stderr.
    let classify: @Sendable (String) -> FailureKind?

    /// What a finished child left behind.
    struct Finished {
        let result: ProcessResult
        let stdout: String
        let stderr: String
        let command: String
    }

    /// Spawns `executable arguments` for the request, capturing output in its scratch folder.
    ///
    /// The guest's own process (`name` "run") starts under the request's command prefix, if any.
    func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], request: RunRequest,
        name: String = "run"
    ) -> Result<Finished, ProcessError> {
        let out = request.scratchDirectory + "/\(name).stdout"
        let err = request.scratchDirectory + "/\(name).stderr"
        var command = [executable] + arguments
        if name == "run", let prefix = request.commandPrefix, !prefix.isEmpty { command = prefix + command }
        let spec = ProcessSpec(
            executable: command[0], arguments: Array(command.dropFirst()), environment: environment,
            stdoutPath: out, stderrPath: err, timeout: request.timeoutSeconds,
            outputLimit: request.effectiveOutputLimitBytes)
        do {
            let result = try launcher.run(spec)
            return .success(
                Finished(
                    result: result, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                    stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "", command: spec.commandLine))
        } catch {
            return .failure(error)
        }
    }

    /// The whole-process samples: wall time, CPU time and peak RSS.
    static func processSamples(_ result: ProcessResult) -> [PhaseSample] {
        [
            PhaseSample(.wall, .time, result.wallSeconds),
            PhaseSample(.wall, .cpu, result.userSeconds + result.systemSeconds),
        ] + (result.maxRSSBytes.map { [PhaseSample(.wall, .peakRSS, $0)] } ?? [])
    }

    /// The outcome of a finished guest run: process samples, marker samples and the verdict.
    ///
    /// `extra` are host-side samples the adapter measured itself (e.g. an AOT compile step).
    func outcome(
        _ finished: Finished, request: RunRequest, entryRealtimeNanoseconds: UInt64? = nil, extra: [PhaseSample] = []
    ) -> RunOutcome {
        let report = GuestReport(reading: finished.stdout, of: request.program)
        let entry = entryRealtimeNanoseconds ?? finished.result.spawnRealtimeNanoseconds
        var samples = extra + GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: entry)
        samples += Self.processSamples(finished.result)
        let status = self.status(finished, report: report, request: request, entryRealtimeNanoseconds: entry)
        var outcome = RunOutcome(samples: samples, status: status, command: finished.command)
        outcome.checkValue = report.checkValue
        return outcome
    }

    /// The verdict for a finished child; `report` holds the markers it was asked to print.
    func status(
        _ finished: Finished, report: GuestReport, request: RunRequest, entryRealtimeNanoseconds: UInt64? = nil
    ) -> RunStatus {
        let tail = Self.tail(finished.stderr)
        switch finished.result.termination {
        case .timedOut:
            return .failed(
                .timeout,
                "killed after the \(Self.seconds(request.timeoutSeconds)) time limit; raise --timeout if the workload is just slow, or check it for an endless loop"
            )
        case .interrupted:
            return .failed(.interrupted, "interrupted before it finished")
        case .outputLimitExceeded:
            return .failed(.outputLimit, Self.outputLimitMessage(finished.result.output))
        case .signaled(let signal):
            return .failed(.crash, "the process died from signal \(signal) (\(Self.signalName(signal)))\(tail)")
        case .exited(0):
            return GuestOutcome.verdict(
                report, program: request.program, iterations: request.iterations,
                wallSeconds: finished.result.wallSeconds, entryRealtimeNanoseconds: entryRealtimeNanoseconds)
        case .exited(let code):
            if report.checkPassed == false { return GuestOutcome.checkFailure(report) }
            let kind = classify(finished.stderr) ?? .nonZeroExit
            let what =
                switch kind {
                case .trap: "the guest trapped"
                case .invalidModule: "the runtime rejected the module"
                default: "exited with status \(code)"
                }
            return .failed(kind, "\(what)\(tail)")
        }
    }

    /// Why a child that wrote past its output limit failed, and what to do.
    static func outputLimitMessage(_ output: OutputTally) -> String {
        let limit = output.limit ?? 0
        let streams = [("stdout", output.stdoutBytes), ("stderr", output.stderrBytes)]
            .filter { $0.1 > limit }.map { "\($0.1) bytes on \($0.0)" }
        return "the process wrote more than its output limit of \(limit) bytes per stream ("
            + streams.joined(separator: " and ")
            + " before it was killed); the first \(limit) bytes of each stream were kept and \(output.discardedBytes) "
            + "discarded; raise --output-limit if the workload really prints that much"
    }

    /// The last lines of a child's stderr, as a suffix for a message.
    static func tail(_ text: String) -> String {
        // Rust programs append a native backtrace after the message: keep the message only.
        let message = text.components(separatedBy: "\nStack backtrace:").first ?? text
        // wasmtime lists the wasm backtrace's frames before the trap's reason: keep the reason.
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !isBacktraceFrame($0) }
        guard !lines.isEmpty else { return "" }
        let kept = lines.suffix(6).joined(separator: " | ")
        return ": " + (kept.count > 600 ? String(kept.prefix(600)) + "…" : kept)
    }

    /// Whether a line is a frame of a wasm backtrace: `12: 0x2905a - <unknown>!<wasm function 1010>`.
    static func isBacktraceFrame(_ line: String) -> Bool {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].hasSuffix(":"), parts[0].dropLast().allSatisfy(\.isNumber) else {
            return false
        }
        return parts[1].hasPrefix("0x")
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 4: "SIGILL, e.g. a native trap"
        case 6: "SIGABRT"
        case 7: "SIGBUS"
        case 8: "SIGFPE"
        case 9: "SIGKILL, e.g. out of memory"
        case 11: "SIGSEGV"
        default: "see `kill -l \(signal)`"
        }
    }
}

import Foundation
import WasmBenchModel
import WasmBenchRuntime

/// The JSON our drivers (Node's and the browsers' scripts, Wasmer's Python one, wasm3's C program) write: phases in
/// nanoseconds, the per-call times of an invoked export, the realtime clock at the guest's entry,
/// its exit code, or an error with its kind.
package struct DriverReport: Decodable {
    package struct DriverError: Decodable {
        let kind: String
        let message: String
    }
    let phases: [String: Double]
    let iterations: [Double]
    let entryRealtime: Double?
    let exitCode: Int?
    let error: DriverError?

    /// Reads a report a driver wrote (untrusted bytes: the guest ran in the same engine), or nil
    /// when it is no report.
    package static func read(_ data: Data) -> DriverReport? {
        try? JSONDecoder().decode(DriverReport.self, from: data)
    }

    /// The samples a plausible report holds: parse, compile, instantiate, each iteration, and the
    /// guest's whole start as iteration 0 when `startIsIteration` (a command that prints no markers).
    package func samples(startIsIteration: Bool) -> [PhaseSample] {
        var samples: [PhaseSample] = []
        if let parse = phases["parse"] { samples.append(PhaseSample(.parse, .time, parse / 1e9)) }
        if let compile = phases["compile"] { samples.append(PhaseSample(.compile, .time, compile / 1e9)) }
        if let instantiate = phases["instantiate"] {
            samples.append(PhaseSample(.instantiate, .time, instantiate / 1e9))
        }
        for (index, ns) in iterations.enumerated() {
            samples.append(PhaseSample(.execute, .time, ns / 1e9, iteration: index))
        }
        if startIsIteration, let start = phases["start"] {
            samples.append(PhaseSample(.execute, .time, start / 1e9, iteration: 0))
        }
        return samples
    }

    /// The guest's realtime clock at entry, in nanoseconds, for a plausible report.
    package var entryRealtimeNanoseconds: UInt64? { entryRealtime.map { UInt64($0) } }

    /// Why the report cannot be believed, or nil: every time must be a finite, non-negative
    /// number of nanoseconds, and the entry time a realtime reading that fits in 64 bits.
    package var implausibility: String? {
        let times = Array(phases.values) + iterations
        if let bad = times.first(where: { !$0.isFinite || $0 < 0 }) {
            return "a time of \(bad) ns, which no clock gives"
        }
        if let entry = entryRealtime, !(entry.isFinite && entry >= 0 && entry < 0x1p64) {
            return "an entry time of \(entry) ns, which is no realtime reading"
        }
        return nil
    }
}

extension ChildRun {
    /// The outcome of a driver process: the phases its report holds (parse, compile, instantiate,
    /// each call), the guest's markers from stdout, and the verdict; `engine` names the engine in an
    /// error message (`V8: …`).
    func driverOutcome(_ finished: Finished, reportPath: String, request: RunRequest, engine: String) -> RunOutcome {
        guard finished.result.termination == .exited(0),
            let data = FileManager.default.contents(atPath: reportPath),
            let report = DriverReport.read(data)
        else {
            var outcome = self.outcome(finished, request: request)
            if case .completed = outcome.status {
                outcome.status = .failed(
                    .runtimeError, "the \(engine) driver wrote no report\(ChildRun.tail(finished.stderr))")
            }
            return outcome
        }
        if let implausibility = report.implausibility {
            var outcome = self.outcome(finished, request: request)
            outcome.samples = outcome.samples.filter { $0.phase == .wall }
            outcome.status = .failed(.runtimeError, "the \(engine) driver's report holds \(implausibility)")
            return outcome
        }
        var startIsIteration = false
        if !request.program.reportsMarkers, case .command = request.program.entry { startIsIteration = true }
        var outcome = self.outcome(
            finished, request: request, entryRealtimeNanoseconds: report.entryRealtimeNanoseconds,
            extra: report.samples(startIsIteration: startIsIteration))
        if let error = report.error {
            outcome.status = .failed(FailureKind(rawValue: error.kind) ?? .runtimeError, "\(engine): \(error.message)")
        } else if let code = report.exitCode, code != 0 {
            outcome.status = GuestOutcome.refine(
                .failed(.nonZeroExit, "the guest exited with status \(code)"), stdout: finished.stdout,
                program: request.program)
        }
        return outcome
    }
}

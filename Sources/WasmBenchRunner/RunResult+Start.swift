import Foundation
import WasmBenchExplain
import WasmBenchMachine
import WasmBenchModel

extension RunResult {
    /// A run's result before anything is measured, as it is first saved: this machine, the
    /// settings, the planned runtimes and workloads, the notices a report of this measure carries,
    /// and the modules refused while planning as failures.
    ///
    /// - Parameters:
    ///   - toolVersion: wasmbench's version.
    ///   - configuration: the settings.
    ///   - runtimes: every runtime asked for, as described by its adapter.
    ///   - workloads: the workloads to run.
    ///   - notices: the planner's notices (fallbacks, choices).
    ///   - refused: the modules refused while planning.
    ///   - runFolder: where the run keeps the files its commands name.
    ///   - reportsPeakRSS: whether children run through the exec helper (so peak RSS is their own).
    public static func start(
        toolVersion: String, configuration: RunConfiguration, runtimes: [RuntimeInfo], workloads: [WorkloadInfo],
        notices: [String], refused: [Failure], runFolder: URL, reportsPeakRSS: Bool
    ) -> RunResult {
        var notices = notices
        if configuration.measure == .instructions {
            notices += InstructionCounter.notices + [RunNotice.degenerateInterval]
        } else if reportsPeakRSS {
            notices.append(RunNotice.peakRSS)
        }
        var result = RunResult(
            toolVersion: toolVersion, startedAt: ISO8601DateFormatter().string(from: Date()),
            machine: MachineProbe.current(), configuration: configuration, runtimes: runtimes, workloads: workloads,
            notices: notices)
        result.failures = refused
        result.id = UUID().uuidString.lowercased()
        result.runFolder = runFolder.path
        return result
    }
}

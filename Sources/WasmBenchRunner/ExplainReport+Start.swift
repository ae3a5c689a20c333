import Foundation
import WasmBenchExplain
import WasmBenchMachine
import WasmBenchModel

extension ExplainReport {
    /// An explain analysis's report before anything is counted, as it is first saved: this
    /// machine, the baseline, the planned runtimes and workloads, the planner's notices followed by
    /// the explainer's (``Explainer/notices``), and the modules refused while planning as failures.
    ///
    /// - Parameters:
    ///   - toolVersion: wasmbench's version.
    ///   - baseline: the runtime the counts are compared with.
    ///   - runtimes: every runtime asked for, as described by its adapter.
    ///   - workloads: the workloads to count.
    ///   - notices: the planner's notices (fallbacks, choices).
    ///   - refused: the modules refused while planning.
    public static func start(
        toolVersion: String, baseline: String, runtimes: [RuntimeInfo], workloads: [WorkloadInfo], notices: [String],
        refused: [Failure]
    ) -> ExplainReport {
        var report = ExplainReport(
            toolVersion: toolVersion, startedAt: ISO8601DateFormatter().string(from: Date()),
            machine: MachineProbe.current(), baseline: baseline, runtimes: runtimes, workloads: workloads,
            notices: notices + Explainer.notices)
        report.failures = refused
        return report
    }
}

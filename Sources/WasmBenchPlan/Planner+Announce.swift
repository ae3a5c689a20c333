import WasmBenchModel

extension Planner.Plan {
    /// Says the plan's notices (`note: …`) and refused modules (`error: …`) on `say`, as `run`
    /// does before measuring.
    ///
    /// - Throws: ``PlanError/invalidInput(_:)`` when no workload is left: every module given was
    ///   refused. The message names why, since with `--quiet` nothing was said before.
    public func announce(_ say: (String) -> Void) throws(PlanError) {
        for notice in notices { say("note: \(notice)") }
        if workloads.isEmpty {
            let reasons = rejected.map(\.message).joined(separator: "; ")
            throw .invalidInput("no workload left to run: every module given was refused: \(reasons)")
        }
        for failure in rejected { say("error: \(failure.message)") }
    }
}

/// One workload on one runtime: the unit a run schedules, summarises and compares.
///
/// A cell is identified by the workload's id and the runtime's id as the saved rows spell them.
public struct Cell: Hashable, Sendable, Codable, Comparable {
    /// The workload's id, e.g. `fib`.
    public var workload: String
    /// The runtime's id, e.g. `wasmtime-aot` or `cpython3.11-wasi@wasmkit`.
    public var runtime: String

    /// Creates a cell.
    public init(workload: String, runtime: String) {
        self.workload = workload
        self.runtime = runtime
    }

    /// Orders by workload, then runtime.
    public static func < (lhs: Cell, rhs: Cell) -> Bool {
        (lhs.workload, lhs.runtime) < (rhs.workload, rhs.runtime)
    }
}

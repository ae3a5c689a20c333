import WasmBenchModel
import WasmBenchRuntime

/// A workload ready to run: what runtimes get, and what the artifact records about it.
public struct BuiltWorkload: Sendable, Equatable {
    /// Paths and entry, for the runtimes.
    public var program: GuestProgram
    /// Hashes and build record, for the artifact.
    public var info: WorkloadInfo
    /// The problem size `run --param` can set, or `nil` when the workload takes none.
    public var parameter: SizeParameter?

    /// Creates a built workload.
    public init(program: GuestProgram, info: WorkloadInfo) {
        self.program = program
        self.info = info
    }
}

/// The suites of workloads wasmbench ships.
public enum Suite: String, CaseIterable, Codable, Sendable {
    /// Small C kernels built natively and for wasm32-wasi by the same compiler.
    case kernels
    /// pyperformance's benchmarks and a few classics, run by Python interpreters.
    case python
}

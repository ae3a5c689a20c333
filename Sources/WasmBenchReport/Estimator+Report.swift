import WasmBenchModel

extension Estimator {
    /// What a table by this estimator shows, for its caption; the median's wording is the one the
    /// reports have always used.
    var perIteration: String {
        switch self {
        case .median: "median per iteration"
        case .processMinimum: "per-process minimum (geomean over processes)"
        }
    }

    /// The interval a table by this estimator shows, for its caption and column headers.
    var interval: String {
        switch self {
        case .median: "95% CI"
        case .processMinimum: "95% t interval"
        }
    }
}

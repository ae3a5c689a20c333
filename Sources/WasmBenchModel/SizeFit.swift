/// How one runtime's phase grows with a size: the per-size estimates and the least-squares line
/// through them, a fixed cost (intercept) plus a cost per unit (slope), each with its 95% t
/// interval.
///
/// Two kinds: one workload swept over its problem size (`run --param n=20,24,28`: execute
/// against n), and every workload of the run against its module's size in bytes (compile,
/// parse and the like against the `.wasm`'s bytes, stripped variants included).
public struct SizeFit: Codable, Sendable, Equatable {
    /// What the sizes are.
    public enum Axis: String, Codable, Sendable {
        /// A workload's problem size (``WorkloadParameter``), one variant per value.
        case parameter
        /// The size of each workload's `.wasm` module, in bytes.
        case moduleBytes = "module-bytes"
    }

    /// One size's estimate.
    public struct Point: Codable, Sendable, Equatable {
        /// The workload variant measured, e.g. `kernels/fib[n=24]`.
        public var workload: String
        /// The size.
        public var size: Double
        /// The estimate by the run's estimator, with its interval.
        public var estimate: EstimatedValue

        /// Creates a point.
        public init(workload: String, size: Double, estimate: EstimatedValue) {
            self.workload = workload
            self.size = size
            self.estimate = estimate
        }
    }

    /// What the sizes are.
    public var axis: Axis
    /// The swept workload (`kernels/fib`) for ``Axis/parameter``; `nil` for ``Axis/moduleBytes``,
    /// which spans the run's workloads.
    public var workload: String?
    /// The size's name: the parameter's (`n`), or `bytes`.
    public var sizeName: String
    /// The runtime id.
    public var runtime: String
    /// The phase.
    public var phase: Phase
    /// The metric (time, cpu, artifact bytes, …).
    public var metric: Metric
    /// The unit of the estimates, the intercept and the slope's numerator.
    public var unit: MeasureUnit
    /// The points, by size.
    public var points: [Point]
    /// The fitted value at size 0 with its interval; `nil` with fewer than three sizes.
    public var intercept: EstimatedValue?
    /// The fitted change per unit of size with its interval; `nil` with fewer than three sizes.
    public var slope: EstimatedValue?
    /// The share of the estimates' variance the line explains; `nil` without a fit.
    public var rSquared: Double?

    /// Creates a fit record.
    public init(
        axis: Axis, workload: String?, sizeName: String, runtime: String, phase: Phase, metric: Metric,
        points: [Point], intercept: EstimatedValue? = nil, slope: EstimatedValue? = nil, rSquared: Double? = nil
    ) {
        self.axis = axis
        self.workload = workload
        self.sizeName = sizeName
        self.runtime = runtime
        self.phase = phase
        self.metric = metric
        self.unit = metric.unit
        self.points = points
        self.intercept = intercept
        self.slope = slope
        self.rSquared = rSquared
    }
}

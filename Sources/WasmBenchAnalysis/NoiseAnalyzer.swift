import WasmBenchModel
import WasmBenchStatistics

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// Turns canary timings into a spread and a verdict: quiet, noisy or bimodal. Pure: the same
/// timings always give the same answer.
///
/// The verdict, in order:
/// - **bimodal** when the best two-cluster split (``twoGroupSplit(_:minimumShare:)`` of the log
///   timings, each cluster ≥ 10% of the samples and ≥ 2 of them, from 10 samples on) has its slow
///   cluster's median ≥ ``stateRatio`` × the fast one's and a separation (see
///   ``CanaryStates/separation``) of at least ``stateSeparation``;
/// - **noisy** when p90 ÷ minimum exceeds ``quietLimit``, or the median of the last quarter
///   differs from that of the first by more than ``driftLimit``;
/// - **quiet** otherwise.
public struct NoiseAnalyzer: Sendable {
    /// Fewer samples than this give no spread and no verdict.
    public static let minimumSamples = 5
    /// The largest p90 ÷ minimum a quiet machine shows.
    public static let quietLimit = 1.05
    /// The largest relative change of the median between the first and last quarter a quiet
    /// machine shows.
    public static let driftLimit = 0.05
    /// How much slower the slow cluster's median must be for two states to count (1.1 = 10%).
    public static let stateRatio = 1.1
    /// How far apart (in their own widths) two clusters must be for two states to count.
    public static let stateSeparation = 4.0

    /// Creates an analyzer.
    public init() {}

    /// Fills a record's spread, verdict and reason from its samples (all `nil` below
    /// ``minimumSamples``).
    public func analyze(_ record: inout NoiseRecord) {
        record.spread = spread(record.samples.map(\.seconds))
        if let spread = record.spread {
            let (verdict, reason) = verdict(spread)
            record.verdict = verdict
            record.reason = reason
        } else {
            record.verdict = nil
            record.reason = nil
        }
    }

    /// The spread of timings given in time order; `nil` below ``minimumSamples`` usable ones
    /// (values that are not finite and positive are left out).
    public func spread(_ timings: [Double]) -> NoiseSpread? {
        let values = timings.filter { $0.isFinite && $0 > 0 }
        guard values.count >= Self.minimumSamples, let minimum = values.min(), let middle = median(values),
            let mad = medianAbsoluteDeviation(values), let p90 = quantile(values, 0.9)
        else { return nil }
        let slow = Double(values.filter { $0 > 1.2 * minimum }.count) / Double(values.count)
        var drift: Double?
        if values.count >= 8, let first = median(Array(values.prefix(values.count / 4))),
            let last = median(Array(values.suffix(values.count / 4)))
        {
            drift = last / first
        }
        return NoiseSpread(
            count: values.count, minimum: minimum, median: middle, mad: mad, p90: p90, slowShare: slow,
            states: states(values), drift: drift, autocorrelation: lag1Autocorrelation(values))
    }

    /// The best split into a fast and a slow cluster (from 10 samples on).
    func states(_ values: [Double]) -> CanaryStates? {
        guard values.count >= 10,
            let split = twoGroupSplit(values.map { log($0) }, minimumShare: max(0.1, 2 / Double(values.count))),
            let fast = median(split.low.map { exp($0) }), let slow = median(split.high.map { exp($0) }),
            let fastMAD = medianAbsoluteDeviation(split.low.map { exp($0) }),
            let slowMAD = medianAbsoluteDeviation(split.high.map { exp($0) })
        else { return nil }
        // A cluster's width is floored at 0.1% of its median, so equal timings do not divide by zero.
        let fastWidth = max(madNormalConsistency * fastMAD, 0.001 * fast)
        let slowWidth = max(madNormalConsistency * slowMAD, 0.001 * slow)
        let separation =
            (2.0).squareRoot() * (slow - fast) / (fastWidth * fastWidth + slowWidth * slowWidth).squareRoot()
        return CanaryStates(
            fastMedian: fast, slowMedian: slow, slowShare: Double(split.high.count) / Double(values.count),
            separation: separation)
    }

    /// The verdict on a spread, and why, in a sentence.
    public func verdict(_ spread: NoiseSpread) -> (verdict: NoiseVerdict, reason: String) {
        if let states = spread.states, states.ratio >= Self.stateRatio, states.separation >= Self.stateSeparation {
            return (
                .bimodal,
                "two states: \(Self.milliseconds(states.fastMedian)) (\(Self.percent(1 - states.slowShare))) and \(Self.milliseconds(states.slowMedian)) (\(Self.percent(states.slowShare))), \(Self.times(states.ratio)) apart"
            )
        }
        var problems: [String] = []
        if spread.p90OverMinimum > Self.quietLimit {
            problems.append(
                "p90 is \(Self.times(spread.p90OverMinimum)) the minimum (quiet is ≤ \(Self.times(Self.quietLimit)))")
        }
        if let drift = spread.drift, abs(drift - 1) > Self.driftLimit {
            problems.append(
                "the median drifted \(Self.percent(drift - 1, signed: true)) from the first quarter to the last")
        }
        if !problems.isEmpty { return (.noisy, problems.joined(separator: "; ")) }
        return (.quiet, "p90 is \(Self.times(spread.p90OverMinimum)) the minimum and the median holds still")
    }

    /// Whether `value` fits the whole-number arithmetic of the texts below; a hand-edited or
    /// damaged record (1e308, NaN) is printed as it is instead of trapping in `Int(_:)`.
    private static func printable(_ value: Double) -> Bool {
        value.isFinite && abs(value) < 1e12
    }

    /// Seconds as milliseconds with one decimal: `21.2 ms`.
    static func milliseconds(_ seconds: Double) -> String {
        guard printable(seconds * 10_000) else { return "\(seconds * 1000) ms" }
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }

    /// A share as a whole percentage: `31%` (or `+7%` signed).
    static func percent(_ share: Double, signed: Bool = false) -> String {
        guard printable(share * 100) else { return "\(share * 100)%" }
        let value = Int((share * 100).rounded())
        return signed && value >= 0 ? "+\(value)%" : "\(value)%"
    }

    /// A ratio with two decimals: `1.41×`.
    static func times(_ ratio: Double) -> String {
        guard printable(ratio * 100) else { return "\(ratio)×" }
        let hundredths = Int((ratio * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)×"
    }
}

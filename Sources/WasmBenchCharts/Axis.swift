import Foundation

/// A chart's axis: where its ticks are and where a value goes, in pixels.
package struct Axis {
    package var start: Double
    package var end: Double
    package var ticks: [Double]
    package var position: (Double) -> Double

    /// A log axis for ratios holding every positive finite value and 1, widened to round numbers (at
    /// least from ½ to 2); ticks at every 1-2-5 number, or past ten of them at the powers of ten and
    /// the ends. A value that is not a positive number sits at 1.
    package static func log(covering values: [Double], from start: Double, to end: Double) -> Axis {
        let usable = values.filter { $0.isFinite && $0 > 0 } + [1]
        var (low, high) = (round(usable.min() ?? 1, up: false), round(usable.max() ?? 1, up: true))
        if high / low < 1.5 { (low, high) = (round(low * 0.99, up: false), round(high * 1.01, up: true)) }
        let exponents = (Int(floor(log10(low))) - 1)...(Int(ceil(log10(high))) + 1)
        let numbers: [Double] = exponents.flatMap { exponent in [1.0, 2, 5].map { $0 * pow(10, Double(exponent)) } }
        var ticks = numbers.filter { $0 >= low * (1 - 1e-9) && $0 <= high * (1 + 1e-9) }
        if ticks.count > 10 {
            let same = { (a: Double, b: Double) in abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }
            let decades = ticks.filter { same($0, pow(10, log10($0).rounded())) && !same($0, low) && !same($0, high) }
            ticks = [low] + decades + [high]
        }
        return Axis(start: start, end: end, ticks: ticks) { value in
            let clamped = value.isFinite && value > 0 ? min(max(value, low), high) : 1
            return start + (log10(clamped) - log10(low)) / (log10(high) - log10(low)) * (end - start)
        }
    }

    /// A linear axis from 0 holding `maximum`, with about `ticks` round steps, none under `minimumStep`.
    /// A maximum whose round steps cannot be counted (a subnormal such as 5e-324, where a step
    /// rounds to 0, or one near the top of `Double`'s range) gets the axis from 0 to itself alone.
    package static func linear(
        upTo maximum: Double, ticks: Int, minimumStep: Double = 0, from start: Double, to end: Double
    )
        -> Axis
    {
        let maximum = maximum.isFinite && maximum > 0 ? maximum : 1
        let step = max(round(maximum / Double(max(1, ticks)), up: true), minimumStep)
        let high = (maximum / step * (1 - 1e-9)).rounded(.up) * step
        guard step.isNormal, high.isNormal, (high / step).rounded() <= 1000 else {
            return Axis(start: start, end: end, ticks: [0, maximum]) { start + $0 / maximum * (end - start) }
        }
        let ticks = (0...Int((high / step).rounded())).map { Double($0) * step }
        return Axis(start: start, end: end, ticks: ticks) { start + $0 / high * (end - start) }
    }

    /// The nearest round number (1, 2 or 5 times a power of ten) above or below a positive `value`.
    private static func round(_ value: Double, up: Bool) -> Double {
        let scale = pow(10, floor(log10(value)))
        guard up else { return [10.0, 5, 2, 1].map { $0 * scale }.first { $0 <= value * (1 + 1e-9) } ?? scale }
        return [1.0, 2, 5, 10].map { $0 * scale }.first { $0 >= value * (1 - 1e-9) } ?? 10 * scale
    }
}

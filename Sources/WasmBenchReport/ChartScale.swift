import Foundation

/// A logarithmic axis for ratios to the baseline: maps a ratio to a pixel position and gives
/// ticks at 1, 2 and 5 times a power of ten.
struct LogScale {
    /// The smallest ratio shown.
    let low: Double
    /// The largest ratio shown.
    let high: Double
    /// The pixel position of ``low``.
    let start: Double
    /// The pixel position of ``high``.
    let end: Double

    /// A scale from `start` to `end` whose domain holds every positive finite value and 1,
    /// widened to the nearest round numbers (at least from ½ to 2 when every value is 1).
    init(covering values: [Double], from start: Double, to end: Double) {
        let usable = values.filter { $0.isFinite && $0 > 0 } + [1]
        var low = RoundNumber.atMost(usable.min() ?? 1)
        var high = RoundNumber.atLeast(usable.max() ?? 1)
        if high / low < 1.5 {
            low = RoundNumber.atMost(low * 0.99)
            high = RoundNumber.atLeast(high * 1.01)
        }
        self.low = low
        self.high = high
        self.start = start
        self.end = end
    }

    /// The position of `value`, kept inside the axis (a value that is not a positive number
    /// sits at 1).
    func position(_ value: Double) -> Double {
        let clamped = value.isFinite && value > 0 ? min(max(value, low), high) : 1
        return start + (log10(clamped) - log10(low)) / (log10(high) - log10(low)) * (end - start)
    }

    /// Tick values: every 1-2-5 number in the domain, or only powers of ten and the two ends
    /// when those would be more than ten.
    var ticks: [Double] {
        let all = RoundNumber.all(from: low, to: high)
        guard all.count > 10 else { return all }
        let decades = all.filter { RoundNumber.isPowerOfTen($0) }
        return [low] + decades.filter { !RoundNumber.same($0, low) && !RoundNumber.same($0, high) } + [high]
    }
}

/// A linear axis from zero: maps a value to a pixel position (either direction) and gives
/// round ticks.
struct LinearScale {
    /// The largest value shown (the axis starts at 0).
    let high: Double
    /// The distance between ticks.
    let step: Double
    /// The pixel position of 0.
    let start: Double
    /// The pixel position of ``high``.
    let end: Double

    /// A scale from `start` to `end` that holds `maximum`, with about `ticks` round steps, none
    /// smaller than `minimumStep` (1 for an axis of iteration indices).
    init(upTo maximum: Double, ticks: Int, minimumStep: Double = 0, from start: Double, to end: Double) {
        let maximum = maximum.isFinite && maximum > 0 ? maximum : 1
        step = max(RoundNumber.atLeast(maximum / Double(max(1, ticks))), minimumStep)
        high = (maximum / step * (1 - 1e-9)).rounded(.up) * step
        self.start = start
        self.end = end
    }

    /// The position of `value`.
    func position(_ value: Double) -> Double {
        start + value / high * (end - start)
    }

    /// Tick values from 0 to ``high``.
    var ticks: [Double] {
        (0...Int((high / step).rounded())).map { Double($0) * step }
    }
}

/// Round numbers for axes: 1, 2 and 5 times a power of ten.
enum RoundNumber {
    /// The largest round number not above `value` (a positive number).
    static func atMost(_ value: Double) -> Double {
        let scale = pow(10, floor(log10(value)))
        return [10, 5, 2, 1].map { $0 * scale }.first { $0 <= value * (1 + 1e-9) } ?? scale
    }

    /// The smallest round number not below `value` (a positive number).
    static func atLeast(_ value: Double) -> Double {
        let scale = pow(10, floor(log10(value)))
        return [1, 2, 5, 10].map { $0 * scale }.first { $0 >= value * (1 - 1e-9) } ?? 10 * scale
    }

    /// Every round number from `low` to `high`, both included when round.
    static func all(from low: Double, to high: Double) -> [Double] {
        let first = Int(floor(log10(low))) - 1
        let last = Int(ceil(log10(high))) + 1
        var numbers: [Double] = []
        for exponent in first...last {
            let scale = pow(10, Double(exponent))
            numbers += [1, 2, 5].map { $0 * scale }
        }
        return numbers.filter { $0 >= low * (1 - 1e-9) && $0 <= high * (1 + 1e-9) }
    }

    /// Whether `value` is a power of ten.
    static func isPowerOfTen(_ value: Double) -> Bool {
        same(value, pow(10, log10(value).rounded()))
    }

    /// Whether two round numbers are the same but for floating-point error.
    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }
}

/// A ratio tick's label: `0.05×`, `1×`, `20×`.
func ratioTickLabel(_ value: Double) -> String {
    String(format: "%g", value) + "×"
}

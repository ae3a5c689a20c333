import Foundation

/// Formats a duration with a unit that keeps it short: `ns`, `µs`, `ms` or `s`, three
/// significant digits.
///
/// `0.000001234` gives `1.23 µs`, `1.5` gives `1.50 s`, `0.0009996` gives `1.00 ms` (rounding may
/// carry into the next unit). Durations of 1000 s and more keep whole seconds (`1234 s`).
/// A value that is not finite gives `n/a`; it is not an error.
package func formatDuration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "n/a" }
    if seconds == 0 { return "0 s" }
    let sign = seconds < 0 ? "-" : ""
    let magnitude = abs(seconds)
    let units: [(name: String, scale: Double)] = [("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3)]
    for unit in units {
        let rounded = roundToSignificantDigits(magnitude / unit.scale)
        if rounded < 1000 { return sign + formatSignificant(rounded) + " " + unit.name }
    }
    if magnitude >= 999.5 && magnitude < 1e15 { return sign + String(Int(magnitude.rounded())) + " s" }
    return sign + formatSignificant(magnitude) + " s"
}

/// Formats a byte count with binary units: `B`, `KiB`, `MiB`, `GiB` or `TiB`, three significant
/// digits above 1 KiB.
///
/// `1536` gives `1.50 KiB`, `512` gives `512 B`, `1048576` gives `1.00 MiB`. Counts below 1 KiB
/// are whole bytes. From 1000 of a unit on, the next unit is used so numbers keep three digits
/// (`1024000` gives `0.977 MiB`). A value that is not finite gives `n/a`; it is not an error.
package func formatBytes(_ bytes: Double) -> String {
    guard bytes.isFinite else { return "n/a" }
    let sign = bytes < 0 ? "-" : ""
    let magnitude = abs(bytes)
    if magnitude.rounded() < 1024 { return sign + String(Int(magnitude.rounded())) + " B" }
    var scaled = magnitude / 1024
    for unit in ["KiB", "MiB", "GiB"] {
        let rounded = roundToSignificantDigits(scaled)
        if rounded < 1000 { return sign + formatSignificant(rounded) + " " + unit }
        scaled /= 1024
    }
    return sign + formatSignificant(scaled) + " TiB"
}

/// Formats a ratio to the baseline, with its confidence interval when there is one:
/// `1.42× [1.38–1.47]`, or `1.42×` alone.
///
/// Each number has three significant digits (`0.850×`, `36.7×`, `145×`). An interval with a
/// missing end is left out rather than half-shown. A ratio that is not finite gives `n/a`.
package func formatRatio(_ ratio: Double, low: Double? = nil, high: Double? = nil) -> String {
    guard ratio.isFinite else { return "n/a" }
    let value = formatSignificant(ratio) + "×"
    guard let low, let high, low.isFinite, high.isFinite else { return value }
    return "\(value) [\(formatSignificant(low))–\(formatSignificant(high))]"
}

/// Formats a count of instructions with a metric prefix: `54.2 M`, `1.23 G`, `812 k`; a value
/// that is not finite gives `n/a`.
func formatCount(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    let magnitude = abs(value)
    let (scale, unit): (Double, String) =
        magnitude >= 1e9 ? (1e9, " G") : magnitude >= 1e6 ? (1e6, " M") : magnitude >= 1e3 ? (1e3, " k") : (1, "")
    return formatSignificant(value / scale) + unit
}

/// Formats a fraction as a percentage with up to one decimal: `0.05` gives `5%`, `0.078` gives
/// `7.8%`.
package func formatPercent(_ fraction: Double) -> String {
    guard fraction.isFinite else { return "n/a" }
    let percent = (fraction * 1000).rounded() / 10
    return String(format: percent == percent.rounded() ? "%.0f%%" : "%.1f%%", percent)
}

/// Formats a configured number of seconds: whole seconds as `60 s`, anything else as a duration.
func formatSetting(seconds: Double) -> String {
    seconds.isFinite && seconds >= 1 && seconds == seconds.rounded() ? "\(Int(seconds)) s" : formatDuration(seconds)
}

/// Rounds a value to three significant digits (0 stays 0, a value that is not finite stays as it
/// is).
///
/// The scale is applied in two halves, so that neither overflows at the ends of `Double`'s range
/// (1e308, or a subnormal such as 5e-324, whose scale alone would be infinite).
func roundToSignificantDigits(_ value: Double) -> Double {
    guard value != 0, value.isFinite else { return value }
    let shift = 2 - Int(floor(log10(abs(value))))
    let (first, second) = (pow(10, Double(shift / 2)), pow(10, Double(shift - shift / 2)))
    let rounded = (value * first * second).rounded() / second / first
    return rounded.isFinite ? rounded : value
}

/// Prints a value rounded to three significant digits (``roundToSignificantDigits(_:)``) with
/// exactly as many decimals as those digits need: `1.50`, `12.3`, `123`, `0.850`; values of 1000
/// and more print whole.
///
/// Values no report meets in practice (below 0.0001, or 1e15 and above: a hand-edited or
/// damaged file) print in scientific notation (`4.94e-324`) rather than as hundreds of digits; a
/// value that is not finite prints as `n/a`.
func formatSignificant(_ value: Double) -> String {
    let value = roundToSignificantDigits(value)
    guard value != 0 else { return "0" }
    guard value.isFinite else { return "n/a" }
    let exponent = Int(floor(log10(abs(value))))
    if exponent < -4 || exponent >= 15 { return String(format: "%.2e", value) }
    return String(format: "%.\(max(0, 2 - exponent))f", value)
}

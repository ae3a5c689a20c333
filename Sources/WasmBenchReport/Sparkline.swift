/// A series as one line of block characters for the terminal, lowest value `▁`, highest `█`.
///
/// Values are placed linearly between the series' minimum and maximum; a flat series is all `▄`,
/// and a value that is not finite is a space. Not an error: an empty series (an empty line).
func sparkline(_ values: [Double]) -> String {
    let blocks = Array("▁▂▃▄▅▆▇█")
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return String(repeating: " ", count: values.count) }
    return String(
        values.map { value -> Character in
            guard value.isFinite else { return " " }
            guard high > low else { return blocks[3] }
            let level = Int(((value - low) / (high - low) * Double(blocks.count - 1)).rounded())
            return blocks[min(max(level, 0), blocks.count - 1)]
        })
}

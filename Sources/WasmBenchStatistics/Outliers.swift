/// Returns the indices of `xs` whose modified z-score exceeds `threshold` in absolute value.
///
/// The modified z-score of xᵢ is 0.6745 · (xᵢ − median) / MAD, with the unscaled
/// ``medianAbsoluteDeviation(_:)``; 0.6745 ≈ Φ⁻¹(3/4) makes it comparable to an ordinary z-score
/// for normal data. Iglewicz and Hoaglin recommend labelling values above 3.5 as potential
/// outliers. Indices come back in increasing order. The values are only reported, never removed.
///
/// Returns an empty array, not an error, when `xs` is empty, when it contains NaN, or when the
/// MAD is 0 (more than half the values are equal): the score is then undefined and no value is
/// reported. `threshold` is used as given.
///
/// Source: B. Iglewicz and D. C. Hoaglin, "How to Detect and Handle Outliers", ASQC Quality
/// Press 1993 (ASQC Basic References in Quality Control, vol. 16), modified z-scores.
public func modifiedZScoreOutliers(_ xs: [Double], threshold: Double = 3.5) -> [Int] {
    guard let center = median(xs), let mad = medianAbsoluteDeviation(xs), mad > 0 else {
        return []
    }
    return xs.indices.filter { index in
        abs(0.6745 * (xs[index] - center) / mad) > threshold
    }
}

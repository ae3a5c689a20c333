/// Returns the smallest value of each non-empty group, in order: the per-process minimum of a
/// benchmark measured as several fresh processes of several iterations.
///
/// Timing noise on a shared machine only ever adds time (another program, a slow state of the
/// host), so the smallest of a process's iterations is its best estimate of the time the code
/// itself takes; taking it per process keeps the processes as the independent units that an
/// interval over them (``geometricMeanInterval(_:confidence:)``) needs.
///
/// Returns `nil` when a value is NaN. Not errors: empty groups (left out), no groups at all (an
/// empty result), negative values.
///
/// Sources: J. Chen and J. Revels, "Robust benchmarking in noisy environments", arXiv:1608.04295,
/// 2016 (the minimum as the estimator under additive, non-negative noise); T. Kalibera and
/// R. Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013 (processes as the units).
public func groupMinima(_ groups: [[Double]]) -> [Double]? {
    guard !groups.contains(where: { $0.contains(where: \.isNaN) }) else { return nil }
    return groups.compactMap { $0.min() }
}

/// Returns the geometric mean over groups of each group's minimum, with a Student t interval on
/// the logarithms that treats the groups as the sample.
///
/// This is ``geometricMeanInterval(_:confidence:)`` of ``groupMinima(_:)``. Returns `nil` when
/// fewer than two groups hold values, when a value is NaN, when a minimum is zero, negative or
/// infinite, or when `confidence` is not strictly between 0 and 1. Not errors: empty groups (left
/// out), groups of different sizes, one value per group (then the values themselves).
///
/// Sources: Chen and Revels (arXiv:1608.04295, 2016); "Student" (Biometrika, 1908); Limpert,
/// Stahel and Abbt (BioScience 51(5), 2001).
public func geometricMeanOfMinima(groups: [[Double]], confidence: Double = 0.95) -> Estimate? {
    guard let minima = groupMinima(groups) else { return nil }
    return geometricMeanInterval(minima, confidence: confidence)
}

/// Returns the ratio of two sides' geometric means of per-group minima, with Welch's t interval
/// on the logarithms.
///
/// This is ``ratioOfGeometricMeans(numerator:denominator:confidence:inTimeOrder:)`` of the two
/// sides' ``groupMinima(_:)``; with `inTimeOrder` the groups are in the order they ran. What is
/// and is not an error is as there, after empty groups are left out.
///
/// Sources: Chen and Revels (arXiv:1608.04295, 2016); B. L. Welch (Biometrika 34, 1947);
/// F. E. Satterthwaite (Biometrics Bulletin 2(6), 1946).
public func ratioOfMinima(
    numeratorGroups: [[Double]],
    denominatorGroups: [[Double]],
    confidence: Double = 0.95,
    inTimeOrder: Bool = false
) -> Estimate? {
    guard let top = groupMinima(numeratorGroups), let bottom = groupMinima(denominatorGroups) else { return nil }
    return ratioOfGeometricMeans(numerator: top, denominator: bottom, confidence: confidence, inTimeOrder: inTimeOrder)
}

/// Returns the geometric mean over pairs of ``ratioOfMinima(numeratorGroups:denominatorGroups:confidence:)``
/// values, with a Welch–Satterthwaite t interval.
///
/// This is ``geometricMeanOfRatiosOfGeometricMeans(_:confidence:inTimeOrder:)`` of each side's
/// ``groupMinima(_:)``. What is and is not an error is as there, after empty groups are left out.
///
/// Sources: Chen and Revels (arXiv:1608.04295, 2016); Satterthwaite (1946); Fleming and Wallace
/// (CACM 29(3), 1986).
public func geometricMeanOfRatiosOfMinima(
    groupedPairs pairs: [(numerator: [[Double]], denominator: [[Double]])],
    confidence: Double = 0.95
) -> Estimate? {
    var minima: [(numerator: [Double], denominator: [Double])] = []
    for pair in pairs {
        guard let top = groupMinima(pair.numerator), let bottom = groupMinima(pair.denominator) else { return nil }
        minima.append((top, bottom))
    }
    return geometricMeanOfRatiosOfGeometricMeans(minima, confidence: confidence)
}

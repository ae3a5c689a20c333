import WasmBenchModel

/// Why two runs cannot be compared at all.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One run measured time and the other counted instructions: no ratio between them means anything.
    case differentMeasures(base: Measure, new: Measure)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .differentMeasures(let base, let new):
            "the base run measured \(base.rawValue) and the new run \(new.rawValue): a ratio between them means nothing; compare two runs made with the same --measure"
        }
    }
}

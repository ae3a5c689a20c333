import WasmBenchModel

extension Phase {
    /// Phase names that are not phases, as `compare --fail-on` refuses them.
    public struct UnknownNames: Error, Equatable, Sendable, CustomStringConvertible {
        /// The names that are not phases.
        public var names: [String]

        /// What the phases are.
        public var description: String {
            "unknown phase \(names.joined(separator: ", ")) in --fail-on; the phases are: \(Phase.allCases.map(\.rawValue).joined(separator: ", ")), or none"
        }
    }

    /// The phases whose slowdowns fail a comparison, read from their names: `["none"]` gates no
    /// phase.
    ///
    /// - Throws: ``UnknownNames`` listing every name that is not a phase.
    public static func gated(byNames names: [String]) throws(UnknownNames) -> [Phase] {
        guard names != ["none"] else { return [] }
        let unknown = names.filter { Phase(rawValue: $0) == nil }
        guard unknown.isEmpty else { throw UnknownNames(names: unknown) }
        return names.compactMap { Phase(rawValue: $0) }
    }
}

/// Why a JSON artifact could not be read or written.
///
/// Each message says what is wrong and what to do next. Reading a file the user names is the
/// caller's job; these messages say "the file" and the caller adds its path.
package enum ArtifactError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The data is not a wasmbench artifact: not JSON, not a JSON object, or no `schemaVersion`.
    /// The associated text says what was found instead.
    case notAnArtifact(String)
    /// The artifact was written with a different layout version than this build reads.
    case schemaMismatch(found: Int, expected: Int)
    /// The artifact has the right layout version but a field is missing or malformed.
    /// `path` locates it (e.g. `rows[3].phase`); `detail` is the decoder's explanation.
    case corrupt(path: String, detail: String)
    /// The artifact has the right layout version but holds a word this build does not know at
    /// `path` (a warning kind, a phase…): a newer wasmbench adds such words without a new layout.
    case unknownValue(path: String, value: String)
    /// The run result holds a value JSON cannot represent (e.g. a non-finite number).
    case notEncodable(path: String, detail: String)

    /// A message for the user that says what to do next.
    package var description: String {
        switch self {
        case .notAnArtifact(let found):
            "not a wasmbench result file (\(found)); pass a JSON file that wasmbench saved"
        case .schemaMismatch(let found, let expected):
            "written by a different wasmbench version: schema \(found), this build reads \(expected); "
                + "re-run, or use the matching wasmbench"
        case .corrupt(let path, let detail):
            "the result file is damaged at \(path.isEmpty ? "its top level" : path): \(detail); "
                + "re-run to produce a fresh one"
        case .unknownValue(let path, let value):
            "the result file holds \"\(value.count > 64 ? value.prefix(64) + "…" : value)\" at \(path), which this "
                + "wasmbench does not know: read a file "
                + "of a newer wasmbench with that version, or re-run to produce a fresh one"
        case .notEncodable(let path, let detail):
            "cannot save the result as JSON: the value at \(path.isEmpty ? "the top level" : path) "
                + "is not representable (\(detail)); this is a wasmbench bug, please report it"
        }
    }
}

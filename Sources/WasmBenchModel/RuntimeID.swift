/// A runtime id as users write it: a runtime (`wasmtime-aot`), a native interpreter (`pypy3`), or an
/// interpreter on a host (`cpython3.11-wasi@wasmkit`, `pyodide@node`).
///
/// Parsed once from text and printed once: `description` gives back the text it was parsed from.
/// Parsing checks only the form (no empty part, at most one `@`); whether the names are known is
/// the runtime registry's question.
public struct RuntimeID: Hashable, Sendable, Codable, Comparable, LosslessStringConvertible {
    /// The interpreter of `INTERPRETER@HOST`, or nil for a plain id.
    public var interpreter: String?
    /// The runtime: the host of `INTERPRETER@HOST`, or the whole of a plain id.
    public var base: String

    /// Creates an id from its parts.
    public init(base: String, interpreter: String? = nil) {
        self.base = base
        self.interpreter = interpreter
    }

    /// Parses `NAME` or `INTERPRETER@HOST`; nil for an empty part, a second `@`, or whitespace.
    public init?(_ description: String) {
        guard !description.isEmpty, !description.contains(where: \.isWhitespace) else { return nil }
        let parts = description.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: self.init(base: parts[0])
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty: self.init(base: parts[1], interpreter: parts[0])
        default: return nil
        }
    }

    /// `INTERPRETER@HOST` or the plain id.
    public var description: String {
        interpreter.map { "\($0)@\(base)" } ?? base
    }

    /// Orders by the printed form.
    public static func < (lhs: RuntimeID, rhs: RuntimeID) -> Bool {
        lhs.description < rhs.description
    }

    /// Decodes the printed form.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = RuntimeID(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a runtime id: \(text)"))
        }
        self = id
    }

    /// Encodes the printed form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

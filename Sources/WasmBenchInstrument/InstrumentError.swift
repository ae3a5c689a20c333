/// Why a module could not be instrumented: what is wrong, where (the function's index and the
/// byte offset in the module, when the fault is in a function body) and what to do next.
///
/// The instrumenter works on bytes in memory and never writes the file it read, so a rejected
/// module leaves the original untouched. Type errors that need a full validator (an `i32.add`
/// on an f64) are not found here: the instrumented module keeps them as they were, and the
/// engine that loads it rejects it as it would the original.
public struct InstrumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A closed set of reasons.
    public enum Kind: String, Sendable, Equatable {
        /// The bytes are not a WebAssembly module, or a section cannot be decoded.
        case malformed
        /// A function body cannot be decoded or its blocks do not nest (an unknown opcode, an
        /// `else` outside an `if`, an `end` too many or too few).
        case invalidBody = "invalid-body"
        /// A module that already exports a name the instrumenter reserves for its counters.
        case reservedName = "reserved-name"
    }

    /// The reason.
    public var kind: Kind
    /// The function's index in the function index space (imports first), for a body fault.
    public var function: Int?
    /// The byte offset in the module where the fault was found.
    public var offset: Int?
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(_ kind: Kind, reason: String, function: Int? = nil, offset: Int? = nil) {
        self.kind = kind
        self.reason = reason
        self.function = function
        self.offset = offset
    }

    /// Where and what, and that the original file is untouched.
    public var description: String {
        var place: [String] = []
        if let function { place.append("function \(function)") }
        if let offset { place.append("byte offset \(offset) (0x\(String(offset, radix: 16)))") }
        let location = place.isEmpty ? "" : " at " + place.joined(separator: ", ")
        let advice: String
        switch kind {
        case .malformed, .invalidBody:
            advice = "check the module with `wasm-tools validate` or `wasm2wat`"
        case .reservedName:
            advice = "rename the module's exports that start with \(ModuleInstrumenter.reservedPrefix)"
        }
        return "cannot instrument the module\(location): \(reason); \(advice) (the original file is untouched)"
    }
}

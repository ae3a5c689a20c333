import WAT

/// Converts WebAssembly text (`.wat`) to the binary format, with WasmKit's `wat2wasm`.
///
/// For users who pass `.wat` files and for tests that build tiny modules. The conversion checks the
/// text's syntax and resolves names; it does not type-check function bodies, so it can produce a
/// module that fails validation later.
public enum WATConverter {
    /// The binary module the text describes.
    ///
    /// - Throws: ``WATConversionError`` when the text is not a module WasmKit can read, with the
    ///   line and column of the problem where WasmKit knows them.
    public static func wasm(fromWAT text: String) throws(WATConversionError) -> [UInt8] {
        do {
            return try wat2wasm(text)
        } catch {
            let position = error.location.map { $0.computeLineAndColumn() }
            throw WATConversionError(
                reason: String(describing: error), line: position?.line, column: position.map { $0.column + 1 })
        }
    }
}

/// WebAssembly text that could not be converted to a binary module.
public struct WATConversionError: Error, CustomStringConvertible, Sendable, Equatable {
    /// WasmKit's explanation, including the location when it has one.
    public let reason: String
    /// The 1-based line of the problem, when known.
    public let line: Int?
    /// The 1-based column of the problem, when known.
    public let column: Int?

    /// Creates an error.
    public init(reason: String, line: Int?, column: Int?) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// What went wrong and what to do about it.
    public var description: String {
        let place = line.map { line in " at line \(line)" + (column.map { ", column \($0)" } ?? "") } ?? ""
        return
            "the WebAssembly text is not a valid module\(place): \(reason); fix the text (WasmKit's wat2wasm read it)"
    }
}

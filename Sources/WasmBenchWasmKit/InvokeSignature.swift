import WasmKit
import WasmParser

/// An invoked export's signature read from the module, and `--invoke` arguments checked against
/// it once, before any runtime runs, so that every runtime gets the same call.
///
/// The module's type, import, function and export sections are read with WasmKit's parser
/// (`WasmParser`); nothing after the export section is read. Each argument must fit its
/// parameter: an `i32`/`i64` a decimal or `0x` hexadecimal integer with an optional sign, in the
/// type's signed or unsigned range (`-1` and `4294967295` are the same `i32`); an `f32`/`f64` a
/// decimal or hexadecimal number, `inf`, `-inf`, `infinity` or `nan` (any case). The arguments come
/// back in one spelling every runtime reads alike (signed decimal integers; shortest round-trip
/// decimals, `inf`, `-inf` and `nan`), so wasmtime, libwasmtime, WasmKit and Node parse the same
/// values, and Node can no longer turn `abc` into NaN.
public struct InvokeSignature: Sendable, Equatable {
    /// The export's name.
    public let function: String
    /// Its parameter and result types.
    public let type: FunctionType

    /// Why the arguments do not fit, naming the export, its signature and the argument; a
    /// message that says what to fix.
    public struct Mismatch: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong and what to do.
        public let description: String
    }

    /// The signature of the function `function` exports, or `nil` when the module's first
    /// sections do not parse (each runtime then says why it rejects the module).
    ///
    /// - Throws: ``Mismatch`` when the module parses but exports no function of that name.
    public static func read(_ function: String, module bytes: [UInt8]) throws(Mismatch) -> InvokeSignature? {
        guard let sections = try? Sections(bytes) else { return nil }
        guard let export = sections.exports.first(where: { $0.name == function }),
            case .function(let index) = export.descriptor
        else {
            let names = sections.exports.compactMap { export -> String? in
                if case .function = export.descriptor { export.name } else { nil }
            }.sorted()
            throw Mismatch(
                description: "--invoke \(function): the module exports no function of that name; its function "
                    + "exports are \(names.isEmpty ? "none" : names.joined(separator: ", "))")
        }
        guard let type = sections.functionType(Int(index)) else { return nil }
        return InvokeSignature(function: function, type: type)
    }

    /// `function(i32, f64) -> i32`.
    public var spelled: String {
        let parameters = type.parameters.map(Self.name).joined(separator: ", ")
        let results = type.results.map(Self.name).joined(separator: ", ")
        return "\(function)(\(parameters))" + (results.isEmpty ? "" : " -> \(results)")
    }

    /// The arguments in the spelling every runtime reads alike.
    ///
    /// - Throws: ``Mismatch`` for a wrong count, an argument that is no value of its parameter's
    ///   type (or out of its range), or a parameter no text can give (`v128`, references).
    public func canonical(_ arguments: [String]) throws(Mismatch) -> [String] {
        guard arguments.count == type.parameters.count else {
            throw Mismatch(
                description: "--invoke \(spelled) takes \(type.parameters.count) argument(s) but was given "
                    + "\(arguments.count); pass one --arg per parameter")
        }
        var canonical: [String] = []
        for (index, (text, parameter)) in zip(arguments, type.parameters).enumerated() {
            guard let value = Self.canonical(text, as: parameter) else {
                throw Mismatch(
                    description: "--invoke \(spelled): argument \(index + 1), \"\(text)\", is not "
                        + Self.expectation(parameter))
            }
            canonical.append(value)
        }
        return canonical
    }

    /// `text` as a value of `type` in the common spelling, or `nil`.
    static func canonical(_ text: String, as type: ValueType) -> String? {
        switch type {
        case .i32: integer(text, bits: 32).map { String(Int32(truncatingIfNeeded: $0)) }
        case .i64: integer(text, bits: 64).map { String(Int64(truncatingIfNeeded: $0)) }
        case .f32: float(text).map { spell(Double(Float($0))) }
        case .f64: float(text).map(spell)
        case .v128, .ref: nil
        }
    }

    /// A decimal or `0x` integer with an optional sign whose magnitude fits `bits` (unsigned when
    /// positive, signed when negative), as its two's-complement bits.
    static func integer(_ text: String, bits: Int) -> UInt64? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        var radix = 10
        if digits.lowercased().hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        }
        guard let first = digits.first, first.isHexDigit, let magnitude = UInt64(digits, radix: radix) else {
            return nil
        }
        let largest: UInt64 = bits == 64 ? .max : (1 << bits) - 1
        let mostNegative: UInt64 = 1 << (bits - 1)
        guard magnitude <= (negative ? mostNegative : largest) else { return nil }
        return negative ? 0 &- magnitude : magnitude
    }

    /// A number, or `inf`, `infinity` or `nan` (any case, with a sign): what Swift reads, but
    /// not Swift's own `snan` or `nan(…)` payloads, which other runtimes do not read.
    static func float(_ text: String) -> Double? {
        let unsigned = text.lowercased().trimmingPrefix(while: { $0 == "-" || $0 == "+" })
        guard text.count - unsigned.count <= 1, !unsigned.isEmpty else { return nil }
        if unsigned.hasPrefix("nan") || unsigned.hasPrefix("snan") { return unsigned == "nan" ? .nan : nil }
        return Double(text.lowercased())
    }

    /// The shortest decimal that reads back as `value`, or `inf`, `-inf`, `nan`.
    static func spell(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }

    static func expectation(_ type: ValueType) -> String {
        switch type {
        case .i32: "an i32 (a whole number from -2147483648 to 4294967295, decimal or 0x…)"
        case .i64: "an i64 (a whole number from -9223372036854775808 to 18446744073709551615, decimal or 0x…)"
        case .f32, .f64: "an \(name(type)) (a number such as 1.5 or -2e-3, or inf, -inf or nan)"
        case .v128, .ref:
            "possible: a \(name(type)) parameter cannot be given as text; wasmbench passes i32, i64, f32 and f64 only"
        }
    }

    /// The type's name as the text format spells it (`i32`, `f64`, …).
    public static func name(_ type: ValueType) -> String {
        switch type {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .ref: "a reference"
        }
    }
}

/// The sections of a module that name an export's type: types (every type of every recursive
/// group, in index order), the function imports' types and the module's own functions' types.
private struct Sections {
    var types: [FunctionType?] = []
    var importedFunctions: [UInt32] = []
    var functions: [UInt32] = []
    var exports: [Export] = []

    init(_ bytes: [UInt8]) throws {
        var parser = WasmParser.Parser(bytes: bytes)
        reading: while let payload = try parser.parseNext() {
            switch payload {
            case .typeSection(let groups):
                // 0.4.2 yields recursive groups; a type index counts every type of every group.
                for type in groups.flatMap(\.types) {
                    if case .function(let function) = type.body { types.append(function) } else { types.append(nil) }
                }
            case .importSection(let imports):
                for item in imports {
                    if case .function(let index) = item.descriptor { importedFunctions.append(index) }
                }
            case .functionSection(let indices): functions = indices
            case .exportSection(let found):
                exports = found
                break reading
            default: break
            }
        }
    }

    /// The type of function `index` in the function index space (imports first).
    func functionType(_ index: Int) -> FunctionType? {
        let all = importedFunctions + functions
        guard all.indices.contains(index), types.indices.contains(Int(all[index])) else { return nil }
        return types[Int(all[index])]
    }
}

import Foundation
import WAT
import WasmBenchInstrument
import WasmKit
import WasmParser

/// What a command of a spec script gave on one side of the comparison.
enum SpecOutcome: Equatable, CustomStringConvertible {
    /// The values an action returned (references reduced to their kind and null-ness, since
    /// two stores never share addresses).
    case values([String])
    /// The error a module's loading or an action threw (a trap, a link or validation error).
    case failed(String)
    /// A command this runner does not perform (an argument type WasmKit's API cannot build).
    case skipped(String)

    var description: String {
        switch self {
        case .values(let values): "values \(values)"
        case .failed(let message): "failed: \(message)"
        case .skipped(let reason): "skipped (\(reason))"
        }
    }
}

/// One side of the comparison: a WasmKit store running a script's modules as they are, or
/// instrumented by ``ModuleInstrumenter``, with the spec interpreter's `spectest` host module
/// and the modules the script registers.
final class SpecWorld {
    let instrumented: Bool
    private let store: Store
    private var registered: [String: Instance] = [:]
    private var named: [String: Instance] = [:]
    private var current: Instance?

    /// The `spectest` host module of the spec interpreter (its README lists these exports).
    static let spectest = """
        (module
          (global (export "global_i32") i32 (i32.const 666))
          (global (export "global_i64") i64 (i64.const 666))
          (global (export "global_f32") f32 (f32.const 666.6))
          (global (export "global_f64") f64 (f64.const 666.6))
          (table (export "table") 10 20 funcref)
          (memory (export "memory") 1 2)
          (func (export "print"))
          (func (export "print_i32") (param i32))
          (func (export "print_i64") (param i64))
          (func (export "print_f32") (param f32))
          (func (export "print_f64") (param f64))
          (func (export "print_i32_f32") (param i32 f32))
          (func (export "print_f64_f64") (param f64 f64)))
        """

    init(instrumented: Bool) throws {
        self.instrumented = instrumented
        // Eager: every body is decoded and validated at instantiation, the instrumented ones included.
        store = Store(engine: Engine(configuration: EngineConfiguration(compilationMode: .eager, stackSize: 8 << 20)))
        registered["spectest"] = try parseWasm(bytes: wat2wasm(Self.spectest)).instantiate(store: store)
    }

    /// Parses (after instrumenting, on the instrumented side) and instantiates a module; unless
    /// `keep` is false it becomes the current one, and `name`'s.
    func load(_ bytes: [UInt8], name: String?, keep: Bool = true) -> SpecOutcome {
        do {
            let bytes = instrumented ? try ModuleInstrumenter.instrument(bytes).bytes : bytes
            var imports = Imports()
            for (module, instance) in registered { imports.define(module: module, instance.exports) }
            // Both sides with multi-memory: an instrumented module with memories of its own needs it
            // (its counters' memory comes after them), so the plain side is judged the same way.
            var features = WasmFeatureSet.default
            features.insert(.multiMemory)
            let instance = try parseWasm(bytes: bytes, features: features).instantiate(store: store, imports: imports)
            guard keep else { return .values([]) }
            current = instance
            if let name { named[name] = instance }
            return .values([])
        } catch {
            return .failed(Self.firstLine(error))
        }
    }

    /// An error's first line: a trap's backtrace (host addresses) differs between any two runs.
    static func firstLine(_ error: any Error) -> String {
        String("\(error)".split(separator: "\n", maxSplits: 1).first ?? "")
    }

    /// Makes a module's exports importable under `alias`.
    func register(_ name: String?, as alias: String) {
        if let instance = name.flatMap({ named[$0] }) ?? current { registered[alias] = instance }
    }

    /// Performs an `invoke` or a `get`.
    func perform(_ action: SpecScripts.Action) -> SpecOutcome {
        guard let instance = action.module.flatMap({ named[$0] }) ?? current else { return .failed("no module") }
        if action.type == "get" {
            guard let global = instance.exports[global: action.field] else { return .failed("no global") }
            return .values([Self.describe(global.value)])
        }
        guard let function = instance.exports[function: action.field] else { return .failed("no function") }
        var arguments: [Value] = []
        for argument in action.args ?? [] {
            guard let value = Self.value(argument) else { return .skipped("argument of type \(argument.type)") }
            arguments.append(value)
        }
        do {
            return .values(try function(arguments).map(Self.describe))
        } catch {
            return .failed(Self.firstLine(error))
        }
    }

    /// A value's bits, or a reference's kind and null-ness.
    static func describe(_ value: Value) -> String {
        switch value {
        case .ref(.function(let address)): address == nil ? "ref.null func" : "ref.func"
        case .ref(.extern(let address)): address.map { "ref.extern \($0)" } ?? "ref.null extern"
        case .ref(.exception(let address)): address == nil ? "ref.null exn" : "ref.exn"
        default: "\(value)"
        }
    }

    /// The WasmKit value of a command's argument, or nil for a type this runner cannot build.
    static func value(_ argument: SpecScripts.Value) -> Value? {
        let text = argument.value.first ?? ""
        switch argument.type {
        case "i32": return UInt32(text).map(Value.i32)
        case "i64": return UInt64(text).map(Value.i64)
        case "f32": return UInt32(text).map(Value.f32)
        case "f64": return UInt64(text).map(Value.f64)
        case "externref": return .ref(.extern(text == "null" ? nil : Int(text)))
        case "funcref" where text == "null": return .ref(.function(nil))
        case "v128": return vector(argument)
        default: return nil
        }
    }

    /// A v128 from its lanes, little-endian.
    private static func vector(_ argument: SpecScripts.Value) -> Value? {
        let width: Int
        switch argument.laneType {
        case "i8": width = 1
        case "i16": width = 2
        case "i32", "f32": width = 4
        case "i64", "f64": width = 8
        default: return nil
        }
        var bytes: [UInt8] = []
        for lane in argument.value {
            // Lanes are written unsigned, or signed for negative integers.
            guard let bits = UInt64(lane) ?? Int64(lane).map({ UInt64(bitPattern: $0) }) else { return nil }
            bytes += (0..<width).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
        }
        return bytes.count == 16 ? .v128(V128(bytes: bytes)) : nil
    }
}

import WAT
import WasmBenchInstrument
import WasmKit
import WasmParser

/// A module run before and after instrumentation in WasmKit, in one test.
struct CountedModule {
    let original: [UInt8]
    let instrumented: InstrumentedModule
    let originalInstance: Instance
    let instance: Instance

    /// Converts `wat`, instruments it and instantiates both versions, each with the imports
    /// `imports` makes in its store.
    init(_ wat: String, names: Bool = false, imports: (Store) -> Imports = { _ in Imports() }) throws {
        original = try wat2wasm(wat, features: Self.features, options: EncodeOptions(nameSection: names))
        instrumented = try ModuleInstrumenter.instrument(original)
        originalInstance = try Self.instantiate(original, imports)
        instance = try Self.instantiate(instrumented.bytes, imports)
    }

    /// WasmKit's default proposals and multi-memory, which an instrumented module with memories
    /// of its own needs (its counters' memory comes after them); both versions are parsed with them.
    static var features: WasmFeatureSet {
        var features = WasmFeatureSet.default
        features.insert(.multiMemory)
        return features
    }

    static func instantiate(_ bytes: [UInt8], _ imports: (Store) -> Imports) throws -> Instance {
        let module = try parseWasm(bytes: bytes, features: features)
        let store = Store(engine: Engine())
        return try module.instantiate(store: store, imports: imports(store))
    }

    /// Calls `name` on both versions: the same result or the same error, or the test fails.
    func call(_ name: String, _ arguments: [Value]) throws -> Result<[Value], Error> {
        let before = Result { try originalInstance.exports[function: name].map { try $0(arguments) } ?? [] }
        let after = Result { try instance.exports[function: name].map { try $0(arguments) } ?? [] }
        switch (before, after) {
        case (.success(let a), .success(let b)) where a == b: return after
        case (.failure(let a), .failure(let b)) where "\(a)" == "\(b)": return after
        default: throw Mismatch(description: "\(name)\(arguments): \(before) before, \(after) after instrumenting")
        }
    }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// The counters' current values.
    var counters: [UInt64] {
        guard let memory = instance.exports[memory: ModuleInstrumenter.counterMemoryExport] else { return [] }
        return memory.withUnsafeBufferPointer(offset: 0, count: instrumented.counterBytes) {
            instrumented.counters(fromMemory: $0)
        }
    }

    /// The dynamic counts so far, by opcode name.
    var byName: [String: UInt64] {
        Dictionary(
            instrumented.tally(counters: counters).opcodes.map { ($0.key.name, $0.value) }, uniquingKeysWith: +)
    }

    /// The dynamic counts so far, in total.
    var total: UInt64 { instrumented.tally(counters: counters).total }
}

import WasmBenchInstrument
@_spi(Fuzzing) import WasmKit
import WasmParser

/// The instrumenter's property under fuzzing: a module is refused with an ``InstrumentError``, or
/// its instrumented copy is judged by WasmKit (parsed, every body translated eagerly,
/// instantiated against stand-in imports) exactly as the module itself is; so a valid module's
/// copy validates. Anything else stops the fuzzer with the two verdicts.
enum InstrumentCheck {
    /// The proposals both sides are judged with: every one WasmKit decodes (the instrumenter
    /// decodes with all of them too), multi-memory among them.
    static let features = WasmFeatureSet.all

    /// Instruments `bytes` and compares WasmKit's verdicts.
    static func run(_ bytes: [UInt8]) {
        let instrumented: InstrumentedModule
        do {
            instrumented = try ModuleInstrumenter.instrument(bytes)
        } catch {
            return
        }
        let before = verdict(bytes)
        let after = verdict(instrumented.bytes)
        guard (before == nil) == (after == nil) else {
            fatalError(
                "WasmKit judges the instrumented module otherwise: original \(before ?? "accepted"), "
                    + "instrumented \(after ?? "accepted")")
        }
    }

    /// Nil when WasmKit accepts the module, else why not. The start function is dropped, so
    /// instantiation always ends; imports get stand-ins of their declared types.
    static func verdict(_ bytes: [UInt8]) -> String? {
        do {
            var module = try parseWasm(bytes: bytes, features: features)
            module.dropStartFunction()
            let store = Store(engine: Engine(configuration: EngineConfiguration(compilationMode: .eager)))
            var imports = Imports()
            for entry in module.imports {
                guard let value = try standIn(entry.descriptor, module: module, store: store) else {
                    return "an import of an unusable type"
                }
                imports.define(module: entry.module, name: entry.name, value)
            }
            _ = try module.instantiate(store: store, imports: imports)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// A stand-in of an import's declared type: a function that returns nothing, a zero global,
    /// a fresh memory, table or tag; nil for a type WasmKit cannot make one of.
    static func standIn(_ descriptor: ImportDescriptor, module: Module, store: Store) throws -> ExternalValue? {
        switch descriptor {
        case .function(let index):
            guard let type = module.functionType(at: index) else { return nil }
            return Function(store: store, type: type) { _, _ in [] }.externalValue
        case .global(let type):
            let zero: Value
            switch type.valueType {
            case .i32: zero = .i32(0)
            case .i64: zero = .i64(0)
            case .f32: zero = .f32(0)
            case .f64: zero = .f64(0)
            default: return nil
            }
            return try Global(store: store, type: type, value: zero).externalValue
        case .memory(let type):
            // A stand-in no larger than 16 pages: the verdict, not the size, is checked.
            guard type.min <= 16 else { return nil }
            return try Memory(store: store, type: type).externalValue
        case .table(let type):
            guard type.limits.min <= 4096 else { return nil }
            return try Table(store: store, type: type).externalValue
        case .tag(let index):
            guard let type = module.functionType(at: index) else { return nil }
            return Tag(store: store, type: type).externalValue
        }
    }
}

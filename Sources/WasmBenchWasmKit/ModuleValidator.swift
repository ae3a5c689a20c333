@_spi(Fuzzing) import WasmKit
import WasmKitWASI

/// Checks that a module validates, with WasmKit: every section decoded (`parseWasm`), then an
/// instantiation with eager translation, which decodes and type-checks every function body and
/// checks the module-level rules (limits, imports, segments), as the WasmKit runtime does before
/// running a guest.
///
/// Nothing of the guest runs: a start section is dropped first, and imports the WASI bridge does
/// not define are linked as functions that trap. A module that imports a memory, table or
/// global from elsewhere cannot be linked here, so it is reported with that reason.
public enum ModuleValidator {
    /// Why `bytes` is not a valid module, or `nil` when it validates.
    /// (`dropStartFunction` is WasmKit's SPI for this: an instantiation that surely halts.)
    public static func problem(in bytes: [UInt8]) -> String? {
        do throws(any Error) {
            var module = try WasmKit.parseWasm(bytes: bytes)
            module.dropStartFunction()
            let wasi = try WASIBridgeToHost(args: [], environment: [:], preopens: [])
            defer { try? wasi.close() }
            let engine = Engine(configuration: WasmKitEngine.configuration(.eager))
            let store = Store(engine: engine)
            var imports = Imports()
            wasi.link(to: &imports, store: store)
            TrapLinkedImports(of: module, unknownTo: wasi).define(in: &imports, store: store)
            _ = try module.instantiate(store: store, imports: imports)
            return nil
        } catch {
            return String(describing: error)
        }
    }
}

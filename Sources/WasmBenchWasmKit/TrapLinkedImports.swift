import WasmBenchModel
import WasmBenchRuntime
@_spi(OnlyForCLI) import WasmKit
import WasmKitWASI

/// The module's function imports that the WASI bridge does not define, linked as host functions
/// that stop the run as a trap when the guest calls them (wasmtime's `-W unknown-imports-trap=y`).
///
/// Only functions can be linked this way: an unknown memory, table, global or tag import still
/// fails instantiation as an unknown import. Reading an import's function type takes
/// `Module.functionType(at:)`, which WasmKit offers only as SPI (`OnlyForCLI`, used by its own
/// CLI to link every import of a module it explores); the WasmKit version is pinned exactly in
/// `Package.swift`, so the SPI cannot change under the adapter unnoticed.
struct TrapLinkedImports {
    /// One import to link as a trap.
    struct Entry {
        /// The import's module name.
        let module: String
        /// The import's field name.
        let name: String
        /// The type the import declares, which the host function must have to link.
        let type: FunctionType
    }

    /// The imports to link, in the module's order.
    let entries: [Entry]

    /// No import linked as a trap: every import must be provided.
    static let none = TrapLinkedImports(entries: [])

    /// The WASI module whose functions the bridge defines.
    private static let wasiModule = "wasi_snapshot_preview1"

    private init(entries: [Entry]) {
        self.entries = entries
    }

    /// The function imports of `module` that `wasi` does not define.
    ///
    /// An import whose type index names no function type is left out: linking it would fail anyway,
    /// and WasmKit's own instantiation error says why.
    init(of module: Module, unknownTo wasi: WASIBridgeToHost) {
        let provided = Set(wasi.hostFunctions(capabilities: WASICapability.all).keys)
        entries = module.imports.compactMap { entry -> Entry? in
            guard entry.module != Self.wasiModule || !provided.contains(entry.name) else { return nil }
            guard case .function(let typeIndex) = entry.descriptor,
                let type = module.functionType(at: typeIndex)
            else { return nil }
            return Entry(module: entry.module, name: entry.name, type: type)
        }
    }

    /// Defines every entry in `imports` as a function of `store` that throws a ``FailureKind/trap``
    /// ``RunFailure`` naming the import.
    func define(in imports: inout Imports, store: Store) {
        for entry in entries {
            let failure = RunFailure(
                .trap, "the guest called \(entry.module).\(entry.name), an import wasmbench links as a trap")
            imports.define(
                module: entry.module, name: entry.name,
                Function(store: store, type: entry.type) { _, _ in throw failure })
        }
    }
}

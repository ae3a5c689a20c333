import CWasmtime
import WasmBenchRuntime

/// libwasmtime, loaded with `dlopen`, ready to run modules in this process.
///
/// The library stays loaded for the life of the process once opened (unloading a Rust library is
/// unsafe); releasing this object frees only the table of function pointers.
package final class WasmtimeCAPILibrary {
    private let handle: OpaquePointer

    /// Loads the library at `path` and resolves every C API function wasmbench calls.
    ///
    /// Throws ``WasmtimeCAPIError/libraryUnavailable(_:)`` when the file cannot be loaded or lacks
    /// one of those functions (the message names it).
    package init(path: String) throws(WasmtimeCAPIError) {
        var message = [CChar](repeating: 0, count: 1024)
        let count = message.count
        guard let handle = wb_wasmtime_open(path, &message, count) else {
            let bytes = message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            throw .libraryUnavailable(String(decoding: bytes, as: UTF8.self))
        }
        self.handle = handle
    }

    deinit {
        wb_wasmtime_close(handle)
    }

    /// Compiles, serializes, deserializes and instantiates `module`, then runs it: as a WASI
    /// command (its entry called once) when `function` is `nil`, else by calling `function` with
    /// `arguments` (parsed per its parameter types) `iterations` times.
    ///
    /// The guest sees `argv` (program name first), inherits this process's stdout and stderr,
    /// and gets only the folders (read-only) and environment variables `hosting` declares; a
    /// command is entered through `hosting`'s command export when it names one, else `_start`.
    /// Never throws: a trap, an exit or a module wasmtime rejects is the measurement's
    /// ``WasmtimeCAPIMeasurement/status``. With `copyMemory`, the first `length` bytes of that
    /// exported memory are copied out after the run (``WasmtimeCAPIMeasurement/memoryCopy``).
    package func run(
        module: [UInt8], argv: [String], function: String? = nil, arguments: [String] = [], iterations: Int = 1,
        hosting: GuestHosting = .none, copyMemory: (export: String, length: Int)? = nil
    ) -> WasmtimeCAPIMeasurement {
        let cCopy = copyMemory.map { CStringArray([$0.export]) }
        let cArgv = CStringArray(argv)
        let cArguments = CStringArray(arguments)
        let cFunction = function.map { CStringArray([$0]) }
        let cHosting = CHosting(hosting)
        var result = wb_wasmtime_result()
        defer { wb_wasmtime_result_free(&result) }
        withExtendedLifetime((cArgv, cArguments, cFunction, cHosting, cCopy)) {
            module.withUnsafeBufferPointer { bytes in
                var request = wb_wasmtime_request(
                    module_bytes: bytes.baseAddress, module_length: bytes.count,
                    argv: UnsafePointer(cArgv.base), argc: cArgv.count,
                    function: cFunction?.base.pointee,
                    arguments: UnsafePointer(cArguments.base), argument_count: cArguments.count,
                    iterations: max(iterations, 0),
                    mount_host_paths: UnsafePointer(cHosting.mountHostPaths.base),
                    mount_guest_paths: UnsafePointer(cHosting.mountGuestPaths.base),
                    mount_count: cHosting.mountHostPaths.count,
                    environment_names: UnsafePointer(cHosting.environmentNames.base),
                    environment_values: UnsafePointer(cHosting.environmentValues.base),
                    environment_count: cHosting.environmentNames.count,
                    command_export: cHosting.commandExport?.base.pointee,
                    trap_unknown_imports: hosting.trapUnknownImports,
                    copy_memory_export: cCopy?.base.pointee, copy_memory_length: max(copyMemory?.length ?? 0, 0))
                wb_wasmtime_run(handle, &request, &result)
            }
        }
        return WasmtimeCAPIMeasurement(result)
    }
}

/// A ``GuestHosting``'s strings as the C arrays `wb_wasmtime_request` reads, alive as long as this is.
private struct CHosting {
    let mountHostPaths: CStringArray
    let mountGuestPaths: CStringArray
    /// Sorted by name, so that the guest sees the same order in every run.
    let environmentNames: CStringArray
    let environmentValues: CStringArray
    let commandExport: CStringArray?

    init(_ hosting: GuestHosting) {
        mountHostPaths = CStringArray(hosting.mounts.map(\.hostPath))
        mountGuestPaths = CStringArray(hosting.mounts.map(\.guestPath))
        let variables = hosting.environment.sorted { $0.key < $1.key }
        environmentNames = CStringArray(variables.map(\.key))
        environmentValues = CStringArray(variables.map(\.value))
        commandExport = hosting.commandExport.map { CStringArray([$0]) }
    }
}

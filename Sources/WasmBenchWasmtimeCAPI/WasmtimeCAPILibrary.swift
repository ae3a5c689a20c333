import CWasmtime

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
    /// command (`_start`, once) when `function` is `nil`, else by calling `function` with
    /// `arguments` (parsed per its parameter types) `iterations` times.
    ///
    /// The guest sees `argv` (program name first), inherits this process's stdout and stderr,
    /// and gets no preopened folders and no environment. Never throws: a trap, an exit or a module
    /// wasmtime rejects is the measurement's ``WasmtimeCAPIMeasurement/status``.
    package func run(
        module: [UInt8], argv: [String], function: String? = nil, arguments: [String] = [], iterations: Int = 1
    ) -> WasmtimeCAPIMeasurement {
        let cArgv = CStringArray(argv)
        let cArguments = CStringArray(arguments)
        let cFunction = function.map { CStringArray([$0]) }
        var result = wb_wasmtime_result()
        defer { wb_wasmtime_result_free(&result) }
        withExtendedLifetime((cArgv, cArguments, cFunction)) {
            module.withUnsafeBufferPointer { bytes in
                var request = wb_wasmtime_request(
                    module_bytes: bytes.baseAddress, module_length: bytes.count,
                    argv: UnsafePointer(cArgv.base), argc: cArgv.count,
                    function: cFunction?.base.pointee,
                    arguments: UnsafePointer(cArguments.base), argument_count: cArguments.count,
                    iterations: max(iterations, 0))
                wb_wasmtime_run(handle, &request, &result)
            }
        }
        return WasmtimeCAPIMeasurement(result)
    }
}

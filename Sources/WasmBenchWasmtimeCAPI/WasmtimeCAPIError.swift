/// Why the `wasmtime-capi` adapter could not run a module at all.
///
/// A guest trap, a non-zero exit or a module wasmtime rejects is not one of these: those are
/// recorded outcomes (see ``WasmtimeCAPIMeasurement/status``).
package enum WasmtimeCAPIError: Error, Equatable, CustomStringConvertible {
    /// libwasmtime could not be loaded or lacks a function wasmbench calls; the message says which.
    case libraryUnavailable(String)

    /// What went wrong and what to do about it.
    package var description: String {
        switch self {
        case .libraryUnavailable(let message):
            "libwasmtime could not be used: \(message)"
        }
    }
}

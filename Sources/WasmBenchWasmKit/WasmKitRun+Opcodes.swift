import WasmBenchInstrument
import WasmBenchModel
import WasmBenchRuntime
import WasmKit

extension WasmKitRun {
    /// The instrumented copy of `bytes` (made in memory; the file is not touched).
    ///
    /// - Throws: ``RunFailure`` of kind ``FailureKind/invalidModule`` with the instrumenter's
    ///   message (function index and byte offset) when the module cannot be instrumented.
    static func instrument(_ bytes: [UInt8]) throws(RunFailure) -> InstrumentedModule {
        do {
            return try ModuleInstrumenter.instrument(bytes)
        } catch {
            throw RunFailure(.invalidModule, error.description)
        }
    }

    /// What the counters say after the run (a trapped run included), or nil when the request
    /// did not count opcodes or the run stopped before the guest's instance existed.
    func opcodeTally() -> OpcodeTally? {
        guard let instrumented, let instance = countedInstance else { return nil }
        guard let memory = instance.exports[memory: ModuleInstrumenter.counterMemoryExport] else {
            return instrumented.opcodeTally(counterMemory: [])
        }
        return memory.withUnsafeBufferPointer(offset: 0, count: min(memory.byteCount, instrumented.counterBytes)) {
            instrumented.opcodeTally(counterMemory: $0)
        }
    }
}

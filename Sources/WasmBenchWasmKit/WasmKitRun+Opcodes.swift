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
        let memory = instance.exports[memory: ModuleInstrumenter.counterMemoryExport]
        let counters =
            memory.map { memory in
                memory.withUnsafeBufferPointer(offset: 0, count: min(memory.byteCount, instrumented.counterBytes)) {
                    instrumented.counters(fromMemory: $0)
                }
            } ?? []
        let tally = instrumented.tally(counters: counters)
        return OpcodeTally(
            opcodes: Dictionary(uniqueKeysWithValues: tally.opcodes.map { ($0.key.rawValue, $0.value) }),
            functions: tally.functions,
            functionNames: instrumented.functionNames.filter { tally.functions[$0.key] != nil },
            hasNames: instrumented.hasNameSection, blocks: instrumented.counters)
    }
}

import WasmBenchRuntime

extension InstrumentedModule {
    /// What an engine hands back after running this module: the counters' tally by opcode and
    /// function, with the names of the functions that ran.
    ///
    /// - Parameter counterMemory: the bytes of the exported counters' memory from its start (at
    ///   least ``counterBytes`` of them; missing ones count as zero).
    public func opcodeTally<Bytes: Collection<UInt8>>(counterMemory: Bytes) -> OpcodeTally {
        let tally = tally(counters: counters(fromMemory: counterMemory))
        return OpcodeTally(
            opcodes: Dictionary(uniqueKeysWithValues: tally.opcodes.map { ($0.key.rawValue, $0.value) }),
            functions: tally.functions, functionNames: functionNames.filter { tally.functions[$0.key] != nil },
            hasNames: hasNameSection, blocks: counters)
    }
}

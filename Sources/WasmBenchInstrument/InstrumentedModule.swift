/// A module with a counter at the start of every reachable basic block, and what each block holds.
///
/// Read the counters after a run (the exported memory ``ModuleInstrumenter/counterMemoryExport``:
/// counter K is the little-endian i64 at byte 8K; ``counters(fromMemory:)`` decodes it) and hand
/// them to ``tally(counters:)``: the dynamic count of every opcode is the sum over blocks of the
/// block's executions times the opcode's occurrences in it.
public struct InstrumentedModule: Sendable {
    /// How often one opcode occurs in a block.
    public struct Occurrence: Sendable, Equatable {
        /// The opcode.
        public var opcode: Opcode
        /// How many times it occurs in the block.
        public var count: Int
    }

    /// One basic block of the original module.
    public struct Block: Sendable, Equatable {
        /// The function's index in the function index space (imports first).
        public var function: Int
        /// The module offset (in the original) of the block's first instruction.
        public var offset: Int
        /// The counter's number, or nil for a block control never reaches (after `br`, `return`,
        /// `unreachable`…), which gets no counter.
        public var counter: Int?
        /// The block's opcodes, in opcode order.
        public var opcodes: [Occurrence]
    }

    /// The instrumented module's bytes.
    public var bytes: [UInt8]
    /// Every basic block of every function, in module order.
    public var blocks: [Block]
    /// How many counters the module exports (the reachable blocks).
    public var counters: Int
    /// How many functions are imported (their indices come before the defined functions').
    public var importedFunctions: Int
    /// Function names from the name section, by function index.
    public var functionNames: [Int: String]
    /// Whether the module has a name section.
    public var hasNameSection: Bool

    /// The 64 KiB pages of a counters' memory for `counters` counters (8 bytes each).
    public static func counterPages(_ counters: Int) -> Int {
        (counters * 8 + 65535) / 65536
    }

    /// How many bytes of the counters' memory hold counters.
    public var counterBytes: Int { counters * 8 }

    /// The counters' values in the bytes of the counters' memory (from its start; at least
    /// ``counterBytes`` of them, any more are ignored; missing ones read as zero).
    public func counters<Bytes: Collection<UInt8>>(fromMemory bytes: Bytes) -> [UInt64] {
        var values = [UInt64](repeating: 0, count: counters)
        var index = bytes.startIndex
        for number in 0..<counters {
            var value: UInt64 = 0
            for shift in stride(from: 0, to: 64, by: 8) {
                guard index != bytes.endIndex else { return values }
                value |= UInt64(bytes[index]) << UInt64(shift)
                index = bytes.index(after: index)
            }
            values[number] = value
        }
        return values
    }

    /// The dynamic counts the counters' values give: per opcode and per function.
    ///
    /// - Parameter counters: each counter's value, by number; missing counters count as zero.
    public func tally(counters: [UInt64]) -> BlockTally {
        var opcodes: [Opcode: UInt64] = [:]
        var functions: [Int: UInt64] = [:]
        for block in blocks {
            guard let counter = block.counter, counter < counters.count else { continue }
            let executions = counters[counter]
            guard executions > 0 else { continue }
            for occurrence in block.opcodes {
                let count = executions &* UInt64(occurrence.count)
                opcodes[occurrence.opcode, default: 0] &+= count
                functions[block.function, default: 0] &+= count
            }
        }
        return BlockTally(opcodes: opcodes, functions: functions)
    }
}

/// Dynamic instruction counts of one run: by opcode and by function.
public struct BlockTally: Sendable, Equatable {
    /// Executions of each opcode that ran.
    public var opcodes: [Opcode: UInt64]
    /// Wasm instructions each function that ran executed itself.
    public var functions: [Int: UInt64]

    /// Creates a tally.
    public init(opcodes: [Opcode: UInt64], functions: [Int: UInt64]) {
        self.opcodes = opcodes
        self.functions = functions
    }

    /// Every instruction executed.
    public var total: UInt64 {
        opcodes.values.reduce(0, &+)
    }
}

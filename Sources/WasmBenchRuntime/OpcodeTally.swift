/// The Wasm instructions one run executed, by opcode and by function, counted by an engine that
/// ran an instrumented copy of the module (see ``RunRequest/countOpcodes``).
///
/// The counts are of the whole run (start-up included); `explain --opcodes` takes the
/// differential of runs with different iteration counts.
public struct OpcodeTally: Codable, Sendable, Equatable {
    /// Executions by opcode: the opcode's packed value (the byte, or `prefix << 24 | sub-opcode`).
    public var opcodes: [UInt32: UInt64]
    /// Wasm instructions each function that ran executed itself, by function index.
    public var functions: [Int: UInt64]
    /// The names of those functions that the module's name section gives.
    public var functionNames: [Int: String]
    /// Whether the module has a name section.
    public var hasNames: Bool
    /// How many basic-block counters the instrumented module had.
    public var blocks: Int

    /// Creates a tally.
    public init(
        opcodes: [UInt32: UInt64], functions: [Int: UInt64], functionNames: [Int: String], hasNames: Bool, blocks: Int
    ) {
        self.opcodes = opcodes
        self.functions = functions
        self.functionNames = functionNames
        self.hasNames = hasNames
        self.blocks = blocks
    }

    /// Every instruction executed.
    public var total: UInt64 {
        opcodes.values.reduce(0, &+)
    }
}

/// A closed set of kinds of Wasm instruction, for the totals of an opcode profile.
public enum OpcodeCategory: String, Codable, Sendable, CaseIterable {
    /// Structured control and branches: `block`, `loop`, `if`, `else`, `end`, `br*`, `return`,
    /// `unreachable`, `nop`, exceptions.
    case control
    /// `call`, `call_indirect`, `call_ref` and their tail-call forms.
    case calls
    /// `local.get/set/tee`, `global.get/set`.
    case variables = "local/global"
    /// Loads and stores, `memory.size/grow`, bulk memory and atomic memory accesses.
    case memory
    /// Integer constants, comparisons and arithmetic (i32, i64).
    case integer
    /// Float constants, comparisons and arithmetic (f32, f64).
    case float
    /// Wraps, extends, truncations, conversions, reinterpretations (saturating ones included).
    case conversion
    /// Every 0xFD-prefixed (128-bit SIMD) instruction.
    case simd = "SIMD"
    /// The rest: `drop`, `select`, tables, references, GC, fences, opcodes of no known proposal.
    case other
}

/// How many times one opcode ran per iteration.
public struct OpcodeCount: Codable, Sendable, Equatable {
    /// The opcode's bytes as written in the binary format, e.g. `0x20`, `0xFD 0x0C`.
    public var code: String
    /// Its mnemonic (`local.get`), or `unknown` for an opcode of no proposal we know.
    public var name: String
    /// Its kind.
    public var category: OpcodeCategory
    /// Executions per iteration (the differential of the counted runs).
    public var perIteration: Double
    /// ``perIteration`` ÷ every opcode's.
    public var share: Double

    /// Creates an entry.
    public init(code: String, name: String, category: OpcodeCategory, perIteration: Double, share: Double) {
        self.code = code
        self.name = name
        self.category = category
        self.perIteration = perIteration
        self.share = share
    }
}

/// The executions of one category of opcodes per iteration.
public struct CategoryCount: Codable, Sendable, Equatable {
    /// The category.
    public var category: OpcodeCategory
    /// Executions per iteration.
    public var perIteration: Double
    /// ``perIteration`` ÷ every opcode's.
    public var share: Double

    /// Creates an entry.
    public init(category: OpcodeCategory, perIteration: Double, share: Double) {
        self.category = category
        self.perIteration = perIteration
        self.share = share
    }
}

/// The Wasm instructions one function executed per iteration (its own, not its callees').
public struct FunctionOpcodeCount: Codable, Sendable, Equatable {
    /// The function's index in the module's function index space (imports first).
    public var index: Int
    /// Its name from the module's name section, or `nil` when the section does not name it.
    public var name: String?
    /// Wasm instructions executed per iteration.
    public var perIteration: Double
    /// ``perIteration`` ÷ the whole module's.
    public var share: Double

    /// Creates an entry.
    public init(index: Int, name: String?, perIteration: Double, share: Double) {
        self.index = index
        self.name = name
        self.perIteration = perIteration
        self.share = share
    }
}

/// The exact dynamic opcode mix of a workload: which Wasm instructions one iteration executes,
/// counted by running a copy of the module with a counter at the start of every basic block
/// (`wasmbench explain --opcodes`).
///
/// Every count is differential like ``InstructionCount``: the module runs with two or more
/// iteration counts, and every figure is the slope between the last two runs, so start-up (an
/// interpreter's own initialisation included) is not in it. A run that trapped is not an error of
/// the counts: a trap ends its basic block early but the block counts as completed, so ``trap``
/// says so and every figure is then of the whole first run, not per iteration.
public struct OpcodeProfile: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime that ran the instrumented module (`wasmkit`, `cpython3.11-wasi@wasmkit`).
    public var runtime: String
    /// The counted runs: their iterations and the Wasm instructions each executed in all.
    public var runs: [CountedRun]
    /// Wasm instructions per iteration (the slope between the last two runs).
    public var perIteration: Double
    /// Whether the slope between the first two runs agrees within 5%; nil with two runs or a trap.
    public var steady: Bool?
    /// Wasm instructions before and around the iterations (start-up, exit), or nil after a trap.
    public var outside: Double?
    /// Every opcode that ran, most executed first.
    public var opcodes: [OpcodeCount]
    /// The totals of every category, in ``OpcodeCategory``'s order.
    public var categories: [CategoryCount]
    /// The functions that executed the most Wasm instructions, most first.
    public var functions: [FunctionOpcodeCount]
    /// Whether the module has a name section; without one, functions are known by index only.
    public var hasNames: Bool
    /// How many basic blocks (counters) the instrumented module has.
    public var blocks: Int
    /// The trap that ended the run, when one did: the figures are then of the whole run, with the
    /// trapping block counted as completed.
    public var trap: String?
    /// Wasm instructions per native instruction: ``perIteration`` over callgrind's per-iteration
    /// count of the same workload, by runtime id (the native build's and each Wasm runtime's),
    /// when `explain` counted them.
    public var perNativeInstruction: [String: Double]

    /// What the message of a failed opcode count starts with, so that a report tells it from a
    /// failed callgrind count of the same runtime.
    public static let failurePrefix = "opcode count: "

    /// Creates a profile.
    public init(
        workload: String, runtime: String, runs: [CountedRun], perIteration: Double, steady: Bool?,
        outside: Double?, opcodes: [OpcodeCount], categories: [CategoryCount], functions: [FunctionOpcodeCount],
        hasNames: Bool, blocks: Int, trap: String? = nil, perNativeInstruction: [String: Double] = [:]
    ) {
        self.workload = workload
        self.runtime = runtime
        self.runs = runs
        self.perIteration = perIteration
        self.steady = steady
        self.outside = outside
        self.opcodes = opcodes
        self.categories = categories
        self.functions = functions
        self.hasNames = hasNames
        self.blocks = blocks
        self.trap = trap
        self.perNativeInstruction = perNativeInstruction
    }
}

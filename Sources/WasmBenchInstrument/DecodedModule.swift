import WasmParser

/// What the instrumenter needs to know about a module, decoded by WasmKit's parser, and where
/// each of its sections lies in the bytes.
struct DecodedModule {
    /// One section as it lies in the module.
    struct Section {
        /// The section id (0 for a custom section).
        var id: UInt8
        /// The offset of its id byte.
        var start: Int
        /// Its contents (after the id and the size).
        var contents: Range<Int>
    }

    /// The sections in order.
    var sections: [Section] = []
    /// Imported functions (they come first in the function index space).
    var importedFunctions = 0
    /// Imported and defined memories (the counters' memory takes the next index).
    var memories = 0
    /// Imported and defined exception tags.
    var tagCount = 0
    /// The names the module exports.
    var exportNames: [String] = []
    /// The memory indices the module names outside function bodies: exports and active data segments.
    var namedMemories: [Int] = []
    /// The function bodies, in order.
    var codes: [Code] = []
    /// Function names from the name section.
    var functionNames: [Int: String] = [:]
    /// Whether the module has a name section.
    var hasNameSection = false

    /// Decodes `bytes` completely (every section; the bodies are decoded later, block by block).
    ///
    /// - Throws: ``InstrumentError/Kind/malformed`` with the offset WasmKit stopped at.
    init(_ bytes: [UInt8]) throws(InstrumentError) {
        var parser = Parser(bytes: bytes, features: .all)
        var definedFunctions = 0
        do {
            while let payload = try parser.parseNext() {
                switch payload {
                case .importSection(let imports):
                    for entry in imports {
                        switch entry.descriptor {
                        case .function: importedFunctions += 1
                        case .memory: memories += 1
                        case .tag: tagCount += 1
                        case .table, .global: break
                        }
                    }
                case .functionSection(let types): definedFunctions = types.count
                case .memorySection(let defined): memories += defined.count
                case .dataSection(let segments):
                    for case .active(let segment) in segments { namedMemories.append(Int(segment.index)) }
                case .tagSection(let tags): tagCount += tags.count
                case .exportSection(let exports):
                    exportNames = exports.map(\.name)
                    for case .memory(let index) in exports.map(\.descriptor) { namedMemories.append(Int(index)) }
                case .codeSection(let codes): self.codes = codes
                case .customSection(let section) where section.name == "name":
                    hasNameSection = true
                    readNames(section.bytes)
                default: break
                }
            }
        } catch {
            throw InstrumentError(.malformed, reason: "\(error)", offset: parser.offset)
        }
        guard definedFunctions == codes.count else {
            throw InstrumentError(
                .malformed,
                reason: "the function section declares \(definedFunctions) functions but the code section has "
                    + "\(codes.count) bodies")
        }
        // The counters' memory takes the next memory index: a reference past the module's own
        // memories, invalid in the original, would become valid, so it is refused here.
        if let index = namedMemories.first(where: { $0 >= memories }) {
            throw InstrumentError(
                .invalidBody,
                reason: "an export or data segment names memory \(index), but the module has \(memories) memories")
        }
        sections = try Self.sections(of: bytes)
    }

    /// Reads the function names of a name section; a name section WasmKit cannot read leaves
    /// functions unnamed (engines ignore a bad name section too).
    private mutating func readNames(_ bytes: ArraySlice<UInt8>) {
        var names = NameSectionParser(stream: StaticByteStreamSource(bytes: bytes))
        guard let parsed = try? names.parseAll() else { return }
        for case .functions(let map) in parsed {
            for (index, name) in map { functionNames[Int(index)] = name }
        }
    }

    /// The sections of a module WasmKit has decoded: ids, offsets and content ranges.
    private static func sections(of bytes: [UInt8]) throws(InstrumentError) -> [Section] {
        var reader = ByteReader(bytes[8...])
        var sections: [Section] = []
        do throws(ByteReader.Truncated) {
            while !reader.isAtEnd {
                let start = reader.offset
                let id = try reader.byte()
                let size = try reader.unsigned()
                let contents = try reader.take(Int(clamping: size))
                sections.append(Section(id: id, start: start, contents: contents.startIndex..<contents.endIndex))
            }
        } catch {
            throw InstrumentError(.malformed, reason: "a section runs past the end of the module", offset: error.offset)
        }
        return sections
    }
}

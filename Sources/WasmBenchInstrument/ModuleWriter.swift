import WasmParser

/// Writes the instrumented module: the original sections in order, with the counters' memory and
/// its export appended to their sections (or in new sections where the module has none) and
/// every function body rewritten with its increments.
struct ModuleWriter {
    let original: [UInt8]
    let decoded: DecodedModule
    /// How many counters to add.
    let counters: Int
    /// Per body, the increments to insert, in offset order.
    let insertions: [[InsertionPoint]]

    /// Section ids by their place in the binary format's order (custom sections have none).
    private static let rank: [UInt8: Int] = [
        1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13,
    ]
    private static let memorySection: UInt8 = 5
    private static let exportSection: UInt8 = 7
    private static let codeSection: UInt8 = 10

    /// The instrumented module's bytes (the original's when there is nothing to count).
    func write() throws(InstrumentError) -> [UInt8] {
        guard counters > 0 else { return original }
        var output = Array(original[0..<8])
        var pending: [UInt8] = [Self.memorySection, Self.exportSection]
        for section in decoded.sections {
            // A missing memory or export section goes before the first section that must follow it.
            if let rank = Self.rank[section.id] {
                while let next = pending.first, let nextRank = Self.rank[next], nextRank < rank {
                    append(section: next, contents: try added(next, to: nil), to: &output)
                    pending.removeFirst()
                }
            }
            let contents = original[section.contents]
            switch section.id {
            case Self.memorySection, Self.exportSection:
                pending.removeAll { $0 == section.id }
                append(section: section.id, contents: try added(section.id, to: contents), to: &output)
            case Self.codeSection:
                append(section: section.id, contents: try code(contents), to: &output)
            default:
                output.append(contentsOf: original[section.start..<section.contents.upperBound])
            }
        }
        for id in pending { append(section: id, contents: try added(id, to: nil), to: &output) }
        return output
    }

    private func append(section id: UInt8, contents: [UInt8], to output: inout [UInt8]) {
        output.append(id)
        output.appendUnsigned(contents.count)
        output.append(contentsOf: contents)
    }

    /// A memory or export section's contents with the counters' entry after the module's own.
    private func added(_ id: UInt8, to contents: ArraySlice<UInt8>?) throws(InstrumentError) -> [UInt8] {
        var count: UInt64 = 0
        var entries: ArraySlice<UInt8> = []
        if let contents {
            var reader = ByteReader(contents)
            count = try read(&reader) { reader throws(ByteReader.Truncated) in try reader.unsigned() }
            entries = reader.bytes
        }
        var output: [UInt8] = []
        output.appendUnsigned(count + 1)
        output.append(contentsOf: entries)
        if id == Self.memorySection {
            // (memory pages pages): a fixed size, 8 bytes a counter, zero-filled at instantiation.
            let pages = InstrumentedModule.counterPages(counters)
            output.append(0x01)
            output.appendUnsigned(pages)
            output.appendUnsigned(pages)
        } else {
            output.appendName(ModuleInstrumenter.counterMemoryExport)
            output.append(0x02)
            output.appendUnsigned(decoded.memories)
        }
        return output
    }

    /// The code section with every body's increments inserted.
    private func code(_ contents: ArraySlice<UInt8>) throws(InstrumentError) -> [UInt8] {
        var reader = ByteReader(contents)
        let count = try read(&reader) { reader throws(ByteReader.Truncated) in try reader.unsigned() }
        var output: [UInt8] = []
        output.appendUnsigned(count)
        for (index, code) in decoded.codes.enumerated() {
            let body = try read(&reader) { reader throws(ByteReader.Truncated) in
                let size = try reader.unsigned()
                return try reader.take(Int(clamping: size))
            }
            let expressionStart = ExpressionParser(code: code).offset
            var rewritten = Array(original[body.startIndex..<expressionStart])
            var copied = expressionStart
            for point in insertions[index] {
                rewritten.append(contentsOf: original[copied..<point.offset])
                appendIncrement(of: point.counter, to: &rewritten)
                copied = point.offset
            }
            rewritten.append(contentsOf: original[copied..<body.endIndex])
            output.appendUnsigned(rewritten.count)
            output.append(contentsOf: rewritten)
        }
        return output
    }

    /// `i32.const 0  i32.const 0  i64.load offset=8c  i64.const 1  i64.add  i64.store offset=8c`
    /// on the counters' memory: the address is the offset, the two `i32.const 0` the bases of the
    /// store and the load. When the module has no memory of its own the counters' memory is
    /// memory 0 and the memargs are the core format's; otherwise they carry its index
    /// (multi-memory: flags bit 6 set, then the index).
    private func appendIncrement(of counter: Int, to output: inout [UInt8]) {
        let memory = decoded.memories
        func memarg(_ output: inout [UInt8]) {
            // Alignment 2^3: the counters are 8-byte aligned.
            if memory == 0 {
                output.append(0x03)
            } else {
                output.append(0x43)
                output.appendUnsigned(memory)
            }
            output.appendUnsigned(counter * 8)
        }
        output.append(contentsOf: [0x41, 0x00, 0x41, 0x00, 0x29])
        memarg(&output)
        output.append(contentsOf: [0x42, 0x01, 0x7C, 0x37])
        memarg(&output)
    }

    /// Runs a read on a section WasmKit has already decoded, turning a short read into an error.
    private func read<T>(_ reader: inout ByteReader, _ body: (inout ByteReader) throws(ByteReader.Truncated) -> T)
        throws(InstrumentError) -> T
    {
        do throws(ByteReader.Truncated) {
            return try body(&reader)
        } catch {
            throw InstrumentError(.malformed, reason: "a section is cut short", offset: error.offset)
        }
    }
}

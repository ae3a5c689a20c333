import Testing
import WAT
import WasmBenchInstrument
import WasmKit

@Suite("Custom sections are removed and every other byte is kept")
struct CustomSectionStripperTests {
    /// A custom section named `name` holding `payload`.
    static func custom(_ name: String, _ payload: [UInt8]) -> [UInt8] {
        let contents = [UInt8(name.utf8.count)] + Array(name.utf8) + payload
        precondition(contents.count < 128)
        return [0x00, UInt8(contents.count)] + contents
    }

    /// The sections of a module: (id, whole section bytes).
    static func sections(_ module: [UInt8]) -> [(id: UInt8, bytes: [UInt8])] {
        var sections: [(UInt8, [UInt8])] = []
        var offset = 8
        while offset < module.count {
            let start = offset
            let id = module[offset]
            offset += 1
            var size = 0
            var shift = 0
            while true {
                let byte = module[offset]
                offset += 1
                size |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            offset += size
            sections.append((id, Array(module[start..<offset])))
        }
        return sections
    }

    static let wat = """
        (module
          (memory 1)
          (data (i32.const 16) "hello")
          (func $sum (export "sum") (param $n i32) (result i32) (local $acc i32)
            (block $done
              (loop $next
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $acc (i32.add (local.get $acc) (local.get $n)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $next)))
            (local.get $acc)))
        """

    @Test("name, producers and debug sections go; the result validates and runs; code bytes are identical")
    func stripsCustomSections() throws {
        let named = try wat2wasm(Self.wat, options: EncodeOptions(nameSection: true))
        // A producers section first, DWARF in the middle (after the code section), a source map last.
        let parts = Self.sections(named)
        let codeIndex = try #require(parts.firstIndex { $0.id == 10 })
        var module = Array(named[0..<8]) + Self.custom("producers", [0x01, 0x02, 0x03])
        for (index, part) in parts.enumerated() {
            module += part.bytes
            if index == codeIndex { module += Self.custom(".debug_info", Array(repeating: 0xAB, count: 40)) }
        }
        module += Self.custom("sourceMappingURL", Array("x.map".utf8))
        let stripped = try CustomSectionStripper.strip(module)

        #expect(stripped.removed == ["producers", ".debug_info", "name", "sourceMappingURL"])
        #expect(stripped.removedBytes == module.count - stripped.bytes.count)
        #expect(Self.sections(stripped.bytes).allSatisfy { $0.id != 0 })
        let code = { (bytes: [UInt8]) in Self.sections(bytes).first { $0.id == 10 }?.bytes }
        #expect(code(stripped.bytes) != nil && code(stripped.bytes) == code(module))
        #expect(
            Self.sections(stripped.bytes).map(\.bytes) == Self.sections(module).filter { $0.id != 0 }.map(\.bytes))

        // Validates: WasmKit decodes every section and, translating eagerly, type-checks every body.
        let parsed = try parseWasm(bytes: stripped.bytes)
        #expect(parsed.customSections.isEmpty)
        let store = Store(engine: Engine(configuration: EngineConfiguration(compilationMode: .eager)))
        let instance = try parsed.instantiate(store: store)
        let sum = try #require(instance.exports[function: "sum"])
        #expect(try sum([.i32(10)]) == [.i32(55)])
    }

    @Test("a module without custom sections comes back unchanged; dylink.0 is kept")
    func unchangedAndKept() throws {
        let plain = try wat2wasm(Self.wat)
        let stripped = try CustomSectionStripper.strip(plain)
        #expect(stripped.bytes == plain && stripped.removed.isEmpty && stripped.removedBytes == 0)
        let library = plain + Self.custom("dylink.0", [0x01, 0x00])
        #expect(try CustomSectionStripper.strip(library).bytes == library)
    }

    @Test("not a module, or a section past the end: malformed, with an offset")
    func refusals() {
        #expect(throws: InstrumentError.self) { try CustomSectionStripper.strip(Array("hello, world".utf8)) }
        let truncated: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x00, 0x10, 0x01]
        #expect {
            try CustomSectionStripper.strip(truncated)
        } throws: { error in
            (error as? InstrumentError)?.kind == .malformed && (error as? InstrumentError)?.offset != nil
        }
    }
}

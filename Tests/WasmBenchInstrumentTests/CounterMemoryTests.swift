import Testing
import WAT
import WasmBenchInstrument
import WasmKit
import WasmParser

/// The counters' memory: a memory of its own after the module's, which the module's own loads,
/// stores and bulk operations cannot reach, counted by hand like ``HandCountedTests``.
@Suite("Counters in a memory of their own")
struct CounterMemoryTests {
    // Blocks: [i32.const i32.const i32.const memory.fill block loop] [local.get local.get i32.ge_u
    // br_if] [i32.const i64.const i64.store local.get i32.const i32.add local.set br] [end (never
    // runs: after br)] [end (block; never runs: br_if leaves past it)] [end]
    static let scribble = """
        (module
          (memory (export "mem") 1)
          (func (export "scribble") (param $n i32) (local $i i32)
            (memory.fill (i32.const 0) (i32.const 0xFF) (i32.const 65536))
            (block $done
              (loop $again
                (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                (i64.store (i32.const 0) (i64.const -1))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $again))))
          (func (export "size") (result i32) (memory.size)))
        """

    @Test("a module that fills all of its own memory leaves the counters exact")
    func ownMemory() throws {
        let module = try CountedModule(Self.scribble)
        _ = try module.call("scribble", [.i32(3)])
        #expect(try module.call("size", []).get() == [.i32(1)])
        // Entry 1×, the test 4×, the body 3×, the final end 1×; `size` is one block of 2.
        let expected: [String: UInt64] = [
            "i32.const": 3 + 2 * 3, "memory.fill": 1, "block": 1, "loop": 1, "local.get": 2 * 4 + 3,
            "i32.ge_u": 4, "br_if": 4, "i64.const": 3, "i64.store": 3, "i32.add": 3, "local.set": 3, "br": 3,
            "end": 1 + 1, "memory.size": 1,
        ]
        #expect(module.byName == expected)
        #expect(module.total == 6 + 4 * 4 + 8 * 3 + 1 + 2)
        // The module's memory is all 0xFF; the counters' memory is memory 1, exported on its own.
        let own = try #require(module.instance.exports[memory: "mem"])
        #expect(own.withUnsafeBufferPointer(offset: 0, count: own.byteCount) { $0.allSatisfy { $0 == 0xFF } })
        let counters = try #require(module.instance.exports[memory: ModuleInstrumenter.counterMemoryExport])
        #expect(counters.byteCount == 65536)
        #expect(module.counters.filter { $0 > 0 }.count == 5)
    }

    static let imported = """
        (module
          (import "env" "memory" (memory 1))
          (memory $second 1)
          (func (export "copy") (result i32)
            (i32.store $second (i32.const 8) (i32.const 42))
            (memory.copy 0 $second (i32.const 0) (i32.const 8) (i32.const 4))
            (i32.load 0 (i32.const 0))))
        """

    @Test("an imported memory and a second memory: the counters' memory is memory 2")
    func multipleMemories() throws {
        let module = try CountedModule(Self.imported) { store in
            var imports = Imports()
            if let memory = try? Memory(store: store, type: MemoryType(min: 1)) {
                imports.define(module: "env", name: "memory", memory)
            }
            return imports
        }
        #expect(try module.call("copy", []).get() == [.i32(42)])
        // One block: i32.const ×2 i32.store i32.const ×3 memory.copy i32.const i32.load end.
        #expect(module.total == 10)
        #expect(module.byName["memory.copy"] == 1)
        let parsed = try parseWasm(bytes: module.instrumented.bytes, features: CountedModule.features)
        #expect(parsed.exports.map(\.name) == ["copy", ModuleInstrumenter.counterMemoryExport])
        #expect(parsed.exports.last?.descriptor == .memory(2))
    }

    @Test("no global is added: the module's globals and exports stay, one memory and one export more")
    func layout() throws {
        let original = try wat2wasm(HandCountedTests.imported)
        let instrumented = try ModuleInstrumenter.instrument(original)
        let before = try parseWasm(bytes: original)
        let after = try parseWasm(bytes: instrumented.bytes)
        #expect(after.exports.count == before.exports.count + 1)
        // No memory of its own: the counters' memory is memory 0, in the core format (no multi-memory).
        #expect(after.exports.last?.descriptor == .memory(0))
        #expect(instrumented.counters == 1)
    }

    @Test("pages: 8 bytes a counter, rounded up to 64 KiB pages", arguments: [(1, 1), (8192, 1), (8193, 2)])
    func pages(counters: Int, pages: Int) {
        #expect(InstrumentedModule.counterPages(counters) == pages)
    }

    @Test("counters read little-endian from the memory's bytes; missing bytes read as zero")
    func decode() throws {
        let module = try ModuleInstrumenter.instrument(wat2wasm(HandCountedTests.sum))
        let bytes: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01, 0, 0, 0, 0, 0, 0x80, 7]
        #expect(module.counters(fromMemory: bytes) == [1, 0x8000_0000_0000_0100, 0, 0, 0])
    }
}

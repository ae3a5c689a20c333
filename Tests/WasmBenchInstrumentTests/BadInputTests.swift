import Testing
import WAT
import WasmBenchInstrument

/// Modules the instrumenter must refuse with an error that names the place, never a crash.
@Suite("The instrumenter refuses bad modules clearly")
struct BadInputTests {
    /// A module of one `() -> ()` function whose body (after its locals) is `body`.
    static func module(body: [UInt8]) -> [UInt8] {
        let code = [0x00] + body
        return [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
            + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00]  // type section: () -> ()
            + [0x03, 0x02, 0x01, 0x00]  // function section: one function of type 0
            + [0x0A, UInt8(code.count + 2), 0x01, UInt8(code.count)] + code
    }

    /// The module offset of the body's first instruction in ``module(body:)``.
    static let firstInstruction = 23

    @Test("not WebAssembly: malformed, with an offset")
    func notWasm() {
        #expect {
            try ModuleInstrumenter.instrument(Array("hello, world".utf8))
        } throws: { error in
            let error = try #require(error as? InstrumentError)
            return error.kind == .malformed && error.description.contains("untouched")
        }
    }

    @Test(
        "a body that cannot be decoded or does not nest names function 0 and the offset",
        arguments: [
            ([0xFF, 0x0B], 0),  // no such opcode
            ([0x06, 0x40, 0x0B, 0x0B], 0),  // legacy `try`: not decoded by WasmKit 0.4.2
            ([0x0B, 0x01, 0x0B], 1),  // an instruction after the final `end`
            ([0x02, 0x40, 0x0B], 3),  // a `block` never closed
            ([0x05, 0x0B], 0),  // `else` outside an `if`
            // A memory that does not exist (the counters' memory would take its index): plain and
            // multi-memory memargs, `memory.size`, an atomic's memarg.
            ([0x00, 0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B], 3),
            ([0x00, 0x41, 0x00, 0x28, 0x42, 0x00, 0x00, 0x1A, 0x0B], 3),
            ([0x00, 0x3F, 0x00, 0x1A, 0x0B], 1),
            ([0x00, 0x41, 0x00, 0xFE, 0x10, 0x02, 0x00, 0x1A, 0x0B], 3),
        ] as [([UInt8], Int)])
    func badBody(body: [UInt8], at position: Int) {
        #expect {
            try ModuleInstrumenter.instrument(Self.module(body: body))
        } throws: { error in
            let error = try #require(error as? InstrumentError)
            return error.kind == .invalidBody && error.function == 0
                && error.offset == Self.firstInstruction + position && error.description.contains("function 0")
        }
    }

    @Test("a module that already exports a counter's name")
    func reservedName() throws {
        let bytes = try wat2wasm(#"(module (global (export "__wasmbench_block_0") i32 (i32.const 0)))"#)
        #expect(throws: InstrumentError(.reservedName, reason: "the module already exports `__wasmbench_block_0`")) {
            try ModuleInstrumenter.instrument(bytes)
        }
    }

    @Test(
        "an export or data segment of a memory the module lacks (the counters' memory would take its index)",
        arguments: [
            try wat2wasm(#"(module (memory 1) (func) (export "m" (memory 1)))"#),
            // (module (memory 1) (func) (data (memory 1) (i32.const 0) "x")), which WAT refuses to write.
            [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00]
                + [0x03, 0x02, 0x01, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B]
                + [0x0B, 0x08, 0x01, 0x02, 0x01, 0x41, 0x00, 0x0B, 0x01, 0x78],
        ])
    func missingMemory(bytes: [UInt8]) throws {
        #expect {
            try ModuleInstrumenter.instrument(bytes)
        } throws: { error in
            let error = try #require(error as? InstrumentError)
            return error.kind == .invalidBody && error.reason.contains("memory 1")
        }
    }

    @Test("a module that exports the counters' memory name")
    func reservedCounterName() throws {
        let bytes = try wat2wasm(#"(module (memory (export "__wasmbench_counters") 1) (func))"#)
        #expect(throws: InstrumentError.self) { try ModuleInstrumenter.instrument(bytes) }
    }

    @Test("a module without functions is left as it is")
    func noFunctions() throws {
        let bytes = try wat2wasm("(module (memory 1))")
        let instrumented = try ModuleInstrumenter.instrument(bytes)
        #expect(instrumented.bytes == bytes)
        #expect(instrumented.counters == 0)
    }
}

/// The opcode table: a sample of names, categories and spellings checked against the specification.
@Suite("Opcode names and categories")
struct OpcodeTests {
    @Test(
        "names from the specification's index",
        arguments: [
            (Opcode(0x20), "local.get", "0x20"), (Opcode(0x11), "call_indirect", "0x11"),
            (Opcode(0xC4), "i64.extend32_s", "0xC4"), (Opcode(0x44), "f64.const", "0x44"),
            (Opcode(0xD6), "br_on_non_null", "0xD6"), (Opcode(prefix: 0xFC, 11), "memory.fill", "0xFC 0x0B"),
            (Opcode(prefix: 0xFD, 12), "v128.const", "0xFD 0x0C"), (Opcode(prefix: 0xFD, 77), "v128.not", "0xFD 0x4D"),
            (Opcode(prefix: 0xFD, 148), "f64x2.nearest", "0xFD 0x94"),
            (Opcode(prefix: 0xFD, 186), "i32x4.dot_i16x8_s", "0xFD 0xBA"),
            (Opcode(prefix: 0xFD, 255), "f64x2.convert_low_i32x4_u", "0xFD 0xFF"),
            (Opcode(prefix: 0xFD, 275), "i32x4.relaxed_dot_i8x16_i7x16_add_s", "0xFD 0x0113"),
            (Opcode(prefix: 0xFE, 0x4E), "i64.atomic.rmw32.cmpxchg_u", "0xFE 0x4E"),
            (Opcode(prefix: 0xFB, 30), "i31.get_u", "0xFB 0x1E"), (Opcode(0x17), "unknown", "0x17"),
        ] as [(Opcode, String, String)])
    func names(opcode: Opcode, name: String, spelling: String) {
        #expect(opcode.name == name)
        #expect(opcode.description == spelling)
    }

    @Test("categories")
    func categories() {
        #expect(Opcode(0x0C).category == .control)
        #expect(Opcode(0x10).category == .calls)
        #expect(Opcode(0x23).category == .variables)
        #expect(Opcode(0x36).category == .memory)
        #expect(Opcode(0x6A).category == .integer)
        #expect(Opcode(0xA0).category == .float)
        #expect(Opcode(0xB7).category == .conversion)
        #expect(Opcode(prefix: 0xFC, 3).category == .conversion)
        #expect(Opcode(prefix: 0xFC, 10).category == .memory)
        #expect(Opcode(prefix: 0xFD, 0).category == .simd)
        #expect(Opcode(0x1A).category == .other)
    }
}

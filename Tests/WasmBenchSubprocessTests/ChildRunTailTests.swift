import Testing

@testable import WasmBenchSubprocess

@Suite("A failed child's message keeps what went wrong")
struct ChildRunTailTests {
    @Test("wasmtime's wasm backtrace frames and Rust backtrace are left out; the trap's reason stays")
    func trapReason() {
        let stderr = """
            Error: failed to run main module `micropython-wasi.wasm`

            Caused by:
                0: failed to invoke command default
                1: error while executing at wasm backtrace:
                       0: 0x37aca - <unknown>!<wasm function 1264>
                       1: 0x363aa - <unknown>!<wasm function 1263>
                      19: 0x154f5 - <unknown>!<wasm function 491>
                2: memory fault at wasm address 0xb7b01cb8 in linear memory of size 0x4030000
                3: wasm trap: out of bounds memory access

            Stack backtrace:
               0: wasmtime_internal_core::error::backtrace::capture
            """
        let tail = ChildRun.tail(stderr)
        #expect(tail.contains("3: wasm trap: out of bounds memory access"))
        #expect(tail.contains("2: memory fault at wasm address"))
        #expect(!tail.contains("wasm function"))
        #expect(!tail.contains("capture"))
    }

    @Test("numbered lines that are not frames stay")
    func frames() {
        #expect(ChildRun.isBacktraceFrame("19: 0x154f5 - <unknown>!<wasm function 491>"))
        #expect(!ChildRun.isBacktraceFrame("0: failed to invoke command default"))
        #expect(!ChildRun.isBacktraceFrame("0x12: not a frame"))
    }

    @Test("only the last six lines are kept, joined on one line")
    func lastLines() {
        let stderr = (1...9).map { "line \($0)" }.joined(separator: "\n")
        #expect(ChildRun.tail(stderr) == ": line 4 | line 5 | line 6 | line 7 | line 8 | line 9")
    }

    @Test("a very long message is cut at 600 characters and says so")
    func longMessage() {
        let tail = ChildRun.tail(String(repeating: "x", count: 5000))
        #expect(tail == ": " + String(repeating: "x", count: 600) + "…")
    }

    @Test("nothing but blank lines and frames gives no suffix at all")
    func empty() {
        #expect(ChildRun.tail("") == "")
        #expect(ChildRun.tail("\n   \n  3: 0x10 - <unknown>!<wasm function 2>\n") == "")
    }
}

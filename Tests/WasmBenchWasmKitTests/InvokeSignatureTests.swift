import Testing
import WasmBenchWasmKit

/// `--invoke` arguments checked against the export's signature, read with WasmKit's parser, and
/// spelled one way for every runtime (issue 13, item 7).
@Suite("Invoke signatures: the export's type read from the module, arguments checked and spelled alike")
struct InvokeSignatureTests {
    /// An imported function first, so the exports' indices are shifted by one; two types in one
    /// recursive group count as two type indices.
    static let module = """
        (module
          (type $unused (func (param f32)))
          (import "env" "log" (func $log (param i32)))
          (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
          (func (export "mix") (param i64 f32 f64))
          (func (export "none"))
          (func (export "vector") (param v128))
          (memory (export "memory") 1))
        """

    func signature(_ name: String) throws -> InvokeSignature {
        let bytes = try WATConverter.wasm(fromWAT: Self.module)
        return try #require(try InvokeSignature.read(name, module: bytes))
    }

    func mismatch(_ name: String, _ arguments: [String]) throws -> String {
        let signature = try signature(name)
        let error = try #require(throws: InvokeSignature.Mismatch.self) { try signature.canonical(arguments) }
        return error.description
    }

    @Test("the export's own type is found past the imported function and the unused type")
    func reads() throws {
        #expect(try signature("add").spelled == "add(i32, i32) -> i32")
        #expect(try signature("mix").spelled == "mix(i64, f32, f64)")
        #expect(try signature("none").spelled == "none()")
    }

    @Test(
        "integers: decimal or 0x, signed or unsigned, given to every runtime as signed decimals",
        arguments: [
            ("4294967295", "-1"), ("-2147483648", "-2147483648"), ("2147483648", "-2147483648"), ("0x10", "16"),
            ("-0x10", "-16"), ("+7", "7"), ("0", "0"),
        ])
    func integers(text: String, expected: String) throws {
        #expect(try signature("add").canonical([text, "1"]) == [expected, "1"])
    }

    @Test("floats: shortest decimals; inf, -inf and nan spelled one way; an f32 rounded once, to f32")
    func floats() throws {
        let mix = try signature("mix")
        #expect(try mix.canonical(["5", "0.1", "1e-300"]) == ["5", "0.10000000149011612", "1e-300"])
        #expect(try mix.canonical(["18446744073709551615", "INF", "-Infinity"]) == ["-1", "inf", "-inf"])
        #expect(
            try mix.canonical(["-9223372036854775808", "NaN", "0x1p-3"]) == ["-9223372036854775808", "nan", "0.125"])
        #expect(try mix.canonical(["1", "-0", "1e400"]) == ["1", "-0.0", "inf"])
    }

    @Test(
        "a value that is not of its parameter's type names the export, its signature and the argument",
        arguments: [
            ["1", "abc"], ["1", "4294967296"], ["1", "-2147483649"], ["1", ""], ["1", " 2"], ["1", "1.5"],
            ["1", "0x"], ["1", "--1"],
        ])
    func badInteger(arguments: [String]) throws {
        let message = try mismatch("add", arguments)
        #expect(message.contains("--invoke add(i32, i32) -> i32: argument 2, \"\(arguments[1])\", is not an i32"))
    }

    @Test(
        "float parameters refuse words other runtimes read otherwise (abc, nan payloads, snan)",
        arguments: [
            "abc", "nan(1)", "snan", "--1", "", "1,5", "infinite",
        ])
    func badFloat(text: String) throws {
        let message = try mismatch("mix", ["1", "1", text])
        #expect(message.contains("argument 3, \"\(text)\", is not an f64"))
        #expect(message.contains("inf, -inf or nan"))
    }

    @Test("a wrong count says how many the export takes; a v128 cannot be given as text")
    func countAndUnsupported() throws {
        let message = try mismatch("add", ["1"])
        #expect(message.contains("add(i32, i32) -> i32 takes 2 argument(s) but was given 1"))
        #expect(try mismatch("vector", ["1"]).contains("a v128 parameter cannot be given as text"))
    }

    @Test("a missing export (or one that is no function) lists the function exports")
    func missingExport() throws {
        let bytes = try WATConverter.wasm(fromWAT: Self.module)
        for name in ["sub", "memory"] {
            let error = try #require(throws: InvokeSignature.Mismatch.self) {
                try InvokeSignature.read(name, module: bytes)
            }
            #expect(error.description.contains("exports no function of that name"))
            #expect(error.description.contains("add, mix, none, vector"))
        }
    }

    @Test("a module whose sections do not parse is left to the runtimes")
    func unparsable() throws {
        #expect(try InvokeSignature.read("add", module: [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0xff]) == nil)
    }
}

import Foundation
import Testing

@testable import WasmBenchExplain

@Suite("Profile parsers: callgrind output and wasmtime guest profiles")
struct ProfileParserTests {
    func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    @Test("callgrind: own costs per function; call costs go to the callee; recursion levels and compressed names join")
    func callgrind() throws {
        // Expected by hand from the fixture: main 10 + 5 (the 900 after calls= is work's
        // inclusive cost); work 300 at level 1 + 580 at level 2 ("work'2"); memcpy 20 (defined
        // through cfn=, referred to by fn=(4)); _start 65.
        let profile = try #require(
            CallgrindProfile(parsing: String(decoding: try fixture("callgrind.out"), as: UTF8.self)))
        #expect(profile.totalInstructions == 1000)
        #expect(profile.selfInstructions == ["main": 15, "work": 880, "memcpy": 20, "_start": 65])
        #expect(profile.selfInstructions.values.reduce(0, +) == 980)
    }

    @Test("callgrind: no totals line falls back to summary, then to the sum; text without costs is nil")
    func callgrindTotals() throws {
        let summaryOnly = try #require(CallgrindProfile(parsing: "summary: 77\nfn=(1) f\n0 7\n"))
        #expect(summaryOnly.totalInstructions == 77)
        let neither = try #require(CallgrindProfile(parsing: "fn=(1) f\n0 7\n3 5\n"))
        #expect(neither.totalInstructions == 12)
        #expect(CallgrindProfile(parsing: "# callgrind format\nversion: 1\n") == nil)
        #expect(CallgrindProfile(parsing: "") == nil)
    }

    @Test("callgrind: the header says which column is Ir and how many positions come first")
    func columns() throws {
        // Expected by hand: with `positions: instr line` and `events: Dr Ir`, the Ir column is
        // the fourth; the call cost after calls= is the callee's; a missing Ir column is 0.
        let text = """
            positions: instr line
            events: Dr Ir
            fn=(1) f
            0x10 3 7 100
            cfn=(2) g
            calls=1 0x20 4
            0x11 3 1 50
            0x12 4 2
            fn=(2)
            0x20 4 9 40
            """
        let profile = try #require(CallgrindProfile(parsing: text))
        #expect(profile.selfInstructions == ["f": 100, "g": 40])
        #expect(profile.totalInstructions == 140)
    }

    @Test("callgrind: recursion suffixes go, other quotes stay")
    func recursionNames() {
        #expect(CallgrindProfile.function("fib'2") == "fib")
        #expect(CallgrindProfile.function("fib'12") == "fib")
        #expect(CallgrindProfile.function("operator'") == "operator'")
        #expect(CallgrindProfile.function("a'b") == "a'b")
    }

    @Test("guest profile: each sample counts for its leaf function, with weights when present")
    func guestProfile() throws {
        // Stacks: 0 = [run], 1 = [run > fib], 2 = [run > fib > hostcall]. Samples: 1, 1, 2, 0, 1.
        let json = """
            {"meta": {}, "threads": [{
              "samples": {"stack": [1, 1, 2, 0, 1], "weight": null, "length": 5},
              "stackTable": {"frame": [0, 1, 2], "prefix": [null, 0, 1], "length": 3},
              "frameTable": {"func": [0, 1, 2], "length": 3},
              "funcTable": {"name": [0, 1, 2], "length": 3},
              "stringArray": ["run", "fib", "hostcall"]
            }]}
            """
        let profile = try GuestProfile(parsing: Data(json.utf8))
        #expect(profile.totalSamples == 5)
        #expect(profile.selfSamples == ["fib": 3, "hostcall": 1, "run": 1])
        let weighted = json.replacingOccurrences(of: "\"weight\": null", with: "\"weight\": [2, 2, 1, 1, 1]")
        #expect(try GuestProfile(parsing: Data(weighted.utf8)).selfSamples == ["fib": 5, "hostcall": 1, "run": 1])
    }

    @Test("guest profile: not JSON or without the tables is an error that names the format")
    func guestProfileErrors() {
        #expect(throws: GuestProfile.FormatError.self) { try GuestProfile(parsing: Data("nope".utf8)) }
        let error = #expect(throws: GuestProfile.FormatError.self) {
            try GuestProfile(parsing: Data(#"{"threads": [{"samples": {}}]}"#.utf8))
        }
        #expect(error?.description.contains("--profile=guest") == true)
    }
}

import Foundation
import Testing
import WasmBenchModel

@testable import WasmBenchExplain

@Suite("Folded stacks: reconstructed from callgrind's call graph, read from wasmtime's guest profile")
struct FoldedStackTests {
    /// The text of a fixture: `two-callers.callgrind` is a call graph where `log` is called from
    /// two places and calls `write`. Own costs: main 10, work 40, log 25, write 25 (100 in all).
    /// Calls: main→work 60, main→log 30, work→log 20, log→write 25.
    static func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: try fixture(name)), as: UTF8.self)
    }

    @Test("callgrind: call edges summed per caller and callee, compressed names resolved")
    func edges() throws {
        let profile = try #require(CallgrindProfile(parsing: try Self.text("two-callers.callgrind")))
        #expect(profile.calls == ["main": ["work": 60, "log": 30], "work": ["log": 20], "log": ["write": 25]])
    }

    @Test("callgrind: each path's cost is split over own cost and calls in proportion (gprof)")
    func proportional() throws {
        // By hand: main keeps 10 of its 100 and passes 60 to work and 30 to log. work keeps
        // 40/60 of its 60 (40) and passes 20 to log. log's whole-run split is 25 own : 25 write,
        // so main;log's 30 is 15 + 15 and main;work;log's 20 is 10 + 10.
        let profile = try #require(CallgrindProfile(parsing: try Self.text("two-callers.callgrind")))
        let stacks = profile.foldedStacks(minShare: 0)
        #expect(
            stacks.text
                == "main 10\nmain;log 15\nmain;log;write 15\nmain;work 40\nmain;work;log 10\nmain;work;log;write 10\n")
        #expect(stacks.total == 100)
    }

    @Test("callgrind: recursion is not expanded again; small calls stay with their caller; every root is drawn")
    func recursionAndThreshold() throws {
        // The fixture by hand: roots main (15 own + 900 to work) and _start (65). work's edge to
        // itself (work'2 joined) is left out, so its 900 splits 880 own : 20 memcpy.
        let profile = try #require(CallgrindProfile(parsing: try Self.text("callgrind.out")))
        #expect(profile.calls["work"] == ["work": 600, "memcpy": 20])
        #expect(profile.foldedStacks(minShare: 0).text == "_start 65\nmain 15\nmain;work 880\nmain;work;memcpy 20\n")
        // memcpy's 20 is under 5% of 1000: it stays in work.
        #expect(profile.foldedStacks(minShare: 0.05).text == "_start 65\nmain 15\nmain;work 900\n")
    }

    @Test("callgrind: two functions that call each other are one node; the edges between them are not used")
    func mutualRecursion() throws {
        // glibc's shape: start calls below (96); below calls libc (90) and main (88); libc calls
        // below again (88), and that inner below is the one that calls main. Own: start 4,
        // below 6, libc 2, main 88 (`mutual-recursion.callgrind`). By hand: below and libc are one
        // cycle, drawn as below; its 96 splits over below's own 6, libc's own 2 and the call out to main (88).
        let profile = try #require(CallgrindProfile(parsing: try Self.text("mutual-recursion.callgrind")))
        #expect(
            profile.foldedStacks(minShare: 0).text
                == "start 4\nstart;below 6\nstart;below;libc 2\nstart;below;main 88\n")
    }

    @Test("callgrind: a cycle through several functions is one node, drawn under its heaviest member (gprof)")
    func cycleThroughThreeFunctions() {
        // CPython's shape: eval → vectorcall → vector → eval. The edges inside the cycle count the
        // recursion again (eval→vectorcall 500 of a 190 total), so they are not used: the cycle's
        // own cost is 120 + 10 + 20 and its one call out is eval→add 40, so main's 190 to it
        // splits 120 : 10 : 20 : 40 exactly, with vector and vectorcall drawn above eval.
        let profile = CallgrindProfile(
            totalInstructions: 200,
            selfInstructions: ["main": 10, "eval": 120, "vectorcall": 10, "vector": 20, "add": 40],
            calls: [
                "main": ["eval": 190], "eval": ["vectorcall": 500, "add": 40], "vectorcall": ["vector": 480],
                "vector": ["eval": 450],
            ])
        #expect(
            profile.foldedStacks(minShare: 0).text
                == "main 10\nmain;eval 120\nmain;eval;add 40\nmain;eval;vector 20\nmain;eval;vectorcall 10\n")
        // A graph that is nothing but a cycle still has a root: the cycle itself.
        let ring = CallgrindProfile(
            totalInstructions: 30, selfInstructions: ["a": 20, "b": 10], calls: ["a": ["b": 90], "b": ["a": 80]])
        #expect(ring.foldedStacks(minShare: 0).text == "a 20\na;b 10\n")
    }

    @Test("guest profile: each sample's whole stack from the prefix chain, weighted")
    func guestStacks() throws {
        // Stacks: 0 = [run], 1 = [run > fib], 2 = [run > fib > hostcall]. Samples: 1, 1, 2, 0, 1.
        let json = """
            {"meta": {}, "threads": [{
              "samples": {"stack": [1, 1, 2, 0, 1], "weight": [2, 2, 1, 1, 1], "length": 5},
              "stackTable": {"frame": [0, 1, 2], "prefix": [null, 0, 1], "length": 3},
              "frameTable": {"func": [0, 1, 2], "length": 3},
              "funcTable": {"name": [0, 1, 2], "length": 3},
              "stringArray": ["run", "fib", "hostcall"]
            }]}
            """
        let profile = try GuestProfile(parsing: Data(json.utf8))
        #expect(profile.stacks.text == "run 1\nrun;fib 5\nrun;fib;hostcall 1\n")
    }

    @Test("guest profile: a prefix chain that loops ends; a name's separator and line break cannot add frames")
    func hostileGuestStacks() throws {
        let json = """
            {"meta": {}, "threads": [{
              "samples": {"stack": [1], "length": 1},
              "stackTable": {"frame": [0, 1], "prefix": [1, 0], "length": 2},
              "frameTable": {"func": [0, 1], "length": 2},
              "funcTable": {"name": [0, 1], "length": 2},
              "stringArray": ["a;b", "c\\nd 7"]
            }]}
            """
        let profile = try GuestProfile(parsing: Data(json.utf8))
        let stack = try #require(profile.stacks.stacks.first)
        #expect(stack.frames.count <= 3)
        #expect(stack.frames.last == "c\nd 7")
        #expect(profile.stacks.text.split(separator: "\n").count == 1)
        #expect(profile.stacks.text.hasSuffix("c d 7 1\n"))
        #expect(!profile.stacks.text.contains("a;b"))
    }

    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }
}

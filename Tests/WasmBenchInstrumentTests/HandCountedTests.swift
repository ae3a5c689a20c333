import Testing
import WasmBenchInstrument
import WasmKit

/// Small modules whose dynamic opcode counts were worked out by hand (the comments show the
/// basic blocks): the instrumented module must give exactly those counts and the same results.
@Suite("Hand-counted modules give exact opcode counts")
struct HandCountedTests {
    // Blocks: [block loop] [local.get i32.eqz br_if] [local.get local.get i32.add local.set local.get
    // i32.const i32.sub local.set br] [end (never runs: after br)] [end (block; left by br_if)]
    // [local.get end]
    static let sum = """
        (module
          (func (export "sum") (param $n i32) (result i32) (local $acc i32)
            (block $done
              (loop $again
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $acc (i32.add (local.get $acc) (local.get $n)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $again)))
            (local.get $acc)))
        """

    @Test("a loop of n rounds: its blocks run once, n + 1 and n times")
    func loop() throws {
        let module = try CountedModule(Self.sum)
        #expect(try module.call("sum", [.i32(3)]).get() == [.i32(6)])
        // Entry 1×, the test 4×, the body 3×, the exit 1×.
        let expected: [String: UInt64] = [
            "block": 1, "loop": 1, "local.get": 4 + 3 * 3 + 1, "i32.eqz": 4, "br_if": 4, "i32.add": 3,
            "local.set": 6, "i32.const": 3, "i32.sub": 3, "br": 3, "end": 1,
        ]
        #expect(module.byName == expected)
        #expect(module.total == 2 + 3 * 4 + 9 * 3 + 2)
        // The block after `br` has no counter; five blocks are counted.
        #expect(module.instrumented.blocks.count == 6)
        #expect(module.instrumented.counters == 5)
    }

    static let classify = """
        (module
          (func (export "classify") (param i32) (result i32)
            (block $c (block $b (block $a
              (br_table $a $b $c (local.get 0)))
              (return (i32.const 10)))
            (return (i32.const 20)))
            (i32.const 30)))
        """

    @Test("br_table: each target's block and only it", arguments: [(0, 10), (1, 20), (2, 30), (9, 30)])
    func brTable(index: UInt32, result: UInt32) throws {
        let module = try CountedModule(Self.classify)
        #expect(try module.call("classify", [.i32(index)]).get() == [.i32(result)])
        // [block block block local.get br_table] then [i32.const return] or [i32.const end].
        let last = result == 30 ? "end" : "return"
        #expect(module.byName == ["block": 3, "local.get": 1, "br_table": 1, "i32.const": 1, last: 1])
    }

    static let calls = """
        (module
          (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
          (func (export "f") (result i32) (i32.add (call $square (i32.const 3)) (call $square (i32.const 4)))))
        """

    @Test("calls: each callee's instructions count in the callee, the caller's in the caller")
    func calls() throws {
        let module = try CountedModule(Self.calls, names: true)
        #expect(try module.call("f", []).get() == [.i32(25)])
        let tally = module.instrumented.tally(counters: module.counters)
        #expect(tally.functions == [0: 8, 1: 6])
        #expect(module.byName == ["local.get": 4, "i32.mul": 2, "end": 3, "i32.const": 2, "call": 2, "i32.add": 1])
        #expect(module.instrumented.hasNameSection)
        #expect(module.instrumented.functionNames[0] == "square")
    }

    static let absolute = """
        (module
          (func (export "abs") (param i32) (result i32)
            (if (result i32) (i32.lt_s (local.get 0) (i32.const 0))
              (then (i32.sub (i32.const 0) (local.get 0)))
              (else (local.get 0)))))
        """

    @Test("if/else: the arm taken, and `else` only when the then-arm falls into it")
    func ifElse() throws {
        let module = try CountedModule(Self.absolute)
        #expect(try module.call("abs", [.i32(UInt32(bitPattern: -5))]).get() == [.i32(5)])
        #expect(module.total == 4 + 4 + 1)
        #expect(module.byName["else"] == 1)
        _ = try module.call("abs", [.i32(5)])
        #expect(module.total == 9 + 4 + 2 + 1)
        #expect(module.byName["end"] == 3)
    }

    static let trap = """
        (module
          (func (export "divide") (param i32) (result i32)
            (drop (i32.const 1))
            (i32.add (i32.div_u (i32.const 1) (local.get 0)) (i32.const 2))))
        """

    @Test("a trap mid-block: the engine's trap is kept and the block counts as completed")
    func trapMidBlock() throws {
        let module = try CountedModule(Self.trap)
        #expect(throws: (any Error).self) { try module.call("divide", [.i32(0)]).get() }
        // i32.const drop i32.const local.get i32.div_u i32.const i32.add end: 8, though the last 3 never ran.
        #expect(module.total == 8)
        #expect(module.byName["i32.add"] == 1)
    }

    static let imported = """
        (module
          (import "env" "tick" (func $tick))
          (global $g (mut i32) (i32.const 0))
          (func (export "bump") (global.set $g (i32.add (global.get $g) (i32.const 1))) (call $tick))
          (export "g" (global $g)))
        """

    @Test("an imported function, a global and exports of its own: indices and exports stay as they were")
    func importsAndGlobals() throws {
        let module = try CountedModule(Self.imported) { store in
            var imports = Imports()
            imports.define(module: "env", name: "tick", Function(store: store, parameters: []) { _, _ in [] })
            return imports
        }
        _ = try module.call("bump", [])
        _ = try module.call("bump", [])
        #expect(module.instance.exports[global: "g"]?.value == .i32(2))
        // The defined function is index 1 (the import is 0); one block of 6, run twice.
        #expect(module.instrumented.tally(counters: module.counters).functions == [1: 12])
        #expect(module.instrumented.importedFunctions == 1)
        #expect(module.instance.exports[memory: ModuleInstrumenter.counterMemoryExport] != nil)
    }
}

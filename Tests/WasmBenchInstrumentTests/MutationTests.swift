import Testing
import WAT
import WasmBenchInstrument
import WasmKit

/// Damaged modules: every truncation and a seeded set of byte changes of the hand-counted
/// modules. The instrumenter must refuse each with an ``InstrumentError`` or give a module that
/// WasmKit (translating every body eagerly) accepts exactly when it accepts the damaged
/// original; it must never crash. (A short, deterministic stand-in for the fuzzer of issue 10.)
@Suite("Damaged modules: refused or instrumented, never a crash")
struct MutationTests {
    /// Whether WasmKit parses and instantiates `bytes`, translating every body (with multi-memory,
    /// which an instrumented module with a memory of its own needs).
    static func accepted(_ bytes: [UInt8]) -> Bool {
        let engine = Engine(configuration: EngineConfiguration(compilationMode: .eager))
        return
            (try? parseWasm(bytes: bytes, features: CountedModule.features).instantiate(store: Store(engine: engine)))
            != nil
    }

    /// A small linear congruential generator (Knuth's MMIX constants), so the damage repeats.
    struct Damage {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(
        "truncations and byte changes",
        arguments: [
            HandCountedTests.sum, HandCountedTests.classify, HandCountedTests.calls, HandCountedTests.absolute,
            HandCountedTests.trap,
        ])
    func damaged(wat: String) throws {
        let original = try wat2wasm(wat, options: EncodeOptions(nameSection: true))
        var variants = (0..<original.count).map { Array(original[..<$0]) }
        var damage = Damage(state: UInt64(original.count))
        for _ in 0..<300 {
            var bytes = original
            let position = 8 + damage.next(below: original.count - 8)
            bytes[position] = UInt8(damage.next(below: 256))
            variants.append(bytes)
        }
        var (refused, instrumented) = (0, 0)
        for bytes in variants {
            do {
                let module = try ModuleInstrumenter.instrument(bytes)
                instrumented += 1
                #expect(
                    Self.accepted(module.bytes) == Self.accepted(bytes),
                    "WasmKit judges the instrumented module otherwise than the damaged original: \(bytes)")
            } catch {
                refused += 1
                #expect(error.offset != nil || error.kind == .reservedName || error.reason.contains("declares"))
            }
        }
        #expect(refused > 0 && instrumented > 0)
    }
}

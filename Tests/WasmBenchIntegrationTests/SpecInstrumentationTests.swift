import Foundation
import Testing
import WasmBenchInstrument
import WasmKit

/// The spec test suite run through WasmKit twice, each module as it is and instrumented by
/// ``ModuleInstrumenter``: every command must give the same outcome on both sides (the same
/// values bit for bit, the same trap, the same link or instantiation failure), and every
/// malformed or invalid module must be refused by the instrumenter or, instrumented, by WasmKit
/// exactly when WasmKit refuses the original. Nothing may crash.
@Suite("Spec test suite: the same results before and after instrumentation", .serialized)
struct SpecInstrumentationTests {
    /// What one script's comparison found.
    struct Findings {
        var compared = 0
        var skipped = 0
        var matchingExpected = 0
        var mismatches: [String] = []
    }

    @Test("every assert_return, assert_trap and action of every script gives the same outcome instrumented")
    func sameOutcomes() throws {
        let scripts = try SpecScripts.all.get()
        #expect(scripts.count > 100)
        var total = Findings()
        for script in scripts {
            let findings = try compare(script)
            total.compared += findings.compared
            total.skipped += findings.skipped
            total.matchingExpected += findings.matchingExpected
            total.mismatches += findings.mismatches.map { "\(script.name): \($0)" }
        }
        print(
            "spec suite instrumented: \(total.compared) commands compared, \(total.skipped) skipped, "
                + "\(total.matchingExpected) assert_return results equal to the suite's expected values")
        #expect(total.compared > 20000)
        #expect(total.mismatches.isEmpty, "\(total.mismatches.count) mismatches: \(total.mismatches.prefix(20))")
    }

    /// Runs one script on both sides.
    func compare(_ script: SpecScripts.Script) throws -> Findings {
        let (plain, counted) = (try SpecWorld(instrumented: false), try SpecWorld(instrumented: true))
        var findings = Findings()
        func bytes(_ command: SpecScripts.Command) -> [UInt8]? {
            guard let file = command.filename, command.moduleType != "text" else { return nil }
            return FileManager.default.contents(atPath: script.folder.appendingPathComponent(file).path).map(Array.init)
        }
        func record(_ command: SpecScripts.Command, _ before: SpecOutcome, _ after: SpecOutcome, exact: Bool) {
            if case .skipped = before {
                findings.skipped += 1
                return
            }
            findings.compared += 1
            let same: Bool
            switch (before, after) {
            case (.failed, .failed): same = exact ? before == after : true
            default: same = before == after
            }
            if !same { findings.mismatches.append("line \(command.line) \(command.type): \(before) / \(after)") }
        }
        for command in script.commands {
            switch command.type {
            case "module":
                guard let module = bytes(command) else { continue }
                record(
                    command, plain.load(module, name: command.name), counted.load(module, name: command.name),
                    exact: false)
            case "register":
                plain.register(command.name, as: command.as ?? "")
                counted.register(command.name, as: command.as ?? "")
            case "assert_return", "assert_trap", "assert_exhaustion", "action":
                guard let action = command.action else { continue }
                let before = plain.perform(action)
                record(command, before, counted.perform(action), exact: true)
                if command.type == "assert_return", case .values(let values) = before,
                    values == (command.expected ?? []).compactMap({ SpecWorld.value($0) }).map(SpecWorld.describe)
                {
                    findings.matchingExpected += 1
                }
            case "assert_malformed", "assert_invalid", "assert_unlinkable", "assert_uninstantiable":
                guard let module = bytes(command) else { continue }
                record(
                    command, plain.load(module, name: nil, keep: false), counted.load(module, name: nil, keep: false),
                    exact: false)
            default:
                continue
            }
        }
        return findings
    }
}

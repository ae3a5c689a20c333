import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchProcess

/// The official spec test suite's malformed and invalid modules, given to `wasmbench run`: each
/// must give a clear, recorded error and never crash wasmbench or hang.
///
/// All of them run on the in-process runtimes (wasmkit, wasmtime-capi); a sample on each
/// subprocess runtime. The `.wast` scripts are turned into modules with wabt's `wast2json`.
@Suite("Spec test suite: malformed and invalid modules give clear errors", .serialized)
struct SpecSuiteTests {
    struct Module {
        let path: String
        let text: Bool
        /// What the assertion says is wrong with it (`zero byte expected`, `type mismatch`, …).
        let expectation: String
    }

    /// Modules a runtime may accept because a finished proposal it enables by default changed
    /// the rule the checked-out suite tests; each is the assertion's text and the runtimes, with
    /// why. The wasmtime CLI enables multi-memory, under which the byte after `memory.grow` and
    /// `memory.size` is a LEB128 memory index, so `0x80 0x80 0x80 0x80 0x00` is index 0, not a
    /// malformed reserved byte (`wasmtime run -W multi-memory=n` rejects the same module).
    static let acceptedByProposal: [(expectation: String, runtimes: Set<String>)] = [
        ("zero byte expected", ["wasmtime", "wasmtime-winch", "wasmtime-aot"])
    ]

    /// Every assert_malformed / assert_invalid module of the suite.
    static let modules: Result<[Module], SpecError> = SpecScripts.all.map { scripts in
        scripts.flatMap { script in
            script.commands.compactMap { command in
                guard command.type == "assert_malformed" || command.type == "assert_invalid",
                    let file = command.filename
                else { return nil }
                return Module(
                    path: script.folder.appendingPathComponent(file).path, text: command.moduleType == "text",
                    expectation: command.text ?? "")
            }
        }
    }

    struct SpecError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs one batch of modules and checks that each was clearly rejected by every runtime: a
    /// recorded `invalid-module` failure of that runtime with a message, or wasmbench's own refusal
    /// before any runtime (a bad header, a section cut short, WAT text that does not parse). A
    /// runtime that ran the module, trapped, crashed, or was unavailable fails the test: one
    /// runtime's rejection does not cover another's acceptance.
    func check(_ batch: [Module], runtimes: String, folder: TemporaryFolder) throws -> [FailureKind: Int] {
        let json = folder.path("batch.json")
        let run = try WasmbenchBinary.run(
            ["run"] + batch.map(\.path) + [
                "--runtime", runtimes, "--baseline", runtimes.split(separator: ",")[0].description,
                "--processes", "1", "--iterations", "1", "--warmups", "0", "--timeout", "60", "--no-install", "--quiet",
                "--json", json,
            ], timeout: 1200, in: folder)
        #expect(run.status == 1 || run.status == 3, "wasmbench exited with \(run.status): \(run.stderr.suffix(500))")
        #expect(!run.stderr.contains("Fatal error"))
        let data = try #require(FileManager.default.contents(atPath: json))
        let result = try JSONDecoder().decode(RunResult.self, from: data)
        for runtime in runtimes.split(separator: ",").map(String.init) {
            let info = result.runtimes.first { $0.id == runtime }
            #expect(
                info?.available == true, "\(runtime) is unavailable: \(info?.unavailableReason ?? "not in the run")")
        }
        var kinds: [FailureKind: Int] = [:]
        for module in batch {
            let name = (module.path as NSString).lastPathComponent
            let failures = result.failures.filter { $0.workload == name || $0.workload == module.path }
            if let refusal = failures.first(where: { $0.runtime == "wasmbench" }) {
                kinds[refusal.kind, default: 0] += 1
                #expect(refusal.kind == .invalidModule && refusal.message.count > 10, "\(name): \(refusal)")
                continue
            }
            for runtime in runtimes.split(separator: ",").map(String.init) {
                let failure = failures.first { $0.runtime == runtime }
                if let failure { kinds[failure.kind, default: 0] += 1 }
                let excused = Self.acceptedByProposal.contains {
                    $0.expectation == module.expectation && $0.runtimes.contains(runtime)
                }
                #expect(
                    failure != nil || excused,
                    "\(name) (\(module.text ? "text" : "binary"), \(module.expectation)) ran on \(runtime) without an error"
                )
                guard let failure else { continue }
                #expect(
                    failure.kind == .invalidModule, "\(name) on \(runtime): \(failure.kind) \(failure.message)")
                #expect(failure.message.count > 10, "\(name) on \(runtime): unclear message `\(failure.message)`")
            }
        }
        return kinds
    }

    @Test("every malformed and invalid module, on WasmKit and the wasmtime C API")
    func inProcess() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let modules = try SpecSuiteTests.modules.get()
        #expect(modules.count > 3000)
        var totals: [FailureKind: Int] = [:]
        for start in stride(from: 0, to: modules.count, by: 150) {
            let folder = TemporaryFolder()
            let batch = Array(modules[start..<min(start + 150, modules.count)])
            for (kind, count) in try check(batch, runtimes: "wasmkit,wasmtime-capi", folder: folder) {
                totals[kind, default: 0] += count
            }
        }
        print("spec suite on in-process runtimes: \(totals)")
    }

    @Test("a sample of binary modules on each subprocess runtime")
    func subprocessSample() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let binary = try SpecSuiteTests.modules.get().filter { !$0.text }
        let sample = stride(from: 0, to: binary.count, by: 60).map { binary[$0] }
        let folder = TemporaryFolder()
        let kinds = try check(sample, runtimes: "wasmtime,wasmtime-winch,wasmtime-aot,node", folder: folder)
        print("spec suite sample (\(sample.count) modules) on subprocess runtimes: \(kinds)")
    }
}

extension ToolLocator {
    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

enum ToolLocator {}

import Foundation
import TestSupport
import Testing
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchRunner

@Suite("reproduce: a cell's recorded commands run again, one after another")
struct ReproductionReplayTests {
    /// A saved run whose one cell ran an AOT compile, then the run that loads its artifact.
    let result: RunResult = {
        var result = SavedRun.skeleton()
        result.rows = [(Phase.compile, "wasmtime compile a.wasm"), (.execute, "wasmtime run a.cwasm")].map {
            Row(
                runtime: "wasmtime-aot", runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: $0.0, value: 1,
                process: 0, command: $0.1)
        }
        return result
    }()

    var reproduction: Reproduction {
        get throws { try Reproduction(result, cell: Cell(workload: "kernels/fib", runtime: "wasmtime-aot")) }
    }

    @Test("each command is said before it runs; a non-zero exit is said and counted, and the next one still runs")
    func replay() throws {
        var said: [String] = []
        var ran: [String] = []
        let failed = try reproduction.replay(
            dryRun: false,
            shell: { command in
                ran.append(command)
                return command.hasPrefix("wasmtime compile") ? 3 : 0
            },
            say: { said.append($0) })
        #expect(failed == 1)
        #expect(ran == ["wasmtime compile a.wasm", "wasmtime run a.cwasm"])
        #expect(
            said == [
                "$ wasmtime compile a.wasm\n", "wasmbench: the command exited with status 3\n",
                "$ wasmtime run a.cwasm\n",
            ])
    }

    @Test("a dry run says every command and runs none")
    func dryRun() throws {
        var said: [String] = []
        var ran = 0
        let failed = try reproduction.replay(
            dryRun: true,
            shell: { _ in
                ran += 1
                return 1
            },
            say: { said.append($0) })
        #expect(ran == 0)
        #expect(failed == 0 && said.count == 2)
    }

    @Test("a shell that cannot start stops the replay with its error")
    func shellFails() throws {
        struct CannotStart: Error {}
        let reproduction = try reproduction
        #expect(throws: CannotStart.self) {
            try reproduction.replay(dryRun: false, shell: { _ in throw CannotStart() }, say: { _ in })
        }
    }

    @Test("the run's folder: gone is said with what to do; there, or never named, is fine")
    func missingFolder() throws {
        let folder = TemporaryFolder()
        var result = result
        #expect(Reproduction.missingFolder(of: result) == nil)
        result.runFolder = folder.url.path
        #expect(Reproduction.missingFolder(of: result) == nil)
        result.runFolder = folder.path("gone")
        let message = try #require(Reproduction.missingFolder(of: result))
        #expect(message.contains(folder.path("gone")) && message.hasSuffix("run again with --keep-artifacts DIR"))
    }
}

import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// A child that writes past the request's output limit fails as `output-limit` on every adapter
/// that spawns (issue 13, item 5): the native build, a runtime's program, an embedded engine's
/// worker, whose stdout is the guest's.
@Suite("Output limits in outcomes: a guest that writes too much fails as output-limit, its output cut")
struct OutputLimitOutcomeTests {
    let setting = AdapterSetting()
    /// A stub body that prints a line forever (shell built-ins only: the stub has no PATH).
    static let forever = "while :; do printf '%s\\n' wasmbench-writes-forever-wasmbench-writes-forever; done"

    func request(_ program: GuestProgram, limit: Int) -> RunRequest {
        var request = setting.request(program)
        request.outputLimitBytes = limit
        return request
    }

    func expectOutputLimit(_ outcome: RunOutcome, limit: Int, file: String) throws {
        #expect(outcome.status.kind == .outputLimit)
        #expect(outcome.status.message.contains("output limit of \(limit) bytes"))
        #expect(outcome.status.message.contains("--output-limit"))
        let size = try FileManager.default.attributesOfItem(atPath: setting.scratch + "/" + file)[.size] as? Int
        #expect(size == limit)
    }

    @Test("the native build writing forever is killed at the limit, not at the time limit")
    func native() throws {
        _ = try StubProgram(in: setting.folder, name: "k-native", body: Self.forever)
        let runtime = NativeRuntime(launcher: ProcessLauncher(), compilerDescription: "clang")
        let outcome = runtime.run(request(setting.kernel(), limit: 65_536))
        try expectOutputLimit(outcome, limit: 65_536, file: "run.stdout")
        // The process samples stay (wall, cpu), so the failed process still shows what it cost.
        #expect(outcome.samples.contains { $0.phase == .wall })
    }

    @Test("a worker (an embedded engine's process) writing forever on stderr fails the same way")
    func worker() throws {
        let stub = try StubProgram(
            in: setting.folder, name: "worker",
            body: Self.forever.replacingOccurrences(
                of: "; done", with: " >&2; done"))
        let runtime = WorkerRuntime(
            engine: WorkerRuntimeTests.IdleEngine(), workerExecutable: stub.path, launcher: ProcessLauncher())
        let outcome = runtime.run(request(setting.kernel(), limit: 4096))
        try expectOutputLimit(outcome, limit: 4096, file: "run.stderr")
        #expect(outcome.status.message.contains("bytes on stderr"))
    }

    @Test("the default limit is 16 MiB per stream, and a request without one uses it")
    func defaultLimit() {
        #expect(RunConfiguration.defaultOutputLimitBytes == 16 << 20)
        #expect(setting.request(setting.kernel()).effectiveOutputLimitBytes == 16 << 20)
    }
}

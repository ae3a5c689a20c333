import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// An embedded engine's runs in a worker process: the worker's command line and request file,
/// and how its report, its stdout and its end become the outcome. A stub stands in for the
/// `wasmbench _worker` executable; the test writes the report the worker would write.
@Suite("Worker processes: the request out, the report and the process back in")
struct WorkerRuntimeTests {
    let setting = AdapterSetting()

    /// An engine that is never run here: the worker would run it.
    struct IdleEngine: InProcessEngine {
        var id: String { "idle-engine" }
        func describe() -> RuntimeInfo {
            RuntimeInfo(
                id: id, name: "Idle", version: "1", kind: .inProcess, flags: ["x=1"], available: true,
                exposedPhases: [.compile, .startup, .execute, .wall])
        }
        func unsupportedReason(for program: GuestProgram) -> String? {
            program.workload == "refused" ? "the idle engine refuses it" : nil
        }
        func runInWorker(_ request: RunRequest) -> WorkerReport {
            WorkerReport(samples: [], status: .failed(.runtimeError, "not in a test"))
        }
    }

    func runtime(_ worker: StubProgram) -> WorkerRuntime {
        WorkerRuntime(
            engine: IdleEngine(), workerExecutable: worker.path, launcher: ProcessLauncher(),
            engineArguments: ["--library", "/lib/libengine.so"])
    }

    func report(_ report: WorkerReport) throws {
        try JSONEncoder().encode(report).write(to: URL(fileURLWithPath: setting.scratch + "/worker-report.json"))
    }

    @Test(
        "`_worker --engine ID --request FILE --report FILE` and the engine's arguments; the request file holds the request"
    )
    func command() throws {
        let worker = try StubProgram(in: setting.folder, name: "wasmbench", stdout: AdapterSetting.oneIteration)
        try report(WorkerReport(samples: [PhaseSample(.compile, .time, 0.25)], status: .completed))
        let request = setting.request(setting.kernel())
        let outcome = runtime(worker).run(request)
        let scratch = setting.scratch
        #expect(
            try worker.calls() == [
                [
                    "_worker", "--engine", "idle-engine", "--request", scratch + "/worker-request.json", "--report",
                    scratch + "/worker-report.json", "--library", "/lib/libengine.so",
                ]
            ])
        let written = try #require(FileManager.default.contents(atPath: scratch + "/worker-request.json"))
        #expect(try JSONDecoder().decode(RunRequest.self, from: written) == request)
        #expect(outcome.status == .completed)
        #expect(outcome.samples.first == PhaseSample(.compile, .time, 0.25))
    }

    @Test("startup runs from the worker's entry time to the guest's start marker")
    func startup() throws {
        let worker = try StubProgram(
            in: setting.folder, name: "wasmbench", stdout: "wasmbench:start 1300000000\n" + AdapterSetting.oneIteration)
        try report(WorkerReport(samples: [], status: .completed, entryRealtimeNanoseconds: 1_200_000_000))
        let outcome = runtime(worker).run(setting.request(setting.kernel()))
        #expect(outcome.samples.filter { $0.phase == .startup } == [PhaseSample(.startup, .time, 0.1)])
    }

    @Test("a report without an entry time gives no startup sample, even with a start marker")
    func noEntryTime() throws {
        let worker = try StubProgram(
            in: setting.folder, name: "wasmbench", stdout: "wasmbench:start 1300000000\n" + AdapterSetting.oneIteration)
        try report(WorkerReport(samples: [], status: .completed))
        let outcome = runtime(worker).run(setting.request(setting.kernel()))
        #expect(outcome.status == .completed)
        #expect(outcome.samples.contains { $0.phase == .startup } == false)
    }

    @Test("the engine's failure is the verdict, refined by a failed check the guest printed")
    func engineFailure() throws {
        let worker = try StubProgram(
            in: setting.folder, name: "wasmbench", stdout: "wasmbench:check fail got=1 want=2\n")
        try report(WorkerReport(samples: [], status: .failed(.nonZeroExit, "the guest exited with status 1")))
        let wrong = runtime(worker).run(setting.request(setting.kernel()))
        #expect(wrong.status.kind == .wrongResult)
        try report(WorkerReport(samples: [], status: .failed(.trap, "unreachable")))
        #expect(runtime(worker).run(setting.request(setting.kernel())).status == .failed(.trap, "unreachable"))
    }

    @Test("a worker that exits cleanly without a report is a runtime error quoting its stderr")
    func noReport() throws {
        let worker = try StubProgram(
            in: setting.folder, name: "wasmbench", stdout: AdapterSetting.oneIteration, stderr: "worker: lost\n")
        let outcome = runtime(worker).run(setting.request(setting.kernel()))
        #expect(outcome.status == .failed(.runtimeError, "the worker wrote no report: worker: lost"))
    }

    @Test("a worker that crashes without a report is a recorded crash with its signal")
    func crash() throws {
        let worker = try StubProgram(in: setting.folder, name: "wasmbench", body: "kill -SEGV $$")
        let outcome = runtime(worker).run(setting.request(setting.kernel()))
        #expect(outcome.status.kind == .crash)
        #expect(outcome.status.message.contains("signal 11"))
    }

    @Test("describe() and the refusals are the engine's, with a note on whose wall time it is")
    func describe() throws {
        let runtime = runtime(try StubProgram(in: setting.folder, name: "wasmbench"))
        let info = runtime.describe()
        #expect(info.id == "idle-engine")
        #expect(info.flags == ["x=1"])
        #expect(info.notes.last?.contains("wall, cpu and peak-rss are the worker's") == true)
        var refused = setting.kernel()
        refused.workload = "refused"
        #expect(runtime.unsupportedReason(for: refused) == "the idle engine refuses it")
    }
}

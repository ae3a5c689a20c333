// Measures what wasmbench itself adds to a measurement, so that its numbers can be read with that
// in mind: per sample in-process (clock reads, marker parsing, row bookkeeping, statistics), and
// per spawned process (spawn + wait + rusage through our launcher, the native adapter's whole run,
// and a worker process of an embedded engine). Medians over many repetitions; nothing is asserted.
//
// Usage: swift run -c release --package-path Benchmarks HarnessOverhead [path/to/release/wasmbench]
import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime
import WasmBenchStatistics
import WasmBenchSubprocess

func measure(_ repetitions: Int, _ body: () -> Void) -> Double {
    var samples: [Double] = []
    samples.reserveCapacity(repetitions)
    for _ in 0..<repetitions {
        let start = monotonicNanoseconds()
        body()
        samples.append(Double(monotonicNanoseconds() - start))
    }
    return median(samples) ?? .nan
}

func show(_ label: String, nanoseconds: Double) {
    let text =
        nanoseconds >= 1e6
        ? String(format: "%.2f ms", nanoseconds / 1e6)
        : nanoseconds >= 1e3 ? String(format: "%.2f µs", nanoseconds / 1e3) : String(format: "%.0f ns", nanoseconds)
    print("\(label.padding(toLength: 72, withPad: " ", startingAt: 0)) \(text)")
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wasmbench-overhead-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

print("In process, per sample")
show("  one clock read, as seen from inside a timed region", nanoseconds: measure(200_000) { _ = monotonicNanoseconds() })
let iterations = 1000
let markerOutput =
    (0..<iterations).map { "wasmbench:iter \($0) 123456789" }.joined(separator: "\n")
    + "\nwasmbench:start 1\nwasmbench:check ok 1\n"
let perParse = measure(50) {
    let report = GuestReport(parsing: markerOutput)
    _ = GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: 0)
}
show("  reading one iteration marker from guest output", nanoseconds: perParse / Double(iterations))
let values = (0..<30).map { 1.0 + Double($0 % 7) * 0.01 }
let perSummary = measure(20) {
    _ = bootstrapMedianInterval(values, seed: 1)
    _ = ratioOfMedians(numerator: values, denominator: values, seed: 2)
}
show("  one summary of 30 samples (median CI + ratio CI, 2000 resamples)", nanoseconds: perSummary)

print("Per spawned process")
let launcher = ProcessLauncher()
let spawn = measure(200) {
    _ = try? launcher.run(
        ProcessSpec(
            executable: "/bin/true", stdoutPath: scratch.path + "/o", stderrPath: scratch.path + "/e", timeout: 10))
}
show("  spawn + wait + rusage of /bin/true through the launcher", nanoseconds: spawn)
let native = NativeRuntime(launcher: launcher, compilerDescription: "none")
let program = GuestProgram(
    workload: "true", wasmPath: "/nonexistent.wasm", nativePath: "/bin/true", entry: .command(arguments: []),
    reportsMarkers: false)
let adapter = measure(200) {
    _ = native.run(RunRequest(program: program, iterations: 1, timeoutSeconds: 10, scratchDirectory: scratch.path))
}
show("  the native adapter's whole run of /bin/true (spawn, capture, parse)", nanoseconds: adapter)
show("  → adapter bookkeeping beyond the spawn itself", nanoseconds: adapter - spawn)

if CommandLine.arguments.count > 1 {
    let wasmbench = CommandLine.arguments[1]
    // The smallest WASI command: (module (func (export "_start"))).
    let module: [UInt8] = [
        0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 10, 1, 6, 0x5f, 0x73, 0x74, 0x61, 0x72,
        0x74, 0, 0, 10, 4, 1, 2, 0, 0x0b,
    ]
    let path = scratch.path + "/empty.wasm"
    FileManager.default.createFile(atPath: path, contents: Data(module))
    let request = RunRequest(
        program: GuestProgram(workload: "empty", wasmPath: path, entry: .command(arguments: []), reportsMarkers: false),
        iterations: 1, timeoutSeconds: 10, scratchDirectory: scratch.path)
    try JSONEncoder().encode(request).write(to: URL(fileURLWithPath: scratch.path + "/request.json"))
    let worker = measure(50) {
        _ = try? launcher.run(
            ProcessSpec(
                executable: wasmbench,
                arguments: [
                    "_worker", "--engine", "wasmkit", "--request", scratch.path + "/request.json", "--report",
                    scratch.path + "/report.json",
                ], stdoutPath: scratch.path + "/o", stderrPath: scratch.path + "/e", timeout: 10))
    }
    show("  a wasmkit worker process running an empty module", nanoseconds: worker)
}

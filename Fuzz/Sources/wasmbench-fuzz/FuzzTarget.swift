import Foundation
import WasmBenchAnalysis
import WasmBenchArtifact
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchReport
import WasmBenchRuntime
import WasmBenchSubprocess

#if FUZZING
    import CLibFuzzer
#endif

/// A parser of untrusted bytes that wasmbench owns, fed one input at a time: by libFuzzer when
/// built with `-sanitize=fuzzer`, or from corpus files otherwise (see `Fuzz/README.md`). An input
/// may be rejected (that is what a parser is for); it may never crash, hang or trip a sanitizer.
enum FuzzTarget: String, CaseIterable {
    /// A guest's standard output in the marker protocol (`wasmbench:iter …`).
    case markers
    /// The report a JavaScript driver (Node, a browser page) writes, which the guest could shape.
    case driver
    /// A saved run for `report`/`compare`: decoded, summarised again and drawn in every format.
    case artifact
    /// An interpreter spec file (`--interpreter FILE`).
    case spec
    /// A runtime spec file (`--runtime-spec FILE`), then its templates expanded for a guest.
    case runtimeSpec = "runtime-spec"
    /// A WebAssembly module for the opcode counter's instrumenter (``InstrumentCheck``).
    case instrument

    /// Feeds one input to the parser.
    func run(_ data: Data) {
        switch self {
        case .markers:
            let report = GuestReport(parsing: String(decoding: data, as: UTF8.self))
            _ = GuestOutcome.markerSamples(report, entryRealtimeNanoseconds: report.startRealtimeNanoseconds)
        case .driver:
            guard let report = DriverReport.read(data), report.implausibility == nil else { return }
            _ = report.samples(startIsIteration: true)
            _ = report.entryRealtimeNanoseconds
        case .artifact:
            guard var result = try? JSONArtifact.decode(data) else { return }
            Summarizer(configuration: result.configuration).summarize(&result)
            for format in [ReportFormat.terminal, .markdown, .html, .json] {
                _ = try? ReportArtifact.run(result).render(as: format, width: 80)
            }
            let comparison = RunComparer().compare(base: result, basePath: "a", new: result, newPath: "b")
            for format in [ReportFormat.terminal, .markdown, .html] {
                _ = try? ReportArtifact.comparison(comparison).render(as: format, width: 80)
            }
        case .spec:
            guard let spec = try? JSONDecoder().decode(InterpreterSpec.self, from: data) else { return }
            _ = try? spec.interpreter(
                folder: URL(fileURLWithPath: "/nonexistent/fuzz"), path: "fuzz.json", reserved: ["cpython3.11-native"])
        case .runtimeSpec:
            guard let spec = try? RuntimeSpec.parse(data, path: "fuzz.json", reserved: ["wasmtime"]) else { return }
            let values = ["module": "/m/{artifact}", "wasm": "/m.wasm", "artifact": "/a", "function": "f"]
            let lists = ["arguments": ["{module}", "1"], "mounts": ["--dir", "{x}"], "environment": []]
            for words in [spec.run, spec.invoke ?? [], spec.compile?.arguments ?? [], spec.mount ?? []] {
                _ = RuntimeSpec.expand(words, values: values, lists: lists)
            }
        case .instrument:
            InstrumentCheck.run(Array(data))
        }
    }

    /// The target `WASMBENCH_FUZZ_TARGET` names.
    static var chosen: FuzzTarget? {
        ProcessInfo.processInfo.environment["WASMBENCH_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))
    }
}

#if FUZZING
    /// One input to the target `WASMBENCH_FUZZ_TARGET` names: libFuzzer's callback (its archive's
    /// own `main` refers to the symbol too, though SwiftPM's entry point is the one that runs).
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzTarget.chosen?.run(start.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
#endif

/// The entry point: libFuzzer's driver over the target `WASMBENCH_FUZZ_TARGET` names when built
/// with `-DFUZZING -sanitize=fuzzer` (its options, corpus folders and all), else
/// `wasmbench-fuzz TARGET FILE|FOLDER…`, which runs every file through the target once (the corpus
/// as a regression test) and says how many it read.
@main
enum Main {
    static func main() {
        #if FUZZING
            guard FuzzTarget.chosen != nil else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
                FileHandle.standardError.write(Data("set WASMBENCH_FUZZ_TARGET to one of: \(names)\n".utf8))
                exit(64)
            }
            var count = CommandLine.argc
            var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&count, &arguments) { fuzzOneInput($0, $1) })
        #else
            replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    /// Runs every file under the paths through the target the first argument names.
    static func replay(_ arguments: [String]) {
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: wasmbench-fuzz \(names) FILE|FOLDER...\n".utf8))
            exit(64)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for file in files(path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("wasmbench-fuzz: cannot read \(file)\n".utf8))
                    exit(66)
                }
                target.run(data)
                count += 1
            }
        }
        print("wasmbench-fuzz \(name): \(count) inputs, no crash")
    }

    /// The regular files under `path` (itself when it is one), sorted.
    static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchArtifact
import WasmBenchModel

@Suite("The CSV export: one RFC 4180 line per sample that python's csv module reads back")
struct CSVWriterTests {
    let rows = [
        Row(
            runtime: "wasmtime-aot", runtimeVersion: "49.0.3", flags: ["-O", "opt-level=2"], workload: "kernels/fib",
            phase: .execute, value: 0.012_345_678_901_234_5, process: 2, iteration: 3, warmup: false,
            command: "wasmtime run --dir \"a,b\"\n  fib.cwasm 20"),
        Row(
            runtime: "native", runtimeVersion: "zig 0.15.2", flags: [], workload: "user, \"odd\".wasm", phase: .compile,
            metric: .artifactBytes, value: 4096, process: 0, warmup: true),
        Row(
            runtime: "native", runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: .wall,
            metric: .instructions, value: 1.5e9, process: 1, iterations: 6),
    ]

    /// What python3's csv.DictReader makes of `text`, as JSON objects of strings.
    func parsedByPython(_ text: String) throws -> [[String: String]] {
        let folder = TemporaryFolder()
        let path = folder.path("rows.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline='')))))", path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([[String: String]].self, from: data)
    }

    @Test("every column reads back with its type and value, commas, quotes and newlines included")
    func roundTrip() throws {
        let text = CSVWriter.render(rows)
        #expect(text.hasPrefix(CSVWriter.columns.joined(separator: ",") + "\r\n"))
        let parsed = try parsedByPython(text)
        try #require(parsed.count == rows.count)
        for (row, line) in zip(rows, parsed) {
            #expect(Set(line.keys) == Set(CSVWriter.columns))
            #expect(line["runtime"] == row.runtime && line["runtimeVersion"] == row.runtimeVersion)
            #expect(line["flags"]?.split(separator: " ").map(String.init) == row.flags)
            #expect(line["workload"] == row.workload)
            #expect(line["phase"].flatMap(Phase.init(rawValue:)) == row.phase)
            #expect(line["metric"].flatMap(Metric.init(rawValue:)) == row.metric)
            #expect(line["unit"] == row.unit.rawValue)
            #expect(line["value"].flatMap(Double.init) == row.value)
            #expect(line["process"].flatMap(Int.init) == row.process)
            #expect(line["iteration"].flatMap(Int.init) == row.iteration)
            #expect(line["warmup"] == (row.warmup ? "true" : "false"))
            #expect(line["command"] == (row.command ?? ""))
            #expect(line["iterations"].flatMap(Int.init) == row.iterations)
        }
        #expect(parsed[0]["command"] == "wasmtime run --dir \"a,b\"\n  fib.cwasm 20")
        #expect(parsed[1]["iteration"] == "" && parsed[1]["command"] == "")
    }

    @Test("no rows is the header alone")
    func empty() {
        #expect(CSVWriter.render([]) == CSVWriter.columns.joined(separator: ",") + "\r\n")
    }
}

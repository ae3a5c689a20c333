import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport
import WasmBenchRunner

@Suite("Artifact files: written whole or not at all, read back, errors that say what to do")
struct ArtifactFileTests {
    let folder = TemporaryFolder()

    func result() -> RunResult {
        RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(
                os: "test", kernel: "k", architecture: "x86_64", cpuModel: "cpu", cores: 2, memoryBytes: 1),
            configuration: settings())
    }

    @Test("A saved run reads back equal, and a second save replaces the first with no temporary file left")
    func roundTrip() throws {
        let path = folder.path("run.json")
        try ArtifactFile.writeJSON(.run(result()), to: path)
        var second = result()
        second.notices = ["again"]
        try ArtifactFile.writeJSON(.run(second), to: path)
        #expect(try ArtifactFile.readJSON(path) == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["run.json"])
    }

    @Test("A missing folder is not writable, a missing or foreign file not readable; each message names the path")
    func errors() throws {
        let missing = folder.path("no/such/run.json")
        let writeError = try #require(throws: ArtifactFileError.self) {
            try ArtifactFile.writeJSON(.run(result()), to: missing)
        }
        guard case .notWritable(let message) = writeError else {
            Issue.record("\(writeError)")
            return
        }
        #expect(message.hasPrefix("cannot write \(missing) ("))
        #expect(
            throws: ArtifactFileError.notReadable("cannot read \(missing) (No such file or directory); check the path")
        ) {
            try ArtifactFile.readJSON(missing)
        }
        let foreign = folder.path("foreign.json")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: foreign))
        let readError = try #require(throws: ArtifactFileError.self) { try ArtifactFile.readJSON(foreign) }
        #expect(readError.description.hasPrefix("\(foreign): "))
    }

    @Test("A value JSON cannot hold is a bug of ours, not an unwritable file")
    func notEncodable() throws {
        var broken = result()
        broken.notices = []
        broken.rows = [
            Row(
                runtime: "r", runtimeVersion: "1", flags: [], workload: "w", phase: .execute, metric: .time,
                value: .nan, process: 0, iteration: 0, warmup: false, command: nil)
        ]
        let error = try #require(throws: ArtifactFileError.self) { try ArtifactFile.encode(.run(broken)) }
        guard case .notEncodable(let message) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(message.hasPrefix("cannot encode the results: "))
    }
}

/// Plain settings for a result that is never run.
private func settings(measure: Measure = .time) -> RunConfiguration {
    RunConfiguration(
        processes: 3, iterations: 5, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 10,
        cellBudgetSeconds: 60, failurePolicy: .continue, measure: measure)
}

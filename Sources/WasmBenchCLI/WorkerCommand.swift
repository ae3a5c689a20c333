import ArgumentParser
import Foundation
import WasmBenchPlan
import WasmBenchRuntime

/// `wasmbench _worker`: runs one request on an embedded engine, inside a process of its own.
///
/// Internal: the runner starts it so that a hang can be killed and memory measured per run.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_worker", abstract: "Internal: run one request on an embedded engine.", shouldDisplay: false)

    @Option(help: "The engine id (wasmkit, wasmtime-capi).") var engine: String
    @Option(help: "The request JSON file.") var request: String
    @Option(help: "Where to write the report JSON.") var report: String
    @Option(help: "libwasmtime's path (wasmtime-capi).") var library: String?
    @Option(help: "The engine's version label.") var engineVersion: String?

    func run() throws {
        guard let engine = RuntimeRegistry.engine(id: engine, library: library, version: engineVersion) else {
            throw CommandError(
                .usage,
                "unknown engine \(self.engine); the embedded engines are \(RuntimeRegistry.engineIDs.joined(separator: " and "))"
            )
        }
        guard let data = FileManager.default.contents(atPath: request) else {
            throw CommandError(.invalidInput, "cannot read the worker request \(request)")
        }
        let decoded: RunRequest
        do {
            decoded = try JSONDecoder().decode(RunRequest.self, from: data)
        } catch {
            throw CommandError(.invalidInput, "the worker request \(request) does not parse: \(error)")
        }
        let outcome = engine.runInWorker(decoded)
        do {
            try JSONEncoder().encode(outcome).write(to: URL(fileURLWithPath: report), options: .atomic)
        } catch {
            throw CommandError(
                .outputNotWritable, "cannot write the worker report \(report): \(error.localizedDescription)")
        }
    }
}

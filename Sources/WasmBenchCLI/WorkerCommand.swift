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
        do {
            try engine.runInWorker(requestPath: request, reportPath: report)
        } catch {
            throw CommandError(error.kind == .request ? .invalidInput : .outputNotWritable, error.message)
        }
    }
}

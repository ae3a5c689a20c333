import ArgumentParser
import Foundation
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchPlan

/// `wasmbench runtimes`: every runtime id with version, availability and why not.
struct RuntimesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtimes", abstract: "List every runtime id with its version, availability and why not.")

    @Flag(help: "Install missing runtimes into the cache first (as `wasmbench setup` does).") var install = false

    func run() throws {
        let session = Session()
        let factory = session.workspace.runtimeFactory(session.workspace.toolbox(install: install), install: install)
        var lines = ["id              available  version                   what"]
        for entry in RuntimeRegistry.entries {
            let info = try describe(RuntimeID(base: entry.id), factory)
            lines.append(
                "\(pad(entry.id, 15)) \(pad(info.available ? "yes" : "no", 10)) \(pad(info.version, 25)) \(entry.summary)"
            )
            if let reason = info.unavailableReason, !info.available { lines.append("                └ \(reason)") }
        }
        lines.append("")
        lines.append("interpreters (python suite): run natively as ID, or inside a Wasm runtime as ID@HOST")
        for entry in InterpreterCatalog.builtIn {
            if entry.placement == .javaScript {
                // Pyodide needs a JavaScript host: it is listed on the first one.
                guard let host = RuntimeRegistry.entries.first(where: { $0.capabilities.contains(.hostsJavaScript) })
                else { continue }
                let info = try describe(RuntimeID(base: host.id, interpreter: entry.id), factory)
                lines.append(
                    "\(pad("\(entry.id)@\(host.id)", 25)) \(pad(info.available ? "yes" : "no", 4)) \(pad(info.version, 12)) \(info.source ?? "")"
                )
                if let reason = info.unavailableReason, !info.available { lines.append("                └ \(reason)") }
                continue
            }
            guard let interpreter = factory.interpreters.interpreter(entry.id) else { continue }
            let mark = interpreter.unavailableReason == nil ? "yes" : "no"
            lines.append(
                "\(pad(entry.id, 25)) \(pad(mark, 4)) \(pad(interpreter.languageVersion, 12)) \(interpreter.provenance)"
            )
            if let problem = interpreter.unavailableReason { lines.append("                └ \(problem)") }
        }
        print(lines.joined(separator: "\n"))
    }

    private func describe(_ id: RuntimeID, _ factory: RuntimeFactory) throws -> RuntimeInfo {
        do {
            return try factory.runtime(id).describe()
        } catch {
            throw CommandError(error)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }
}

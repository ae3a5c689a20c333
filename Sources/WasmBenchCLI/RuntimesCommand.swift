import ArgumentParser
import Foundation
import WasmBenchModel

/// `wasmbench runtimes`: every runtime id with version, availability and why not.
struct RuntimesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtimes", abstract: "List every runtime id with its version, availability and why not.")

    @Flag(help: "Install missing runtimes into the cache first (as `wasmbench setup` does).") var install = false

    func run() throws {
        let session = Session()
        let catalog = session.catalog(session.toolbox(install: install), install: install)
        var lines = ["id              available  version                   what"]
        for id in RuntimeCatalog.allIDs {
            guard let info = catalog.runtime(id)?.describe() else { continue }
            let mark = info.available ? "yes" : "no"
            lines.append(
                "\(id.padding(toLength: 15, withPad: " ", startingAt: 0)) \(mark.padding(toLength: 10, withPad: " ", startingAt: 0)) \(info.version.padding(toLength: 25, withPad: " ", startingAt: 0)) \(RuntimeCatalog.summaries[id] ?? "")"
            )
            if let reason = info.unavailableReason, !info.available {
                lines.append("                └ \(reason)")
            }
        }
        lines.append("")
        lines.append("interpreters (python suite): run natively as ID, or inside a Wasm runtime as ID@HOST")
        for id in RuntimeCatalog.nativeInterpreters + RuntimeCatalog.wasmInterpreters {
            let matched = id == MatchedPairInterpreters.nativeID || id == MatchedPairInterpreters.wasiID
            guard
                let interpreter = matched
                    ? MatchedPairInterpreters.interpreter(id, home: catalog.interpreters.installer.home)
                    : catalog.interpreters.interpreter(id)
            else { continue }
            let mark = interpreter.problem == nil ? "yes" : "no"
            lines.append(
                "\(id.padding(toLength: 25, withPad: " ", startingAt: 0)) \(mark.padding(toLength: 4, withPad: " ", startingAt: 0)) \(interpreter.languageVersion.padding(toLength: 12, withPad: " ", startingAt: 0)) \(interpreter.provenance)"
            )
            if let problem = interpreter.problem { lines.append("                └ \(problem)") }
        }
        // Pyodide needs a JavaScript host: it runs on node only.
        for id in RuntimeCatalog.pyodideIDs.prefix(1) {
            guard let info = catalog.runtime(id)?.describe() else { continue }
            lines.append(
                "\(id.padding(toLength: 25, withPad: " ", startingAt: 0)) \((info.available ? "yes" : "no").padding(toLength: 4, withPad: " ", startingAt: 0)) \(info.version.padding(toLength: 12, withPad: " ", startingAt: 0)) \(info.source ?? "")"
            )
            if let reason = info.unavailableReason, !info.available { lines.append("                └ \(reason)") }
        }
        print(lines.joined(separator: "\n"))
    }
}

import WasmBenchInterpreters
import WasmBenchModel

extension RuntimeFactory {
    /// The lines of `wasmbench runtimes`: every runtime of the registry with availability,
    /// version and summary (and why not), then every interpreter, natively or on its first host.
    ///
    /// - Throws: ``PlanError`` only for a registry that cannot make its own ids (a bug).
    public func listing() throws(PlanError) -> [String] {
        var lines = ["id              available  version                   what"]
        for entry in RuntimeRegistry.entries {
            let info = try runtime(RuntimeID(base: entry.id)).describe()
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
                let info = try runtime(RuntimeID(base: host.id, interpreter: entry.id)).describe()
                lines.append(
                    "\(pad("\(entry.id)@\(host.id)", 25)) \(pad(info.available ? "yes" : "no", 4)) \(pad(info.version, 12)) \(info.source ?? "")"
                )
                if let reason = info.unavailableReason, !info.available { lines.append("                └ \(reason)") }
                continue
            }
            guard let interpreter = interpreters.interpreter(entry.id) else { continue }
            let mark = interpreter.unavailableReason == nil ? "yes" : "no"
            lines.append(
                "\(pad(entry.id, 25)) \(pad(mark, 4)) \(pad(interpreter.languageVersion, 12)) \(interpreter.provenance)"
            )
            if let problem = interpreter.unavailableReason { lines.append("                └ \(problem)") }
        }
        // The variants of the matched pair that were built (`wasmbench python build --variant`).
        for id in MatchedPairInterpreters.variantIDs(in: interpreters.provisioner.installer.home) {
            guard let interpreter = interpreters.interpreter(id) else { continue }
            let mark = interpreter.unavailableReason == nil ? "yes" : "no"
            lines.append(
                "\(pad(id, 25)) \(pad(mark, 4)) \(pad(interpreter.languageVersion, 12)) \(interpreter.provenance)")
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }
}

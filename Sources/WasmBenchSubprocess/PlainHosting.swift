import WasmBenchRuntime

/// What a runtime that gives its guest a plain WASI command and nothing more (no folders, no
/// environment, every import provided) can run, and why it cannot run a program that needs more.
struct PlainHosting {
    /// The engine's name, for the reason.
    let engine: String
    /// Whether a command may be entered through another export than `_start`.
    let entersOtherExports: Bool
    /// Whether it can call an export with arguments (`--invoke`).
    let invokes: Bool

    /// Why the engine cannot run the program, or nil when it can.
    func problem(_ program: GuestProgram) -> String? {
        let hosting = program.hosting
        var needs: [String] = []
        if !hosting.mounts.isEmpty { needs.append("preopened folders") }
        if !hosting.environment.isEmpty { needs.append("environment variables") }
        if hosting.trapUnknownImports { needs.append("imports linked as traps") }
        if hosting.commandExport != nil && !entersOtherExports { needs.append("an entry export other than _start") }
        if case .invoke = program.entry, !invokes { needs.append("a call of an export (--invoke)") }
        guard !needs.isEmpty else { return nil }
        let runs = invokes ? "plain WASI commands and exports" : "plain WASI commands"
        return "\(engine) runs \(runs) only, and \(program.workload) needs \(needs.joined(separator: ", "))"
    }
}

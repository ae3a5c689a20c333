import WasmBenchPlan
import WasmBenchRunner

/// What `wasmbench setup` does: install what can be had into the cache, build the kernels, and
/// with `python` every Python interpreter and the matched pair.
package struct SetupJob: Sendable {
    /// Whether the Python interpreters and the matched pair are set up too.
    package var python = false
    /// Whether a runtime or compiler that cannot be had is an error.
    package var strict = false

    /// A job.
    package init(python: Bool, strict: Bool) {
        (self.python, self.strict) = (python, strict)
    }

    /// Sets up; throws ``JobError`` with `environment` when `strict` and something could not be had.
    package func execute() throws {
        let session = Session()
        session.printer.line("setup: cache folder \(session.home.root.path)")
        try session.workspace.checkCache()
        let toolbox = session.workspace.toolbox(install: true)
        let missing = try session.workspace.setUpKernels(toolbox: toolbox)
        if python { try session.workspace.setUpPython(toolbox: toolbox) }
        if strict && !missing.isEmpty {
            throw JobError(
                .environment,
                "setup --strict: could not get \(missing.joined(separator: "; ")); every runtime is required")
        }
    }
}

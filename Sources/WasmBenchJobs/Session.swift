import Foundation
import WasmBenchPlan
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRunner

/// What every command shares: the workspace (cache, launcher, environment) and stderr.
package struct Session: Sendable {
    /// The cache, the launcher and the tools found.
    package let workspace: Workspace
    /// Progress and notices on stderr.
    package let printer: ProgressPrinter

    /// A session whose progress goes to stderr unless `quiet`.
    package init(quiet: Bool = false) {
        let printer = ProgressPrinter(quiet: quiet)
        self.printer = printer
        workspace = Workspace(progress: { printer.line($0) })
    }

    /// The cache.
    package var home: WasmBenchHome { workspace.home }
    /// Spawns every child.
    package var launcher: ProcessLauncher { workspace.launcher }
}

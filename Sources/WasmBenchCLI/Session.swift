import Foundation
import WasmBenchPlan
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRunner

/// What every command shares: the workspace (cache, launcher, environment) and stderr.
struct Session {
    let workspace: Workspace
    let printer: ProgressPrinter

    init(quiet: Bool = false) {
        let printer = ProgressPrinter(quiet: quiet)
        self.printer = printer
        workspace = Workspace(progress: { printer.line($0) })
    }

    /// The cache.
    var home: WasmBenchHome { workspace.home }
    /// Spawns every child.
    var launcher: ProcessLauncher { workspace.launcher }
}

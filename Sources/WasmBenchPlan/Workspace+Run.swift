import Foundation
import WasmBenchProvision

extension Workspace {
    /// The `valgrind` executable that counts instructions.
    ///
    /// - Throws: ``PlanError/environment(_:)`` saying how to install it when it is not on PATH.
    public func valgrind() throws(PlanError) -> String {
        guard let path = ToolLocator(environment: environment).find("valgrind") else {
            throw .environment(
                "valgrind is not on PATH; install it (Debian: `apt-get install valgrind`) and run again")
        }
        return path
    }

    /// Checks, before anything is installed, built or run, that the cache folder can be written.
    ///
    /// - Throws: ``PlanError/outputNotWritable(_:)`` naming the folder and the system's reason.
    public func checkCache() throws(PlanError) {
        do {
            try home.checkWritable()
        } catch {
            throw .outputNotWritable(error.description)
        }
    }

    /// The folder a run keeps its per-process files in: the one the user named
    /// (`--keep-artifacts`), or a new one in the cache.
    ///
    /// - Throws: ``PlanError/outputNotWritable(_:)`` when it cannot be created.
    public func runFolder(named path: String?) throws(PlanError) -> RunFolder {
        do throws(ProvisionError) {
            if let path { return try RunFolder.user(path) }
            return try RunFolder.create(in: home)
        } catch {
            throw .outputNotWritable(
                path == nil
                    ? "\(error.description), or pass --keep-artifacts DIR" : "--keep-artifacts: \(error.description)")
        }
    }

    /// A new, uniquely named results file in the cache, for a run given no `--json`.
    ///
    /// - Throws: ``PlanError/outputNotWritable(_:)`` when the cache cannot hold it.
    public func newResultsFile() throws(PlanError) -> String {
        do {
            return try home.newResultsFile()
        } catch {
            throw .outputNotWritable("\(error.description); set WASMBENCH_HOME or pass --json FILE")
        }
    }
}

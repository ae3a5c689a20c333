import Foundation
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchWorkloads

/// What every command shares: the cache, the process launcher, the environment and stderr.
struct Session {
    let home: WasmBenchHome
    let launcher: ProcessLauncher
    let environment: [String: String]
    let printer: ProgressPrinter

    init(quiet: Bool = false) {
        environment = ProcessInfo.processInfo.environment
        home = WasmBenchHome(environment: environment)
        launcher = ProcessLauncher()
        printer = ProgressPrinter(quiet: quiet)
    }

    /// Resolves the external tools, installing the missing ones into the cache when allowed,
    /// and routes every later child through the exec helper so its peak RSS is its own.
    func toolbox(install: Bool) -> Toolbox {
        let printer = self.printer
        let toolbox = Provisioner(
            home: home, launcher: launcher, environment: environment, allowInstall: install,
            progress: { printer.line("setup: \($0)") }
        ).toolbox()
        switch ExecHelper(home: home, launcher: launcher, compiler: toolbox.compiler).ensure() {
        case .success(let path):
            launcher.useExecHelper(path)
        case .failure(let error):
            printer.line("note: peak RSS will not be reported: the exec helper could not be built (\(error))")
        }
        return toolbox
    }

    /// wasmbench's own executable, which worker processes run.
    var workerExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// The per-run scratch folder (removed at the end of a run).
    var runScratch: URL { home.scratch.appendingPathComponent("run-\(getpid())") }

    func catalog(_ toolbox: Toolbox, install: Bool = false) -> RuntimeCatalog {
        let printer = self.printer
        let installer = PyPIInstaller(home: home, launcher: launcher, environment: environment)
        let runner = try? PythonSuite(installer: installer).runnerPath()
        return RuntimeCatalog(
            toolbox: toolbox, launcher: launcher, workerExecutable: workerExecutable,
            interpreters: InterpreterProvisioner(
                installer: installer, allowInstall: install, progress: { printer.line("setup: \($0)") }),
            pythonRunner: runner, artifactFolder: runScratch.appendingPathComponent("artifacts").path)
    }
}

import Foundation
import Synchronization
import WasmBenchInterpreters
import WasmBenchPairBuilder
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchWorkloads

/// What every command works in: the cache, the process launcher, the environment, and where
/// progress lines go.
public struct Workspace: Sendable {
    /// The cache folder (`$WASMBENCH_HOME`).
    public let home: WasmBenchHome
    /// Spawns every child, and stops them all on Ctrl-C.
    public let launcher: ProcessLauncher
    /// The environment (PATH, overrides).
    public let environment: [String: String]
    /// Receives progress lines for stderr, already prefixed (`setup:`, `note:`).
    public let progress: @Sendable (String) -> Void
    /// The run's scratch folder, made on first use; copies of the workspace share it.
    private let scratch = ScratchSlot()

    /// Creates a workspace for this process's environment, and removes the scratch folders that
    /// runs killed before their end left in the cache (see ``ScratchFolder/sweep(_:)``).
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.environment = environment
        self.home = WasmBenchHome(environment: environment)
        self.launcher = ProcessLauncher()
        self.progress = progress
        ScratchFolder.sweep(home.scratch)
    }

    /// Resolves the external tools, installing the missing ones into the cache when allowed,
    /// and routes every later child through the exec helper so its peak RSS is its own.
    ///
    /// - Parameter tools: the tools to resolve besides the compiler (default: all of them).
    public func toolbox(install: Bool, needing tools: Set<Provisioner.Tool> = Set(Provisioner.Tool.allCases)) -> Toolbox
    {
        let progress = self.progress
        let toolbox = Provisioner(
            home: home, launcher: launcher, environment: environment, allowInstall: install,
            progress: { progress("setup: \($0)") }
        ).toolbox(needing: tools)
        switch ExecHelper(home: home, launcher: launcher, compiler: toolbox.compiler).ensure() {
        case .success(let path):
            launcher.useExecHelper(path)
        case .failure(let error):
            progress("note: peak RSS will not be reported: the exec helper could not be built (\(error))")
        }
        return toolbox
    }

    /// wasmbench's own executable, which worker processes run.
    public var workerExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// The per-run scratch folder, made and locked on first use (see ``ScratchFolder``); removed
    /// by ``removeScratch()`` or when the workspace and its copies go, or by the next start after
    /// a run killed first.
    /// When the cache cannot hold it, the path is still returned and writing there fails later
    /// with its own message.
    public var runScratch: URL {
        scratch.folder.withLock { folder in
            if folder == nil { folder = try? ScratchFolder.create(in: home) }
            return folder?.url ?? home.scratch.appendingPathComponent("run-\(getpid())")
        }
    }

    /// Removes the scratch folder and its lock; a later ``runScratch`` makes a new one.
    public func removeScratch() {
        scratch.folder.withLock { folder in
            folder?.remove()
            folder = nil
        }
    }

    /// Installs PyPI packages into the cache.
    public var installer: PyPIInstaller { PyPIInstaller(home: home, launcher: launcher, environment: environment) }

    /// The adapters' factory for this machine, with the user's interpreters; AOT artifacts that
    /// processes share go to `artifacts` (default: the scratch folder's).
    public func runtimeFactory(
        _ toolbox: Toolbox, install: Bool, user: [Interpreter] = [], artifacts: URL? = nil
    ) -> RuntimeFactory {
        let progress = self.progress
        let provisioner = InterpreterProvisioner(
            installer: installer, allowInstall: install, progress: { progress("setup: \($0)") })
        return RuntimeFactory(
            context: RuntimeContext(
                toolbox: toolbox, launcher: launcher, workerExecutable: workerExecutable,
                artifactFolder: (artifacts ?? runScratch.appendingPathComponent("artifacts")).path,
                environment: environment),
            interpreters: InterpreterCatalog(provisioner: provisioner, user: user),
            pythonRunner: try? PythonSuite(installer: installer).runnerPath())
    }

    /// Builds the matched CPython pair, or a variant of it (or finds it in the cache), printing progress.
    public func buildMatchedPair(source: CPythonSource, jobs: Int, variant: CPythonVariant? = nil)
        throws(PythonBuildError) -> CPythonPair
    {
        try MatchedPairInterpreters.build(
            home: home, launcher: launcher, environment: environment, source: source, jobs: jobs, variant: variant,
            progress: progress)
    }
}

/// Where a workspace and its copies keep the run's scratch folder once it is made; the folder
/// is removed when the last copy goes (a command that returns, or throws, leaves none behind).
private final class ScratchSlot: Sendable {
    let folder = Mutex<ScratchFolder?>(nil)

    deinit {
        folder.withLock { $0?.remove() }
    }
}

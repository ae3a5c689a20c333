import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// Wasmer 2 (the engine inside wasmer-python 1.1.0) with one of its compilers, running the module
/// through a Python driver of ours that times compile, instantiate and the guest's run inside
/// the process and reports them as the Node driver does (``DriverReport``).
///
/// Each run spawns Python 3.10 in isolated mode (`-I -S`: no user site-packages, no `PYTHON*`
/// variables) with an empty environment, plus the LLVM compiler's preload. The guest gets WASI
/// with its arguments only: no preopened folder, no environment. So it runs WASI commands and
/// exported functions that need nothing more (the kernels), not interpreters.
public struct WasmerRuntime: BenchmarkRuntime {
    /// Wasmer's compilers, one runtime id each.
    public enum Compiler: String, Sendable, CaseIterable {
        /// Cranelift, Wasmer 2's default optimising code generator.
        case cranelift
        /// Singlepass, a one-pass baseline compiler (fast to compile, slower code).
        case singlepass
        /// LLVM 13 (slow to compile, the best code).
        case llvm

        /// The runtime id (`wasmer-cranelift`).
        public var id: String { "wasmer-\(rawValue)" }

        /// The engine setting, as the report records it.
        public var flags: [String] { ["engine=universal", "compiler=\(rawValue)"] }
    }

    /// The engine setting and the Python that runs it, as the report records them.
    public var flags: [String] { compiler.flags + ["python=\(pythonVersion)"] }

    /// The compiler.
    public let compiler: Compiler
    /// The Python 3.10 that runs wasmer-python, or nil.
    public let python: String?
    /// Its version (`3.10.13`).
    public let pythonVersion: String
    /// What the report shows as the version (`2.1.1 (wasmer-python 1.1.0)`).
    public let version: String
    /// The folders `wasmer` and the compiler are imported from.
    public let importPaths: [String]
    /// Variables the Python process needs (the LLVM compiler's preload), beside an empty environment.
    public let environment: [String: String]
    /// Why it is unavailable.
    public let unavailableReason: String?
    /// Where the engine and the Python came from, for the report.
    public let source: String?
    /// Spawns it.
    public let launcher: ProcessLauncher

    /// Creates the runtime for one compiler.
    public init(
        compiler: Compiler, python: String?, pythonVersion: String, version: String, importPaths: [String],
        environment: [String: String],
        unavailableReason: String?, source: String? = nil, launcher: ProcessLauncher
    ) {
        self.compiler = compiler
        self.python = python
        self.pythonVersion = pythonVersion
        self.version = version
        self.importPaths = importPaths
        self.environment = environment
        self.unavailableReason = unavailableReason
        self.source = source
        self.launcher = launcher
    }

    /// The runtime id.
    public var id: String { compiler.id }

    /// The driver script shipped with wasmbench.
    static var driverPath: String? {
        Bundle.module.url(forResource: "wasmer-driver", withExtension: "py", subdirectory: "Drivers")?.path
    }

    /// Why this runtime cannot run at all, or nil.
    private var availability: String? {
        if let unavailableReason { return unavailableReason }
        if python == nil { return "no Python 3.10 for wasmer-python" }
        if Self.driverPath == nil {
            return "the wasmer driver script is missing from wasmbench's resources; reinstall wasmbench"
        }
        return nil
    }

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        var notes = [
            "compile = wasmer.Module(store, bytes) with engine.Universal(\(compiler.rawValue) compiler): validate and compile every function, in parallel on every core (each compiler's extension carries rayon)",
            "instantiate = the WASI import object (arguments only: no folder, no environment) and wasmer.Instance",
            "startup = the _start call to the guest's first clock reading; wall holds Python's start-up and the import of wasmer",
            "an old engine: Wasmer 2.1.1 (late 2021) inside wasmer-python 1.1.0 (wheels of January 2022), run by Python \(pythonVersion)",
        ]
        if !environment.isEmpty {
            notes.append(
                "the LLVM compiler's wheel names its bundled libtinfo wrongly in its version needs, which aborts the loader; the bundled copy is preloaded as libtinfo.so.5 ("
                    + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                    + ")")
        }
        return RuntimeInfo(
            id: id, name: "wasmer", version: version, kind: .subprocess, flags: flags,
            available: availability == nil, unavailableReason: availability,
            exposedPhases: [.compile, .instantiate, .startup, .execute, .wall], notes: notes, source: source)
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        if let reason = program.needsInterpreterReason ?? availability { return reason }
        guard program.hosting.isPlain else {
            return
                "\(id) gives the guest no folders, environment, other entry export or trapping imports (wasmbench's wasmer driver runs plain WASI commands and exports)"
        }
        return nil
    }

    /// The Python arguments of a run: isolated mode, the driver, the import folders, the
    /// compiler, the report, the module, then the command's arguments or the export's call.
    func driverArguments(driver: String, reportPath: String, request: RunRequest) -> [String] {
        var arguments = ["-I", "-S", driver]
        for folder in importPaths { arguments += ["--path", folder] }
        return arguments + [compiler.rawValue, reportPath, request.program.wasmPath] + request.driverMode
    }

    /// Runs the program once in a fresh Python process; failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        if let reason = unsupportedReason(for: request.program) { return .failure(.unsupported, reason) }
        guard let python, let driver = Self.driverPath else {
            return .failure(.unsupported, availability ?? "\(id) is not available")
        }
        let reportPath = request.scratchDirectory + "/wasmer-report.json"
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        let arguments = driverArguments(driver: driver, reportPath: reportPath, request: request)
        switch child.spawn(python, arguments, environment: environment, request: request) {
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        case .success(let finished):
            var outcome = child.driverOutcome(finished, reportPath: reportPath, request: request, engine: "Wasmer")
            // The recorded command is run again by `wasmbench reproduce` through a shell: it
            // carries the variables too.
            if !environment.isEmpty, let command = outcome.command {
                let assignments = environment.sorted { $0.key < $1.key }.map { shellQuote("\($0.key)=\($0.value)") }
                outcome.command = (["env"] + assignments).joined(separator: " ") + " " + command
            }
            return outcome
        }
    }
}

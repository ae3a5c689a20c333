import WasmBenchModel
import WasmBenchRuntime

/// A language interpreter that runs script workloads (Python benchmarks): natively, or as a
/// WebAssembly module on a Wasm runtime.
///
/// An interpreter turns a script workload into the program its host runs: the interpreter's
/// module or executable, wasmbench's guest runner and the script as arguments, and (in Wasm) the
/// folders that hold them mounted read-only where the runtime can.
public struct Interpreter: Sendable, Equatable {
    /// How the interpreter is built.
    public enum Build: Sendable, Equatable {
        /// A native executable of the host.
        case native(executable: String)
        /// A WebAssembly module and what it needs from its host.
        case wasm(module: String, hosting: GuestHosting)
    }

    /// The id, e.g. `wasi-python3.15`, `micropython-wasi`, `pypy3`; runtime ids are
    /// `ID@HOST` for Wasm builds and `ID` for native ones.
    public var id: String
    /// The language version it implements, e.g. `3.15.0a1`.
    public var languageVersion: String
    /// Where it came from and how it was built (package and version, compiler and flags when known).
    public var provenance: String
    /// How it is built.
    public var build: Build
    /// Why it cannot run here (not installed, failed to install), or nil.
    public var unavailableReason: String?
    /// Extra interpreter arguments before the runner (e.g. MicroPython's `-X heapsize=…`).
    public var arguments: [String]
    /// How it was built, as far as it is known: what fairness checks compare.
    public var buildRecord: InterpreterBuild?
    /// Where the guest sees wasmbench's runner folder (Wasm builds).
    public static let runnerGuestFolder = "/wasmbench"
    /// Where the guest sees the benchmark's folder (Wasm builds).
    public static let benchmarkGuestFolder = "/bench"

    /// Creates an interpreter description.
    public init(
        id: String, languageVersion: String, provenance: String, build: Build, unavailableReason: String? = nil,
        arguments: [String] = [], buildRecord: InterpreterBuild? = nil
    ) {
        self.id = id
        self.languageVersion = languageVersion
        self.provenance = provenance
        self.build = build
        self.unavailableReason = unavailableReason
        self.arguments = arguments
        self.buildRecord = buildRecord
    }

    /// The program a host runs for a script workload, with wasmbench's runner at `runner`.
    ///
    /// - Parameters:
    ///   - script: the workload (its `script` is the benchmark file's host path).
    ///   - runner: the host path of `wasmbench_runner.py`.
    public func program(for script: GuestProgram, runner: String) -> GuestProgram? {
        guard let file = script.script else { return nil }
        let benchmarkFolder = Self.folder(of: file)
        let runnerFolder = Self.folder(of: runner)
        switch build {
        case .native(let executable):
            return GuestProgram(
                workload: script.workload, wasmPath: "", nativePath: executable,
                entry: .command(arguments: arguments + [runner, file]), reportsMarkers: true,
                hosting: GuestHosting(environment: ["PYTHONDONTWRITEBYTECODE": "1"]))
        case .wasm(let module, var hosting):
            hosting.mounts += [
                GuestHosting.Mount(hostPath: runnerFolder, guestPath: Self.runnerGuestFolder),
                GuestHosting.Mount(hostPath: benchmarkFolder, guestPath: Self.benchmarkGuestFolder),
            ]
            let guestRunner = Self.runnerGuestFolder + "/" + Self.name(of: runner)
            let guestFile = Self.benchmarkGuestFolder + "/" + Self.name(of: file)
            return GuestProgram(
                workload: script.workload, wasmPath: module,
                entry: .command(arguments: arguments + [guestRunner, guestFile]),
                reportsMarkers: true, hosting: hosting)
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}

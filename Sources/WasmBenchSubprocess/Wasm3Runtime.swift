import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// wasm3, the interpreter, through a small C driver of ours (built at set-up time against the
/// wasm3 core sources of PyPI pywasm3's sdist) that times parse, instantiate, compile and the
/// guest's run inside one process and writes the drivers' report (``DriverReport``).
///
/// pywasm3's sources have no WASI: the driver gives the guest a minimal one of its own (arguments,
/// clocks, stdout and stderr, exit), with no preopened folders and an empty environment, so
/// programs that need more are unsupported rather than run half-hosted.
public struct Wasm3Runtime: BenchmarkRuntime {
    /// The runtime id.
    public static let id = "wasm3"
    /// The driver program, or nil.
    public let driver: String?
    /// The wasm3 version the driver is built from.
    public let version: String
    /// Why it is unavailable, when ``driver`` is nil.
    public let unavailableReason: String?
    /// Where the driver came from (package, compiler, flags).
    public let source: String?
    /// Spawns it.
    public let launcher: ProcessLauncher

    /// Creates the runtime.
    public init(
        driver: String?, version: String, unavailableReason: String?, source: String?, launcher: ProcessLauncher
    ) {
        self.driver = driver
        self.version = version
        self.unavailableReason = unavailableReason
        self.source = source
        self.launcher = launcher
    }

    /// The runtime id.
    public var id: String { Self.id }

    /// What the driver can host: plain commands (through any export) and exports.
    static let hosting = PlainHosting(engine: "wasm3's driver", entersOtherExports: true, invokes: true)

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        RuntimeInfo(
            id: id, name: "wasm3", version: version, kind: .subprocess, flags: ["compile=eager"],
            available: driver != nil, unavailableReason: driver == nil ? unavailableReason : nil,
            exposedPhases: [.parse, .compile, .instantiate, .startup, .execute, .wall],
            notes: [
                "parse = m3_ParseModule; instantiate = m3_LoadModule (memory, globals, data and element segments) plus linking the driver's WASI functions",
                "compile = m3_CompileModule: every function translated to wasm3's threaded code before the run (wasm3 compiles each function on its first call otherwise); it comes after instantiate, because wasm3 compiles calls against linked imports",
                "startup = the _start call to the guest's first clock reading",
                "wasm3 0.5.0 with one substitution in its compiler: overlong LEB encodings of its 7-bit reads are accepted (the kernels' call_indirect writes its table index in 5 bytes, which 0.5.0 rejects)",
                "the guest gets the driver's own minimal WASI (arguments, clocks, stdout and stderr, exit; no folders, no environment): pywasm3's sources have none",
            ], source: source)
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        if let reason = program.needsInterpreterReason { return reason }
        guard driver != nil else { return unavailableReason ?? "the wasm3 driver is not built" }
        return Self.hosting.problem(program)
    }

    /// The driver's arguments: the report's path, the module, then `command EXPORT ARGS…` or
    /// `invoke ITERATIONS FUNCTION VALUES…`.
    static func arguments(reportPath: String, request: RunRequest) -> [String] {
        let program = request.program
        switch program.entry {
        case .command:
            return [reportPath, program.wasmPath, "command", program.hosting.commandExport ?? "_start"]
                + program.commandArguments(iterations: request.iterations)
        case .invoke(let function, let values):
            return [reportPath, program.wasmPath, "invoke", String(request.iterations), function] + values
        }
    }

    /// Runs the program once in a fresh driver process; failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        if let reason = unsupportedReason(for: request.program) { return .failure(.unsupported, reason) }
        guard let driver else { return .failure(.unsupported, unavailableReason ?? "the wasm3 driver is not built") }
        let reportPath = request.scratchDirectory + "/wasm3-report.json"
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        switch child.spawn(driver, Self.arguments(reportPath: reportPath, request: request), request: request) {
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        case .success(let finished):
            return child.driverOutcome(finished, reportPath: reportPath, request: request, engine: "wasm3")
        }
    }
}

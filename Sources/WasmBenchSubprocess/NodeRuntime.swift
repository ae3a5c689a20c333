import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// Node.js (V8) running the module through a driver script of ours that times compile,
/// instantiate and the guest's run inside the process.
///
/// Lazy compilation is switched off in every mode so that `compile` really compiles every
/// function. The guest gets `node:wasi` with no preopened directories and an empty environment.
public struct NodeRuntime: BenchmarkRuntime {
    /// Which V8 tiers run the code.
    public enum Tier: String, Sendable, CaseIterable {
        /// Liftoff first, TurboFan tier-up of hot functions (V8's default).
        case dynamic
        /// Liftoff only: the baseline compiler, no tier-up.
        case liftoff
        /// TurboFan only: the optimising compiler for every function up front.
        case turbofan

        /// The runtime id.
        public var id: String {
            switch self {
            case .dynamic: "node"
            case .liftoff: "node-liftoff"
            case .turbofan: "node-turbofan"
            }
        }

        /// The V8 flags of this tier.
        public var flags: [String] {
            switch self {
            case .dynamic: ["--no-wasm-lazy-compilation"]
            case .liftoff: ["--no-wasm-lazy-compilation", "--liftoff", "--no-wasm-tier-up"]
            case .turbofan: ["--no-wasm-lazy-compilation", "--no-liftoff"]
            }
        }
    }

    /// The tier.
    public let tier: Tier
    /// The node program, or nil.
    public let executable: String?
    /// Its version (`v20.x, V8 11.x`).
    public let version: String
    /// Why it is unavailable.
    public let unavailableReason: String?
    /// Spawns it.
    public let launcher: ProcessLauncher

    /// Creates the runtime for one tier.
    public init(tier: Tier, executable: String?, version: String, unavailableReason: String?, launcher: ProcessLauncher)
    {
        self.tier = tier
        self.executable = executable
        self.version = version
        self.unavailableReason = unavailableReason
        self.launcher = launcher
    }

    /// The runtime id.
    public var id: String { tier.id }

    /// The driver script shipped with wasmbench.
    static var driverPath: String? {
        Bundle.module.url(forResource: "node-driver", withExtension: "mjs", subdirectory: "Drivers")?.path
    }

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        let missingDriver =
            Self.driverPath == nil
            ? "the node driver script is missing from wasmbench's resources; reinstall wasmbench" : nil
        return RuntimeInfo(
            id: id, name: "node", version: version, kind: .subprocess, flags: tier.flags,
            available: executable != nil && missingDriver == nil, unavailableReason: unavailableReason ?? missingDriver,
            exposedPhases: [.compile, .instantiate, .startup, .execute, .wall],
            notes: [
                "compile = new WebAssembly.Module (decode, validate and compile every function; lazy compilation off)",
                "startup = wasi.start() to the guest's first clock reading",
                "V8 has no on-stack replacement for wasm: a function tiers up between calls, not inside one",
            ])
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        program.needsInterpreterReason ?? (executable == nil ? (unavailableReason ?? "node is not available") : nil)
    }

    /// Runs the program once in a fresh process; failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        guard let node = executable, let driver = Self.driverPath else {
            return .failure(.unsupported, describe().unavailableReason ?? "node is not available")
        }
        let reportPath = request.scratchDirectory + "/node-report.json"
        let hostingPath = request.scratchDirectory + "/node-hosting.json"
        do {
            try JSONEncoder().encode(request.program.hosting).write(to: URL(fileURLWithPath: hostingPath))
        } catch {
            return .failure(
                .runtimeError, "cannot write \(hostingPath) (\(FileSystem.reason(error))); check the cache folder")
        }
        let arguments =
            tier.flags + ["--no-warnings", driver, reportPath, hostingPath, request.program.wasmPath]
            + request.driverMode
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        switch child.spawn(node, arguments, request: request) {
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        case .success(let finished):
            return child.driverOutcome(finished, reportPath: reportPath, request: request, engine: "V8")
        }
    }
}

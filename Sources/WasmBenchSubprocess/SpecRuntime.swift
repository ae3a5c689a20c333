import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// A runtime described by a file (``RuntimeSpec``): each process runs the optional compile
/// command (timed, with the artifact's size) and then the run command, as the built-in
/// command-line adapters do. Its phases are those the guest's markers and the process give.
public struct SpecRuntime: BenchmarkRuntime {
    /// The description.
    public let spec: RuntimeSpec
    /// The program's path, or nil when it was not found.
    public let executable: String?
    /// The compiler's path, when the compile step names a program of its own.
    public let compiler: String?
    /// The version line the program printed, or `unknown`.
    public let version: String
    /// Why it cannot run here.
    public let unavailableReason: String?
    /// Spawns it.
    public let launcher: ProcessLauncher

    /// Creates the runtime; `executable` (and `compiler`, when the spec names one) are resolved paths.
    public init(
        spec: RuntimeSpec, executable: String?, compiler: String? = nil, version: String, unavailableReason: String?,
        launcher: ProcessLauncher
    ) {
        self.spec = spec
        self.executable = executable
        self.compiler = compiler
        self.version = version
        self.unavailableReason = unavailableReason
        self.launcher = launcher
    }

    /// The spec's id.
    public var id: String { spec.id }

    /// Version, availability, the phases the spec reports and its notes.
    public func describe() -> RuntimeInfo {
        var notes = [
            "described by \(spec.path): `\(([spec.program] + spec.run).joined(separator: " "))`",
            "startup = spawn to the guest's first clock reading: the runtime's start-up, compile or artifact load, instantiation",
        ]
        if spec.compile != nil {
            notes.append("aot-compile = the whole compile process (with its own start-up); artifact-bytes = its size")
        }
        return RuntimeInfo(
            id: id, name: URL(fileURLWithPath: spec.program).lastPathComponent, version: version, kind: .subprocess,
            flags: spec.run,
            available: unavailableReason == nil && executable != nil, unavailableReason: unavailableReason,
            exposedPhases: spec.phases, notes: notes + spec.notes, source: spec.path)
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        if let reason = program.needsInterpreterReason { return reason }
        if executable == nil || unavailableReason != nil { return unavailableReason ?? "\(id) is not available" }
        if case .invoke = program.entry, spec.invoke == nil {
            return "\(spec.path) has no `invoke` template, so \(id) cannot call an exported function"
        }
        let hosting = program.hosting
        if !hosting.mounts.isEmpty && spec.mount == nil {
            return "\(spec.path) has no `mount` template, so \(id) cannot give the guest folders"
        }
        if !hosting.environment.isEmpty && spec.environment == nil {
            return "\(spec.path) has no `environment` template, so \(id) cannot pass the guest variables"
        }
        if hosting.trapUnknownImports && spec.trapUnknownImports == nil {
            return
                "\(spec.path) has no `trapUnknownImports` words, so \(id) cannot link the guest's unknown imports as traps"
        }
        if hosting.commandExport != nil && spec.entry == nil {
            return
                "\(spec.path) has no `entry` words, so \(id) cannot enter the guest through another export than _start"
        }
        return nil
    }

    /// Runs the program once: the compile step, if any, then the run command; failures are outcomes.
    public func run(_ request: RunRequest) -> RunOutcome {
        if let reason = unsupportedReason(for: request.program) { return .failure(.unsupported, reason) }
        guard let executable else { return .failure(.unsupported, "\(id) is not available") }
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        var module = request.program.wasmPath
        var extra: [PhaseSample] = []
        var values = ["wasm": request.program.wasmPath]
        if let compile = spec.compile {
            let artifact = request.scratchDirectory + "/" + compile.artifact
            values["artifact"] = artifact
            let arguments = RuntimeSpec.expand(
                compile.arguments, values: ["module": request.program.wasmPath, "artifact": artifact])
            switch child.spawn(compiler ?? executable, arguments, request: request, name: "compile") {
            case .failure(let error):
                return .failure(.runtimeError, error.description)
            case .success(let finished):
                guard finished.result.termination == .exited(0) else {
                    let status = child.status(finished, report: GuestReport(parsing: ""), request: request)
                    return RunOutcome(samples: [], status: status, command: finished.command)
                }
                extra = [
                    PhaseSample(.aotCompile, .time, finished.result.wallSeconds, command: finished.command),
                    PhaseSample(
                        .aotCompile, .cpu, finished.result.userSeconds + finished.result.systemSeconds,
                        command: finished.command),
                ]
                if let size = (try? FileManager.default.attributesOfItem(atPath: artifact)[.size] as? NSNumber) {
                    extra.append(PhaseSample(.aotCompile, .artifactBytes, size.doubleValue, command: finished.command))
                }
                module = artifact
            }
        }
        values["module"] = module
        let hosting = request.program.hosting
        let mounts = hosting.mounts.flatMap { mount in
            RuntimeSpec.expand(spec.mount ?? [], values: ["host": mount.hostPath, "guest": mount.guestPath])
        }
        let environment = hosting.environment.sorted { $0.key < $1.key }.flatMap { name, value in
            RuntimeSpec.expand(spec.environment ?? [], values: ["name": name, "value": value])
        }
        let options =
            (hosting.trapUnknownImports ? spec.trapUnknownImports ?? [] : [])
            + (hosting.commandExport.map { RuntimeSpec.expand(spec.entry ?? [], values: ["export": $0]) } ?? [])
        let arguments: [String]
        switch request.program.entry {
        case .command:
            arguments = RuntimeSpec.expand(
                spec.run, values: values,
                lists: [
                    "arguments": request.program.commandArguments(iterations: request.iterations), "mounts": mounts,
                    "environment": environment, "options": options,
                ])
        case .invoke(let function, let callArguments):
            values["function"] = function
            arguments = RuntimeSpec.expand(
                spec.invoke ?? [], values: values, lists: ["arguments": callArguments, "environment": environment])
        }
        switch child.spawn(executable, arguments, request: request) {
        case .success(let finished):
            return child.outcome(finished, request: request, extra: extra)
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        }
    }
}

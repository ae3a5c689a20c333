/// How a runtime is driven.
public enum RuntimeKind: String, Codable, Sendable {
    /// The workload built as a native executable of the host.
    case native
    /// An engine embedded in wasmbench, run inside a worker process of ours.
    case inProcess = "in-process"
    /// A runtime's own command-line program, spawned per process.
    case subprocess
}

/// What is known about one runtime id on this machine.
public struct RuntimeInfo: Codable, Sendable, Equatable {
    /// The id users pass to `--runtime`, e.g. `wasmtime-winch`.
    public var id: String
    /// The engine's name, e.g. `wasmtime`.
    public var name: String
    /// The version the engine reported, or `unknown`.
    public var version: String
    /// How it is driven.
    public var kind: RuntimeKind
    /// The mode and flags that distinguish this id (compiler, tier, cache off…).
    public var flags: [String]
    /// Whether it can run here.
    public var available: Bool
    /// Why not, and what to do about it, when ``available`` is false.
    public var unavailableReason: String?
    /// The phases this runtime really measures; every other phase is unavailable for it.
    public var exposedPhases: [Phase]
    /// What a phase means for this runtime where it differs from the general definition.
    public var notes: [String]
    /// Where the engine came from (a path, a package and version).
    public var source: String?
    /// For an interpreter runtime (`INTERPRETER@HOST`): how the interpreter was built.
    public var build: InterpreterBuild?
    /// For a runtime that compiles ahead of time: the id of the same engine compiling on every
    /// start, against which ``AOTCrossover`` says when the compile pays for itself.
    public var compiledAheadOf: String?

    /// Creates a runtime description.
    public init(
        id: String, name: String, version: String, kind: RuntimeKind, flags: [String], available: Bool,
        unavailableReason: String? = nil, exposedPhases: [Phase], notes: [String] = [], source: String? = nil,
        build: InterpreterBuild? = nil, compiledAheadOf: String? = nil
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.kind = kind
        self.flags = flags
        self.available = available
        self.unavailableReason = unavailableReason
        self.exposedPhases = exposedPhases
        self.notes = notes
        self.source = source
        self.build = build
        self.compiledAheadOf = compiledAheadOf
    }
}

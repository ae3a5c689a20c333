import WasmBenchPairBuilder
import WasmBenchProvision

/// Every interpreter wasmbench knows, where each runs, and the interpreters themselves on this
/// machine (found, installed, built, or described by the user).
///
/// The table is the one list of interpreter ids: the runtime registry asks it whether a name is
/// an interpreter and where it may run; `wasmbench runtimes` lists it.
public struct InterpreterCatalog: Sendable {
    /// Where an interpreter's build runs.
    public enum Placement: Sendable, Equatable {
        /// A native executable: its id is its runtime id.
        case native
        /// A WebAssembly module for WASI: it runs on a Wasm runtime as `ID@HOST`.
        case wasi
        /// Built with Emscripten for a JavaScript host: `ID@HOST` with a JavaScript engine as host.
        case javaScript
    }

    /// One interpreter id of the table.
    public struct Entry: Sendable, Equatable {
        /// The id, e.g. `pypy3`.
        public let id: String
        /// Where it runs.
        public let placement: Placement

        /// Creates an entry.
        public init(id: String, placement: Placement) {
            self.id = id
            self.placement = placement
        }
    }

    /// The id of Pyodide, whose adapter is its own (a JavaScript host runs it, not a WASI one).
    public static let pyodideID = "pyodide"

    /// wasmbench's own interpreters, in the order lists show them.
    public static let builtIn: [Entry] = [
        Entry(id: MatchedPairInterpreters.nativeID, placement: .native),
        Entry(id: "python3-host", placement: .native),
        Entry(id: "pypy3", placement: .native),
        Entry(id: "micropython-native", placement: .native),
        Entry(id: MatchedPairInterpreters.wasiID, placement: .wasi),
        Entry(id: "wasi-python3.15", placement: .wasi),
        Entry(id: "wasi-python3.15-snapshot", placement: .wasi),
        Entry(id: "micropython-wasi", placement: .wasi),
        Entry(id: pyodideID, placement: .javaScript),
    ]

    /// Interpreter ids a user's spec file may not take.
    public static var reservedIDs: [String] { builtIn.map(\.id) }

    /// Finds and installs wasmbench's own interpreters.
    public let provisioner: InterpreterProvisioner
    /// Interpreters the user described in spec files; they run on Wasm runtimes.
    public let user: [Interpreter]

    /// Creates the catalog.
    public init(provisioner: InterpreterProvisioner, user: [Interpreter] = []) {
        self.provisioner = provisioner
        self.user = user
    }

    /// The entry for an id: one of wasmbench's, a user's (placed in Wasm), a side of a variant of
    /// the matched pair (`cpython3.11-NAME-native`, `cpython3.11-NAME-wasi`, built or not), or nil.
    public static func entry(_ id: String, user: [String] = []) -> Entry? {
        if let mine = builtIn.first(where: { $0.id == id }) { return mine }
        if user.contains(id) { return Entry(id: id, placement: .wasi) }
        return CPythonPair.variantSide(of: id).map { Entry(id: id, placement: $0.native ? .native : .wasi) }
    }

    /// The interpreter for a native or WASI id, installing it when the provisioner may; nil for
    /// an unknown id and for Pyodide (which ``InterpreterCatalog`` does not describe as an ``Interpreter``).
    public func interpreter(_ id: String) -> Interpreter? {
        if let mine = user.first(where: { $0.id == id }) { return mine }
        if id == MatchedPairInterpreters.nativeID || id == MatchedPairInterpreters.wasiID
            || MatchedPairInterpreters.isVariantSide(id)
        {
            return MatchedPairInterpreters.interpreter(id, home: provisioner.installer.home)
        }
        return provisioner.interpreter(id)
    }
}

import WasmBenchModel

/// A workload ready to run: its built files and how to enter it.
public struct GuestProgram: Codable, Sendable, Equatable {
    /// How the module is entered.
    public enum Entry: Codable, Sendable, Equatable {
        /// A WASI command: `_start`, with these arguments after the program name.
        case command(arguments: [String])
        /// An exported function called with these arguments (parsed per the function's type).
        case invoke(function: String, arguments: [String])
    }

    /// The workload id rows are filed under.
    public var workload: String
    /// Absolute path of the `.wasm` module.
    public var wasmPath: String
    /// Absolute path of the native executable built from the same source, if any.
    public var nativePath: String?
    /// How to enter it.
    public var entry: Entry
    /// Whether the guest prints wasmbench's markers (see ``GuestReport``) and takes the iteration
    /// count as its last argument.
    public var reportsMarkers: Bool
    /// Folders, environment and entry details the guest needs (none for the kernels).
    public var hosting: GuestHosting
    /// For a benchmark written in a language an interpreter runs (Python): the script's host path.
    /// Only an interpreter runtime (`INTERPRETER@HOST`) can run such a program; it supplies the
    /// module or executable itself.
    public var script: String?
    /// For an invoked export: its parameter types (`i32`, `i64`, `f32`, `f64`) as read from the
    /// module when the arguments were checked, for runtimes that must convert each argument
    /// themselves (Node passes an `i64` as a BigInt); `nil` when they were not read.
    public var parameterTypes: [String]?

    /// Creates a program description.
    public init(
        workload: String, wasmPath: String, nativePath: String? = nil, entry: Entry, reportsMarkers: Bool,
        hosting: GuestHosting = .none, script: String? = nil
    ) {
        self.workload = workload
        self.wasmPath = wasmPath
        self.nativePath = nativePath
        self.entry = entry
        self.reportsMarkers = reportsMarkers
        self.hosting = hosting
        self.script = script
    }

    /// The guest's arguments for a run of `iterations` iterations (after the program name).
    ///
    /// Marker-reporting commands take the iteration count as their last argument.
    public func commandArguments(iterations: Int) -> [String] {
        guard case .command(let arguments) = entry else { return [] }
        return reportsMarkers ? arguments + [String(iterations)] : arguments
    }
}

/// One process's worth of work for a runtime.
public struct RunRequest: Codable, Sendable, Equatable {
    /// What to run.
    public var program: GuestProgram
    /// Iterations inside the process: passed to a marker-reporting guest, or the number of calls of
    /// an invoked function.
    public var iterations: Int
    /// Time limit of the whole process in seconds.
    public var timeoutSeconds: Double
    /// A fresh, empty folder this run may write to (output capture, artifacts).
    public var scratchDirectory: String
    /// A program and its arguments to start the guest's process under (a profiler, such as
    /// `valgrind --tool=callgrind …`), or `nil`. Adapters that spawn put it before their command
    /// (an embedded engine's worker process included); a helper step (an AOT compile) runs
    /// without it.
    public var commandPrefix: [String]?
    /// Where to write a profile of the guest's own functions, for runtimes that can sample one
    /// (the wasmtime CLI's guest profiler, Firefox-profiler JSON), or `nil`. Runtimes that cannot
    /// write no file.
    public var guestProfilePath: String?
    /// The most bytes of the guest's standard output, and of its standard error, kept; `nil` for
    /// ``RunConfiguration/defaultOutputLimitBytes``. A guest that writes more is killed and fails as
    /// ``FailureKind/outputLimit``.
    public var outputLimitBytes: Int?

    /// The output limit in force.
    public var effectiveOutputLimitBytes: Int { outputLimitBytes ?? RunConfiguration.defaultOutputLimitBytes }

    /// Whether to run an instrumented copy of the module (a counter per basic block) and hand back
    /// the Wasm instructions it executed as ``RunOutcome/opcodeTally``. WasmKit and wasmtime's C API can; other
    /// runtimes ignore it and return no tally. The module's file is never changed.
    public var countOpcodes: Bool

    /// Creates a request.
    public init(
        program: GuestProgram, iterations: Int, timeoutSeconds: Double, scratchDirectory: String,
        commandPrefix: [String]? = nil, guestProfilePath: String? = nil, outputLimitBytes: Int? = nil,
        countOpcodes: Bool = false
    ) {
        self.countOpcodes = countOpcodes
        self.program = program
        self.iterations = iterations
        self.timeoutSeconds = timeoutSeconds
        self.scratchDirectory = scratchDirectory
        self.commandPrefix = commandPrefix
        self.guestProfilePath = guestProfilePath
        self.outputLimitBytes = outputLimitBytes
    }
}

extension GuestProgram {
    /// Why a runtime without an interpreter cannot run this program (a script workload), or nil.
    public var needsInterpreterReason: String? {
        script.map { _ in
            "\(workload) is a script: run it on an interpreter runtime (INTERPRETER@HOST, e.g. wasi-python3.15@wasmtime-aot)"
        }
    }
}

/// A stage of running a workload that wasmbench times apart.
///
/// The raw value is the exact name used in the JSON artifact. A runtime that cannot expose a phase
/// does not report it: the phase is then `unavailable` for that runtime (see
/// ``RuntimeInfo/exposedPhases``), never estimated.
public enum Phase: String, Codable, Sendable, CaseIterable, Comparable {
    /// Decoding (and, where the runtime separates it, validating) the module bytes.
    case parse
    /// Translating the module to executable code before it runs (JIT compile, or eager
    /// translation in an interpreter).
    case compile
    /// Ahead-of-time compilation to an artifact; carries the `artifact-bytes` metric too.
    case aotCompile = "aot-compile"
    /// Loading an ahead-of-time artifact back into the engine.
    case aotLoad = "aot-load"
    /// Creating an instance: memories, tables, imports, data and element segments.
    case instantiate
    /// Loading an interpreter that its host builds in JavaScript (Pyodide's `loadPyodide`: fetch,
    /// compile and instantiate of its module and the interpreter's own initialisation), timed by
    /// the driver. It lies inside `startup`, which still runs from the spawn.
    case load
    /// From the moment the runtime was asked to start the guest (process spawn for subprocess
    /// runtimes, the `_start` call for in-process ones) to the guest's first own clock reading.
    case startup
    /// Loading the benchmark inside an interpreter guest (reading, compiling and running the
    /// benchmark file's top level), as the guest's clock reports it.
    case `import`
    /// One iteration of the workload's measured region, as the guest's clock or the host's timed
    /// call reports it; in an instruction run, the instructions of one iteration derived from the
    /// counted runs' `wall` totals (summaries only, no row).
    case execute
    /// The whole process, spawn to exit; carries the `cpu` and `peak-rss` metrics too, and in an
    /// instruction run each counted process's `instructions`.
    case wall

    /// The order phases happen in, for tables.
    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        let order = Phase.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// What a row's value measures.
public enum Metric: String, Codable, Sendable, CaseIterable, Comparable {
    /// Elapsed time, in seconds.
    case time
    /// User plus system CPU time of the process, in seconds.
    case cpu
    /// Peak resident set size of the process, in bytes.
    case peakRSS = "peak-rss"
    /// Size of an ahead-of-time artifact, in bytes.
    case artifactBytes = "artifact-bytes"
    /// Instructions executed, counted by callgrind (every thread of the process): a `wall` row
    /// holds one counted process's total, an `execute` summary the cost of one iteration derived
    /// from those totals (see ``Measure/instructions``).
    case instructions

    /// The unit a value of this metric is stored in.
    public var unit: MeasureUnit {
        switch self {
        case .time, .cpu: .seconds
        case .peakRSS, .artifactBytes: .bytes
        case .instructions: .instructions
        }
    }

    /// Orders metrics as reports list them.
    public static func < (lhs: Metric, rhs: Metric) -> Bool {
        let order = Metric.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// The unit of a row's value.
public enum MeasureUnit: String, Codable, Sendable {
    /// Seconds.
    case seconds = "s"
    /// Bytes.
    case bytes
    /// Executed instructions (a count).
    case instructions
}

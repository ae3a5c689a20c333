import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchRuntime

/// What a command asked to run: the workloads (a suite, some of its kernels or benchmarks, the
/// user's modules and how to host them) and the runtimes. Commands derive it from their options;
/// ``Planner`` turns it into workloads and adapters.
public struct RunSelection: Sendable, Equatable {
    /// The suite, or nil for the default (kernels when no module is given).
    public var suite: Suite?
    /// Only these kernels of the kernels suite.
    public var kernels: [String] = []
    /// Only these benchmarks of the python suite.
    public var benchmarks: [String] = []
    /// The runtimes asked for; empty means the defaults of ``defaultRuntimes``.
    public var runtimes: [RuntimeID] = []
    /// The runtime ratios are taken against; nil means ``defaultBaseline``.
    public var baseline: RuntimeID?
    /// The user's modules (`.wasm` or `.wat` paths).
    public var modules: [String] = []
    /// The export the user's modules are called through instead of `_start`.
    public var invoke: String?
    /// Arguments for the modules' command or invoked function.
    public var arguments: [String] = []
    /// Whether the user's modules print wasmbench's markers.
    public var markers = false
    /// Folders, environment and entry for the user's modules.
    public var hosting = GuestHosting()
    /// The user's interpreter spec files.
    public var interpreterSpecs: [String] = []
    /// The user's runtime spec files (``RuntimeSpec``): runtimes described by command templates.
    public var runtimeSpecs: [String] = []
    /// Whether missing tools and interpreters may be installed into the cache.
    public var install = true
    /// Whether the kernels keep their symbols (for `explain`'s function profiles).
    public var kernelSymbols = false
    /// The runtimes used when none are asked for, beside the registry's order.
    public var defaultRuntimes: [RuntimeID]?
    /// Whether to plan the runtimes that count opcodes too (`explain --opcodes`): see
    /// ``Planner/opcodeRuntimeIDs(for:user:)``.
    public var countOpcodes = false
    /// A size sweep, `NAME=V1,V2,…` (``ParameterSweep``): each workload once per value; nil for none.
    public var parameter: String?
    /// Whether each module also runs with its custom sections removed, as `ID[stripped]`.
    public var strip = false
    /// Only this slice of the workloads (`--shard K/N`), every runtime of each; nil for all.
    public var shard: Shard?

    /// Creates a selection; every field can be set afterwards.
    public init(suite: Suite? = nil, runtimes: [RuntimeID] = [], modules: [String] = []) {
        self.suite = suite
        self.runtimes = runtimes
        self.modules = modules
    }

    /// The baseline when none is asked for: the matched pair's native side for the python suite,
    /// native otherwise.
    public var defaultBaseline: RuntimeID {
        RuntimeID(base: suite == .python ? MatchedPairInterpreters.nativeID : "native")
    }

    /// The baseline after defaults.
    public var resolvedBaseline: RuntimeID { baseline ?? defaultBaseline }

    /// Whether the kernels suite runs: asked for, or no module and no suite given, or kernels named.
    public var runsKernels: Bool {
        suite == .kernels || (suite == nil && modules.isEmpty) || !kernels.isEmpty
    }
}

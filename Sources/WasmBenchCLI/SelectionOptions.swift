import ArgumentParser
import WasmBenchModel
import WasmBenchPlan

/// The options that choose workloads and runtimes, shared by `run` and `explain`.
struct SelectionOptions: ParsableArguments {
    @Argument(help: "WebAssembly modules (.wasm or .wat) to run besides or instead of a suite.") var modules: [String] =
        []
    @Option(help: "A suite to run: kernels or python. Default: kernels when no module is given.") var suite: Suite?
    @Option(help: "Only these benchmarks of the python suite (comma-separated).", transform: Self.list)
    var benchmark: [String] = []
    @Option(help: "Only these kernels of the suite (comma-separated).", transform: Self.list) var kernel: [String] = []
    @Option(help: "Runtime ids, comma-separated. See `wasmbench runtimes`.", transform: Self.runtimeIDs)
    var runtime: [RuntimeID] = []
    @Option(help: ArgumentHelp("A documented selection of a suite's runtimes.", discussion: Preset.help))
    var preset: Preset?
    @Option(help: "The runtime ratios are taken against (default: native; cpython3.11-native for the python suite).")
    var baseline: RuntimeID?
    @Option(
        name: .customLong("interpreter"),
        help: ArgumentHelp(
            "A Python-in-Wasm interpreter of yours, described in a JSON spec file (repeatable); run it as ID@HOST.",
            discussion: "See the README for the spec's fields (id, module, mounts, environment, entry, …).",
            valueName: "spec.json"))
    var interpreterSpecs: [String] = []
    @Option(
        name: .customLong("runtime-spec"),
        help: ArgumentHelp("A runtime described by a JSON file of commands (repeatable; README).", valueName: "file"))
    var runtimeSpecs: [String] = []
    @Option(help: "Run each workload at these sizes, NAME=V1,V2,… (e.g. a kernel's n=20,24,28; README).") var param:
        String?
    @Flag(help: "Also run each module with its custom sections removed, as ID[stripped].") var strip = false
    @Flag(help: "Do not install missing runtimes from PyPI; use what is there.") var noInstall = false
    @Flag(help: "No progress lines on stderr.") var quiet = false

    /// The selection these options ask for (the caller adds what only it has).
    var selection: RunSelection {
        var selection = RunSelection(
            suite: preset?.suite ?? suite, runtimes: preset?.runtimes ?? runtime, modules: modules)
        selection.kernels = kernel
        selection.benchmarks = benchmark
        selection.baseline = baseline
        selection.interpreterSpecs = interpreterSpecs
        selection.runtimeSpecs = runtimeSpecs
        selection.install = !noInstall
        (selection.parameter, selection.strip) = (param, strip)
        return selection
    }

    /// An option's transform that reads its value with `parse`; text `parse` refuses is a usage
    /// error saying `complaint` and what was given.
    func validate() throws {
        guard let preset else { return }
        if !runtime.isEmpty {
            throw ValidationError("--preset \(preset.rawValue) chooses the runtimes: leave out --runtime")
        }
        if let suite, suite != preset.suite {
            throw ValidationError(
                "--preset \(preset.rawValue) runs the \(preset.suite.rawValue) suite, not --suite \(suite.rawValue)")
        }
    }

    static func parsing<Value>(_ parse: @escaping @Sendable (String) -> Value?, or complaint: String)
        -> @Sendable (String) throws -> Value
    {
        { text in
            guard let value = parse(text) else { throw ValidationError("\(complaint) (got \(text))") }
            return value
        }
    }

    /// Splits a comma-separated list, dropping blanks.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Parses a comma-separated list of whole counts; a word that is not one becomes 0, which
    /// the command's validation refuses with the list it got.
    static func counts(_ text: String) -> [Int] {
        list(text).map { Int($0) ?? 0 }
    }

    /// Parses a comma-separated list of runtime ids; a malformed one is a usage error.
    static func runtimeIDs(_ text: String) throws -> [RuntimeID] {
        try list(text).map { word in
            guard let id = RuntimeID(word) else {
                throw ValidationError("`\(word)` is not a runtime id; the runtime ids are: \(RuntimeRegistry.idHelp)")
            }
            return id
        }
    }
}

extension Suite: ExpressibleByArgument {}
extension Preset: ExpressibleByArgument {}
extension RuntimeID: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import WasmBenchJobs
import WasmBenchPairBuilder
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRunner

/// `wasmbench python`: the Python interpreters wasmbench builds for its Python benchmarks.
struct PythonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "python",
        abstract: "Build the Python interpreters wasmbench compares (the matched CPython pair).",
        subcommands: [PythonBuildCommand.self]
    )
}

/// `wasmbench python build`: builds (or finds in the cache) the matched CPython pair.
struct PythonBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build one CPython source tree natively and for wasm32-wasi with the same compiler and flags.",
        discussion: """
            The default source is Debian's python3.11 (3.11.2-6+deb12u8), fetched with `apt-get source` \
            through a private apt folder (the system's apt configuration is not changed). Both sides \
            are built with clang-14 and the same OPT (-O3) and options (pymalloc and computed gotos on, \
            no LTO, no PGO); the parity of the two builds is printed and saved in pair.json. The pair \
            is cached in $WASMBENCH_HOME/python; a second call returns at once. Uses Debian's clang-14 \
            lld-14 llvm-14 wasi-libc libclang-rt-14-dev-wasm32 where installed, else fetches those \
            packages into the cache without root (apt-get download); needs make (and dpkg-dev for the \
            default source).
            """
    )

    @Option(help: "A CPython source folder or release tarball to build instead of Debian's python3.11.")
    var source: String?

    @Option(parsing: .unconditional, help: "Parallel make jobs (default: the number of processors).")
    var jobs: Int?

    @Flag(help: "Print the pair's record (pair.json) on stdout instead of the table.")
    var json = false
    @Option(help: "Build variant NAME ([a-z0-9-]) with the options below: cpython3.11-NAME-native, -wasi@HOST.")
    var variant: String?
    @Option(parsing: .unconditional, help: "C flags the variant appends to both sides' OPT (e.g. --cflags=-O2).")
    var cflags: String?
    @Option(parsing: .unconditionalSingleValue, help: "A configure option the variant adds to both sides.")
    var configureFlag: [String] = []
    @Option(help: "A patch file the variant applies (patch -p1) to a copy of the source.") var patch: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        let session = Session()
        let signals = SignalTrap { [launcher = session.launcher] in launcher.terminateAll() }
        defer { signals.cancel() }
        let pair: CPythonPair
        do {
            let source = try source.map { path throws(PythonBuildError) in try CPythonSource(path: path) }
            let variant = try CPythonVariant.from(
                name: variant, cflags: cflags, configureFlags: configureFlag, patch: patch)
            pair = try session.workspace.buildMatchedPair(
                source: source ?? .debianDefault, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                variant: variant)
        } catch {
            throw CommandError(ExitStatus.of(error), error.description)
        }
        if json {
            print(String(decoding: try pair.encoded(), as: UTF8.self))
        } else {
            print(pair.summary)
        }
    }
}

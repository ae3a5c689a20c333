import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// The `kernels` suite: small C programs of ours, each built natively and for wasm32-wasi by the
/// same compiler with the same flags, cached by a hash of sources, compiler and flags.
///
/// Every kernel prints wasmbench's markers and checks its own result, so a runtime that computes a
/// wrong answer fails the run instead of looking fast.
public struct KernelSuite: Sendable {
    /// The suite's name on the command line.
    public static let name = Suite.kernels.rawValue

    /// One kernel of the manifest.
    public struct Kernel: Codable, Sendable, Equatable {
        /// Short name (`fib`), used in the workload id `kernels/fib`.
        public var name: String
        /// The C file.
        public var file: String
        /// One line on its character.
        public var summary: String
        /// Its problem size, passed before the iteration count (`fib 25 20`); `nil` for none.
        public var parameter: SizeParameter?
    }

    /// The cache.
    public let home: WasmBenchHome
    /// Runs the compiler.
    public let launcher: ProcessLauncher
    /// The compiler.
    public let compiler: CompilerStatus
    /// The folder holding the C sources and `manifest.json`.
    public let sources: URL
    /// Whether the builds keep their symbols (native) and `name` section (wasm), for profiles
    /// that name functions; the code is the same as the stripped builds'.
    public var symbols = false

    /// Creates the suite with the sources shipped in wasmbench's resources (or another folder).
    public init(home: WasmBenchHome, launcher: ProcessLauncher, compiler: CompilerStatus, sources: URL? = nil)
        throws(WorkloadError)
    {
        guard let folder = sources ?? Bundle.module.url(forResource: "Kernels", withExtension: nil) else {
            throw .missingResources("no Kernels folder in the bundle")
        }
        self.home = home
        self.launcher = launcher
        self.compiler = compiler
        self.sources = folder
    }

    /// The kernels listed in the manifest, in order.
    public func kernels() throws(WorkloadError) -> [Kernel] {
        let manifest = sources.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            throw .missingResources("no \(manifest.path)")
        }
        do {
            return try JSONDecoder().decode([Kernel].self, from: data)
        } catch {
            throw .missingResources("manifest.json does not parse: \(error)")
        }
    }

    /// The flags both targets share.
    ///
    /// See `Kernels/BUILD.md` for why each is there: no FMA contraction (bit-identical floating
    /// point), no auto-vectorisation (wasm32 has no SIMD here), no debug info, stripped unless
    /// ``symbols`` is set.
    public var sharedFlags: [String] {
        [
            "-std=c11", "-O2", "-ffp-contract=off", "-fno-fast-math", "-fno-math-errno", "-fno-vectorize",
            "-fno-slp-vectorize", "-Wall", "-Wextra", "-Werror", "-g0",
        ] + (symbols ? [] : ["-s"])
    }

    /// Flags of the wasm32-wasi build.
    public var wasmFlags: [String] {
        switch compiler.family {
        case .clang:
            [
                "--target=wasm32-wasi", "--sysroot=/usr", "-msign-ext", "-mnontrapping-fptoint",
                "-Wl,-z,stack-size=1048576",
            ]
        case .zig, .none: ["-target", "wasm32-wasi", "-mcpu=lime1", "-Wl,-z,stack-size=1048576"]
        }
    }

    /// Flags of the native build: a generic x86-64 (or the host's baseline) CPU, so that the native
    /// side uses no CPU feature the wasm side cannot.
    public var nativeFlags: [String] {
        switch compiler.family {
        case .clang: ["-march=x86-64", "-static"]
        case .zig, .none: ["-target", "x86_64-linux-musl", "-mcpu=baseline"]
        }
    }

    /// Builds (or takes from the cache) the named kernels, all when `only` is empty.
    public func build(only: [String] = [], progress: (String) -> Void) throws(WorkloadError) -> [BuiltWorkload] {
        guard let cc = compiler.tool.path, compiler.family != nil else {
            throw .noCompiler(compiler.tool.unavailableReason ?? "no compiler found")
        }
        let all = try kernels()
        let unknown = only.filter { name in !all.contains { $0.name == name } }
        if let first = unknown.first { throw .unknownKernel(first, known: all.map(\.name)) }
        let chosen = only.isEmpty ? all : all.filter { only.contains($0.name) }
        let header = FileManager.default.contents(atPath: sources.appendingPathComponent("wasmbench.h").path) ?? Data()
        return try chosen.map { kernel throws(WorkloadError) in
            try build(kernel, cc: cc, header: header, progress: progress)
        }
    }

    private func build(_ kernel: Kernel, cc: String, header: Data, progress: (String) -> Void) throws(WorkloadError)
        -> BuiltWorkload
    {
        let sourceURL = sources.appendingPathComponent(kernel.file)
        guard let source = FileManager.default.contents(atPath: sourceURL.path) else {
            throw .missingResources("no \(kernel.file)")
        }
        let sourceHash = SHA256.hex([UInt8](source) + [UInt8](header))
        let recipe = ([sourceHash, compiler.tool.version, cc] + sharedFlags + ["|"] + wasmFlags + ["|"] + nativeFlags)
            .joined(separator: " ")
        let key = String(SHA256.hex(Array(recipe.utf8)).prefix(24))
        let folder = home.builds.appendingPathComponent("kernels/\(kernel.name)-\(key)")
        let wasm = folder.appendingPathComponent("\(kernel.name).wasm")
        let native = folder.appendingPathComponent("\(kernel.name).native")
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".complete").path) {
            progress(
                "building kernel \(kernel.name) (native and wasm32-wasi) with \(compiler.tool.name) \(compiler.tool.version)"
            )
            try compile(kernel, source: sourceURL, into: folder, cc: cc)
        }
        let wasmBytes = FileManager.default.contents(atPath: wasm.path) ?? Data()
        let nativeBytes = FileManager.default.contents(atPath: native.path) ?? Data()
        let id = "\(Self.name)/\(kernel.name)"
        let program = GuestProgram(
            workload: id, wasmPath: wasm.path, nativePath: native.path, entry: .command(arguments: []),
            reportsMarkers: true)
        let info = WorkloadInfo(
            id: id, suite: Self.name, summary: kernel.summary, entry: .command, reportsMarkers: true,
            sourceSHA256: sourceHash, wasmSHA256: SHA256.hex(wasmBytes), nativeSHA256: SHA256.hex(nativeBytes),
            compiler: "\(compiler.tool.name) (\(cc))", compilerVersion: compiler.tool.version, flags: sharedFlags,
            wasmFlags: wasmFlags, nativeFlags: nativeFlags)
        var built = BuiltWorkload(program: program, info: info)
        built.info.wasmBytes = wasmBytes.count
        built.parameter = kernel.parameter
        return built
    }

    /// Compiles both targets into a staging folder, renamed into place only when both succeeded.
    private func compile(_ kernel: Kernel, source: URL, into folder: URL, cc: String) throws(WorkloadError) {
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .buildFailed(
                kernel: kernel.name, command: "mkdir \(staging.path)", output: FileSystem.reason(error))
        }
        var environment = ProcessInfo.processInfo.environment
        environment.merge(compiler.environment) { $1 }
        let include = ["-I", sources.path]
        for (flags, output) in [(wasmFlags, "\(kernel.name).wasm"), (nativeFlags, "\(kernel.name).native")] {
            let libraries = compiler.family == .clang && flags == nativeFlags ? ["-lm"] : []
            let arguments =
                compiler.leadingArguments + sharedFlags + flags + include
                + [source.path, "-o", staging.appendingPathComponent(output).path] + libraries
            let command = ([cc] + arguments).map(shellQuote).joined(separator: " ")
            let result: CapturedOutput
            do {
                result = try launcher.capture(cc, arguments, environment: environment, timeout: 600)
            } catch {
                throw .buildFailed(kernel: kernel.name, command: command, output: error.description)
            }
            guard result.termination == .exited(0) else {
                throw .buildFailed(
                    kernel: kernel.name, command: command, output: "\(result.termination): \(result.stderr)")
            }
        }
        if let reason = FileSystem.publish(staging, to: folder) {
            throw .buildFailed(kernel: kernel.name, command: "mv", output: reason)
        }
    }
}

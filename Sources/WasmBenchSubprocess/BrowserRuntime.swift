import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// A headless browser (Chromium or Firefox) running the module in a page of ours, through a Node
/// driver script that serves the page on 127.0.0.1 (cross-origin isolated, so `performance.now()`
/// is fine-grained), starts the browser and collects what the page reports.
///
/// The page times `WebAssembly.compile`, `WebAssembly.instantiate` and the `_start` call, and
/// gives the guest a small WASI shim of its own: its arguments, the clocks, stdout and stderr, and
/// exit; no file system, no environment. So it runs WASI commands that need nothing more (the
/// kernels), not interpreters that read their standard library from a folder.
public struct BrowserRuntime: BenchmarkRuntime {
    /// The browsers wasmbench drives.
    public enum Browser: String, Sendable, CaseIterable {
        /// Chromium (V8), with lazy compilation off.
        case chromium
        /// Firefox (SpiderMonkey), with its default tiers (baseline, then Ion).
        case firefox

        /// The browser's command-line flags besides the profile folder and the URL.
        public var flags: [String] {
            switch self {
            case .chromium:
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--js-flags=--no-wasm-lazy-compilation",
                ]
            case .firefox: ["--headless", "--no-remote"]
            }
        }

        /// The whole command, with `{URL}` where the driver puts the page's address.
        func command(_ executable: String, profile: String) -> [String] {
            switch self {
            case .chromium: [executable] + flags + ["--user-data-dir=\(profile)", "{URL}"]
            case .firefox: [executable] + flags + ["--profile", profile, "{URL}"]
            }
        }

        /// Firefox's preferences for a fresh profile: no first-run pages, no update or telemetry
        /// traffic, no default-browser question.
        static let firefoxPreferences = """
            user_pref("browser.shell.checkDefaultBrowser", false);
            user_pref("browser.startup.homepage_override.mstone", "ignore");
            user_pref("datareporting.policy.dataSubmissionEnabled", false);
            user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
            user_pref("app.update.enabled", false);

            """

        /// Creates the profile folder the browser starts with.
        func prepare(profile: String) throws {
            try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
            if self == .firefox {
                try Self.firefoxPreferences.write(toFile: profile + "/user.js", atomically: true, encoding: .utf8)
            }
        }
    }

    /// Which browser.
    public let browser: Browser
    /// The runtime id (`chromium`, `firefox`).
    public var id: String { browser.rawValue }
    /// The browser's program, or nil.
    public let executable: String?
    /// Its version line (`Chromium 131.0…`).
    public let version: String
    /// Why it is unavailable.
    public let unavailableReason: String?
    /// The node program that runs the driver, or nil.
    public let node: String?
    /// Spawns them.
    public let launcher: ProcessLauncher

    /// Creates the runtime.
    public init(
        browser: Browser, executable: String?, version: String, unavailableReason: String?, node: String?,
        launcher: ProcessLauncher
    ) {
        self.browser = browser
        self.executable = executable
        self.version = version
        self.unavailableReason = unavailableReason
        self.node = node
        self.launcher = launcher
    }

    /// The browser's command-line flags (the driver adds the profile folder and the URL).
    /// The driver script shipped with wasmbench.
    static var driverPath: String? {
        Bundle.module.url(forResource: "browser-driver", withExtension: "mjs", subdirectory: "Drivers")?.path
    }

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        var reason = unavailableReason
        if reason == nil && node == nil { reason = "node (which serves the page) is not on PATH" }
        if reason == nil && Self.driverPath == nil {
            reason = "the browser driver script is missing from wasmbench's resources; reinstall wasmbench"
        }
        return RuntimeInfo(
            id: id, name: id, version: version, kind: .subprocess, flags: browser.flags,
            available: executable != nil && reason == nil, unavailableReason: reason,
            exposedPhases: [.compile, .instantiate, .startup, .execute, .wall],
            notes: [
                "compile = WebAssembly.compile of bytes already fetched; instantiate = WebAssembly.instantiate with wasmbench's WASI shim",
                "startup = the _start call to the guest's first clock reading; wall holds the browser's own start-up and the page load",
                "the guest's clock is performance.now() in a cross-origin isolated page (5 µs steps in Chromium, 20 µs in Firefox)",
                "the guest gets its arguments, the clocks, stdout and stderr and nothing else (no file system, no environment)",
                "cpu and peak-rss are the driver's (Node's) alone: the browser's processes are not counted",
            ])
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        if let reason = program.needsInterpreterReason { return reason }
        if executable == nil || node == nil || Self.driverPath == nil {
            return describe().unavailableReason ?? "\(id) is not available"
        }
        guard case .command = program.entry else {
            return "\(id) runs WASI commands only; an exported function (--invoke) runs on the other runtimes"
        }
        if !program.hosting.mounts.isEmpty || !program.hosting.environment.isEmpty
            || program.hosting.commandExport != nil
        {
            return
                "\(id) gives the guest no folders, environment or other entry export (wasmbench's page has a minimal WASI)"
        }
        return nil
    }

    /// Runs the program once: a fresh browser with a fresh profile folder; failures are outcomes.
    public func run(_ request: RunRequest) -> RunOutcome {
        guard let executable, let node, let driver = Self.driverPath else {
            return .failure(.unsupported, describe().unavailableReason ?? "\(id) is not available")
        }
        if let reason = unsupportedReason(for: request.program) { return .failure(.unsupported, reason) }
        if request.commandPrefix != nil {
            return .failure(
                .unsupported,
                "\(id) cannot run under a profiler: it would count the driver (Node), not the browser that runs the guest"
            )
        }
        let reportPath = request.scratchDirectory + "/browser-report.json"
        let profile = request.scratchDirectory + "/browser-profile"
        let command: String
        do {
            try browser.prepare(profile: profile)
            command = String(
                decoding: try JSONEncoder().encode(browser.command(executable, profile: profile)), as: UTF8.self)
        } catch {
            return .failure(
                .runtimeError,
                "cannot prepare the profile \(profile) (\(FileSystem.reason(error))); check the cache folder")
        }
        let arguments =
            [
                "--no-warnings", driver, reportPath, request.program.wasmPath, command,
                String(request.effectiveOutputLimitBytes), "command",
            ]
            + request.program.commandArguments(iterations: request.iterations)
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        switch child.spawn(node, arguments, request: request) {
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        case .success(let finished):
            // The used profile (caches, tens of MB) is set back to the fresh one the command
            // started with, so the recorded command runs again as it ran, at little cost on disk.
            try? FileManager.default.removeItem(atPath: profile)
            try? browser.prepare(profile: profile)
            return child.driverOutcome(finished, reportPath: reportPath, request: request, engine: id)
        }
    }
}

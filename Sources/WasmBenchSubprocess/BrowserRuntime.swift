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
/// exit; no file system, no environment. A guest that asks for more (an interpreter: its standard
/// library and the benchmark as folders, variables, another entry export) gets it in the driver's
/// hosted mode: the folders read-only, from a tree the driver walks once and files it serves by
/// number when the guest opens them.
public struct BrowserRuntime: BenchmarkRuntime {
    /// The browsers wasmbench drives, each with its default tiers or one tier pinned.
    public enum Browser: String, Sendable, CaseIterable {
        /// Chromium (V8) with its default tiers (Liftoff, then TurboFan for hot functions), lazy
        /// compilation off.
        case chromium
        /// Chromium with Liftoff only: V8's baseline compiler, no tier-up.
        case chromiumLiftoff = "chromium-liftoff"
        /// Chromium with TurboFan only: V8's optimising compiler for every function up front.
        case chromiumTurbofan = "chromium-turbofan"
        /// Firefox (SpiderMonkey) with its default tiers (the baseline compiler, then Ion).
        case firefox
        /// Firefox with its baseline compiler only (`javascript.options.wasm_optimizingjit` off).
        case firefoxBaseline = "firefox-baseline"
        /// Firefox with Ion only, SpiderMonkey's optimising compiler (`javascript.options.wasm_baselinejit` off).
        case firefoxIon = "firefox-ion"

        /// The browser program this configuration starts.
        public enum Program: String, Sendable {
            /// Chromium (V8).
            case chromium
            /// Firefox ESR (SpiderMonkey).
            case firefox
        }

        /// The program: Chromium or Firefox.
        public var program: Program {
            switch self {
            case .chromium, .chromiumLiftoff, .chromiumTurbofan: .chromium
            case .firefox, .firefoxBaseline, .firefoxIon: .firefox
            }
        }

        /// The V8 flags of a Chromium configuration (lazy compilation off in every tier, so
        /// `compile` compiles every function).
        var v8Flags: [String] {
            switch self {
            case .chromiumLiftoff: ["--no-wasm-lazy-compilation", "--liftoff", "--no-wasm-tier-up"]
            case .chromiumTurbofan: ["--no-wasm-lazy-compilation", "--no-liftoff"]
            default: ["--no-wasm-lazy-compilation"]
            }
        }

        /// The SpiderMonkey preferences that pin a Firefox configuration's tier, as
        /// `name=value`; none for the default tiers.
        var tierPreferences: [String] {
            switch self {
            case .firefoxBaseline: ["javascript.options.wasm_optimizingjit=false"]
            case .firefoxIon: ["javascript.options.wasm_baselinejit=false"]
            default: []
            }
        }

        /// The browser's command-line flags besides the profile folder and the URL, then a
        /// Firefox configuration's tier preferences (written to the fresh profile's `user.js`).
        public var flags: [String] {
            switch program {
            case .chromium:
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--js-flags=" + v8Flags.joined(separator: " "),
                ]
            case .firefox: ["--headless", "--no-remote"] + tierPreferences
            }
        }

        /// The whole command, with `{URL}` where the driver puts the page's address.
        func command(_ executable: String, profile: String) -> [String] {
            switch program {
            case .chromium: [executable] + flags + ["--user-data-dir=\(profile)", "{URL}"]
            case .firefox: [executable, "--headless", "--no-remote", "--profile", profile, "{URL}"]
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

        /// The fresh profile's `user.js`: the quiet preferences, then the tier's.
        var userPreferences: String {
            Self.firefoxPreferences
                + tierPreferences.map { preference in
                    let parts = preference.split(separator: "=", maxSplits: 1)
                    return "user_pref(\"\(parts[0])\", \(parts[1]));\n"
                }
                .joined()
        }

        /// What the configuration's tier flags do, for the report.
        var tierNotes: [String] {
            switch self {
            case .chromium:
                ["tiers: V8's default, Liftoff compiles every function, TurboFan recompiles hot ones in the background"]
            case .chromiumLiftoff:
                ["tier: Liftoff only (`--liftoff --no-wasm-tier-up`): V8's one-pass baseline code, never optimised"]
            case .chromiumTurbofan:
                [
                    "tier: TurboFan only (`--no-liftoff`): every function optimised before the first call, so compile is longer"
                ]
            case .firefox:
                ["tiers: SpiderMonkey's default, the baseline compiler first, Ion's optimised code in the background"]
            case .firefoxBaseline:
                [
                    "tier: baseline only (pref `javascript.options.wasm_optimizingjit` false): one-pass code, never optimised"
                ]
            case .firefoxIon:
                [
                    "tier: Ion only (pref `javascript.options.wasm_baselinejit` false): every function optimised before it runs"
                ]
            }
        }

        /// What the driver needs to start the browser for one run in a scratch folder.
        struct Launch {
            /// Where the driver writes its report.
            var reportPath: String
            /// The browser's fresh profile folder.
            var profile: String
            /// The browser's command as a JSON array, with `{URL}` for the page.
            var command: String
            /// The configuration, to set the profile back.
            var browser: Browser

            /// Sets the used profile (caches, tens of MB) back to the fresh one the command started
            /// with, so the recorded command runs again as it ran, at little cost on disk.
            func reset() {
                try? FileManager.default.removeItem(atPath: profile)
                try? browser.prepare(profile: profile)
            }
        }

        /// A failure to prepare the profile, with what to check.
        struct LaunchError: Error {
            var message: String
        }

        /// Prepares a fresh profile in `scratch` and the command that starts `executable` on it.
        func launch(_ executable: String, scratch: String) throws(LaunchError) -> Launch {
            let profile = scratch + "/browser-profile"
            do {
                try prepare(profile: profile)
                let json = String(
                    decoding: try JSONEncoder().encode(self.command(executable, profile: profile)), as: UTF8.self)
                return Launch(
                    reportPath: scratch + "/browser-report.json", profile: profile, command: json, browser: self)
            } catch {
                throw LaunchError(
                    message:
                        "cannot prepare the profile \(profile) (\(FileSystem.reason(error))); check the cache folder")
            }
        }

        /// Creates the profile folder the browser starts with.
        func prepare(profile: String) throws {
            try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
            if program == .firefox {
                try userPreferences.write(toFile: profile + "/user.js", atomically: true, encoding: .utf8)
            }
        }
    }

    /// Which browser.
    public let browser: Browser
    /// The runtime id (`chromium`, `firefox-ion`…).
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
            id: id, name: browser.program.rawValue, version: version, kind: .subprocess, flags: browser.flags,
            available: executable != nil && reason == nil, unavailableReason: reason,
            exposedPhases: [.compile, .instantiate, .startup, .execute, .wall],
            notes: [
                "compile = WebAssembly.compile of bytes already fetched; instantiate = WebAssembly.instantiate with wasmbench's WASI shim",
                "startup = the _start call to the guest's first clock reading; wall holds the browser's own start-up and the page load",
                "the guest's clock is performance.now() in a cross-origin isolated page (5 µs steps in Chromium, 20 µs in Firefox)",
                "the guest gets its arguments, the clocks, stdout and stderr and nothing else, unless it needs folders (an interpreter's library: mounted read-only, each file fetched from the driver when opened) or variables",
                "cpu and peak-rss are the driver's (Node's) alone: the browser's processes are not counted",
            ] + browser.tierNotes)
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
        let launch: Browser.Launch
        do {
            launch = try browser.launch(executable, scratch: request.scratchDirectory)
        } catch {
            return .failure(.runtimeError, error.message)
        }
        // A guest that needs folders, variables or another entry gets them through the hosted mode.
        var mode = ["command"]
        let hosting = request.program.hosting
        if !hosting.isPlain {
            let path = request.scratchDirectory + "/browser-hosting.json"
            do {
                try JSONEncoder().encode(hosting).write(to: URL(fileURLWithPath: path))
            } catch {
                return .failure(
                    .runtimeError, "cannot write \(path) (\(FileSystem.reason(error))); check the cache folder")
            }
            mode = ["hosted", path]
        }
        let arguments =
            [
                "--no-warnings", driver, launch.reportPath, request.program.wasmPath, launch.command,
                String(request.effectiveOutputLimitBytes),
            ]
            + mode + request.program.commandArguments(iterations: request.iterations)
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        switch child.spawn(node, arguments, request: request) {
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        case .success(let finished):
            launch.reset()
            return child.driverOutcome(finished, reportPath: launch.reportPath, request: request, engine: id)
        }
    }
}

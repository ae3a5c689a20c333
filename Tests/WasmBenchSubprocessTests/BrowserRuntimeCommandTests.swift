import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The browsers' command lines and what the page cannot host, read from a stub `node` (which
/// would run the browser driver) without any browser installed.
@Suite("Browsers: flags, profiles, the driver's command line and what the page cannot host")
struct BrowserRuntimeCommandTests {
    let setting = AdapterSetting()

    func runtime(_ browser: BrowserRuntime.Browser, node: StubProgram?, executable: String? = "/usr/bin/browser")
        -> BrowserRuntime
    {
        BrowserRuntime(
            browser: browser, executable: executable, version: "Browser 1.0",
            unavailableReason: executable == nil ? "\(browser.rawValue) is not installed" : nil, node: node?.path,
            launcher: ProcessLauncher())
    }

    @Test("Chromium: headless, lazy compilation off in V8, its own profile folder, the page's URL last")
    func chromiumCommand() {
        #expect(
            BrowserRuntime.Browser.chromium.command("/usr/bin/chromium", profile: "/p")
                == [
                    "/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--js-flags=--no-wasm-lazy-compilation", "--user-data-dir=/p", "{URL}",
                ])
    }

    @Test("Firefox: headless, no remote, its own profile folder, the page's URL last")
    func firefoxCommand() {
        #expect(
            BrowserRuntime.Browser.firefox.command("/usr/bin/firefox-esr", profile: "/p")
                == ["/usr/bin/firefox-esr", "--headless", "--no-remote", "--profile", "/p", "{URL}"])
    }

    @Test("Chromium's tiers: Liftoff only and TurboFan only through --js-flags, lazy compilation off in each")
    func chromiumTiers() {
        #expect(
            BrowserRuntime.Browser.chromiumLiftoff.flags.last
                == "--js-flags=--no-wasm-lazy-compilation --liftoff --no-wasm-tier-up")
        #expect(
            BrowserRuntime.Browser.chromiumTurbofan.command("/usr/bin/chromium", profile: "/p")
                == [
                    "/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--js-flags=--no-wasm-lazy-compilation --no-liftoff", "--user-data-dir=/p", "{URL}",
                ])
        #expect(BrowserRuntime.Browser.chromiumTurbofan.program == .chromium)
    }

    @Test(
        "Firefox's tiers: one compiler switched off in the fresh profile's user.js, the command line unchanged",
        arguments: [
            (BrowserRuntime.Browser.firefoxBaseline, "javascript.options.wasm_optimizingjit"),
            (.firefoxIon, "javascript.options.wasm_baselinejit"),
        ])
    func firefoxTiers(browser: BrowserRuntime.Browser, switchedOff: String) throws {
        #expect(browser.program == .firefox)
        #expect(
            browser.command("/usr/bin/firefox-esr", profile: "/p")
                == BrowserRuntime.Browser.firefox.command("/usr/bin/firefox-esr", profile: "/p"))
        #expect(browser.flags == ["--headless", "--no-remote", "\(switchedOff)=false"])
        let profile = setting.folder.path(browser.rawValue)
        try browser.prepare(profile: profile)
        let preferences = try String(contentsOfFile: profile + "/user.js", encoding: .utf8)
        #expect(preferences.hasPrefix(BrowserRuntime.Browser.firefoxPreferences))
        #expect(preferences.hasSuffix(#"user_pref("\#(switchedOff)", false);"# + "\n"))
        #expect(
            !preferences.contains(
                switchedOff == "javascript.options.wasm_baselinejit" ? "optimizingjit" : "baselinejit"))
    }

    @Test("every configuration names its tier in the runtime's notes and its program as the name")
    func tierNotes() throws {
        let node = try StubProgram(in: setting.folder, name: "node")
        for browser in BrowserRuntime.Browser.allCases {
            let info = runtime(browser, node: node).describe()
            #expect(info.id == browser.rawValue)
            #expect(info.name == browser.program.rawValue)
            #expect(info.notes.last?.hasPrefix("tier") == true, "\(browser)")
        }
    }

    @Test(
        "a run: node runs the driver with the report path, the module, the browser's command as JSON, the output limit and the arguments",
        arguments: BrowserRuntime.Browser.allCases)
    func driverCommand(browser: BrowserRuntime.Browser) throws {
        let node = try StubProgram(in: setting.folder, name: "node", stdout: AdapterSetting.oneIteration)
        let scratch = setting.scratch
        try #"{"phases":{"compile":1000},"iterations":[],"exitCode":0}"#.write(
            toFile: scratch + "/browser-report.json", atomically: true, encoding: .utf8)
        let outcome = runtime(browser, node: node).run(setting.request(setting.kernel()))
        #expect(outcome.status == .completed)
        let call = try #require(try node.calls().first)
        let driver = try #require(BrowserRuntime.driverPath)
        #expect(driver.hasSuffix("/Drivers/browser-driver.mjs"))
        #expect(call.count == 10)
        #expect(call[5] == String(RunConfiguration.defaultOutputLimitBytes))
        #expect(Array(call.prefix(4)) == ["--no-warnings", driver, scratch + "/browser-report.json", setting.module])
        #expect(Array(call.suffix(4)) == ["command", "--size", "3", "1"])
        let command = try JSONDecoder().decode([String].self, from: Data(call[4].utf8))
        #expect(command == browser.command("/usr/bin/browser", profile: scratch + "/browser-profile"))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: scratch + "/browser-profile", isDirectory: &isFolder))
        #expect(isFolder.boolValue)
    }

    @Test("Firefox's fresh profile gets quiet preferences: no default-browser question, no telemetry, no updates")
    func firefoxProfile() throws {
        let profile = setting.folder.path("profile")
        try BrowserRuntime.Browser.firefox.prepare(profile: profile)
        let preferences = try String(contentsOfFile: profile + "/user.js", encoding: .utf8)
        #expect(preferences.contains(#"user_pref("browser.shell.checkDefaultBrowser", false);"#))
        #expect(preferences.contains(#"user_pref("datareporting.policy.dataSubmissionEnabled", false);"#))
        #expect(preferences.contains(#"user_pref("app.update.enabled", false);"#))
        let chromium = setting.folder.path("chromium-profile")
        try BrowserRuntime.Browser.chromium.prepare(profile: chromium)
        #expect(try FileManager.default.contentsOfDirectory(atPath: chromium).isEmpty)
    }

    @Test("the driver's error names the browser")
    func engineName() throws {
        let node = try StubProgram(in: setting.folder, name: "node")
        try #"{"phases":{},"iterations":[],"error":{"kind":"crash","message":"chromium ended"}}"#.write(
            toFile: setting.scratch + "/browser-report.json", atomically: true, encoding: .utf8)
        let outcome = runtime(.chromium, node: node).run(setting.request(setting.kernel()))
        #expect(outcome.status == .failed(.crash, "chromium: chromium ended"))
    }

    @Test("an invoked export is unsupported: the page runs WASI commands only")
    func invokeUnsupported() throws {
        let runtime = runtime(.chromium, node: try StubProgram(in: setting.folder, name: "node"))
        let reason = try #require(runtime.unsupportedReason(for: setting.invoke))
        #expect(reason.contains("WASI commands only"))
        #expect(runtime.run(setting.request(setting.invoke)).status.kind == .unsupported)
    }

    @Test("folders, variables or another entry export: the driver's hosted mode, with the hosting as a JSON file")
    func hosted() throws {
        let node = try StubProgram(in: setting.folder, name: "node", stdout: AdapterSetting.oneIteration)
        try #"{"phases":{"compile":1000},"iterations":[],"exitCode":0}"#.write(
            toFile: setting.scratch + "/browser-report.json", atomically: true, encoding: .utf8)
        let hosting = GuestHosting(
            mounts: [GuestHosting.Mount(hostPath: "/h", guestPath: "/g")], environment: ["A": "1"],
            commandExport: "run", trapUnknownImports: true)
        let runtime = runtime(.firefox, node: node)
        #expect(runtime.unsupportedReason(for: setting.kernel(hosting: hosting)) == nil)
        #expect(runtime.run(setting.request(setting.kernel(hosting: hosting))).status == .completed)
        let call = try #require(try node.calls().first)
        let path = setting.scratch + "/browser-hosting.json"
        #expect(Array(call.suffix(5)) == ["hosted", path, "--size", "3", "1"])
        let written = try JSONDecoder().decode(
            GuestHosting.self, from: try #require(FileManager.default.contents(atPath: path)))
        #expect(written == hosting)
    }

    @Test("under a profiler it refuses: the profiler would count node, not the browser")
    func noProfiler() throws {
        let node = try StubProgram(in: setting.folder, name: "node")
        let outcome = runtime(.chromium, node: node).run(
            setting.request(setting.kernel(), commandPrefix: ["/usr/bin/valgrind"]))
        #expect(outcome.status.kind == .unsupported)
        #expect(outcome.status.message.contains("profiler"))
        #expect(try node.calls().isEmpty)
    }

    @Test("without the browser or without node it is unavailable, saying which is missing")
    func unavailable() throws {
        let noBrowser = runtime(.firefox, node: try StubProgram(in: setting.folder, name: "node"), executable: nil)
        #expect(noBrowser.describe().available == false)
        #expect(noBrowser.unsupportedReason(for: setting.kernel()) == "firefox is not installed")
        let noNode = runtime(.chromium, node: nil)
        #expect(noNode.describe().unavailableReason == "node (which serves the page) is not on PATH")
        #expect(noNode.run(setting.request(setting.kernel())).status.kind == .unsupported)
    }

    @Test("describe() gives the browser's flags, not node's")
    func describe() throws {
        let info = runtime(.chromium, node: try StubProgram(in: setting.folder, name: "node")).describe()
        #expect(info.id == "chromium")
        #expect(info.available)
        #expect(info.flags == BrowserRuntime.Browser.chromium.flags)
        #expect(info.exposedPhases == [.compile, .instantiate, .startup, .execute, .wall])
    }
}

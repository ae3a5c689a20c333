import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// The browser driver believes only its own page (issue 13, item 6): the real driver runs under
/// real Node with a stand-in browser, a shell script whose `curl` calls are other local processes.
/// They first forge reports and ask for the page and the module without the run's token (or with
/// a wrong one, or on another loopback address), then do what the page does with the token.
@Suite("The browser driver: a per-run token on every request, 127.0.0.1 only, one report")
struct BrowserDriverTokenTests {
    let setting = AdapterSetting()

    /// A program on PATH (or in /usr/bin), or nil.
    static func program(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]).map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The stand-in browser: it reads where the launch file sends it, probes the server as an
    /// intruder, then fetches the page and the module and posts the real report. Each probe's
    /// label, HTTP status and body size go to `probes`, its own arguments to `arguments`.
    func browser(curl: String, forged: String, real: String) throws -> (path: String, probes: String, arguments: String)
    {
        let path = setting.folder.path("browser")
        let probes = setting.folder.path("probes")
        let arguments = setting.folder.path("arguments")
        let script = """
            #!/bin/sh
            for last in "$@"; do :; done
            printf '%s\\n' "$@" > \(shellQuote(arguments))
            launch="${last#file://}"
            real=$(/bin/sed -n 's/.*location.replace("\\([^"]*\\)").*/\\1/p' "$launch")
            base=$(printf '%s' "$real" | /bin/sed 's#^\\(http://127.0.0.1:[0-9]*\\)/.*#\\1#')
            port=${base##*:}
            path=${real#"$base"}
            probe() {
              label=$1; shift
              printf '%s %s\\n' "$label" "$(\(curl) -s -o /dev/null -w '%{http_code} %{size_download}' "$@")" >> \(shellQuote(probes))
            }
            probe page-without-token "$base/"
            probe module-without-token "$base/module.wasm"
            probe report-without-token -X POST --data-binary @\(shellQuote(forged)) "$base/report"
            probe report-with-wrong-token -X POST --data-binary @\(shellQuote(forged)) "$base/0000000000/report"
            probe page-with-wrong-token "$base/0000000000/"
            probe token-as-query "$base/?token=${path#/}"
            probe other-loopback-address "http://127.0.0.2:$port$path"
            probe page "$real"
            probe module "${real}module.wasm"
            probe report -X POST --data-binary @\(shellQuote(real)) "${real}report"
            exec /bin/sleep 30

            """
        try ExecutableFile.write(script, to: path)
        return (path, probes, arguments)
    }

    @Test("forged requests from other processes get 404 and no body; the page's own report is the result")
    func forgedReportsRejected() throws {
        let node = try #require(Self.program("node"), "node is needed to run the browser driver")
        let curl = try #require(Self.program("curl"), "curl plays the other local process")
        let module = Data([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])
        try module.write(to: URL(fileURLWithPath: setting.module))
        let forged = setting.folder.path("forged.json")
        let real = setting.folder.path("real.json")
        try
            #"{"report":{"phases":{"compile":1},"iterations":[],"exitCode":0},"stdout":"wasmbench:iter 0 1\nwasmbench:check ok 1\n","stderr":""}"#
            .write(toFile: forged, atomically: true, encoding: .utf8)
        try
            #"{"report":{"phases":{"compile":7000,"instantiate":8000,"start":9000},"iterations":[],"exitCode":0},"stdout":"wasmbench:iter 0 5000\nwasmbench:check ok 42\n","stderr":""}"#
            .write(toFile: real, atomically: true, encoding: .utf8)
        let fake = try browser(curl: curl, forged: forged, real: real)
        let runtime = BrowserRuntime(
            browser: .chromium, executable: fake.path, version: "Fake 1", unavailableReason: nil, node: node,
            launcher: ProcessLauncher())

        let outcome = runtime.run(setting.request(setting.kernel()))

        #expect(outcome.status == .completed, "\(outcome.status)")
        // The real page's numbers, not the forged ones.
        #expect(outcome.samples.contains(PhaseSample(.compile, .time, 7000 / 1e9)))
        #expect(outcome.samples.contains(PhaseSample(.execute, .time, 5000 / 1e9, iteration: 0)))
        #expect(!outcome.samples.contains { $0.phase == .compile && $0.value == 1 / 1e9 })
        let probes = try String(contentsOfFile: fake.probes, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ").map(String.init)
        }
        let byLabel = Dictionary(uniqueKeysWithValues: probes.map { ($0[0], Array($0.dropFirst())) })
        for forgery in [
            "page-without-token", "module-without-token", "report-without-token", "report-with-wrong-token",
            "page-with-wrong-token", "token-as-query",
        ] {
            #expect(byLabel[forgery] == ["404", "0"], "\(forgery): \(byLabel[forgery] ?? [])")
        }
        // Bound to 127.0.0.1 alone: another loopback address does not even connect.
        #expect(byLabel["other-loopback-address"] == ["000", "0"])
        #expect(byLabel["page"]?.first == "200")
        #expect(byLabel["module"] == ["200", String(module.count)])
        // Once the report is in, the driver kills the browser (the curl that posted it may not log).
        #expect(byLabel["report"] == nil || byLabel["report"] == ["204", "0"])

        // The token is on no command line: the browser got a file only this user can read.
        let browserArguments = try String(contentsOfFile: fake.arguments, encoding: .utf8)
        let launch = setting.scratch + "/browser-launch.html"
        #expect(browserArguments.hasSuffix("file://\(launch)\n"))
        #expect(!browserArguments.contains("http://"))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: launch)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let launchText = try String(contentsOfFile: launch, encoding: .utf8)
        // A 256-bit token, base64url: 43 characters.
        #expect(launchText.contains(/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{43}\//))
        #expect(!(outcome.command ?? "").contains("127.0.0.1:"))
    }
}

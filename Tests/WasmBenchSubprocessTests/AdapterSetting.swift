import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRuntime

/// One adapter test's folder: a scratch folder for the run, a module path (never read: the stub
/// programs run no WebAssembly) and requests for the usual programs.
struct AdapterSetting {
    let folder = TemporaryFolder()

    /// The run's scratch folder, created.
    var scratch: String {
        let path = folder.path("scratch")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Where the module would be.
    var module: String { folder.path("k.wasm") }

    /// A marker-reporting kernel taking `--size 3` before the iteration count.
    func kernel(hosting: GuestHosting = .none) -> GuestProgram {
        GuestProgram(
            workload: "kernels/k", wasmPath: module, nativePath: folder.path("k-native"),
            entry: .command(arguments: ["--size", "3"]), reportsMarkers: true, hosting: hosting)
    }

    /// An exported function called with `1 2`.
    var invoke: GuestProgram {
        GuestProgram(
            workload: "add", wasmPath: module, entry: .invoke(function: "add", arguments: ["1", "2"]),
            reportsMarkers: false)
    }

    /// A request of `iterations` for `program` in the scratch folder.
    func request(
        _ program: GuestProgram, iterations: Int = 1, commandPrefix: [String]? = nil, guestProfilePath: String? = nil
    ) -> RunRequest {
        RunRequest(
            program: program, iterations: iterations, timeoutSeconds: 60, scratchDirectory: scratch,
            commandPrefix: commandPrefix, guestProfilePath: guestProfilePath)
    }

    /// What a kernel that ran one iteration and passed its check prints.
    static let oneIteration = "wasmbench:iter 0 5000\nwasmbench:check ok 42\n"

    /// A driver script's path from the adapter's resources, checked to be the file `name` there.
    static func shippedDriver(_ path: String?, named name: String) throws -> String {
        let driver = try #require(path)
        #expect(driver.hasSuffix("/Drivers/\(name)"))
        #expect(FileManager.default.fileExists(atPath: driver))
        return driver
    }

    /// What a driver (Node's, Wasmer's) reports of a command that compiled in 1 µs, instantiated
    /// in 2 µs and ran in 3 µs.
    static let commandReport =
        #"{"phases":{"compile":1000,"instantiate":2000,"start":3000},"iterations":[],"exitCode":0}"#

    /// The first samples an adapter makes of ``commandReport``: compile, then instantiate.
    static let commandReportSamples = [
        PhaseSample(.compile, .time, 0.000_001), PhaseSample(.instantiate, .time, 0.000_002),
    ]
}

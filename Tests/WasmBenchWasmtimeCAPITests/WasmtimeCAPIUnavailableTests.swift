import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRuntime

@testable import WasmBenchWasmtimeCAPI

/// The engine without a usable libwasmtime: unavailable with what to do, and its runs fail as
/// recorded runtime errors. Loading a file that is no library is refused without a crash.
@Suite("wasmtime C API without libwasmtime: unavailable, saying what to do")
struct WasmtimeCAPIUnavailableTests {
    let folder = TemporaryFolder()
    let program = GuestProgram(
        workload: "k", wasmPath: "/k.wasm", entry: .command(arguments: []), reportsMarkers: false)

    @Test("without a library it is unavailable, says where the library comes from, and its runs fail")
    func noLibrary() {
        let engine = WasmtimeCAPIEngine(libraryPath: nil, version: "50.0.1", unavailableReason: nil)
        let info = engine.describe()
        #expect(info.available == false)
        #expect(info.unavailableReason?.contains("pip install") == true)
        #expect(info.flags == ["strategy=cranelift", "opt-level=speed", "cache=off"])
        #expect(info.exposedPhases == [.compile, .aotCompile, .aotLoad, .instantiate, .startup, .execute, .wall])
        #expect(engine.unsupportedReason(for: program) == info.unavailableReason)
        let report = engine.runInWorker(
            RunRequest(program: program, iterations: 1, timeoutSeconds: 60, scratchDirectory: folder.url.path))
        #expect(report.status.kind == .runtimeError)
        #expect(report.samples.isEmpty)
    }

    @Test("an unreadable library path names the path; a reason given by the caller comes first")
    func unreadable() {
        let missing = WasmtimeCAPIEngine(
            libraryPath: folder.path("absent.so"), version: "50.0.1", unavailableReason: nil)
        #expect(missing.describe().unavailableReason?.contains(folder.path("absent.so")) == true)
        let told = WasmtimeCAPIEngine(libraryPath: nil, version: "50.0.1", unavailableReason: "the install failed")
        #expect(told.describe().unavailableReason == "the install failed")
    }

    @Test("loading a missing file or one that is no shared library throws, naming the file")
    func notALibrary() throws {
        let missing = try #require(throws: WasmtimeCAPIError.self) {
            try WasmtimeCAPILibrary(path: "/nonexistent/libwasmtime.so")
        }
        #expect(missing.description.contains("/nonexistent/libwasmtime.so"))
        let text = folder.path("libwasmtime.so")
        try "not a library".write(toFile: text, atomically: true, encoding: .utf8)
        let invalid = try #require(throws: WasmtimeCAPIError.self) { try WasmtimeCAPILibrary(path: text) }
        #expect(invalid.description.hasPrefix("libwasmtime could not be used: "))
    }
}

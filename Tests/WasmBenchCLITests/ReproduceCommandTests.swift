import Foundation
import TestSupport
import Testing
import WasmBenchModel

@Suite("wasmbench reproduce: a finished run's commands run again")
struct ReproduceCommandTests {
    let folder = TemporaryFolder()

    @Test("The worker's recorded command runs again from the kept run folder; a bad cell is exit 3")
    func workerCommand() throws {
        let module = folder.path("hello.wat")
        try GuestModules.hello.write(toFile: module, atomically: true, encoding: .utf8)
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--runtime", "wasmkit", "--processes", "1", "--iterations", "1", "--warmups", "0",
                "--no-install",
                "--json", json, "--keep-artifacts", folder.path("kept"),
            ],
            environment: ["WASMBENCH_HOME": folder.path("home")], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(result.runFolder?.hasSuffix("/kept") == true)
        let again = try WasmbenchBinary.run(["reproduce", json, "hello.wat", "wasmkit"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("$ ") && again.stderr.contains("_worker"))
        #expect(again.stdout.contains("hello"))
        let dry = try WasmbenchBinary.run(["reproduce", json, "hello.wat", "wasmkit", "--dry-run"], in: folder)
        #expect(dry.status == 0 && !dry.stdout.contains("hello"))
        let unknown = try WasmbenchBinary.run(["reproduce", json, "hello.wat", "node"], in: folder)
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("its cells are: hello.wat wasmkit"))
    }
}

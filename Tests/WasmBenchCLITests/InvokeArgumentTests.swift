import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// `--invoke` arguments are checked against the export's signature before any runtime runs
/// (issue 13, item 7): a bad one is a usage error naming the export, its signature and the argument.
@Suite("Invoke arguments checked once, before any runtime runs")
struct InvokeArgumentTests {
    let folder = TemporaryFolder()

    @Test(
        "a wrong count, a word for a number or an out-of-range integer is exit 64 and nothing runs",
        arguments: [
            (["1", "abc"], "argument 2, \"abc\", is not an i32"), (["1"], "takes 2 argument(s) but was given 1"),
            (["1", "4294967296"], "argument 2, \"4294967296\", is not an i32"),
        ])
    func refused(arguments: [String], message: String) throws {
        let module = try folder.file("add.wat", containing: GuestModules.add)
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            ["run", module, "--invoke", "add"] + arguments.flatMap { ["--arg", $0] } + [
                "--runtime", "wasmkit,node", "--baseline", "wasmkit", "--processes", "1", "--iterations", "1",
                "--warmups", "0", "--no-install", "--json", json,
            ], timeout: 300, in: folder)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("add.wat: --invoke add(i32, i32) -> i32"), "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: json))
    }

    @Test("a missing export is exit 64 that lists the module's function exports")
    func missingExport() throws {
        let module = try folder.file("add.wat", containing: GuestModules.add)
        let run = try WasmbenchBinary.run(
            ["run", module, "--invoke", "sub", "--runtime", "wasmkit", "--baseline", "wasmkit", "--no-install"],
            timeout: 300, in: folder)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--invoke sub: the module exports no function of that name"))
        #expect(run.stderr.contains("exports are add"))
    }
}

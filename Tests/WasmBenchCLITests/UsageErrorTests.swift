import Foundation
import TestSupport
import Testing

/// Options that cannot work are refused by the command's validation, before anything is
/// provisioned or run: exit status 64 and a message that says what was wrong.
@Suite("Bad options are usage errors (64) that say what was wrong, before anything runs")
struct UsageErrorTests {
    let folder = TemporaryFolder()

    func run(_ arguments: [String]) throws -> WasmbenchBinary.Invocation {
        try WasmbenchBinary.run(arguments, timeout: 120, in: folder)
    }

    @Test("explain's --iterations needs two or more different counts, and the message shows what it got")
    func explainIterations() throws {
        for bad in ["3", "3,3", "2,x"] {
            let run = try run(["explain", "--iterations", bad, "--no-install"])
            #expect(run.status == 64, "\(bad)")
            #expect(run.stderr.contains("--iterations takes two or more different counts"), "\(run.stderr)")
        }
    }

    @Test("--dir needs an existing folder and a guest path; --dir and --env need a module")
    func hostingOptions() throws {
        let module = folder.path("hosted.wat")
        try GuestModules.hosted.write(toFile: module, atomically: true, encoding: .utf8)
        let missing = try run(["run", module, "--dir", "/nonexistent::/x"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("/nonexistent is not a folder"), "\(missing.stderr)")
        let noGuestPath = try run(["run", module, "--dir", folder.url.path])
        #expect(noGuestPath.status == 64)
        #expect(noGuestPath.stderr.contains("HOST::GUEST"), "\(noGuestPath.stderr)")
        let noModule = try run(["run", "--env", "A=1"])
        #expect(noModule.status == 64)
        #expect(noModule.stderr.contains("apply to modules given on the command line"), "\(noModule.stderr)")
    }

    @Test("an interpreter spec whose module cannot be read is refused, naming the module")
    func interpreterSpec() throws {
        let spec = folder.path("bad.json")
        try Data(#"{"id": "x", "module": "missing.wasm"}"#.utf8).write(to: URL(fileURLWithPath: spec))
        let run = try run(
            ["run", "--suite", "python", "--interpreter", spec, "--runtime", "x@wasmtime", "--no-install"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("missing.wasm cannot be read"), "\(run.stderr)")
    }
}

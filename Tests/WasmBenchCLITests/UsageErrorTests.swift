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

    @Test("a preset chooses the runtimes and the kernels: with --runtime or --suite python it is a usage error")
    func preset() throws {
        let both = try run(["run", "--preset", "jit-vs-aot", "--runtime", "native", "--no-install"])
        #expect(
            both.status == 64 && both.stderr.contains("chooses the runtimes: leave out --runtime"), "\(both.stderr)")
        let python = try run(["run", "--preset", "interpreters", "--suite", "python", "--no-install"])
        #expect(
            python.status == 64 && python.stderr.contains("runs the kernels suite, not --suite python"),
            "\(python.stderr)")
        let kernels = try run(["run", "--preset", "python-browsers", "--suite", "kernels", "--no-install"])
        #expect(kernels.status == 64 && kernels.stderr.contains("runs the python suite"), "\(kernels.stderr)")
        let unknown = try run(["run", "--preset", "fastest", "--no-install"])
        #expect(unknown.status == 64 && unknown.stderr.contains("jit-vs-aot"), "\(unknown.stderr)")
    }

    @Test("explain's --iterations needs two or more different counts, and the message shows what it got")
    func explainIterations() throws {
        for bad in ["3", "3,3", "2,x"] {
            let run = try run(["explain", "--iterations", bad, "--no-install"])
            #expect(run.status == 64, "\(bad)")
            #expect(run.stderr.contains("--iterations takes two or more different counts"), "\(run.stderr)")
        }
    }

    @Test(
        "a number that is infinite, not a number, negative or zero where it means nothing: exit 64 naming the option and why",
        arguments: [
            (["run", "--iterations", "-1"], "--iterations must be at least 1"),
            (["run", "--iterations", "inf"], "'inf' is invalid for '--iterations"),
            (["run", "--processes", "0"], "--processes must be at least 1"),
            (["run", "--processes", "-2"], "--processes must be at least 1"),
            (["run", "--warmups", "-1"], "--warmups must be at least 0"),
            (["run", "--timeout", "inf"], "--timeout must be a finite positive number (got inf)"),
            (["run", "--timeout", "nan"], "--timeout must be a finite positive number (got nan)"),
            (["run", "--timeout", "-5"], "--timeout must be a finite positive number (got -5.0)"),
            (["run", "--timeout", "0"], "--timeout must be a finite positive number (got 0.0)"),
            (["run", "--cell-budget", "-1"], "--cell-budget must be a finite positive number"),
            (["run", "--time-budget", "inf"], "--time-budget must be a finite positive number (got inf)"),
            (["run", "--time-budget", "-1"], "--time-budget must be a finite positive number (got -1.0)"),
            (["run", "--max-processes", "-3"], "--max-processes must be at least --processes"),
            (["run", "--precision", "nan"], "--precision must be a fraction below 1"),
            (["run", "--precision", "-0.03"], "--precision must be a fraction below 1"),
            (["run", "--precision", "inf%"], "--precision must be a fraction below 1"),
            (["run", "--noise", "-0.05"], "--noise must be a finite positive number"),
            (["run", "--steady-tolerance", "nan"], "--steady-tolerance must be a finite positive number"),
            (["run", "--seed", "-1"], "'-1' is invalid for '--seed"),
            (["compare", "a.json", "b.json", "--threshold", "nan"], "--threshold must be a fraction of 0 or more"),
            (["compare", "a.json", "b.json", "--threshold", "-0.05"], "--threshold must be a fraction of 0 or more"),
            (["compare", "a.json", "b.json", "--threshold", "inf"], "--threshold must be a fraction of 0 or more"),
            (["doctor", "--seconds", "inf"], "--seconds must be a finite positive number (got inf)"),
            (["doctor", "--seconds", "-1"], "--seconds must be a finite positive number (got -1.0)"),
            (["doctor", "--iteration-ms", "nan"], "--iteration-ms must be a finite positive number (got nan)"),
            (["doctor", "--processes", "-1"], "--processes and --iterations must be at least 1"),
            (["explain", "--timeout", "-1", "--no-install"], "--timeout must be a finite positive number (got -1.0)"),
            (["explain", "--top", "0", "--no-install"], "--top must be at least 1"),
            (["python", "build", "--jobs", "-4"], "--jobs must be at least 1"),
            (["reproduce", "r.json", "kernels/fib", "native", "--process", "-1"], "--process must be 0 or more"),
        ])
    func edgeNumbers(arguments: [String], reason: String) throws {
        let run = try run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains(reason), "\(arguments): \(run.stderr)")
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

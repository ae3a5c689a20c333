import Foundation
import WasmBenchProcess
import WasmBenchProvision

/// The one compiler both sides of the pair are built with, and what the wasm32-wasi side needs
/// around it: Debian's clang-14, lld-14 (`wasm-ld`), llvm-14 (`llvm-ar`, `llvm-ranlib`), wasi-libc
/// and the wasm32 compiler runtime (libclang-rt-14-dev-wasm32).
public struct CPythonToolchain: Sendable, Equatable, Codable {
    /// The C compiler (`/usr/bin/clang-14`, or a wrapper of the one in the cache), used as is
    /// natively and with `--target=wasm32-wasi` for WASI.
    public var cc: String
    /// The C++ compiler of the same release (configure asks for one).
    public var cxx: String
    /// The preprocessor of the same release.
    public var cpp: String
    /// The WebAssembly linker.
    public var wasmLD: String
    /// The archiver.
    public var ar: String
    /// The archive indexer.
    public var ranlib: String
    /// GNU make.
    public var make: String
    /// wasi-libc's headers (`/usr/include/wasm32-wasi`, or under the cached packages' root).
    public var wasiInclude: String
    /// wasi-libc's libraries (`/usr/lib/wasm32-wasi`, or under the cached packages' root).
    public var wasiLib: String
    /// The compiler's first `--version` line (`Debian clang version 14.0.6`).
    public var versionLine: String
    /// The linker's `--version` line.
    public var linkerVersionLine: String

    /// Creates a toolchain from known paths (tests use fake ones).
    public init(
        cc: String, cxx: String, cpp: String, wasmLD: String, ar: String, ranlib: String, make: String,
        wasiInclude: String, wasiLib: String, versionLine: String, linkerVersionLine: String
    ) {
        self.cc = cc
        self.cxx = cxx
        self.cpp = cpp
        self.wasmLD = wasmLD
        self.ar = ar
        self.ranlib = ranlib
        self.make = make
        self.wasiInclude = wasiInclude
        self.wasiLib = wasiLib
        self.versionLine = versionLine
        self.linkerVersionLine = linkerVersionLine
    }

    /// Finds Debian's clang-14 toolchain on PATH and checks the WASI pieces, wasi-libc under
    /// `wasiRoot` (the system's `/usr/...` when empty).
    ///
    /// Throws naming the first missing program or file and the Debian package that has it.
    public static func locate(
        environment: [String: String], launcher: ProcessLauncher, wasiRoot: String = ""
    ) throws(PythonBuildError) -> CPythonToolchain {
        let locator = ToolLocator(environment: environment)
        func tool(_ name: String, _ package: String) throws(PythonBuildError) -> String {
            guard let path = locator.find(name) else { throw .missingTool(name: name, package: package) }
            return path
        }
        let cc = try tool("clang-14", "clang-14")
        let cxx = try tool("clang++-14", "clang-14")
        let cpp = try tool("clang-cpp-14", "clang-14")
        let wasmLD = try tool("wasm-ld-14", "lld-14")
        let ar = try tool("llvm-ar-14", "llvm-14")
        let ranlib = try tool("llvm-ranlib-14", "llvm-14")
        let make = try tool("make", "make")
        let include = wasiRoot + "/usr/include/wasm32-wasi"
        let lib = wasiRoot + "/usr/lib/wasm32-wasi"
        for file in [include + "/stdio.h", lib + "/libc.a"] where !FileManager.default.fileExists(atPath: file) {
            throw .missingFile(path: file, package: "wasi-libc")
        }
        let builtins = firstLine(
            launcher, cc, ["--target=wasm32-wasi", "-print-libgcc-file-name"], environment)
        guard let builtins, FileManager.default.fileExists(atPath: builtins) else {
            throw .missingFile(
                path: builtins ?? "libclang_rt.builtins-wasm32.a", package: "libclang-rt-14-dev-wasm32")
        }
        return CPythonToolchain(
            cc: cc, cxx: cxx, cpp: cpp, wasmLD: wasmLD, ar: ar, ranlib: ranlib, make: make, wasiInclude: include,
            wasiLib: lib, versionLine: firstLine(launcher, cc, ["--version"], environment) ?? "unknown",
            linkerVersionLine: firstLine(launcher, wasmLD, ["--version"], environment) ?? "unknown")
    }

    /// What identifies the toolchain in the cache key: versions, paths and the WASI C library's size.
    public var identity: String {
        let libc = (try? FileManager.default.attributesOfItem(atPath: wasiLib + "/libc.a")[.size]) as? Int ?? 0
        return [cc, versionLine, wasmLD, linkerVersionLine, wasiLib, "libc.a \(libc) bytes"].joined(separator: " | ")
    }

    /// Writes the small WASI SDK folder CPython's build expects (`bin/clang` and friends,
    /// `share/wasi-sysroot`) out of wrappers and links to this toolchain.
    ///
    /// The sysroot holds only wasi-libc's `wasm32-wasi` folders, so no host header or library can
    /// leak into the wasm build (as `--sysroot=/usr` would let `/usr/include` in).
    public func writeFakeWASISDK(at folder: URL) throws(PythonBuildError) {
        let manager = FileManager.default
        let bin = folder.appendingPathComponent("bin")
        let sysroot = folder.appendingPathComponent("share/wasi-sysroot")
        do {
            for sub in [bin, sysroot.appendingPathComponent("include"), sysroot.appendingPathComponent("lib")] {
                try manager.createDirectory(at: sub, withIntermediateDirectories: true)
            }
            for (name, target) in [("clang", cc), ("clang++", cxx), ("clang-cpp", cpp)] {
                let wrapper = bin.appendingPathComponent(name)
                let script = "#!/bin/sh\nexec \(shellQuote(target)) --target=wasm32-wasi \"$@\"\n"
                try script.write(to: wrapper, atomically: true, encoding: .utf8)
                try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
            }
            let links = [
                (bin.appendingPathComponent("wasm-ld"), wasmLD), (bin.appendingPathComponent("llvm-ar"), ar),
                (bin.appendingPathComponent("ranlib"), ranlib),
                (sysroot.appendingPathComponent("include/wasm32-wasi"), wasiInclude),
                (sysroot.appendingPathComponent("lib/wasm32-wasi"), wasiLib),
            ]
            for (link, target) in links {
                try manager.createSymbolicLink(atPath: link.path, withDestinationPath: target)
            }
        } catch {
            throw .cacheNotWritable(path: folder.path, reason: FileSystem.reason(error))
        }
    }

    private static func firstLine(
        _ launcher: ProcessLauncher, _ tool: String, _ arguments: [String], _ environment: [String: String]
    ) -> String? {
        guard let output = try? launcher.capture(tool, arguments, environment: environment),
            output.termination == .exited(0)
        else { return nil }
        return output.stdout.split(whereSeparator: \.isNewline).first.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }
}

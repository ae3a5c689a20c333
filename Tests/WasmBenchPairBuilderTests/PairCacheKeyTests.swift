import Foundation
import TestSupport
import Testing
import WasmBenchPairBuilder

/// The cache key covers source, recipe and toolchain, and nothing else.
@Suite("Cache key of the matched pair")
struct PairCacheKeyTests {
    let base = PairCacheKey(
        sourceFingerprint: "debian python3.11=3.11.2-6+deb12u8", recipe: .standard,
        toolchainIdentity: "/usr/bin/clang-14 | Debian clang version 14.0.6 | /usr/bin/wasm-ld-14 | Debian LLD 14.0.6")

    @Test("the key is 16 lowercase hex digits and the same for the same inputs")
    func stable() {
        let again = PairCacheKey(
            sourceFingerprint: base.sourceFingerprint, recipe: base.recipe, toolchainIdentity: base.toolchainIdentity)
        #expect(base.value.count == 16)
        #expect(base.value.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(again.value == base.value)
    }

    @Test("changing the source, OPT, the shared options or the toolchain changes the key")
    func sensitive() {
        var source = base
        source.sourceFingerprint = "debian python3.11=3.11.2-6+deb12u9"
        var opt = base
        opt.recipe.opt = "-g -fwrapv -O2 -Wall"
        var options = base
        options.recipe.sharedArguments = ["--without-pymalloc", "--with-computed-gotos"]
        var toolchain = base
        toolchain.toolchainIdentity = base.toolchainIdentity.replacingOccurrences(of: "14.0.6", with: "14.0.7")
        let keys = [base, source, opt, options, toolchain].map(\.value)
        #expect(Set(keys).count == keys.count)
    }

    @Test("the standard recipe turns pymalloc and computed gotos on for both sides and asks for -O3")
    func standardRecipe() {
        #expect(CPythonBuildRecipe.standard.opt.split(separator: " ").contains("-O3"))
        #expect(CPythonBuildRecipe.standard.sharedArguments.contains("--with-pymalloc"))
        #expect(CPythonBuildRecipe.standard.sharedArguments.contains("--with-computed-gotos"))
        #expect(!CPythonBuildRecipe.standard.sharedArguments.contains { $0.contains("lto") || $0.contains("optim") })
    }

    @Test("a folder's fingerprint changes when a file changes, not when .git or __pycache__ do")
    func folderFingerprint() throws {
        let folder = TemporaryFolder()
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder.path("src/Lib/__pycache__"), withIntermediateDirectories: true)
        try manager.createDirectory(atPath: folder.path("src/.git"), withIntermediateDirectories: true)
        try "print(1)\n".write(toFile: folder.path("src/Lib/a.py"), atomically: true, encoding: .utf8)
        let source = try CPythonSource(path: folder.path("src"))
        #expect(source == .folder(path: folder.path("src")))
        let first = try source.fingerprint()
        try "x".write(toFile: folder.path("src/Lib/__pycache__/a.pyc"), atomically: true, encoding: .utf8)
        try "y".write(toFile: folder.path("src/.git/HEAD"), atomically: true, encoding: .utf8)
        #expect(try source.fingerprint() == first)
        try "print(22)\n".write(toFile: folder.path("src/Lib/a.py"), atomically: true, encoding: .utf8)
        #expect(try source.fingerprint() != first)
    }

    @Test("a tarball is identified by its bytes; a missing path is a clear error")
    func tarball() throws {
        let folder = TemporaryFolder()
        try "bytes".write(toFile: folder.path("Python-3.11.2.tgz"), atomically: true, encoding: .utf8)
        let source = try CPythonSource(path: folder.path("Python-3.11.2.tgz"))
        #expect(source == .tarball(path: folder.path("Python-3.11.2.tgz")))
        // SHA-256("bytes"), from `printf bytes | sha256sum`.
        #expect(
            try source.fingerprint()
                == "tarball sha256 277089d91c0bdf4f2e6862ba7e4a07605119431f5d13f726dd352b06f1b206a9")
        #expect(throws: PythonBuildError.sourceNotFound(path: folder.path("absent"))) {
            try CPythonSource(path: folder.path("absent"))
        }
    }
}

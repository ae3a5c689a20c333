import Foundation
import TestSupport
import Testing
import WasmBenchPairBuilder

/// A variant's name, flags and patch are checked before anything is built, and its cache key
/// follows its content.
@Suite("Variants of the matched pair: names, flags, patches and cache keys")
struct CPythonVariantTests {
    let folder = TemporaryFolder()
    let toolchain = "/usr/bin/clang-14 | Debian clang version 14.0.6 | /usr/bin/wasm-ld-14 | Debian LLD 14.0.6"

    func key(_ variant: CPythonVariant?) -> String {
        PairCacheKey(
            sourceFingerprint: "debian python3.11=3.11.2-6+deb12u8",
            recipe: variant?.recipe(from: .standard) ?? .standard, toolchainIdentity: toolchain, variant: variant
        ).value
    }

    func patch(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("names of [a-z0-9-] with inner hyphens pass; others and reserved words are refused, saying why")
    func names() throws {
        for good in ["o2", "no-copy", "a", "x86-fast-path", String(repeating: "a", count: 32)] {
            #expect(CPythonVariant.isValid(name: good), "\(good)")
        }
        for bad in ["", "O2", "-x", "x-", "a_b", "a.b", "a b", "é", String(repeating: "a", count: 33)] {
            let error = try #require(throws: PythonBuildError.self) { try CPythonVariant.check(name: bad) }
            #expect(error.description.contains("is not a variant name"), "\(bad)")
        }
        for reserved in ["native", "wasi", "wasm", "base", "host"] {
            let error = try #require(throws: PythonBuildError.self) { try CPythonVariant.check(name: reserved) }
            #expect(error.description.contains("`\(reserved)` is reserved"))
        }
    }

    @Test("no options is no variant; options without a name, or a name without a difference, are usage errors")
    func fromOptions() throws {
        #expect(try CPythonVariant.from(name: nil, cflags: nil, configureFlags: [], patch: nil) == nil)
        let unnamed = try #require(throws: PythonBuildError.self) {
            try CPythonVariant.from(name: nil, cflags: "-O2", configureFlags: [], patch: nil)
        }
        #expect(unnamed.description.contains("name it with --variant NAME"))
        let empty = try #require(throws: PythonBuildError.self) {
            try CPythonVariant.from(name: "o2", cflags: "  ", configureFlags: [], patch: nil)
        }
        #expect(
            empty == .invalidVariant("the variant o2 changes nothing; give it --cflags, --configure-flag or --patch"))
    }

    @Test("C flags join OPT after the recipe's (so -O2 overrides -O3); configure options join the shared ones")
    func recipe() throws {
        let variant = try CPythonVariant(name: "o2", cflags: "-O2 -fno-plt", configureFlags: ["--with-lto=no"])
        let recipe = variant.recipe(from: .standard)
        #expect(recipe.opt == CPythonBuildRecipe.standard.opt + " -O2 -fno-plt")
        #expect(recipe.sharedArguments == CPythonBuildRecipe.standard.sharedArguments + ["--with-lto=no"])
        #expect(variant.differences == ["OPT += -O2 -fno-plt", "configure += --with-lto=no"])
    }

    @Test("flags OPT cannot carry, target options and non-options are refused")
    func badFlags() throws {
        for cflags in ["-DX='a b'", "-O2;rm", "$(evil)"] {
            #expect(throws: PythonBuildError.self) { try CPythonVariant(name: "v", cflags: cflags) }
        }
        for option in ["--host=wasm32-unknown-wasi", "--with-build-python=/x", "CC=gcc", "lto"] {
            #expect(throws: PythonBuildError.self) { try CPythonVariant(name: "v", configureFlags: [option]) }
        }
        #expect(throws: PythonBuildError.patchNotFound(path: folder.path("absent.patch"))) {
            try CPythonVariant(name: "v", patch: folder.path("absent.patch"))
        }
    }

    @Test("the patch is read once and identified by the SHA-256 of its bytes")
    func patchIdentity() throws {
        let variant = try CPythonVariant(name: "v", patch: try patch("p.patch", "bytes"))
        // SHA-256("bytes"), from `printf bytes | sha256sum`.
        #expect(variant.patch?.sha256 == "277089d91c0bdf4f2e6862ba7e4a07605119431f5d13f726dd352b06f1b206a9")
        #expect(variant.patch?.file == folder.path("p.patch"))
        #expect(variant.patchBytes == Array("bytes".utf8))
        #expect(variant.differences == ["patch p.patch (sha256 \(variant.patch?.sha256 ?? ""))"])
    }

    @Test(
        "the same variant gives the same key; other flags, patch bytes or name give another; the pair's key is unchanged"
    )
    func keys() throws {
        let o2 = try CPythonVariant(name: "o2", cflags: "-O2")
        #expect(key(o2) == key(try CPythonVariant(name: "o2", cflags: "-O2")))
        let first = try CPythonVariant(name: "p", patch: try patch("a.patch", "one"))
        let same = try CPythonVariant(name: "p", patch: try patch("b.patch", "one"))
        let changed = try CPythonVariant(name: "p", patch: try patch("a.patch", "two"))
        #expect(key(first) == key(same))
        let keys = [
            key(nil), key(o2), key(try CPythonVariant(name: "o2", cflags: "-O1")),
            key(try CPythonVariant(name: "o2x", cflags: "-O2")),
            key(try CPythonVariant(name: "o2", cflags: "-O2", configureFlags: ["--with-lto=no"])), key(first),
            key(changed),
        ]
        #expect(Set(keys).count == keys.count)
        let pair = PairCacheKey(
            sourceFingerprint: "debian python3.11=3.11.2-6+deb12u8", recipe: .standard, toolchainIdentity: toolchain)
        #expect(!pair.material.contains("variant"))
        #expect(pair.value == key(nil))
    }

    @Test("variant side ids parse back to the name; the pair's own ids and bad names are not variants")
    func sideIDs() {
        let ids = CPythonPair.sideIDs(variant: "o2")
        #expect(ids.native == "cpython3.11-o2-native" && ids.wasi == "cpython3.11-o2-wasi")
        #expect(CPythonPair.variantSide(of: ids.native)?.name == "o2")
        #expect(CPythonPair.variantSide(of: ids.native)?.native == true)
        #expect(CPythonPair.variantSide(of: ids.wasi)?.native == false)
        #expect(CPythonPair.variantSide(of: "cpython3.11-no-copy-wasi")?.name == "no-copy")
        for other in [
            "cpython3.11-native", "cpython3.11-wasi", "cpython3.11-O2-native", "cpython3.11--native",
            "cpython3.11-wasi-native", "cpython3.12-o2-native", "cpython3.11-o2-wasm",
        ] {
            #expect(CPythonPair.variantSide(of: other) == nil, "\(other)")
        }
    }
}

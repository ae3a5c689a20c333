import Foundation
import Testing
import WasmBenchPairBuilder

/// A variant built from the fake CPython tree: its patch goes to a copy, its entry to
/// `python/variants`, its record names the base pair and the difference.
extension NoBrokenEntryTests {
    /// A patch that adds one file to the tree's `Lib`.
    static let addsMarker = """
        --- /dev/null
        +++ b/Lib/variant_marker.py
        @@ -0,0 +1 @@
        +MARKER = 1

        """

    /// A configure that succeeds for both sides.
    static var succeeding: String {
        configure(failNative: false).replacingOccurrences(of: "[ \"$wasi\" = yes ] || ", with: "")
    }

    func writePatch(_ text: String, _ name: String = "marker.patch") throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a variant is built in python/variants from a patched copy; pair.json names its base and difference")
    func variantBuilt() throws {
        let source = try fakeSource(configure: Self.succeeding)
        let variant = try CPythonVariant(name: "marked", cflags: "-O2", patch: try writePatch(Self.addsMarker))
        let builder = builder(variant: variant)
        let pair = try builder.build(.folder(path: source), jobs: 1)
        #expect(pair.folder == folder.path("home/python/variants/cpython-3.99.0-marked-\(pair.key)"))
        #expect(pair.variant == variant)
        #expect(pair.baseKey == (try builder.baseKey(for: .folder(path: source))))
        #expect(pair.baseKey != pair.key)
        #expect(pair.recipe.opt == CPythonBuildRecipe.standard.opt + " -O2")
        #expect(FileManager.default.fileExists(atPath: pair.folder + "/source/Lib/variant_marker.py"))
        #expect(FileManager.default.fileExists(atPath: pair.folder + "/variant.patch"))
        #expect(!FileManager.default.fileExists(atPath: source + "/Lib/variant_marker.py"))
        // The pair's own folder holds no entry: the variant is kept apart.
        #expect(entries().isEmpty)
        let saved = try #require(CPythonPair.load(from: URL(fileURLWithPath: pair.folder + "/pair.json")))
        #expect(saved.variant?.patch?.sha256 == variant.patch?.sha256)
        #expect(saved.variant?.patchBytes == [])
        #expect(saved.summary.contains("variant marked of the matched CPython pair 3.99.0"))
        #expect(saved.summary.contains("pair \(pair.baseKey ?? ""): OPT += -O2; patch marker.patch"))
        #expect(saved.summary.contains("cpython3.11-marked-native, cpython3.11-marked-wasi@HOST"))
    }

    @Test("the same variant again comes from the cache; a changed patch builds a new entry")
    func variantCached() throws {
        let source = try fakeSource(configure: Self.succeeding)
        let patch = try writePatch(Self.addsMarker)
        let first = try builder(variant: try CPythonVariant(name: "marked", patch: patch)).build(
            .folder(path: source), jobs: 1)
        try script(folder.path("failing-make"), "#!/bin/sh\nexit 2\n")
        let again = try builder(
            make: folder.path("failing-make"), variant: try CPythonVariant(name: "marked", patch: patch))
        #expect(try again.build(.folder(path: source), jobs: 1) == first)
        _ = try writePatch(Self.addsMarker.replacingOccurrences(of: "MARKER = 1", with: "MARKER = 2"))
        let changed = builder(variant: try CPythonVariant(name: "marked", patch: patch))
        #expect(try changed.key(for: .folder(path: source)) != first.key)
        let second = try changed.build(.folder(path: source), jobs: 1)
        let marker = try String(contentsOfFile: second.folder + "/source/Lib/variant_marker.py", encoding: .utf8)
        #expect(marker == "MARKER = 2\n")
    }

    @Test("a patch that does not apply is refused with patch's output; no entry, the source untouched")
    func patchRefused() throws {
        let source = try fakeSource(configure: Self.succeeding)
        let before = try String(contentsOfFile: source + "/Include/patchlevel.h", encoding: .utf8)
        let patch = try writePatch(
            """
            --- a/Include/patchlevel.h
            +++ b/Include/patchlevel.h
            @@ -1 +1 @@
            -#define PY_VERSION "3.12.0"
            +#define PY_VERSION "3.12.1"

            """, "stale.patch")
        let error = try #require(
            buildError(builder(variant: try CPythonVariant(name: "stale", patch: patch)), source))
        guard case .patchDoesNotApply(let named, _, let tail, let log) = error else {
            Issue.record("expected patchDoesNotApply, got \(error)")
            return
        }
        #expect(named == patch)
        #expect(tail.contains("FAILED"))
        #expect(log.hasSuffix("/0-apply-patch.log"))
        #expect(error.description.contains("the source is untouched"))
        #expect(try String(contentsOfFile: source + "/Include/patchlevel.h", encoding: .utf8) == before)
        let variants = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("home/python/variants"))) ?? []
        #expect(variants.isEmpty)
    }

    @Test("a variant's C flags reach both sides' OPT and its configure options both sides' configure")
    func variantFlags() throws {
        let source = try fakeSource(configure: "#!/bin/sh\necho \"args: $*\"\nenv\nexit 1\n")
        let variant = try CPythonVariant(name: "lean", cflags: "-O2", configureFlags: ["--without-doc-strings"])
        guard case .stepFailed(_, _, _, let log) = buildError(builder(variant: variant), source) else {
            Issue.record("expected the fake configure to fail")
            return
        }
        let output = try String(contentsOfFile: log, encoding: .utf8)
        #expect(output.contains("OPT=\(CPythonBuildRecipe.standard.opt) -O2\n"))
        #expect(output.contains("--without-ensurepip --without-doc-strings"))
    }
}

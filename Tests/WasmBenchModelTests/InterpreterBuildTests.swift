import Testing
import WasmBenchModel

@Suite("Interpreter builds tell like-for-like comparisons from others")
struct InterpreterBuildTests {
    let clang = InterpreterBuild(
        implementation: "CPython", version: "3.11.2", compiler: "clang 14.0.6", flags: "-O3",
        features: ["pymalloc"], origin: "source A", matchedPair: "k1")

    @Test("the two sides of one matched pair are like for like even where the target differs")
    func matchedPair() {
        var wasi = clang
        wasi.features = []
        wasi.origin = "source A (wasi)"
        #expect(wasi.differences(from: clang).isEmpty)
    }

    @Test("each difference is named: implementation, version, compiler, flags, features")
    func differences() {
        let pypy = InterpreterBuild(
            implementation: "PyPy", version: "3.9.16", compiler: "GCC 12.2.0", flags: "-O2", features: ["JIT"],
            origin: "Debian")
        #expect(
            pypy.differences(from: clang) == [
                "different implementation (PyPy vs CPython)", "different version (3.9.16 vs 3.11.2)",
                "different compiler (GCC 12.2.0 vs clang 14.0.6)", "different flags (-O2 vs -O3)",
                "different build features (JIT vs pymalloc)",
            ])
    }

    @Test("a patch release is the same version; an unknown compiler is never like for like")
    func unknowns() {
        var other = clang
        other.matchedPair = nil
        other.version = "3.11.9"
        other.compiler = nil
        #expect(other.differences(from: clang) == ["compiler not known for both sides"])
    }

    @Test("two equal builds outside a pair are like for like")
    func equalBuilds() {
        var a = clang
        a.matchedPair = nil
        #expect(a.differences(from: a).isEmpty)
    }

    @Test("engines without build records compare like for like; an interpreter against one does not")
    func runtimeInfo() {
        let engine = RuntimeInfo(
            id: "native", name: "native", version: "1", kind: .native, flags: [], available: true, exposedPhases: [])
        var python = engine
        python.id = "python3-host"
        python.build = clang
        #expect(engine.fairnessProblems(against: engine).isEmpty)
        #expect(python.fairnessProblems(against: engine).count == 1)
        #expect(engine.fairnessProblems(against: python).count == 1)
    }
}

@Suite("Compiler names are read into one form")
struct CompilerNameTests {
    @Test(
        "the forms --version, sys.version and PyPy print",
        arguments: [
            ("Debian clang version 14.0.6", "clang 14.0.6"),
            ("Clang 14.0.6 ", "clang 14.0.6"),
            ("[Clang 23.1.0-wasi-sdk (https://github.com/llvm/llvm-project 895aa2c)]", "clang 23.1.0-wasi-sdk"),
            ("GCC 12.2.0", "GCC 12.2.0"),
            ("[PyPy 7.3.11 with GCC 12.2.0]", "GCC 12.2.0"),
            ("gcc (Debian 12.2.0-14) 12.2.0", "GCC 12.2.0"),
            ("  MSC v.1937 64 bit ", "MSC v.1937 64 bit"),
        ])
    func normalized(_ input: String, _ expected: String) {
        #expect(InterpreterBuild.normalizedCompiler(input) == expected)
    }
}

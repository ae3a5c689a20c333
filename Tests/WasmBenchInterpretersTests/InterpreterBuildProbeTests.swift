import Foundation
import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision

@testable import WasmBenchInterpreters

@Suite("How an interpreter was built is read from the interpreter")
struct InterpreterBuildProbeTests {
    @Test("the compiler string CPython compiles into a module is found and normalised")
    func compilerInModule() {
        var bytes = Data([0, 97, 115, 109, 1, 0, 0, 0])
        bytes.append(
            Data("xx3.15.0a1\u{0}[Clang 23.1.0-wasi-sdk (https://github.com/llvm/llvm-project 895a)]\u{0}".utf8))
        #expect(InterpreterBuildProbe.compiler(in: bytes) == "clang 23.1.0-wasi-sdk")
        #expect(InterpreterBuildProbe.compiler(in: Data("no compiler here".utf8)) == nil)
        #expect(InterpreterBuildProbe.compiler(in: Data("[GCC 12.2.0".utf8)) == nil)
    }

    @Test("the host's python3 says its implementation, version, compiler and flags")
    func hostPython() throws {
        let python = try #require(ToolLocator(environment: ProcessInfo.processInfo.environment).find("python3"))
        let build = try #require(
            InterpreterBuildProbe.native(
                executable: python, origin: "host", launcher: ProcessLauncher(),
                environment: ProcessInfo.processInfo.environment))
        #expect(build.implementation == "CPython")
        #expect(build.version.hasPrefix("3."))
        #expect(build.compiler?.hasPrefix("GCC ") == true || build.compiler?.hasPrefix("clang ") == true)
        #expect(build.flags?.contains("-O") == true)
        #expect(build.origin == "host")
    }

    @Test("an interpreter that cannot answer gives no record rather than a guess")
    func noAnswer() {
        #expect(
            InterpreterBuildProbe.native(
                executable: "/bin/false", origin: "x", launcher: ProcessLauncher(), environment: [:]) == nil)
    }
}

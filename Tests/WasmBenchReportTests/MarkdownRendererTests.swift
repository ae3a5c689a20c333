import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    @Test("Columns of phases no runtime exposes are left out")
    func notExposedPhase() throws {
        let text = MarkdownRenderer().render(MinimalResult.make())
        // The phases table is the one under the runtime's heading: its header, delimiters, then the row.
        let phases = try #require(text.range(of: "`native` · clang 19 · baseline\n\n"))
        let row = text[phases.upperBound...].split(separator: "\n")[2]
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells == ["`kernels/loop`", "2.00 s", "no data", "no data"])
        #expect(!text.contains("| instantiate |"))
    }

    @Test("A pipe in a cell is escaped so the table keeps its columns")
    func escapesPipes() {
        var result = ReportFixture.runResult()
        result.failures[1].message = "expected 832040 | got 0"
        result.failures[1].command = "sh -c 'wasmtime run fib.wasm | tail -1'"
        let text = MarkdownRenderer().render(result)
        #expect(text.contains(#"expected 832040 \| got 0"#))
        #expect(text.contains(#"`sh -c 'wasmtime run fib.wasm \| tail -1'`"#))
    }

    @Test("Hashes are shortened to 12 hex digits")
    func shortHashes() throws {
        let result = ReportFixture.runResult()
        let text = MarkdownRenderer().render(result)
        let hash = result.workloads[0].wasmSHA256
        #expect(text.contains("`\(hash.prefix(12))`"))
        #expect(!text.contains(hash))
    }
}

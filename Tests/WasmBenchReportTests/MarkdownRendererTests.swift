import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    @Test("Columns of phases no runtime exposes are left out")
    func notExposedPhase() throws {
        let text = MarkdownRenderer().render(MinimalResult.make())
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| `native` | `kernels/loop`") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells == ["`native`", "`kernels/loop`", "2.00 s", "no data", "no data"])
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

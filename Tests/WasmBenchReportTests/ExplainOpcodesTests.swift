import Testing
import WasmBenchModel
import WasmBenchReport

/// The opcode section of an explain report (`--opcodes`), in every format.
@Suite("Explain reports: opcodes")
struct ExplainOpcodesTests {
    static func report(names: Bool) -> ExplainReport {
        var report = ExplainReportFixture.report()
        let runs = [CountedRun(iterations: 2, instructions: 300), CountedRun(iterations: 4, instructions: 500)]
        report.opcodes = [
            OpcodeProfile(
                workload: "kernels/fib", runtime: "wasmkit", runs: runs, perIteration: 100, steady: nil, outside: 100,
                opcodes: [
                    OpcodeCount(code: "0x20", name: "local.get", category: .variables, perIteration: 60, share: 0.6),
                    OpcodeCount(code: "0x6A", name: "i32.add", category: .integer, perIteration: 40, share: 0.4),
                ],
                categories: OpcodeCategory.allCases.map {
                    CategoryCount(
                        category: $0, perIteration: $0 == .variables ? 60 : $0 == .integer ? 40 : 0,
                        share: $0 == .variables ? 0.6 : $0 == .integer ? 0.4 : 0)
                },
                functions: [FunctionOpcodeCount(index: 4, name: names ? "fib" : nil, perIteration: 100, share: 1)],
                hasNames: names, blocks: 7, perNativeInstruction: ["native": 0.25])
        ]
        return report
    }

    @Test("opcodes, names, categories, functions and the ratio to native instructions in every format")
    func content() {
        let report = Self.report(names: true)
        for text in [
            TerminalRenderer().render(report), MarkdownRenderer().render(report), HTMLRenderer().render(report),
        ] {
            #expect(text.lowercased().contains("wasm opcodes per iteration"))
            #expect(text.contains("local.get") && text.contains("0x6A") && text.contains("local/global"))
            #expect(text.contains("60%"))
            #expect(text.contains("fib"))
            #expect(text.contains("0.250 per instruction of native"))
            #expect(!text.contains("no name section"))
        }
    }

    @Test("HTML draws a bar per category; without a name section functions are indices with a note")
    func chartAndNames() {
        let html = HTMLRenderer().render(Self.report(names: false))
        let before = HTMLRenderer().render(ExplainReportFixture.report())
        let bars = { (text: String) in text.components(separatedBy: "class=\"bar\"").count - 1 }
        #expect(bars(html) - bars(before) == OpcodeCategory.allCases.count)
        #expect(html.contains("no name section") && html.contains("&lt;function 4&gt;"))
    }

    @Test("an analysis saved before --opcodes existed reads back without opcodes")
    func oldJSON() throws {
        let report = ExplainReportFixture.report()
        #expect(report.opcodes == nil)
    }
}

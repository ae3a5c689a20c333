import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Renderer snapshots")
struct RendererSnapshotTests {
    @Test("The terminal report of the fixture matches its snapshot")
    func terminal() {
        let text = TerminalRenderer().render(ReportFixture.runResult())
        Snapshot.expectMatch(text, named: "terminal.txt")
    }

    @Test("The Markdown report of the fixture matches its snapshot")
    func markdown() {
        let text = MarkdownRenderer().render(ReportFixture.runResult())
        Snapshot.expectMatch(text, named: "markdown.md")
    }
}

@Suite("Python reports: warm-up and fairness")
struct PythonReportTests {
    @Test("The terminal report of the python fixture matches its snapshot")
    func terminal() {
        Snapshot.expectMatch(TerminalRenderer().render(PythonReportFixture.runResult()), named: "terminal-python.txt")
    }

    @Test("The Markdown report of the python fixture matches its snapshot")
    func markdown() {
        Snapshot.expectMatch(MarkdownRenderer().render(PythonReportFixture.runResult()), named: "markdown-python.md")
    }

    @Test("Every unfair ratio and geometric mean is flagged, the matched pair's are not")
    func unfairFlags() throws {
        let text = MarkdownRenderer().render(PythonReportFixture.runResult())
        let afterExecute = text.components(separatedBy: "## Execute").last ?? ""
        let execute = afterExecute.components(separatedBy: "## Phases").first ?? ""
        let rows = execute.split(separator: "\n").filter { $0.hasPrefix("| `python/") || $0.hasPrefix("| **geomean") }
        #expect(rows.count == 3)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // workload, native baseline, matched WASI, pypy3, wasi-python3.15
            #expect(!cells[2].contains("†"))
            #expect(cells[3].contains("†"))
            #expect(cells[4].contains("†"))
        }
        let builds = try #require(text.components(separatedBy: "## Builds and fairness").last)
        #expect(builds.contains("matched pair: like for like"))
        #expect(builds.contains("different implementation (PyPy vs CPython)"))
        #expect(builds.contains("different version (3.15.0a1 vs 3.11.2)"))
        #expect(builds.contains("compiler not known for both sides"))
    }

    @Test("Warm-up shows the first iteration against the steady state and what was left out")
    func warmUp() {
        let text = TerminalRenderer(width: 200).render(PythonReportFixture.runResult())
        #expect(text.contains("first 9.82× · 3 left out · 2/3 settled"))
    }

    @Test("A kernels run has no builds or warm-up sections")
    func kernelsUnchanged() {
        let text = TerminalRenderer().render(ReportFixture.runResult())
        #expect(!text.contains("builds —"))
        #expect(!text.contains("warm-up —"))
    }

    @Test("Many warnings are counted per phase and kind in the terminal, execute first; Markdown lists each")
    func manyWarnings() {
        var result = PythonReportFixture.runResult()
        let noisy = SummaryWarning(kind: .wideInterval, message: "noisy")
        for position in result.summaries.indices {
            result.summaries[position].warnings = [noisy]
        }
        let text = TerminalRenderer(width: 120).render(result)
        let section = text.components(separatedBy: "warnings — ").last ?? ""
        #expect(section.hasPrefix("\(result.summaries.count) summaries to read with care"))
        let lines = section.split(separator: "\n").filter { $0.contains("wide-interval") }
        #expect(lines.count == 3)
        #expect(lines.first?.contains("execute") == true)
        #expect(lines.first?.contains(" 8 ") == true)
        #expect(MarkdownRenderer().render(result).components(separatedBy: "| wide-interval |").count - 1 == 24)
    }

    @Test("The processes of a cell that failed alike share one failure line in the terminal")
    func groupedFailures() {
        var result = PythonReportFixture.runResult()
        result.failures =
            (0..<3).map { (process: Int) in
                Failure(
                    runtime: "pypy3", workload: "python/nbody", process: process, kind: .guestError,
                    message: "the guest program failed: import: ImportError",
                    command: "pypy3 runner.py nbody \(process)")
            } + [
                Failure(
                    runtime: "pypy3", workload: "python/fib", process: 1, kind: .timeout, message: "killed after 600 s")
            ]
        let text = TerminalRenderer(width: 160).render(result)
        let section = text.components(separatedBy: "failures\n").last ?? ""
        #expect(section.contains("#0 #1 #2"))
        #expect(section.components(separatedBy: "guest-error").count - 1 == 1)
        #expect(section.contains("pypy3 runner.py nbody 0"))
        #expect(!section.contains("pypy3 runner.py nbody 1"))
        #expect(section.contains("killed after 600 s"))
    }
}

@Suite("Instruction runs")
struct InstructionRunTests {
    @Test("The terminal report of an instruction run matches its snapshot")
    func terminal() {
        Snapshot.expectMatch(
            TerminalRenderer().render(InstructionRunFixture.runResult()), named: "terminal-instructions.txt")
    }

    @Test("The Markdown report of an instruction run matches its snapshot")
    func markdown() {
        Snapshot.expectMatch(
            MarkdownRenderer().render(InstructionRunFixture.runResult()), named: "markdown-instructions.md")
    }

    @Test("An instruction run shows counts, the fingerprint and the noise, and no phases table")
    func contents() {
        let text = MarkdownRenderer().render(InstructionRunFixture.runResult())
        #expect(text.contains("Instructions per iteration (callgrind); ratio to native."))
        #expect(text.contains("326 M"))
        #expect(text.contains("241 M~"))
        #expect(text.contains("geomean (instructions)"))
        #expect(!text.contains("## Phases"))
        #expect(!text.contains("no data"))
        #expect(
            text.contains(
                "AMD EPYC · AuthenticAMD family 25 (0x19) model 17 (0x11) stepping 1 · Zen 4 · microcode 0x1000065 · "
                    + "2 CPUs, 1 thread per core · KVM (kvm-clock clock source)"))
        #expect(text.contains("bimodal: two states"))
        #expect(text.contains("medians may sit in either state; see wasmbench doctor"))
        #expect(text.contains("2 counted set(s) × 1, 2, 4 counted iterations"))
    }
}

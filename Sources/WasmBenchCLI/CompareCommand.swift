import ArgumentParser
import Foundation
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchReport

/// `wasmbench compare BASE.json NEW.json`: how a run differs from an earlier one, for CI.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare two saved runs (JSON); exit 2 when the new one regressed.",
        discussion: """
            For every workload × runtime × phase both runs measured, from both runs' raw rows: new ÷ \
            base by the per-process minimum (geometric mean over processes, Welch's t interval) and \
            by the median (two-level bootstrap interval); the verdict follows --estimator. A change \
            counts when the whole interval lies past 1 and the ratio past the threshold. \
            Exit status: 0 no regression, 2 a gated phase got slower or a cell now fails, 3 a file \
            cannot be read or is not a wasmbench run, 5 --markdown or --html not writable, 64 usage.
            """)

    @Argument(help: "The run to compare against (written by `wasmbench run --json`).") var base: String
    @Argument(help: "The run under test.") var new: String
    @Option(help: "The relative change below which a difference counts as none (0.05 is 5%).") var threshold = 0.05
    @Option(
        help: "Phases whose slowdowns fail the comparison, comma-separated, or `none` (default: execute).",
        transform: RunCommand.list)
    var failOn: [String] = ["execute"]
    @Option(help: "Whose verdicts count: process-minimum or median (the JSON keeps both).") var estimator: Estimator =
        .preferred
    @Option(help: "Seed for the bootstrap.") var seed: UInt64 = 1
    @Option(help: "The report printed on stdout: terminal, markdown, html or json.") var format: ReportFormat =
        .terminal
    @Option(help: "Also write the comparison as Markdown to this file (e.g. a CI job summary).") var markdown: String?
    @Option(help: "Also write the comparison as a self-contained HTML page to this file.") var html: String?

    /// The gated phases after parsing `--fail-on`.
    var gatedPhases: [Phase] {
        failOn == ["none"] ? [] : failOn.compactMap { Phase(rawValue: $0) }
    }

    func validate() throws {
        guard threshold >= 0, threshold.isFinite else {
            throw ValidationError("--threshold must be a fraction of 0 or more, e.g. 0.05 for 5%")
        }
        if failOn != ["none"] {
            let unknown = failOn.filter { Phase(rawValue: $0) == nil }
            if !unknown.isEmpty {
                throw ValidationError(
                    "unknown phase \(unknown.joined(separator: ", ")) in --fail-on; the phases are: \(Phase.allCases.map(\.rawValue).joined(separator: ", ")), or none"
                )
            }
        }
    }

    func run() throws {
        let before = try ArtifactFile.readJSON(base)
        let after = try ArtifactFile.readJSON(new)
        let comparison = RunComparer(threshold: threshold, estimator: estimator, gatedPhases: gatedPhases, seed: seed)
            .compare(base: before, basePath: base, new: after, newPath: new)
        switch format {
        case .terminal: print(TerminalRenderer(useColor: isatty(1) == 1).render(comparison), terminator: "")
        case .markdown: print(MarkdownRenderer().render(comparison), terminator: "")
        case .html: FileHandle.standardOutput.write(Data(HTMLRenderer().render(comparison).utf8))
        case .json: FileHandle.standardOutput.write(try ArtifactFile.encode(comparison))
        }
        if let markdown { try ArtifactFile.write(Data(MarkdownRenderer().render(comparison).utf8), to: markdown) }
        if let html { try ArtifactFile.write(Data(HTMLRenderer().render(comparison).utf8), to: html) }
        if comparison.regressed {
            throw CommandError(.regressed, regressionMessage(comparison))
        }
    }

    /// What regressed, for stderr: the first few slower cells and how many cells now fail.
    private func regressionMessage(_ comparison: RunComparison) -> String {
        let cells = comparison.regressions.prefix(5).map { cell in
            let change = cell.estimate(comparison.estimator)
            let ratio = formatRatio(change?.ratio ?? cell.ratio, low: change?.ciLow, high: change?.ciHigh)
            return "\(cell.workload) on \(cell.runtime) \(ratio) (\(comparison.estimator.phrase))"
        }
        var parts: [String] = []
        if !cells.isEmpty {
            parts.append(
                "slower: " + cells.joined(separator: "; ") + (comparison.regressions.count > 5 ? "; …" : ""))
        }
        if !comparison.newFailures.isEmpty {
            parts.append("\(comparison.newFailures.count) cell(s) that the base run measured now fail")
        }
        return "the new run regressed (\(parts.joined(separator: "; "))); see the report above"
    }
}

import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchReport
import WasmBenchRunner

/// What `wasmbench compare` does once its options are read: read both runs, compare them, write
/// the report, and fail with `regressed` when a gated phase got slower or a cell now fails.
package struct CompareJob: Sendable {
    /// The two saved runs.
    package var base: String, new: String
    /// The comparer and its settings.
    package var comparer: RunComparer
    /// The report on stdout and its files.
    package var report: ReportSink

    /// A job.
    package init(base: String, new: String, comparer: RunComparer, report: ReportSink) {
        (self.base, self.new, self.comparer, self.report) = (base, new, comparer, report)
    }

    /// Compares the runs and writes the report; throws ``JobError`` when they cannot be compared
    /// or the new one regressed.
    package func execute() throws {
        try report.check(inputs: [base, new])
        let before = try ArtifactFile.readJSON(base)
        let after = try ArtifactFile.readJSON(new)
        do {
            try comparer.checkComparable(base: before, new: after)
        } catch {
            throw JobError(.invalidInput, "\(base) and \(new): \(error.description)")
        }
        let comparison = comparer.compare(base: before, basePath: base, new: after, newPath: new)
        try report.emit(.comparison(comparison))
        if comparison.regressed { throw JobError(.regressed, regressionSummary(comparison)) }
    }
}

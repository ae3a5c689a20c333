import Foundation
import Testing
import WasmBenchModel

@Suite("Estimators in the artifact: names, both kept, older files still read")
struct EstimatorCodingTests {
    let configuration = RunConfiguration(
        processes: 3, iterations: 10, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 1,
        cellBudgetSeconds: 1, failurePolicy: .continue)

    /// Encodes `value`, removes `keys` from every object in it, and decodes the rest as `T`.
    func withoutKeys<T: Codable>(_ value: T, _ keys: Set<String>) throws -> T {
        func strip(_ object: Any) -> Any {
            if let dictionary = object as? [String: Any] {
                return dictionary.filter { !keys.contains($0.key) }.mapValues(strip)
            }
            if let array = object as? [Any] { return array.map(strip) }
            return object
        }
        let object = strip(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)))
        return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test("the estimators' names in JSON are the documented ones; the default is the per-process minimum")
    func names() {
        #expect(Estimator.allCases.map(\.rawValue) == ["median", "process-minimum"])
        #expect(Estimator.preferred == .processMinimum)
        #expect(configuration.estimator == .processMinimum, "\(configuration)")
    }

    @Test("a summary keeps both estimators and reads back; one saved before has no process minimum")
    func summary() throws {
        var summary = Summary(
            workload: "w", runtime: "r", phase: .execute, metric: .time, count: 4, median: 2, mad: 0.1, min: 1.5,
            ciLow: 1.8, ciHigh: 2.2, ratioToBaseline: 1.3, ratioCILow: 1.2, ratioCIHigh: 1.4)
        summary.processMinimum = EstimatedValue(value: 1.6, ciLow: 1.55, ciHigh: 1.65)
        summary.processMinimumRatio = EstimatedValue(value: 1.25)
        #expect(try JSONDecoder().decode(Summary.self, from: JSONEncoder().encode(summary)) == summary)
        let old = try withoutKeys(summary, ["processMinimum", "processMinimumRatio"])
        #expect(old.processMinimum == nil)
        #expect(old.estimate(.processMinimum) == nil)
        #expect(old.estimate(.median) == EstimatedValue(value: 2, ciLow: 1.8, ciHigh: 2.2))
        #expect(old.ratioEstimate(.median) == EstimatedValue(value: 1.3, ciLow: 1.2, ciHigh: 1.4))
        #expect(summary.ratioEstimate(.processMinimum) == EstimatedValue(value: 1.25))
    }

    @Test("a comparison written before the process minimum reads back as the median's alone")
    func oldComparison() throws {
        let side = ComparedRun(
            path: "a.json", toolVersion: "t", startedAt: "now", complete: true,
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: configuration)
        let cell = Comparison(
            workload: "w", runtime: "r", phase: .execute, metric: .time, baseMedian: 1, newMedian: 1.4, ratio: 1.4,
            ciLow: 1.1, ciHigh: 1.5, verdict: .unchanged, medianVerdict: .slower,
            processMinimum: ComparedEstimate(
                base: 1, new: 1.01, ratio: 1.01, ciLow: 0.99, ciHigh: 1.03, verdict: .unchanged))
        let mean = ComparedGeometricMean(
            runtime: "r", workloads: 1, value: 1.4, ciLow: 1.1, ciHigh: 1.5, verdict: .unchanged, medianVerdict: .slower
        )
        let comparison = RunComparison(
            base: side, new: side, threshold: 0.05, estimator: .processMinimum, gatedPhases: [.execute],
            comparisons: [cell], geometricMeans: [mean])
        #expect(comparison.schemaVersion == 2)
        #expect(comparison.estimator == .processMinimum)
        #expect(
            try JSONDecoder().decode(RunComparison.self, from: JSONEncoder().encode(comparison)) == comparison)
        #expect(cell.estimate(.median)?.verdict == .slower)
        #expect(cell.estimate(.processMinimum)?.ratio == 1.01)

        var old = try withoutKeys(comparison, ["estimator", "medianVerdict", "processMinimum"])
        #expect(old.estimator == .median)
        #expect(old.comparisons.first?.medianVerdict == .unchanged, "the old verdict was the median's")
        #expect(old.comparisons.first?.processMinimum == nil)
        #expect(old.geometricMeans.first?.medianVerdict == .unchanged)
        old.schemaVersion = 1
        let reread = try JSONDecoder().decode(RunComparison.self, from: JSONEncoder().encode(old))
        #expect(reread.schemaVersion == 1, "the version read is the version written")
    }
}

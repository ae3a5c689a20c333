import WasmBenchAnalysis
import WasmBenchMachine
import WasmBenchModel
import WasmBenchProcess

/// Times the canary during a run within a budget, into the result's ``NoiseRecord``.
///
/// What it costs: ``burst`` samples at the start and again at the end (6 × the canary, about
/// 0.13 s with the release build's ~21 ms fib canary), and in between one sample before a process
/// whenever the canary's time so far plus the next sample and the end burst stays within
/// ``budget`` (2% by default) of the run's time so far. So a run longer than about 7 s spends at
/// most 2% of its time on the canary; a shorter one spends the fixed 6 samples.
final class NoiseSampler {
    /// Samples taken at the start and at the end.
    static let burst = 3
    let canary: Canary
    /// The largest share of the run's time the canary may take (the start burst included).
    let budget: Double
    private let start = monotonicNanoseconds()
    private var lastCost = 0.0

    init(canary: Canary, budget: Double) {
        self.canary = canary
        self.budget = budget
    }

    /// Takes the start or end burst.
    func burst(into result: inout RunResult) {
        for _ in 0..<Self.burst { sample(into: &result) }
    }

    /// Takes one sample before a process if the budget allows it.
    func sampleIfAffordable(beforeRuntime runtime: String, workload: String, process: Int, into result: inout RunResult)
    {
        let spent = result.noise?.overheadSeconds ?? 0
        guard spent + lastCost * Double(1 + Self.burst) <= budget * secondsSince(start) else { return }
        sample(runtime: runtime, workload: workload, process: process, into: &result)
    }

    /// Fills the record's spread and verdict from its samples.
    func analyze(_ result: inout RunResult) {
        guard var record = result.noise else { return }
        NoiseAnalyzer().analyze(&record)
        result.noise = record
    }

    private func sample(
        runtime: String? = nil, workload: String? = nil, process: Int? = nil, into result: inout RunResult
    ) {
        let began = monotonicNanoseconds()
        let value = canary.measure()
        lastCost = secondsSince(began)
        var record = result.noise ?? NoiseRecord(canary: canary.name)
        record.samples.append(
            CanarySample(
                at: Double(began &- start) / 1e9, seconds: value, runtime: runtime, workload: workload,
                process: process))
        record.overheadSeconds += lastCost
        result.noise = record
    }
}

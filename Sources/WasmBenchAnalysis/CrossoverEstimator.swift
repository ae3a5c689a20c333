import WasmBenchModel

/// Says, for every workload, after how many runs each ahead-of-time runtime's compile has paid for
/// itself against its just-in-time counterpart (``AOTCrossover``), from a run's summaries.
///
/// Pure: summaries in, crossovers out. The iterations' execute time enters a run's cost only when
/// the two sides' execute medians differ beyond their 95% intervals. A pair is a runtime whose ``RuntimeInfo/compiledAheadOf``
/// names another runtime of the run; a workload lacking the `aot-compile` time or either side's
/// `startup` or `execute` median gets no crossover (nothing is estimated from nothing).
public enum CrossoverEstimator {
    /// The crossovers of `result`, in its workload and runtime order; a run is `iterations`
    /// executions of the workload after its start-up.
    public static func crossovers(of result: RunResult, iterations: Int) -> [AOTCrossover] {
        let summaries = Dictionary(
            result.summaries.map {
                (Key(workload: $0.workload, runtime: $0.runtime, phase: $0.phase, metric: $0.metric), $0)
            },
            uniquingKeysWith: { first, _ in first })
        let pairs = result.runtimes.compactMap { info in
            info.compiledAheadOf.map { (aot: info.id, jit: $0) }
        }
        .filter { pair in result.runtimes.contains { $0.id == pair.jit } }
        return result.workloads.map(\.id).flatMap { workload in
            pairs.compactMap { pair -> AOTCrossover? in
                func summary(_ runtime: String, _ phase: Phase, _ metric: Metric = .time) -> Summary? {
                    summaries[Key(workload: workload, runtime: runtime, phase: phase, metric: metric)]
                }
                guard let compile = summary(pair.aot, .aotCompile), let aotStart = summary(pair.aot, .startup),
                    let aotRun = summary(pair.aot, .execute), let jitStart = summary(pair.jit, .startup),
                    let jitRun = summary(pair.jit, .execute)
                else { return nil }
                // The same engine runs the same code after either compile: a difference in execute
                // counts only when the two medians' 95% intervals do not overlap, not the noise.
                let differs = jitRun.ciLow > aotRun.ciHigh || aotRun.ciLow > jitRun.ciHigh
                let n = differs ? Double(iterations) : 0
                func saving(_ pick: (Summary) -> Double, _ other: (Summary) -> Double) -> Double {
                    (pick(jitStart) + n * pick(jitRun)) - (other(aotStart) + n * other(aotRun))
                }
                let saved = saving(\.median, \.median)
                // The earliest crossover: the cheapest compile and the largest saving the intervals
                // allow; the latest: the dearest compile and the smallest saving.
                let mostSaved = saving(\.ciHigh, \.ciLow)
                let leastSaved = saving(\.ciLow, \.ciHigh)
                return AOTCrossover(
                    workload: workload, runtime: pair.aot, counterpart: pair.jit, compileSeconds: compile.median,
                    artifactBytes: summary(pair.aot, .aotCompile, .artifactBytes)?.median, savingPerRun: saved,
                    iterations: iterations, runs: runs(compile.median, saved),
                    runsLow: runs(compile.ciLow, mostSaved), runsHigh: runs(compile.ciHigh, leastSaved))
            }
        }
    }

    /// `compile ÷ saving`, or nil when a run saves nothing.
    static func runs(_ compile: Double, _ saving: Double) -> Double? {
        guard saving > 0, compile.isFinite, saving.isFinite else { return nil }
        return max(0, compile) / saving
    }

    private typealias Key = Summarizer.Key
}

import Foundation
import WasmBenchStatistics

/// A noise model of the machine a run measures on: what turns a workload's true time into the
/// iteration times the rows hold. Every effect is multiplicative, so the true ratio of any two
/// cells' times (and of any quantile of them) is the ratio of their true times.
struct Scenario: Sendable {
    /// The name `--scenario` takes.
    var name: String
    /// One line for the report.
    var summary: String
    /// Whether the host switches between a fast and a slow state.
    var bimodal = false
    /// The slow state's factor (FIELD-NOTES: fib takes ≈21 ms fast, ≈30 ms slow).
    var slowFactor = 1.4
    /// Per iteration, the chance that a fast host turns slow, and a slow one fast.
    var toSlow = 0.0
    var toFast = 0.0
    /// Iterations' worth of time between two processes (spawn, the other cells' start-up).
    var gap = 5
    /// Slow drift of the whole machine: an AR(1) on the log scale with this standard deviation…
    var driftSD = 0.0
    /// …and this correlation length, in iterations.
    var driftLength = 300.0
    /// Each fresh process's own factor (layout, placement): log-normal with this σ.
    var processSD = 0.01
    /// Each iteration's own jitter: log-normal with this σ.
    var iterationSD = 0.01
    /// The chance that an iteration is hit by a spike that multiplies it by 2–5.
    var spikeChance = 0.0

    static let quiet = Scenario(
        name: "quiet", summary: "a quiet machine: 1% jitter per iteration and per process, 0.5% drift",
        driftSD: 0.005)
    static let vm = Scenario(
        name: "vm",
        summary:
            "the shared 2-core VM: fast/slow states (slow = 1.4×) switching every 7–10 iterations on average, 40% of the time slow; 1% drift, 1% per process, 1% per iteration, 2% of iterations spiked 2–5×",
        bimodal: true, toSlow: 0.10, toFast: 0.15, driftSD: 0.01, spikeChance: 0.02)
    static let vmSticky = Scenario(
        name: "vm-sticky",
        summary: "as vm, but each state lasts 20–33 iterations on average, so whole processes run slow",
        bimodal: true, toSlow: 0.03, toFast: 0.05, driftSD: 0.01, spikeChance: 0.02)
    static let all = [vm, vmSticky, quiet]

    /// Simulates one run: `processes` rounds, each running every cell once in a shuffled order, a
    /// process being `iterations` iterations of which the first is a warm-up and dropped. Returns
    /// each cell's kept iterations, one group per process, in the order of `trueTimes`.
    func run(trueTimes: [Double], processes: Int, iterations: Int, random: inout Random) -> [[[Double]]] {
        var cells = Array(repeating: [[Double]](), count: trueTimes.count)
        var slow = bimodal && random.uniform() < toSlow / (toSlow + toFast)
        var drift = driftSD * random.normal()
        let keep = exp(-1 / driftLength)
        func step() {
            if bimodal { slow = slow ? random.uniform() >= toFast : random.uniform() < toSlow }
            drift = keep * drift + (1 - keep * keep).squareRoot() * driftSD * random.normal()
        }
        for round in 0..<processes {
            let order = seededShuffle(Array(trueTimes.indices), seed: random.next() ^ UInt64(round))
            for cell in order {
                for _ in 0..<gap { step() }
                let process = processSD * random.normal()
                var kept: [Double] = []
                for iteration in 0..<iterations {
                    step()
                    var value = trueTimes[cell] * (slow ? slowFactor : 1)
                    value *= exp(process + drift + iterationSD * random.normal())
                    if random.uniform() < spikeChance { value *= 2 + 3 * random.uniform() }
                    if iteration > 0 { kept.append(value) }
                }
                cells[cell].append(kept)
            }
        }
        return cells
    }
}

/// Seeded randomness for the simulation: ``SeededGenerator`` plus uniform and normal draws.
struct Random {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in [0, 1), from the top 53 bits.
    mutating func uniform() -> Double { Double(generator.next() >> 11) * 0x1p-53 }

    /// Standard normal, by Box and Muller (1958).
    mutating func normal() -> Double {
        let u = 1 - uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// Uniform in 0..<count (Lemire's multiply-shift; its bias below count/2⁶⁴ does not matter here).
    mutating func index(below count: Int) -> Int {
        Int(truncatingIfNeeded: generator.next().multipliedFullWidth(by: UInt64(count)).high)
    }
}

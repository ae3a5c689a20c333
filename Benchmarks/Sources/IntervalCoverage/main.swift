// Checks wasmbench's interval methods by simulation: how often each method's 95% interval of a
// ratio holds the true ratio (coverage), how often `wasmbench compare`'s rule calls two runs of
// identical code different (A/A false alarms), and how wide the intervals are, under noise like
// that of the shared VMs (FIELD-NOTES: fast and slow states, drift, spikes). Seeded: the same
// arguments print the same table. With --runs, feeds saved runs' rows through the same methods.
//
// Usage: swift run -c release --package-path Benchmarks IntervalCoverage
//            [--trials 400] [--scenario vm,vm-sticky,quiet] [--settings 2x5,3x5,…]
//        swift run -c release --package-path Benchmarks IntervalCoverage --runs a.json b.json …
import Foundation
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchStatistics

/// What one method did over the trials of one scenario and setting.
struct Tally {
    var trials = 0
    var coveredEqual = 0
    var coveredApart = 0
    var falseAlarms = 0
    var unchanged = 0
    var slowdownsFound = 0
    var halfWidths: [Double] = []

    func percent(_ count: Int) -> String { String(format: "%.1f%%", 100 * Double(count) / Double(max(trials, 1))) }
}

/// FNV-1a of a text, to seed each trial apart from the others.
func seed(_ text: String) -> UInt64 {
    text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
}

let comparer = RunComparer(threshold: 0.05)

/// Runs `trials` simulated pairs of runs of four cells: A (true time 1), A' (1), B (1.5) and A
/// slowed down by 10% (1.1), which a comparison with the first run's A should find.
func simulate(_ scenario: Scenario, processes: Int, iterations: Int, trials: Int) -> [Tally] {
    var tallies = Array(repeating: Tally(), count: Method.all.count)
    for trial in 0..<trials {
        var random = Random(seed: seed("\(scenario.name)|\(processes)x\(iterations)|\(trial)"))
        let times = [1, 1, 1.5, 1.1]
        let first = scenario.run(trueTimes: times, processes: processes, iterations: iterations, random: &random)
        let second = scenario.run(trueTimes: times, processes: processes, iterations: iterations, random: &random)
        for (index, method) in Method.all.enumerated() {
            let base = random.next()
            tallies[index].trials += 1
            if let equal = method.ratio(first[1], first[0], base), equal.interval.low <= 1, 1 <= equal.interval.high {
                tallies[index].coveredEqual += 1
            }
            if let apart = method.ratio(first[2], first[0], base &+ 1) {
                if apart.interval.low <= 1.5 && 1.5 <= apart.interval.high { tallies[index].coveredApart += 1 }
                tallies[index].halfWidths.append((apart.interval.high - apart.interval.low) / 2 / apart.value)
            }
            if let again = method.ratio(second[0], first[0], base &+ 2) {
                switch comparer.verdict(again) {
                case .slower, .faster: tallies[index].falseAlarms += 1
                case .unchanged: tallies[index].unchanged += 1
                case .uncertain: break
                }
            }
            if let slower = method.ratio(second[3], first[0], base &+ 3), comparer.verdict(slower) == .slower {
                tallies[index].slowdownsFound += 1
            }
        }
    }
    return tallies
}

func simulationTables(trials: Int, scenarios: [Scenario], settings: [(Int, Int)]) {
    emit("Trials per row: \(trials). Coverage: the 95% interval of A'/A (true 1) and of B/A (true 1.5) within one run")
    emit(
        "holds the true ratio. A/A: a second run of identical code compared with the first by `wasmbench compare`'s rule"
    )
    emit("(threshold 5%): false alarms are `slower` or `faster`, `unchanged` is the right answer. 10% slower found:")
    emit("the same rule calls a second run whose code is 10% slower `slower`. Half-width: median over trials of")
    emit("(high − low) / 2 / estimate for B/A.")
    for scenario in scenarios {
        emit("\n### \(scenario.name): \(scenario.summary)\n")
        emit(
            "| method | processes × iterations | coverage, ratio 1 | coverage, ratio 1.5 | A/A false alarms | A/A unchanged | 10% slower found | half-width |"
        )
        emit("|---|---|---|---|---|---|---|---|")
        for (processes, iterations) in settings {
            let started = Date()
            let tallies = simulate(scenario, processes: processes, iterations: iterations, trials: trials)
            for (method, tally) in zip(Method.all, tallies) {
                let width = median(tally.halfWidths).map { String(format: "%.1f%%", 100 * $0) } ?? "—"
                emit(
                    "| \(method.name) | \(processes) × \(iterations) | \(tally.percent(tally.coveredEqual)) | \(tally.percent(tally.coveredApart)) | \(tally.percent(tally.falseAlarms)) | \(tally.percent(tally.unchanged)) | \(tally.percent(tally.slowdownsFound)) | \(width) |"
                )
            }
            FileHandle.standardError.write(
                Data("\(scenario.name) \(processes)×\(iterations): \(Int(Date().timeIntervalSince(started))) s\n".utf8))
        }
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: [String]) -> String? {
    guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count else { return nil }
    return arguments[at + 1]
}

if let at = arguments.firstIndex(of: "--runs") {
    let paths = Array(arguments[(at + 1)...])
    do {
        try savedRunsReport(paths)
    } catch {
        FileHandle.standardError.write(Data("IntervalCoverage: \(error)\n".utf8))
        exit(1)
    }
} else {
    let trials = option("--trials", in: arguments).flatMap { Int($0) } ?? 400
    let names = option("--scenario", in: arguments).map { $0.split(separator: ",").map(String.init) }
    let scenarios = names.map { names in Scenario.all.filter { names.contains($0.name) } } ?? Scenario.all
    let settings =
        option("--settings", in: arguments).map {
            $0.split(separator: ",").compactMap { text -> (Int, Int)? in
                let parts = text.split(separator: "x").compactMap { Int($0) }
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
        } ?? [2, 3, 5, 10].flatMap { processes in [5, 10, 20].map { (processes, $0) } }
    simulationTables(trials: trials, scenarios: scenarios, settings: settings)
}

/// Writes one line to stdout at once, so a long simulation shows its rows as they come.
func emit(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

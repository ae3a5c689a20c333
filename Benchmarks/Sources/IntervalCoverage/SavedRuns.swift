import Foundation
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchStatistics

/// Feeds saved runs' `execute` rows (warm-ups left out) through every method: each run's ratio of
/// every runtime to its baseline, then every later run compared with the first, as
/// `wasmbench compare` would with that method.
func savedRunsReport(_ paths: [String]) throws {
    let runs = try paths.map { path in
        try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
    let cells = runs.map(executeGroups)
    guard let first = runs.first, let firstCells = cells.first else { return }
    let baseline = first.configuration.baseline
    emit("Ratios to \(baseline), per run (\(paths.joined(separator: ", "))):\n")
    emit("| workload | runtime | method | " + paths.indices.map { "run \($0 + 1)" }.joined(separator: " | ") + " |")
    emit("|---|---|---|" + String(repeating: "---|", count: paths.count))
    for cell in firstCells.keys.sorted() where cell.runtime != baseline {
        let base = Cell(workload: cell.workload, runtime: baseline)
        for method in Method.all {
            let texts = cells.map { groups -> String in
                guard let top = groups[cell], let bottom = groups[base], let estimate = method.ratio(top, bottom, 1)
                else { return "—" }
                return text(estimate)
            }
            emit("| \(cell.workload) | \(cell.runtime) | \(method.name) | \(texts.joined(separator: " | ")) |")
        }
    }
    emit("\nLater runs compared with run 1 (`wasmbench compare` rule, threshold 5%): verdict counts per method\n")
    emit("| method | run | slower | faster | unchanged | uncertain |")
    emit("|---|---|---|---|---|---|")
    for (index, groups) in cells.enumerated().dropFirst() {
        for method in Method.all {
            var counts: [ComparisonVerdict: Int] = [:]
            for (cell, after) in groups {
                guard let before = firstCells[cell], let estimate = method.ratio(after, before, 2) else { continue }
                counts[RunComparer(threshold: 0.05).verdict(estimate), default: 0] += 1
            }
            let columns = [ComparisonVerdict.slower, .faster, .unchanged, .uncertain].map { "\(counts[$0] ?? 0)" }
            emit("| \(method.name) | \(index + 1) | \(columns.joined(separator: " | ")) |")
        }
    }
}

/// Each cell's non-warm-up `execute` times, one group per process.
func executeGroups(_ run: RunResult) -> [Cell: [[Double]]] {
    var byProcess: [Cell: [Int: [Double]]] = [:]
    for row in run.rows where row.phase == .execute && row.metric == .time && !row.warmup {
        byProcess[Cell(workload: row.workload, runtime: row.runtime), default: [:]][row.process, default: []]
            .append(row.value)
    }
    return byProcess.mapValues { processes in processes.keys.sorted().compactMap { processes[$0] } }
}

func text(_ estimate: Estimate) -> String {
    String(format: "%.3g× [%.3g–%.3g]", estimate.value, estimate.interval.low, estimate.interval.high)
}

import WasmBenchModel

/// One column of the phases table: a phase and the metric shown for it.
struct PhaseColumn {
    /// The column heading.
    var title: String
    /// The phase.
    var phase: Phase
    /// The metric of that phase.
    var metric: Metric

    /// The phases table's columns, in the order phases happen; `execute` has its own table.
    static let all: [PhaseColumn] = [
        PhaseColumn(title: "parse", phase: .parse, metric: .time),
        PhaseColumn(title: "compile", phase: .compile, metric: .time),
        PhaseColumn(title: "aot-compile", phase: .aotCompile, metric: .time),
        PhaseColumn(title: "artifact", phase: .aotCompile, metric: .artifactBytes),
        PhaseColumn(title: "aot-load", phase: .aotLoad, metric: .time),
        PhaseColumn(title: "instantiate", phase: .instantiate, metric: .time),
        PhaseColumn(title: "startup", phase: .startup, metric: .time),
        PhaseColumn(title: "import", phase: .import, metric: .time),
        PhaseColumn(title: "wall", phase: .wall, metric: .time),
        PhaseColumn(title: "cpu", phase: .wall, metric: .cpu),
        PhaseColumn(title: "peak-rss", phase: .wall, metric: .peakRSS),
    ]

    /// The columns of phases that at least one of the runtimes exposes (a column that would be
    /// `—` all the way down is left out).
    static func shown(for runtimes: [RuntimeInfo]) -> [PhaseColumn] {
        all.filter { column in runtimes.contains { $0.exposedPhases.contains(column.phase) } }
    }
}

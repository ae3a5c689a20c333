import WasmBenchModel

/// The command lines that measured one process of one cell of a saved run, in the order they
/// ran (an AOT compile before the run it feeds), for `wasmbench reproduce`.
public struct Reproduction: Sendable, Equatable {
    /// The cell.
    public var cell: Cell
    /// The process whose commands these are.
    public var process: Int
    /// The command lines, each once, in the order they ran.
    public var commands: [String]

    /// Why a saved run cannot give the commands asked for.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// No row or failure of the run names this cell.
        case unknownCell(Cell, known: [Cell])
        /// The cell has no such process.
        case unknownProcess(Int, known: [Int])
        /// The cell's rows record no command (e.g. an embedded engine's rows before commands were kept).
        case noCommands(Cell)

        /// What is wrong and what to ask for instead.
        public var description: String {
            switch self {
            case .unknownCell(let cell, let known):
                "the run has no cell \(cell.workload) on \(cell.runtime); its cells are: "
                    + known.map { "\($0.workload) \($0.runtime)" }.joined(separator: ", ")
            case .unknownProcess(let process, let known):
                "the cell has no process \(process); its processes are \(known.map(String.init).joined(separator: ", "))"
            case .noCommands(let cell):
                "the run recorded no command for \(cell.workload) on \(cell.runtime)"
            }
        }
    }

    /// The commands of `process` (default: the cell's first) of a cell of `result`.
    ///
    /// Commands come from the cell's rows and failures; within the process, a command is placed
    /// by the earliest phase it measured (an AOT compile comes before the run that loads its
    /// artifact), then by first appearance.
    ///
    /// - Throws: ``Problem`` when the run has no such cell or process, or no command for it.
    public init(_ result: RunResult, cell: Cell, process: Int? = nil) throws(Problem) {
        let rows = result.rows.filter { $0.workload == cell.workload && $0.runtime == cell.runtime }
        let failures = result.failures.filter { $0.workload == cell.workload && $0.runtime == cell.runtime }
        guard !rows.isEmpty || !failures.isEmpty else {
            let known = Set(result.rows.map { Cell(workload: $0.workload, runtime: $0.runtime) })
            throw .unknownCell(cell, known: known.sorted())
        }
        let processes = Set(rows.map(\.process) + failures.compactMap(\.process)).sorted()
        let chosen = process ?? processes.first ?? 0
        guard processes.contains(chosen) else { throw .unknownProcess(chosen, known: processes) }
        var earliest: [String: (phase: Phase, order: Int)] = [:]
        for (order, row) in rows.enumerated() where row.process == chosen {
            guard let command = row.command else { continue }
            if let seen = earliest[command], seen.phase <= row.phase { continue }
            earliest[command] = (row.phase, earliest[command]?.order ?? order)
        }
        for failure in failures where failure.process == chosen {
            if let command = failure.command, earliest[command] == nil {
                earliest[command] = (.wall, rows.count)
            }
        }
        guard !earliest.isEmpty else { throw .noCommands(cell) }
        self.cell = cell
        self.process = chosen
        self.commands = earliest.sorted { ($0.value.phase, $0.value.order) < ($1.value.phase, $1.value.order) }
            .map(\.key)
    }
}

/// The saved layout of a run: each command line once per process, not once per row.
///
/// A process gives dozens of rows that share one command line (every iteration of every phase),
/// so rows are written with ``Row/command`` only where it changes from the previous row of the
/// same process (runtime × workload × process), and `rowCommands` says so. A row without a
/// command after one with a command in its process is written with an empty command. Reading
/// gives every row its command back, so nothing that reads ``rows`` sees the difference; a file
/// without `rowCommands` (saved before) is read as it is, a command on every row.
extension RunResult {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, toolVersion, startedAt, finishedAt, complete, machine, configuration, runtimes
        case workloads, rows, failures, summaries, geometricMeans, crossovers, sizeFits, notices, runFolder, noise,
            precision,
            shard
        case id, label, commit
        /// How rows record their command: ``RowCommands``; absent in files saved before.
        case rowCommands
    }

    /// How a saved run's rows record their command lines.
    enum RowCommands: String, Codable {
        /// Only where it changes within a process; an empty command stands for none.
        case changes
    }

    /// One process of one cell, whose rows share their command lines.
    private struct ProcessKey: Hashable {
        let runtime: String
        let workload: String
        let process: Int

        init(_ row: Row) {
            (runtime, workload, process) = (row.runtime, row.workload, row.process)
        }
    }

    /// Reads a saved run in either layout; see the extension's summary.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        toolVersion = try container.decode(String.self, forKey: .toolVersion)
        startedAt = try container.decode(String.self, forKey: .startedAt)
        finishedAt = try container.decodeIfPresent(String.self, forKey: .finishedAt)
        complete = try container.decode(Bool.self, forKey: .complete)
        machine = try container.decode(MachineInfo.self, forKey: .machine)
        configuration = try container.decode(RunConfiguration.self, forKey: .configuration)
        runtimes = try container.decode([RuntimeInfo].self, forKey: .runtimes)
        workloads = try container.decode([WorkloadInfo].self, forKey: .workloads)
        let saved = try container.decode([Row].self, forKey: .rows)
        let layout = try container.decodeIfPresent(RowCommands.self, forKey: .rowCommands)
        rows = layout == .changes ? Self.restoringCommands(saved) : saved
        failures = try container.decode([Failure].self, forKey: .failures)
        summaries = try container.decode([Summary].self, forKey: .summaries)
        geometricMeans = try container.decode([GeometricMean].self, forKey: .geometricMeans)
        crossovers = try container.decodeIfPresent([AOTCrossover].self, forKey: .crossovers) ?? []
        sizeFits = try container.decodeIfPresent([SizeFit].self, forKey: .sizeFits) ?? []
        notices = try container.decode([String].self, forKey: .notices)
        runFolder = try container.decodeIfPresent(String.self, forKey: .runFolder)
        noise = try container.decodeIfPresent(NoiseRecord.self, forKey: .noise)
        precision = try container.decodeIfPresent(PrecisionRecord.self, forKey: .precision)
        shard = try container.decodeIfPresent(Shard.self, forKey: .shard)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        commit = try container.decodeIfPresent(String.self, forKey: .commit)
    }

    /// Writes the run with each command line once per process where it changes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(toolVersion, forKey: .toolVersion)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encodeIfPresent(finishedAt, forKey: .finishedAt)
        try container.encode(complete, forKey: .complete)
        try container.encode(machine, forKey: .machine)
        try container.encode(configuration, forKey: .configuration)
        try container.encode(runtimes, forKey: .runtimes)
        try container.encode(workloads, forKey: .workloads)
        try container.encode(Self.elidingCommands(rows), forKey: .rows)
        try container.encode(RowCommands.changes, forKey: .rowCommands)
        try container.encode(failures, forKey: .failures)
        try container.encode(summaries, forKey: .summaries)
        try container.encode(geometricMeans, forKey: .geometricMeans)
        if !crossovers.isEmpty { try container.encode(crossovers, forKey: .crossovers) }
        if !sizeFits.isEmpty { try container.encode(sizeFits, forKey: .sizeFits) }
        try container.encode(notices, forKey: .notices)
        try container.encodeIfPresent(runFolder, forKey: .runFolder)
        try container.encodeIfPresent(noise, forKey: .noise)
        try container.encodeIfPresent(precision, forKey: .precision)
        try container.encodeIfPresent(shard, forKey: .shard)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encodeIfPresent(commit, forKey: .commit)
    }

    /// `rows` with each command left out where it repeats the previous row of its process, and
    /// an empty command where a command gives way to none.
    static func elidingCommands(_ rows: [Row]) -> [Row] {
        var last: [ProcessKey: String] = [:]
        return rows.map { row in
            var saved = row
            let key = ProcessKey(row)
            let previous = last[key]
            saved.command = row.command == previous ? nil : (row.command ?? "")
            last[key] = row.command
            return saved
        }
    }

    /// The inverse of ``elidingCommands(_:)``: each row without a command takes its process's
    /// previous one, and an empty command is none.
    static func restoringCommands(_ rows: [Row]) -> [Row] {
        var last: [ProcessKey: String] = [:]
        return rows.map { row in
            var restored = row
            let key = ProcessKey(row)
            restored.command = row.command.map { $0.isEmpty ? nil : $0 } ?? last[key]
            last[key] = restored.command
            return restored
        }
    }
}

import WasmBenchModel

/// Joins the shards of a run (`run --shard K/N`, one per machine) into one run: rows, failures,
/// workloads and notices of every shard, summaries and geometric means computed again from the
/// joined rows by the ``Summarizer``.
///
/// Refused: a file that is not a shard, shards of different settings, selections (suite,
/// kernels), runtimes or runtime versions, or numbers of shards, and two shards holding the same
/// workload. Refused unless allowed: shards from machines whose fingerprints differ (allowed,
/// each difference becomes a notice), and missing shards (allowed with `partial`: the merged run
/// is marked incomplete and says which are missing). Not an error: shards given in any order.
public struct ShardMerger: Sendable {
    /// Whether shards from machines whose CPU or set-up differ may be merged (with notices).
    public var allowDifferentMachines: Bool
    /// Whether a merge with shards missing is allowed (the result is then incomplete).
    public var partial: Bool

    /// Creates a merger.
    public init(allowDifferentMachines: Bool = false, partial: Bool = false) {
        self.allowDifferentMachines = allowDifferentMachines
        self.partial = partial
    }

    /// Merges `shards`, each with the name (a path) its messages use.
    ///
    /// - Throws: the ``MergeError`` that says which shards disagree and how.
    public func merge(_ shards: [(name: String, run: RunResult)]) throws(MergeError) -> RunResult {
        guard !shards.isEmpty else { throw .mismatched("no shards given; give the shards' JSON files") }
        var sliced: [(name: String, run: RunResult, shard: Shard)] = []
        for (name, run) in shards {
            guard let shard = run.shard else {
                throw .mismatched("\(name) is not a shard; merge the files written by `wasmbench run --shard K/N`")
            }
            if let problem = shard.problem {
                throw .mismatched(
                    "\(name) names no shard (\(problem)); merge the files `wasmbench run --shard K/N` wrote")
            }
            sliced.append((name, run, shard))
        }
        sliced.sort { $0.shard.index < $1.shard.index }
        let reference = sliced[0]
        for other in sliced.dropFirst() { try checkSameRun(reference, other) }
        try checkOverlap(sliced)
        var notices = try machineNotices(sliced)
        let missing = Set(1...reference.shard.count).subtracting(sliced.map(\.shard.index)).sorted()
        if !missing.isEmpty {
            let list = missing.map { "\($0)/\(reference.shard.count)" }.joined(separator: ", ")
            guard partial else {
                throw .missingShards(
                    "shard \(list) missing; give every shard's file, or --partial to merge the ones there are")
            }
            notices.append("partial merge: shard \(list) missing, so their workloads were not measured")
        }
        return joined(sliced, missing: missing, notices: notices)
    }

    /// The shards (checked, in index order) joined into one run, summarised again.
    private func joined(
        _ sliced: [(name: String, run: RunResult, shard: Shard)], missing: [Int], notices: [String]
    ) -> RunResult {
        let reference = sliced[0]
        var merged = reference.run
        merged.shard = nil
        merged.runFolder = nil
        // Each shard's canary timed its own machine; the merged run keeps none rather than one.
        merged.noise = nil
        // Every shard asked the same goal (the settings are equal); each cell was reached in one.
        merged.precision = reference.run.precision.map {
            PrecisionRecord(goal: $0.goal, cells: sliced.flatMap { $0.run.precision?.cells ?? [] })
        }
        merged.rows = sliced.flatMap(\.run.rows)
        // A module refused while planning is refused by every shard: it is one failure, kept once.
        merged.failures = sliced.flatMap(\.run.failures).reduce(into: []) { kept, failure in
            if !kept.contains(failure) { kept.append(failure) }
        }
        merged.workloads = sliced.flatMap(\.run.workloads)
        merged.startedAt = sliced.map(\.run.startedAt).min() ?? reference.run.startedAt
        let finished = sliced.compactMap(\.run.finishedAt)
        merged.finishedAt = finished.count == sliced.count ? finished.max() : nil
        merged.complete = missing.isEmpty && sliced.allSatisfy(\.run.complete)
        var seen: Set<String> = []
        merged.notices =
            sliced.flatMap { $0.run.notices.filter { !Self.isShardNotice($0) } }.filter { seen.insert($0).inserted }
            + notices
            + [
                "merged from \(sliced.count) of \(reference.shard.count) shards: \(sliced.map(\.name).joined(separator: ", "))"
            ]
        Summarizer(configuration: merged.configuration).summarize(&merged)
        return merged
    }

    /// Whether a notice is the planner's note of which workloads a shard ran, which the merged
    /// run no longer needs.
    private static func isShardNotice(_ notice: String) -> Bool {
        notice.hasPrefix("shard ") && notice.contains(" of the workloads: ")
    }

    /// Refuses two shards that do not belong to one run.
    private func checkSameRun(
        _ a: (name: String, run: RunResult, shard: Shard), _ b: (name: String, run: RunResult, shard: Shard)
    ) throws(MergeError) {
        let pair = "\(a.name) and \(b.name)"
        if a.shard.count != b.shard.count {
            throw .mismatched(
                "\(pair) split the run into \(a.shard.count) and \(b.shard.count) shards; merge shards of one split")
        }
        if a.shard.index == b.shard.index {
            throw .mismatched("\(pair) are both shard \(a.shard); give each shard once")
        }
        if a.run.configuration != b.run.configuration {
            throw .mismatched("\(pair) were run with different settings; run every shard with the same options")
        }
        if a.shard.allWorkloads != b.shard.allWorkloads {
            throw .mismatched(
                "\(pair) sliced different workloads (another suite or kernel list); run every shard with the same selection"
            )
        }
        let versions = { (run: RunResult) in run.runtimes.map { "\($0.id) \($0.version)" }.sorted() }
        if versions(a.run) != versions(b.run) {
            let only = Set(versions(a.run)).symmetricDifference(versions(b.run)).sorted().joined(separator: ", ")
            throw .mismatched(
                "\(pair) ran different runtimes or versions (\(only)); install the same runtimes on every machine")
        }
    }

    /// Refuses two shards that hold the same workload.
    private func checkOverlap(_ sliced: [(name: String, run: RunResult, shard: Shard)]) throws(MergeError) {
        var owner: [String: String] = [:]
        for (name, run, _) in sliced {
            for workload in run.workloads.map(\.id) {
                if let other = owner[workload], other != name {
                    throw .mismatched("\(other) and \(name) both hold \(workload); shards must not overlap")
                }
                owner[workload] = name
            }
        }
    }

    /// One notice per shard whose machine differs from the first shard's, or the refusal.
    private func machineNotices(_ sliced: [(name: String, run: RunResult, shard: Shard)]) throws(MergeError)
        -> [String]
    {
        let reference = sliced[0]
        var notices: [String] = []
        for other in sliced.dropFirst() {
            let differences =
                reference.run.machine.cpuDifferences(to: other.run.machine)
                + reference.run.machine.setupDifferences(to: other.run.machine)
            guard !differences.isEmpty else { continue }
            let list = differences.map(\.description).joined(separator: "; ")
            guard allowDifferentMachines else {
                throw .differentMachines(
                    "\(other.name) ran on another machine than \(reference.name) (\(list)); run the shards on alike machines, or pass --allow-different-machines to merge with a notice"
                )
            }
            notices.append(
                "shard \(other.shard) ran on another machine than shard \(reference.shard): \(list); each ratio still comes from one machine"
            )
        }
        return notices
    }
}

/// Why shards cannot be merged into one run; each message says what to do next.
public enum MergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file is not a shard, or the shards do not belong to one run (other settings, suite,
    /// runtimes, number of shards), or two hold the same workload.
    case mismatched(String)
    /// Shards of the run are missing and `--partial` was not given.
    case missingShards(String)
    /// The shards ran on machines whose fingerprints differ and `--allow-different-machines` was
    /// not given.
    case differentMachines(String)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .mismatched(let message), .missingShards(let message), .differentMachines(let message): message
        }
    }
}

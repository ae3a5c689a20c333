/// One of N deterministic slices of a run's workloads, so N machines (a CI matrix) can each run
/// one and `wasmbench merge` can join them: every runtime of a workload runs in the same shard,
/// so each ratio comes from one machine.
///
/// The workloads are sorted by id and dealt round-robin: the k-th shard (1-based) of N takes the
/// ids at positions k-1, k-1+N, k-1+2N… Slices differ in size by at most one, and do not depend
/// on the runtimes asked for or on the order the workloads were built in.
public struct Shard: Codable, Sendable, Equatable, LosslessStringConvertible {
    /// Which slice, from 1 to ``count``.
    public var index: Int
    /// How many slices the workloads are dealt into.
    public var count: Int
    /// Every workload id of the whole run, sorted: what the shards of one run share, so a merge
    /// can tell shards of another selection (suite, kernels) and find the missing ones.
    public var allWorkloads: [String]

    /// Creates a shard; ``allWorkloads`` is filled in by ``select(_:)``.
    public init(index: Int, count: Int, allWorkloads: [String] = []) {
        self.index = index
        self.count = count
        self.allWorkloads = allWorkloads
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Why `index` of `count` names no slice, or nil when it does: N must be 1 or more, and K
    /// between 1 and N.
    public var problem: String? {
        if count < 1 { return "--shard \(self): the number of shards must be 1 or more; write K/N, e.g. 1/4" }
        if !(1...count).contains(index) {
            return "--shard \(self): the shard index must lie between 1 and \(count); write K/N with 1 ≤ K ≤ N"
        }
        return nil
    }

    /// The ids of `ids` in this slice, in their given order; `ids` may repeat in no order.
    public func slice(of ids: [String]) -> Set<String> {
        let sorted = Set(ids).sorted()
        return Set(sorted.enumerated().filter { $0.offset % count == index - 1 }.map(\.element))
    }

    /// This shard with ``allWorkloads`` set to `ids`, sorted.
    public func select(_ ids: [String]) -> Shard {
        Shard(index: index, count: count, allWorkloads: Set(ids).sorted())
    }

    /// Parses `K/N`; nil when it is not two whole numbers around a slash (range checks are ``problem``'s).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }
}

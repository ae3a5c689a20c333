import WasmBenchModel

/// Folded stacks merged into a tree, the shape a flamegraph draws: one node per distinct path
/// from the root, its count the samples or instructions of every stack through it.
///
/// The root is a frame named `all` holding every stack; children are ordered by name (as
/// flamegraph.pl orders them), so the same stacks always give the same picture.
public struct FlameTree: Sendable, Equatable {
    /// One frame on one path.
    public struct Node: Sendable, Equatable {
        /// The function's name.
        public var name: String
        /// Everything counted on this path and above it (inclusive).
        public var count: Int
        /// The functions called on this path, by name.
        public var children: [Node]

        /// The most frames on a path from this node up, this node included.
        public var depth: Int { 1 + (children.map(\.depth).max() ?? 0) }
    }

    /// The `all` frame.
    public var root: Node

    /// Merges `stacks` into a tree.
    public init(_ stacks: FoldedStacks) {
        root = Self.node("all", stacks.stacks.map { ($0.frames[...], $0.count) })
    }

    /// The node of `name` over the stacks that pass through it, each given by the frames above it.
    private static func node(_ name: String, _ stacks: [(frames: ArraySlice<String>, count: Int)]) -> Node {
        var above: [String: [(frames: ArraySlice<String>, count: Int)]] = [:]
        var count = 0
        for stack in stacks {
            count += stack.count
            if let first = stack.frames.first {
                above[first, default: []].append((stack.frames.dropFirst(), stack.count))
            }
        }
        let children = above.keys.sorted().compactMap { key in above[key].map { node(key, $0) } }
        return Node(name: name, count: count, children: children)
    }
}

extension FoldedStacks {
    /// Each function's inclusive share: the part of the total counted with the function anywhere
    /// on the stack (a recursive function's stack counts once).
    public var inclusiveShares: [String: Double] {
        let total = Double(self.total)
        guard total > 0 else { return [:] }
        var counts: [String: Int] = [:]
        for stack in stacks {
            for name in Set(stack.frames) { counts[name, default: 0] += stack.count }
        }
        return counts.mapValues { Double($0) / total }
    }
}

extension FoldedStacks {
    /// The stacks with recursion folded as callgrind's reconstruction folds it (it never puts a
    /// function on a path twice): where a function comes back, the frames since its first
    /// appearance go, so `a;b;c;b;d` becomes `a;b;d`.
    public var recursionFolded: FoldedStacks {
        FoldedStacks(
            stacks.map { stack in
                var frames: [String] = []
                for frame in stack.frames {
                    if let first = frames.firstIndex(of: frame) {
                        frames.removeSubrange((first + 1)...)
                    } else {
                        frames.append(frame)
                    }
                }
                return FoldedStack(frames, stack.count)
            })
    }
}

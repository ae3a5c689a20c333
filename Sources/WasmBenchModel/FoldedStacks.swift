/// One call stack and what was counted with it on top: the `a;b;c count` line of a folded-stacks
/// file, root first.
public struct FoldedStack: Codable, Sendable, Equatable {
    /// The functions on the stack, the outermost (root) first, the one that ran (leaf) last.
    public var frames: [String]
    /// What was counted with this stack: samples or instructions.
    public var count: Int

    /// Creates a stack.
    public init(_ frames: [String], _ count: Int) {
        self.frames = frames
        self.count = count
    }
}

/// Folded call stacks, the input of a flamegraph (Brendan Gregg's `stackcollapse` format, one
/// `a;b;c count` line per distinct stack).
///
/// The stacks are kept merged (one entry per distinct frame list, counts summed) and sorted by
/// their frames, so two equal profiles are equal values and write the same text. Empty stacks and
/// counts below 1 are dropped.
public struct FoldedStacks: Codable, Sendable, Equatable {
    /// The distinct stacks, ordered by their frames.
    public private(set) var stacks: [FoldedStack]

    /// Merges `stacks`: equal frame lists are summed, empty ones and counts below 1 dropped.
    public init(_ stacks: [FoldedStack]) {
        var merged: [[String]: Int] = [:]
        for stack in stacks where !stack.frames.isEmpty && stack.count > 0 {
            merged[stack.frames, default: 0] += stack.count
        }
        self.stacks = merged.map { FoldedStack($0.key, $0.value) }.sorted {
            $0.frames.lexicographicallyPrecedes($1.frames)
        }
    }

    /// What all stacks count together.
    public var total: Int { stacks.reduce(0) { $0 + $1.count } }

    /// Whether there is no stack at all.
    public var isEmpty: Bool { stacks.isEmpty }

    /// The folded-stacks text: one `a;b;c count` line per stack, each ending in a newline.
    ///
    /// A frame's `;` (the separator) becomes `:` and any control character (a line break) a
    /// space, so that a name from an untrusted module cannot add a frame or a line.
    public var text: String {
        stacks.map { stack in
            stack.frames.map(Self.clean).joined(separator: ";") + " \(stack.count)\n"
        }.joined()
    }

    /// A frame name as the folded text writes it.
    static func clean(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    scalar == ";" ? ":" : scalar.properties.generalCategory == .control ? " " : scalar
                }))
    }
}

/// The folded call stacks of a workload on a runtime: what its flamegraph is drawn from.
public struct StackProfile: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// How the stacks were measured: callgrind's call graph (instructions, stacks reconstructed
    /// from call edges: an approximation) or wasmtime's guest profiler (sampled stacks).
    public var source: ProfileSource
    /// The stacks.
    public var stacks: FoldedStacks

    /// Creates a stack profile.
    public init(workload: String, runtime: String, source: ProfileSource, stacks: FoldedStacks) {
        self.workload = workload
        self.runtime = runtime
        self.source = source
        self.stacks = stacks
    }
}

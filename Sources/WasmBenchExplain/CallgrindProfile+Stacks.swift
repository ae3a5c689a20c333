import WasmBenchModel

extension CallgrindProfile {
    /// Call stacks reconstructed from the call graph: an approximation, since callgrind records
    /// call edges with their inclusive costs, not the stacks themselves.
    ///
    /// Recursion is handled as gprof handles it (Graham, Kessler & McKusick, "gprof: a call graph
    /// execution profiler", SIGPLAN '82, §4): the functions that call one another in a cycle,
    /// however many frames long (CPython's `_PyEval_EvalFrameDefault` → `_PyFunction_Vectorcall`
    /// → `_PyEval_Vector` → `_PyEval_EvalFrameDefault`), are one node — a strongly connected
    /// component of the call graph (Tarjan 1972) — whose own cost is its members' own costs and
    /// whose calls are the edges leaving it; the edges inside it, whose inclusive costs count the
    /// recursion more than once, are not used. The graph of those nodes has no cycle. Starting
    /// from every node no other node calls, a node's share of the cost reaching it through the
    /// path above is split over its own cost and its calls in proportion to their counts in the
    /// whole run (gprof's proportional attribution): the own part ends the stack there, each
    /// call's part goes on to the callee.
    ///
    /// A cycle is drawn as one frame named for its member with the most own instructions; each
    /// other member is a frame above it holding that member's own cost and the calls it makes out
    /// of the cycle. A callee whose part is below `minShare` of the total is not drawn: its part
    /// stays with the caller, so every frame keeps its width. Deterministic for a given file.
    ///
    /// Counts are rounded to whole instructions.
    public func foldedStacks(minShare: Double = 0.001) -> FoldedStacks {
        let graph = CycleGraph(self)
        let threshold = max(minShare, 0) * totalInstructions
        var stacks: [FoldedStack] = []
        for root in graph.roots {
            let amount = graph.cost(of: root)
            guard amount > 0 else { continue }
            expand(root, below: [], amount: amount, graph: graph, threshold: threshold, into: &stacks)
        }
        return FoldedStacks(stacks)
    }

    /// The most frames a stack has; calls that would go deeper stay with the last frame.
    static let maximumDepth = 512

    /// Splits `amount` at `node` (reached through the frames `path`) over its members' own costs
    /// and the calls they make out of it.
    private func expand(
        _ node: Int, below path: [String], amount: Double, graph: CycleGraph, threshold: Double,
        into stacks: inout [FoldedStack]
    ) {
        let members = graph.members[node]
        let head = members[0]
        let whole = graph.cost(of: node)
        // A callee's frames would be these and its own two at most.
        let deep = path.count + 4 > Self.maximumDepth
        for member in members {
            let frames = member == head ? path + [head] : path + [head, member]
            var kept = selfInstructions[member] ?? 0
            var onward: [(Int, Double)] = []
            for call in graph.outward(member) {
                if deep { kept += call.cost } else { onward.append(call) }
            }
            kept = whole > 0 ? amount * kept / whole : (member == head ? amount : 0)
            for (callee, cost) in onward {
                let part = whole > 0 ? amount * cost / whole : 0
                if part >= threshold && part > 0 {
                    expand(callee, below: frames, amount: part, graph: graph, threshold: threshold, into: &stacks)
                } else {
                    kept += part
                }
            }
            if member == head || kept.rounded() > 0 { stacks.append(FoldedStack(frames, Int(kept.rounded()))) }
        }
    }
}

/// The call graph with every cycle made one node: the strongly connected components, found with
/// Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J.
/// Comput. 1(2), 1972), iteratively so that a deep call graph cannot exhaust the stack.
struct CycleGraph {
    let profile: CallgrindProfile
    /// Each node's functions, the one with the most own instructions first, then by name.
    var members: [[String]] = []
    /// Each function's node.
    var node: [String: Int] = [:]
    /// Each function's calls out of its node (``outward(_:)``), found once.
    private var calls: [String: [(node: Int, cost: Double)]] = [:]
    /// Each node's own instructions and the calls leaving it (``cost(of:)``), found once.
    private var costs: [Double] = []

    init(_ profile: CallgrindProfile) {
        self.profile = profile
        let functions = Set(profile.selfInstructions.keys).union(profile.calls.keys)
            .union(profile.calls.values.flatMap(\.keys)).sorted()
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var next = 0
        for start in functions where index[start] == nil {
            // Each work item: a function, its callees, and how many of them were visited.
            var work: [(function: String, callees: [String], visited: Int)] = []
            func enter(_ function: String) {
                index[function] = next
                low[function] = next
                next += 1
                stack.append(function)
                onStack.insert(function)
                work.append((function, (profile.calls[function] ?? [:]).keys.sorted(), 0))
            }
            enter(start)
            while let (function, callees, visited) = work.last {
                if visited < callees.count {
                    let callee = callees[visited]
                    work[work.count - 1].visited += 1
                    if index[callee] == nil {
                        enter(callee)
                    } else if onStack.contains(callee) {
                        low[function] = min(low[function, default: 0], index[callee, default: 0])
                    }
                    continue
                }
                work.removeLast()
                if let caller = work.last?.function {
                    low[caller] = min(low[caller, default: 0], low[function, default: 0])
                }
                guard low[function] == index[function] else { continue }
                var component: [String] = []
                while let top = stack.popLast() {
                    onStack.remove(top)
                    component.append(top)
                    if top == function { break }
                }
                for member in component { node[member] = members.count }
                members.append(
                    component.sorted {
                        let (a, b) = (profile.selfInstructions[$0] ?? 0, profile.selfInstructions[$1] ?? 0)
                        return a != b ? a > b : $0 < $1
                    })
            }
        }
        for function in node.keys {
            calls[function] = (profile.calls[function] ?? [:]).filter { node[$0.key] != node[function] && $0.value > 0 }
                .sorted { $0.key < $1.key }.compactMap { call in node[call.key].map { ($0, call.value) } }
        }
        costs = members.map { members in
            members.reduce(0) { sum, member in
                sum + (profile.selfInstructions[member] ?? 0) + (calls[member] ?? []).reduce(0) { $0 + $1.cost }
            }
        }
    }

    /// The calls `function` makes to functions outside its node: each callee's node and the
    /// call's cost, in the order of the callees' names.
    func outward(_ function: String) -> [(node: Int, cost: Double)] { calls[function] ?? [] }

    /// A node's own instructions and the calls leaving it.
    func cost(of node: Int) -> Double { costs[node] }

    /// The nodes no other node calls, in the order of their first member's name.
    var roots: [Int] {
        var called: Set<Int> = []
        for function in node.keys {
            for call in outward(function) { called.insert(call.node) }
        }
        return members.indices.filter { !called.contains($0) }.sorted { members[$0][0] < members[$1][0] }
    }
}

import WasmBenchModel

extension CallgrindProfile {
    /// Call stacks reconstructed from the call graph: an approximation, since callgrind records
    /// call edges with their inclusive costs, not the stacks themselves.
    ///
    /// Starting from every root (a function no other function calls, by name), a function's
    /// share of the cost reaching it through the path above is split over its own instructions and
    /// its calls in proportion to their counts in the whole run (gprof's proportional attribution:
    /// Graham, Kessler & McKusick, "gprof: a call graph execution profiler", SIGPLAN '82):
    /// the self part ends the stack there, each call's part goes on to the callee. A callee that
    /// is already on the path (recursion) is not expanded again: its edge is left out and the rest
    /// renormalised; a call's weight leaves out what its callee spends calling straight back into
    /// the path. Recursion through two or more other functions is not corrected for. A callee whose part is below `minShare` of the total is not drawn: its part
    /// stays with the caller, so every frame keeps its width. Deterministic for a given file.
    ///
    /// Counts are rounded to whole instructions; a call graph with no root (nothing but cycles)
    /// gives no stacks.
    public func foldedStacks(minShare: Double = 0.001) -> FoldedStacks {
        var called: Set<String> = []
        for (caller, callees) in calls { called.formUnion(callees.keys.filter { $0 != caller }) }
        let functions = Set(selfInstructions.keys).union(calls.keys)
        let threshold = max(minShare, 0) * totalInstructions
        var stacks: [FoldedStack] = []
        for root in functions.subtracting(called).sorted() {
            let amount =
                (selfInstructions[root] ?? 0) + (calls[root] ?? [:]).filter { $0.key != root }.values.reduce(0, +)
            guard amount > 0 else { continue }
            expand([root], amount: amount, threshold: threshold, into: &stacks)
        }
        return FoldedStacks(stacks)
    }

    /// The deepest path expanded; deeper calls stay with the last frame.
    static let maximumDepth = 512

    /// Splits `amount` at the last frame of `path` over its own cost and its calls off the path.
    ///
    /// A call's weight is its cost less the part its callee spends calling straight back into the
    /// path (mutual recursion, such as glibc's `(below main)` and `__libc_start_main`): that part is
    /// already in the path's own totals.
    private func expand(_ path: [String], amount: Double, threshold: Double, into stacks: inout [FoldedStack]) {
        guard let function = path.last else { return }
        let own = selfInstructions[function] ?? 0
        let onward =
            path.count < Self.maximumDepth
            ? (calls[function] ?? [:]).filter { !path.contains($0.key) && $0.value > 0 }.sorted { $0.key < $1.key }
                .map { ($0.key, $0.value * (1 - returning($0.key, to: path))) } : []
        let whole = own + onward.reduce(0) { $0 + $1.1 }
        var kept = whole > 0 ? amount * own / whole : amount
        for (callee, weight) in onward {
            let part = whole > 0 ? amount * weight / whole : 0
            if part >= threshold && part > 0 {
                expand(path + [callee], amount: part, threshold: threshold, into: &stacks)
            } else {
                kept += part
            }
        }
        stacks.append(FoldedStack(path, Int(kept.rounded())))
    }

    /// The share of `function`'s cost (own and calls, its calls to itself left out) that is calls
    /// straight back to a function on `path`.
    private func returning(_ function: String, to path: [String]) -> Double {
        let out = (calls[function] ?? [:]).filter { $0.key != function }
        let whole = (selfInstructions[function] ?? 0) + out.values.reduce(0, +)
        guard whole > 0 else { return 0 }
        let back = out.filter { path.contains($0.key) }.values.reduce(0, +)
        return min(max(back / whole, 0), 1)
    }
}

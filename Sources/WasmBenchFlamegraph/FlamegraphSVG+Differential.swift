import WasmBenchModel

extension FlamegraphSVG {
    /// A differential flamegraph: the stack shape of `wasm`, each frame coloured by how much its
    /// function's inclusive share grew (red) or shrank (blue) from `native` to `wasm`, functions
    /// matched by name (Brendan Gregg's differential flame graphs, 2014, which colour the second
    /// profile's shape by the difference; here the difference is of inclusive shares, since the two
    /// profiles count different units). Since the native stacks are reconstructed without putting a
    /// function on a path twice, the Wasm shares are taken from its stacks with recursion folded the
    /// same way (``FoldedStacks/recursionFolded``), so that both compare like with like. The deepest
    /// colour is the largest difference among functions in both profiles; white is no change. A
    /// function the native profile lacks (the Wasm build's own start-up glue) is grey, and its hover
    /// says so.
    public func renderDifference(
        wasm: FoldedStacks, native: FoldedStacks, title: String, subtitle: String, unit: String
    ) -> String {
        let after = wasm.recursionFolded.inclusiveShares
        let before = native.recursionFolded.inclusiveShares
        let tree = FlameTree(wasm)
        let changes = after.compactMap { name, share in before[name].map { abs(share - $0) } }
        let largest = max(changes.max() ?? 0, 1e-9)
        return draw(tree, title: title, subtitle: subtitle, unit: unit) { name, isRoot in
            guard !isRoot else { return Paint(fill: "rgb(230,230,230)", detail: "all of both profiles") }
            let wasmShare = after[name] ?? 0
            guard let nativeShare = before[name] else {
                return Paint(
                    fill: "rgb(200,200,200)",
                    detail: "inclusive share: Wasm \(Self.percent(wasmShare)), not in the native profile")
            }
            let change = wasmShare - nativeShare
            let fade = Int((255 - 200 * min(abs(change) / largest, 1)).rounded())
            let fill = change >= 0 ? "rgb(255,\(fade),\(fade))" : "rgb(\(fade),\(fade),255)"
            let sign = change >= 0 ? "+" : "−"
            return Paint(
                fill: fill,
                detail:
                    "inclusive share: Wasm \(Self.percent(wasmShare)), native \(Self.percent(nativeShare)) (\(sign)\(Self.number(abs(change) * 100)) points)"
            )
        }
    }
}

import WasmBenchModel

extension FlamegraphSVG {
    /// A differential flamegraph: the stack shape of `wasm`, each frame coloured by how much its
    /// function's inclusive share grew (red) or shrank (blue) from `native` to `wasm`, functions
    /// matched by name (Brendan Gregg's differential flame graphs, 2014, which colour the second
    /// profile's shape by the difference; here the difference is of inclusive shares, since the two
    /// profiles count different units). The deepest colour is the largest difference drawn; white
    /// is no change. A function the native profile lacks counts as 0% there, and its hover says so.
    public func renderDifference(
        wasm: FoldedStacks, native: FoldedStacks, title: String, subtitle: String, unit: String
    ) -> String {
        let after = wasm.inclusiveShares
        let before = native.inclusiveShares
        let tree = FlameTree(wasm)
        let largest = max(after.map { abs($0.value - (before[$0.key] ?? 0)) }.max() ?? 0, 1e-9)
        return draw(tree, title: title, subtitle: subtitle, unit: unit) { name, isRoot in
            guard !isRoot else { return Paint(fill: "rgb(230,230,230)", detail: "all of both profiles") }
            let wasmShare = after[name] ?? 0
            let nativeShare = before[name]
            let change = wasmShare - (nativeShare ?? 0)
            let fade = Int((255 - 200 * min(abs(change) / largest, 1)).rounded())
            let fill = change >= 0 ? "rgb(255,\(fade),\(fade))" : "rgb(\(fade),\(fade),255)"
            let nativeText = nativeShare.map { "native \(Self.percent($0))" } ?? "not in the native profile"
            let sign = change >= 0 ? "+" : "−"
            return Paint(
                fill: fill,
                detail:
                    "inclusive share: Wasm \(Self.percent(wasmShare)), \(nativeText) (\(sign)\(Self.number(abs(change) * 100)) points)"
            )
        }
    }
}

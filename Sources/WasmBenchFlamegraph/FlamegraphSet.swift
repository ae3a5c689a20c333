import WasmBenchModel

/// The flamegraphs of an explain analysis, workload by workload: a native and a Wasm side with
/// their folded stacks, SVGs and file names, the differential one when both sides exist, and why a
/// side is missing when it is. Built from the saved analysis alone, so the report and the files
/// written by `--flamegraph` agree.
public struct FlamegraphSet: Sendable {
    /// One side of a workload's flamegraphs.
    public struct Side: Sendable {
        /// The runtime profiled.
        public var runtime: String
        /// Its stack profile.
        public var profile: StackProfile
    }

    /// The flamegraphs of one workload.
    public struct Workload: Sendable {
        /// The workload id.
        public var workload: String
        /// The file names' stem: the workload id with every character but letters, digits, `.`,
        /// `-` and `_` replaced by `_` (a workload id holds `/`), unique within the set.
        public var stem: String
        /// The native build's side: the baseline's callgrind stacks.
        public var native: Side?
        /// The Wasm side: the first runtime (in the analysis's order) with a guest profile.
        public var wasm: Side?
        /// Why a side is missing, one sentence each.
        public var missing: [String]
    }

    /// The workloads with stacks on at least one side, or a reason for none, in the analysis's order.
    public var workloads: [Workload]

    /// The flamegraphs of `report`; none for an analysis made before stacks were kept.
    public init(_ report: ExplainReport) {
        guard let stacks = report.stacks else {
            workloads = []
            return
        }
        var stems: Set<String> = []
        workloads = report.workloads.map(\.id).compactMap { workload -> Workload? in
            let mine = stacks.filter { $0.workload == workload && !$0.stacks.isEmpty }
            let native =
                mine.first { $0.source == .callgrind && $0.runtime == report.baseline }
                ?? mine.first { $0.source == .callgrind }
            let wasm = report.runtimes.lazy.compactMap { runtime in
                mine.first { $0.source == .guestProfiler && $0.runtime == runtime.id }
            }.first
            let counted = report.instructions.contains { $0.workload == workload }
            guard native != nil || wasm != nil || counted else { return nil }
            var missing: [String] = []
            if native == nil {
                missing.append(
                    "no native flamegraph: the baseline \(report.baseline) gave no callgrind call graph for it")
            }
            if wasm == nil {
                let failed = report.failures.first { $0.workload == workload && $0.message.hasPrefix("guest profile:") }
                missing.append(
                    failed.map { "no Wasm flamegraph: \($0.runtime)'s \($0.message)" }
                        ?? "no Wasm flamegraph: none of the runtimes profiled samples its guest's stacks (only the wasmtime CLI runtimes have a guest profiler)"
                )
            }
            var stem = Self.stem(workload)
            var suffix = 2
            while stems.contains(stem) {
                stem = Self.stem(workload) + "-\(suffix)"
                suffix += 1
            }
            stems.insert(stem)
            return Workload(
                workload: workload, stem: stem, native: native.map { Side(runtime: $0.runtime, profile: $0) },
                wasm: wasm.map { Side(runtime: $0.runtime, profile: $0) }, missing: missing)
        }
    }

    /// A workload id as a file name's stem.
    static func stem(_ workload: String) -> String {
        let kept = String(
            workload.map { character -> Character in
                character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
                    ? character : "_"
            })
        let safe = kept.hasPrefix(".") ? "_" + kept.dropFirst() : kept
        return safe.isEmpty ? "workload" : safe
    }
}

extension FlamegraphSet.Workload {
    /// What the counts of a side count.
    static func unit(_ source: ProfileSource) -> String {
        source == .callgrind ? "instructions" : "samples"
    }

    /// The SVG of the native side.
    public func nativeSVG(_ renderer: FlamegraphSVG = FlamegraphSVG()) -> String? {
        native.map {
            svg($0, renderer, "callgrind instructions; stacks reconstructed from the call graph (approximate)")
        }
    }

    /// The SVG of the Wasm side.
    public func wasmSVG(_ renderer: FlamegraphSVG = FlamegraphSVG()) -> String? {
        wasm.map { svg($0, renderer, "wasmtime guest profiler: sampled guest stacks, every millisecond") }
    }

    /// One side's SVG, titled by the workload and runtime.
    private func svg(_ side: FlamegraphSet.Side, _ renderer: FlamegraphSVG, _ subtitle: String) -> String {
        renderer.render(
            side.profile.stacks, title: "\(workload) on \(side.runtime)", subtitle: subtitle,
            unit: Self.unit(side.profile.source))
    }

    /// The differential SVG, when both sides exist.
    public func differenceSVG(_ renderer: FlamegraphSVG = FlamegraphSVG()) -> String? {
        guard let native, let wasm else { return nil }
        return renderer.renderDifference(
            wasm: wasm.profile.stacks, native: native.profile.stacks,
            title: "\(workload): \(wasm.runtime) against \(native.runtime)",
            subtitle:
                "shape of the Wasm profile; red: a larger inclusive share than native, blue: smaller, grey: not native",
            unit: Self.unit(wasm.profile.source))
    }

    /// The files of this workload, named and in the order they are written: each side's folded
    /// stacks and SVG, then the differential SVG.
    public func files() -> [(name: String, contents: String)] {
        var files: [(name: String, contents: String)] = []
        if let native, let svg = nativeSVG() {
            files += [("\(stem).native.folded", native.profile.stacks.text), ("\(stem).native.svg", svg)]
        }
        if let wasm, let svg = wasmSVG() {
            files += [("\(stem).wasm.folded", wasm.profile.stacks.text), ("\(stem).wasm.svg", svg)]
        }
        if let svg = differenceSVG() { files.append(("\(stem).diff.svg", svg)) }
        return files
    }
}

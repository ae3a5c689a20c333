import WasmBenchModel

extension RunDocument {
    /// What removing the custom sections did (`run --strip`): per module its size before and after,
    /// and per runtime each module phase with and without them, by the run's estimator. None when
    /// the run has no stripped variant.
    func stripping() -> ReportSection? {
        let pairs = result.workloads.compactMap { variant -> (WorkloadInfo, WorkloadInfo)? in
            guard variant.stripped == true, let original = result.workloads.first(where: { $0.id == variant.variantOf })
            else { return nil }
            return (original, variant)
        }
        guard !pairs.isEmpty else { return nil }
        let estimator = result.configuration.estimator
        let headers: [ReportText] = [
            "workload", "runtime", "phase", "with custom sections", "stripped", "stripped ÷ with",
        ]
        var rows: [[ReportCell]] = []
        for (original, variant) in pairs {
            let sizes = [original.wasmBytes, variant.wasmBytes].map { $0.map { formatBytes(Double($0)) } ?? "—" }
            rows.append([
                .code(original.id), .plain(""), .plain("module size"), .plain(sizes[0]), .plain(sizes[1]),
                .plain(Self.change(original.wasmBytes.map(Double.init), variant.wasmBytes.map(Double.init))),
            ])
            for runtime in index.measuredRuntimes {
                // The phases that read the module: those before `import`.
                for (_, phase, metric) in Self.phaseColumns.prefix(while: { $0.phase != .import }) {
                    let values = [original.id, variant.id].map {
                        index.summary(workload: $0, runtime: runtime, phase: phase, metric: metric)?.estimate(estimator)
                    }
                    guard let with = values[0], let without = values[1] else { continue }
                    let unit = metric.unit
                    rows.append([
                        .code(original.id), .code(runtime), .plain(ReportIndex.label(phase: phase, metric: metric)),
                        .plain(ReportIndex.format(with.value, unit: unit)),
                        .plain(ReportIndex.format(without.value, unit: unit)),
                        .plain(Self.change(with.value, without.value)),
                    ])
                }
            }
        }
        let note =
            "Each module beside a copy without its custom sections (name, producers, target_features, debug "
            + "information; the code and every other section byte for byte the same), run as `ID[stripped]`. "
            + "Values by the run's estimator (\(estimator.perIteration)); their intervals are in the phases table."
        return ReportSection(
            .init(id: "stripped", title: "Custom sections removed"),
            caption: "module size and the module phases with and without custom sections",
            [
                .table(ReportTable(headers: headers, numeric: [3, 4, 5], rows: rows)),
                .paragraph([ReportText(.literal(note))], role: .note),
            ])
    }

    /// `0.93×`, or `—` when either side is missing or the first is not positive.
    static func change(_ with: Double?, _ without: Double?) -> String {
        guard let with, let without, with > 0 else { return "—" }
        return formatRatio(without / with)
    }
}

import WasmBenchModel

extension ExplainDocument {
    /// The runtimes with counts or failed counts, the baseline first, then in the report's runtime order.
    var countedRuntimes: [String] {
        let callgrindFailures = report.failures.filter {
            $0.kind != .unsupported && !$0.message.hasPrefix(OpcodeProfile.failurePrefix)
        }
        let counted = Set(report.instructions.map(\.runtime) + callgrindFailures.map(\.runtime))
        let ordered = report.runtimes.map(\.id).filter(counted.contains)
        return ordered.filter { $0 == report.baseline } + ordered.filter { $0 != report.baseline }
    }

    /// The workloads with counts or profiles, in the report's order.
    var workloads: [String] {
        let seen = Set(report.instructions.map(\.workload) + report.profiles.map(\.workload))
        return report.workloads.map(\.id).filter(seen.contains)
    }

    /// The count of one workload × runtime, if any.
    func count(_ workload: String, _ runtime: String) -> InstructionCount? {
        report.instructions.first { $0.workload == workload && $0.runtime == runtime }
    }

    /// Per workload, one cell per counted runtime: instructions per iteration and the ratio to
    /// the baseline; `failed` where the cell failed, `—` where it was not counted.
    var perIterationRows: [(workload: String, cells: [String])] {
        rows { count in
            let value = Self.count(count.perIteration) + (count.steady == false ? "~" : " ")
            return count.runtime == report.baseline
                ? "\(value) baseline" : "\(value) \(count.ratioToBaseline.map { formatRatio($0) } ?? "")"
        }
    }

    /// Per workload, one cell per counted runtime: the instructions outside the iterations.
    var outsideRows: [(workload: String, cells: [String])] {
        rows { Self.count($0.outside) }
    }

    private func rows(_ text: (InstructionCount) -> String) -> [(workload: String, cells: [String])] {
        let runtimes = countedRuntimes
        return workloads.compactMap { workload in
            let cells = runtimes.map { runtime -> String in
                if let count = count(workload, runtime) { return text(count) }
                return report.failures.contains { $0.workload == workload && $0.runtime == runtime } ? "failed" : "—"
            }
            return report.instructions.contains { $0.workload == workload } ? (workload, cells) : nil
        }
    }

    /// The functions of a workload's profiles side by side: every function in some profile's
    /// top `limit` with at least 0.1%, by its largest share, with one share cell per profile
    /// (`—` where a profile does not list it).
    func functionRows(_ profiles: [FunctionProfile], limit: Int = 12) -> [(name: String, cells: [String])] {
        var best: [String: Double] = [:]
        // Functions under 0.1% of every profile would only show as 0%.
        for profile in profiles {
            for function in profile.functions.prefix(limit) where function.share >= 0.001 {
                best[function.name] = max(best[function.name] ?? 0, function.share)
            }
        }
        let names = best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        return names.prefix(limit).map { name in
            let cells = profiles.map { profile in
                profile.functions.first { $0.name == name }.map { formatPercent($0.share) } ?? "—"
            }
            return (name, cells)
        }
    }

    /// A count of instructions with a metric prefix: `54.2 M`, `1.23 G`, `812 k`.
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = abs(value)
        let (scale, unit): (Double, String) =
            magnitude >= 1e9 ? (1e9, " G") : magnitude >= 1e6 ? (1e6, " M") : magnitude >= 1e3 ? (1e3, " k") : (1, "")
        return formatSignificant(roundToSignificantDigits(value / scale)) + unit
    }
}

import WasmBenchModel

/// One labelled fact of a report's machine or configuration list, e.g. `Seed: 42`.
///
/// The renderers share which facts a report states and how each value reads; each one only
/// adds its own markup (bold labels, code spans).
struct ReportFact: Equatable {
    /// What the fact is, e.g. `CPU governor`.
    var label: String
    /// Its value as text.
    var value: String
    /// Whether the value is a name to show as code (a runtime id).
    var isCode = false

    /// The machine the numbers come from.
    static func machine(_ machine: MachineInfo) -> [ReportFact] {
        var facts = [
            ReportFact(
                label: "CPU", value: "\(machine.cpuModel), \(machine.cores) logical cores, \(machine.architecture)"),
            ReportFact(label: "Memory", value: formatBytes(Double(machine.memoryBytes))),
            ReportFact(label: "OS", value: "\(machine.os), kernel \(machine.kernel)"),
        ]
        if let governor = machine.governor { facts.append(ReportFact(label: "CPU governor", value: governor)) }
        return facts
    }

    /// The settings a run was measured with.
    static func configuration(_ configuration: RunConfiguration) -> [ReportFact] {
        [
            ReportFact(
                label: "Processes × iterations",
                value: "\(configuration.processes) × \(configuration.iterations) "
                    + "(\(configuration.warmups) warm-ups left out of the summaries)"),
            ReportFact(label: "Seed", value: "\(configuration.seed)"),
            ReportFact(label: "Baseline", value: configuration.baseline, isCode: true),
            ReportFact(label: "Timeout per process", value: formatSetting(seconds: configuration.timeoutSeconds)),
            ReportFact(label: "Budget per cell", value: formatSetting(seconds: configuration.cellBudgetSeconds)),
            ReportFact(label: "Failure policy", value: configuration.failurePolicy.rawValue),
            ReportFact(
                label: "Noise threshold",
                value: "\(formatPercent(configuration.noiseThreshold)) of the median (95% CI width)"),
        ]
    }
}

extension WorkloadInfo {
    /// How the workload is entered: `command` with its arguments, or `invoke` with the call
    /// (`f(2, 3)`) as code; `code` is `nil` for a command without arguments.
    var entryDescription: (kind: String, code: String?) {
        switch entry {
        case .command:
            let arguments = arguments.joined(separator: " ")
            return ("command", arguments.isEmpty ? nil : arguments)
        case .invoke:
            return ("invoke", "\(function ?? "?")(\(arguments.joined(separator: ", ")))")
        }
    }

    /// The build flags in groups: shared (no label), then `wasm` and `native` ones; empty
    /// groups are left out.
    var flagGroups: [(label: String?, flags: String)] {
        let groups: [(String?, [String])] = [(nil, flags), ("wasm", wasmFlags), ("native", nativeFlags)]
        return groups.filter { !$0.1.isEmpty }.map { ($0.0, $0.1.joined(separator: " ")) }
    }
}

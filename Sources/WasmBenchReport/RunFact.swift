import WasmBenchModel

/// One labelled fact of a report's machine or configuration list, e.g. `Seed: 42`.
///
/// The renderers share which facts a report states and how each value reads; each one only
/// adds its own markup (bold labels, code spans).
struct RunFact: Equatable {
    /// What the fact is, e.g. `CPU governor`.
    var label: String
    /// Its value as text.
    var value: String
    /// Whether the value is a name to show as code (a runtime id).
    var isCode = false

    /// The machine the numbers come from.
    static func machine(_ machine: MachineInfo) -> [RunFact] {
        var facts = [
            RunFact(
                label: "CPU", value: "\(machine.cpuModel), \(machine.cores) logical cores, \(machine.architecture)"),
            RunFact(label: "Memory", value: formatBytes(Double(machine.memoryBytes))),
            RunFact(label: "OS", value: "\(machine.os), kernel \(machine.kernel)"),
        ]
        if let governor = machine.governor { facts.append(RunFact(label: "CPU governor", value: governor)) }
        return facts
    }

    /// The settings a run was measured with.
    static func configuration(_ configuration: RunConfiguration) -> [RunFact] {
        [
            RunFact(
                label: "Processes × iterations",
                value: "\(configuration.processes) × \(configuration.iterations) "
                    + "(\(configuration.warmups) warm-ups left out of the summaries)"),
            RunFact(label: "Seed", value: "\(configuration.seed)"),
            RunFact(label: "Baseline", value: configuration.baseline, isCode: true),
            RunFact(label: "Timeout per process", value: formatSetting(seconds: configuration.timeoutSeconds)),
            RunFact(label: "Budget per cell", value: formatSetting(seconds: configuration.cellBudgetSeconds)),
            RunFact(label: "Failure policy", value: configuration.failurePolicy.rawValue),
            RunFact(
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

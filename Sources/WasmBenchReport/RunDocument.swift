import WasmBenchModel

/// Builds the report document of a run result: its sections in order, with their prose, tables
/// and legends, for every format.
///
/// The machine and configuration, every runtime and workload, the `execute` table (median, ratio
/// to the baseline with its 95% confidence interval, geometric mean), ratio charts, the `phases`
/// table, warm-up, builds and fairness, warnings, failures, runtimes that did not run, notices.
/// A phase a runtime does not expose shows as `—`; nothing is estimated or computed here.
struct RunDocument {
    let index: ReportIndex
    /// Whether this is the terminal's compact view: no answer, runtimes or workloads sections,
    /// and lists sized for a screen.
    let compact: Bool

    /// The sections the legends point at.
    static let warnings = ReportSection.Name(id: "warnings", title: "Warnings")
    static let failures = ReportSection.Name(id: "failures", title: "Failures")
    static let builds = ReportSection.Name(id: "builds", title: "Builds and fairness")
    /// The most warnings the terminal lists one per line; more are counted by phase and kind.
    static let warningsListed = 20

    var result: RunResult { index.result }
    var baseline: String { index.baseline }

    func build() -> ReportDocument {
        // The terminal leaves out the answer, the runtimes and the workloads, which its tables repeat.
        let full =
            compact ? [machine(), configuration()] : [answer(), machine(), configuration(), runtimes(), workloads()]
        let sections: [ReportSection?] =
            full + [
                execute(), precision(), phases(), crossovers(), sizes(), stripping(), warmUp(), builds(), warnings(),
                failures(),
            ]
        return ReportDocument(
            title: "wasmbench results · \(result.startedAt)", heading: "wasmbench results",
            introduction: introduction(),
            sections: sections.compactMap { $0 } + notRunAndNotices())
    }

    /// The run's time span, and whether it is incomplete.
    private func introduction() -> [ReportBlock] {
        var line = "wasmbench \(result.toolVersion) · started \(result.startedAt)"
        if let finished = result.finishedAt { line += " · finished \(finished)" }
        let incomplete = ReportText(
            .styled("Incomplete run:", .strong), .literal(" not every planned cell ran (interrupted or stopped)."))
        return [.paragraph([.text(line)])] + (result.complete ? [] : [.paragraph([incomplete], role: .alert)])
    }

    /// The CPU's identity and the machine's noise during the run, where the run recorded them.
    private func fingerprint() -> [ReportFact] {
        let machine = result.machine
        var facts: [ReportFact] = []
        let identity = [
            machine.cpuVendor, machine.cpuFamily.map { "family " + MachineInfo.number($0) },
            machine.cpuModelNumber.map { "model " + MachineInfo.number($0) },
            machine.cpuStepping.map { "stepping \($0)" },
        ]
        .compactMap { $0 }.joined(separator: " ")
        let parts: [String?] = [
            identity.isEmpty ? nil : identity, machine.microarchitecture, machine.microcode.map { "microcode " + $0 },
            machine.threadsPerCore.map { "\(machine.cores) CPUs, \($0) thread\($0 == 1 ? "" : "s") per core" },
            machine.hypervisorVendor ?? (machine.hypervisor == true ? "hypervisor" : nil),
        ]
        let known = parts.compactMap { $0 }
        if !known.isEmpty {
            facts.append(ReportFact(label: "CPU identity", value: ([machine.cpuModel] + known).map(ReportText.text)))
        }
        if let noise = result.noise {
            let seconds = formatSignificant(noise.overheadSeconds)
            let run = "canary \(noise.canary), \(noise.samples.count) samples, \(seconds) s"
            var value: [ReportText] = [
                noise.verdict.map { "\($0.rawValue): \(noise.reason ?? "") (\(run))" }
                    ?? "too few canary samples (\(noise.samples.count)) for a verdict"
            ]
            if noise.verdict == .bimodal { value.append("medians may sit in either state; see wasmbench doctor") }
            facts.append(ReportFact(label: "Noise", value: value))
        }
        return facts
    }

    /// The machine the numbers come from.
    private func machine() -> ReportSection {
        let machine = result.machine
        var facts = [
            fact("CPU", "\(machine.cpuModel), \(machine.cores) logical cores, \(machine.architecture)"),
            fact("Memory", "\(formatBytes(Double(machine.memoryBytes)))"),
            fact("OS", "\(machine.os), kernel \(machine.kernel)"),
        ]
        if let governor = machine.governor { facts.append(fact("CPU governor", "\(governor)")) }
        return ReportSection(.init(id: "machine", title: "Machine"), [.facts(facts + fingerprint())])
    }

    /// The settings the run was measured with.
    private func configuration() -> ReportSection {
        let setup = result.configuration
        let counts = (setup.countedIterations ?? []).map(String.init).joined(separator: ", ")
        // How often each cell ran: counted sets × their iterations, or processes × iterations.
        let repetitions =
            counted
            ? fact(
                "Counted sets × iterations",
                "\(setup.processes) counted set(s) × \(counts) counted iterations (callgrind)")
            : fact(
                "Processes × iterations",
                "\(setup.processes) × \(setup.iterations) (\(setup.warmups) warm-ups left out of the summaries)")
        var facts = [
            repetitions, fact("Seed", "\(setup.seed)"), fact("Baseline", .code(setup.baseline)),
            fact("Timeout per process", "\(formatSetting(seconds: setup.timeoutSeconds))"),
            fact("Budget per cell", "\(formatSetting(seconds: setup.cellBudgetSeconds))"),
            fact("Failure policy", "\(setup.failurePolicy.rawValue)"),
            fact("Noise threshold", "\(formatPercent(setup.noiseThreshold)) of the median (95% CI width)"),
        ]
        if let goal = setup.precision {
            let within = "\(formatSetting(seconds: goal.timeBudgetSeconds)) and \(goal.maxProcesses) a cell"
            let target = "±\(formatPercent(goal.target)) on every execute ratio"
            facts.append(fact("Precision", "\(target), processes added within \(within)"))
        }
        return ReportSection(.init(id: "configuration", title: "Configuration"), [.facts(facts)])
    }

    private func fact(_ label: String, _ value: ReportText) -> ReportFact {
        ReportFact(label: label, value: [value])
    }

    /// Every runtime asked for, with version, flags, exposed phases and notes (builds have their
    /// own section).
    private func runtimes() -> ReportSection? {
        let runtimes = result.runtimes
        guard !runtimes.isEmpty else { return nil }
        let headers: [ReportText] = ["runtime", "engine", "version", "kind", "flags", "phases", "available"]
        let rows = runtimes.map { runtime -> [ReportCell] in
            let phases = runtime.exposedPhases.sorted().map(\.rawValue).joined(separator: ", ")
            return [
                .code(runtime.id), .plain(runtime.name), .plain(runtime.version), .plain(runtime.kind.rawValue),
                .code(runtime.flags.joined(separator: " ")), .plain(phases),
                runtime.available ? .plain("yes") : .text(.styled("no", .failure)),
            ]
        }
        let notes = runtimes.flatMap { runtime in
            runtime.notes.map { ReportText(.code(runtime.id), .text(": "), .prose($0)) }
                + (runtime.source.map { [ReportText(.code(runtime.id), .literal(" comes from "), .code($0))] } ?? [])
        }
        let table = ReportBlock.table(ReportTable(headers: headers, rows: rows))
        return ReportSection(
            .init(id: "runtimes", title: "Runtimes"), [table] + (notes.isEmpty ? [] : [.list(notes, style: .bullets)]))
    }

    /// Every workload with how it was built, then its hashes.
    private func workloads() -> ReportSection? {
        let workloads = result.workloads
        guard !workloads.isEmpty else { return nil }
        let builds = workloads.map { workload -> [ReportCell] in
            [
                .code(workload.id), .plain(workload.summary), .text(entry(workload)),
                workload.compiler.map(ReportCell.code) ?? .plain(""), .plain(workload.compilerVersion ?? ""),
                .text(flags(workload)),
            ]
        }
        let hashes = workloads.map { workload -> [ReportCell] in
            [.code(workload.id)]
                + [workload.wasmSHA256, workload.nativeSHA256, workload.sourceSHA256].map { hash in
                    hash.map { .text(ReportText(.code(String($0.prefix(12)), hover: $0))) } ?? .plain("")
                }
        }
        let headers: [ReportText] = ["workload", "summary", "entry", "compiler", "compiler version", "flags"]
        return ReportSection(
            .init(id: "workloads", title: "Workloads"),
            [
                .table(ReportTable(headers: headers, rows: builds)),
                .paragraph(["SHA-256 hashes, first 12 hex digits:"]),
                .table(ReportTable(headers: ["workload", "wasm", "native", "source"], rows: hashes)),
            ])
    }

    /// How a workload is entered: `command` with its arguments, or `invoke` with the call.
    private func entry(_ workload: WorkloadInfo) -> ReportText {
        let arguments = workload.arguments
        switch workload.entry {
        case .command:
            return arguments.isEmpty
                ? "command" : ReportText(.literal("command "), .code(arguments.joined(separator: " ")))
        case .invoke:
            let call = "\(workload.function ?? "?")(\(arguments.joined(separator: ", ")))"
            return ReportText(.literal("invoke "), .code(call))
        }
    }

    /// The build flags, a line each for shared, `wasm` and `native` ones.
    private func flags(_ workload: WorkloadInfo) -> ReportText {
        let groups = [("", workload.flags), ("wasm: ", workload.wasmFlags), ("native: ", workload.nativeFlags)]
        let lines = groups.filter { !$0.1.isEmpty }.map {
            [ReportText.Span.text($0), .code($1.joined(separator: " "))]
        }
        return ReportText(Array(lines.joined(separator: [ReportText.Span.lineBreak])))
    }
}

import WasmBenchModel

/// Renders a run result as GitHub-flavoured Markdown.
///
/// The document holds what is needed to judge the numbers: the machine and configuration, every
/// runtime with its version and flags, every workload with its compiler, flags and (shortened)
/// hashes, then the `execute` table (median, ratio to the baseline with its 95% confidence
/// interval, geometric mean), the `phases` table, warnings, failures with their commands,
/// runtimes that did not run, and notices. A phase a runtime does not expose shows as `—`.
/// The renderer only formats; it computes no statistics and does no I/O.
public struct MarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `result` as Markdown ending in a newline.
    public func render(_ result: RunResult) -> String {
        let index = ReportIndex(result)
        let blocks = [
            header(result), machineSection(result), configurationSection(result), runtimesSection(index),
            workloadsSection(index), executeSection(index), phasesSection(index), warmUpSection(index),
            buildsSection(index), warningsSection(index),
            failuresSection(index), notRunSection(index), noticesSection(index),
        ]
        return blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// Title and the run's time span.
    private func header(_ result: RunResult) -> [String] {
        var line = "wasmbench \(result.toolVersion) · started \(result.startedAt)"
        if let finished = result.finishedAt { line += " · finished \(finished)" }
        var lines = ["# wasmbench results", "", line]
        if !result.complete {
            lines += ["", "> **Incomplete run:** not every planned cell ran (interrupted or stopped)."]
        }
        return lines
    }

    /// The machine the numbers come from.
    private func machineSection(_ result: RunResult) -> [String] {
        ["## Machine", ""] + RunFact.machine(result.machine).map(item)
    }

    /// The settings the run was measured with.
    private func configurationSection(_ result: RunResult) -> [String] {
        ["## Configuration", ""] + RunFact.configuration(result.configuration).map(item)
    }

    /// A fact as a list item with a bold label.
    private func item(_ fact: RunFact) -> String {
        "- **\(fact.label):** " + (fact.isCode ? codeSpan(fact.value) : fact.value)
    }

    /// Every runtime asked for, with version, flags, exposed phases and notes.
    private func runtimesSection(_ index: ReportIndex) -> [String] {
        let runtimes = index.result.runtimes
        guard !runtimes.isEmpty else { return [] }
        var table = MarkdownTable(headers: ["runtime", "engine", "version", "kind", "flags", "phases", "available"])
        for runtime in runtimes {
            table.append([
                codeSpan(runtime.id), runtime.name, runtime.version, runtime.kind.rawValue,
                codeSpan(runtime.flags.joined(separator: " ")),
                runtime.exposedPhases.sorted().map(\.rawValue).joined(separator: ", "),
                runtime.available ? "yes" : "no",
            ])
        }
        var lines = ["## Runtimes", ""] + table.render()
        let notes = runtimes.flatMap { runtime in
            runtime.notes.map { "- \(codeSpan(runtime.id)): \($0)" }
                + (runtime.source.map { ["- \(codeSpan(runtime.id)) comes from \(codeSpan($0))"] } ?? [])
        }
        if !notes.isEmpty { lines += [""] + notes }
        return lines
    }

    /// Every workload, with how it was built, then its hashes.
    private func workloadsSection(_ index: ReportIndex) -> [String] {
        let workloads = index.result.workloads
        guard !workloads.isEmpty else { return [] }
        var builds = MarkdownTable(headers: ["workload", "summary", "entry", "compiler", "compiler version", "flags"])
        var hashes = MarkdownTable(headers: ["workload", "wasm", "native", "source"])
        for workload in workloads {
            builds.append([
                codeSpan(workload.id), workload.summary, entry(workload), workload.compiler.map(codeSpan) ?? "",
                workload.compilerVersion ?? "", flags(workload),
            ])
            hashes.append([
                codeSpan(workload.id), shortHash(workload.wasmSHA256), workload.nativeSHA256.map(shortHash) ?? "",
                workload.sourceSHA256.map(shortHash) ?? "",
            ])
        }
        return ["## Workloads", ""] + builds.render()
            + ["", "SHA-256 hashes, first 12 hex digits:", ""] + hashes.render()
    }

    /// How a workload is entered, with its arguments.
    private func entry(_ workload: WorkloadInfo) -> String {
        let entry = workload.entryDescription
        return entry.code.map { entry.kind + " " + codeSpan($0) } ?? entry.kind
    }

    /// Shared, wasm-only and native-only build flags.
    private func flags(_ workload: WorkloadInfo) -> String {
        workload.flagGroups.map { group in (group.label.map { $0 + ": " } ?? "") + codeSpan(group.flags) }
            .joined(separator: "<br>")
    }

    /// A hash shortened to its first 12 hex digits, as code.
    private func shortHash(_ hash: String) -> String {
        codeSpan(String(hash.prefix(12)))
    }
}

import WasmBenchModel

/// Renders a run result as aligned plain-text tables for a terminal.
///
/// The report has a header (tool version, machine, settings), an `execute` table (median per
/// iteration and ratio to the baseline with its 95% confidence interval, plus the geometric
/// mean), a `phases` table (medians of every other phase per runtime and workload), then
/// warnings, failures, runtimes that did not run, and notices. A phase a runtime does not
/// expose shows as `—`; nothing is estimated. Tables wider than ``width`` are split into
/// several tables. The renderer only formats: statistics come computed in the run result, and
/// it does no I/O.
public struct TerminalRenderer: Sendable {
    /// Whether to colour the output with ANSI escape sequences.
    public var useColor: Bool
    /// The number of columns to fit the report in. Tables are split to fit; a single value
    /// wider than this (a long command line) is not cut.
    public var width: Int

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - useColor: colour ratios (yellow above 1.5×, red above 3×), headings and failures.
    ///   - width: the terminal width to fit in; values below 40 are treated as 40.
    public init(useColor: Bool = false, width: Int = 120) {
        self.useColor = useColor
        self.width = max(40, width)
    }

    /// Renders `result` as text ending in a newline.
    public func render(_ result: RunResult) -> String {
        let index = ReportIndex(result)
        var blocks = [header(result), executeSection(index), phasesSection(index)]
        blocks += [
            warmUpSection(index), buildsSection(index), warningsSection(index), failuresSection(index),
            notRunSection(index), noticesSection(index),
        ]
        .filter { !$0.isEmpty }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The palette for this renderer's colour setting.
    var palette: Palette { Palette(enabled: useColor) }

    /// Tool and time span, machine, settings: one labelled line each, wrapped at ``width``.
    func header(_ result: RunResult) -> [String] {
        var run = [palette.bold("wasmbench \(result.toolVersion)"), "started \(result.startedAt)"]
        if let finished = result.finishedAt { run.append("finished \(finished)") }
        if !result.complete { run.append(palette.yellow("incomplete: not every planned cell ran")) }

        let machine = result.machine
        var hardware = [
            "\(machine.cpuModel), \(machine.cores) cores", "\(formatBytes(Double(machine.memoryBytes))) memory",
            "\(machine.os) \(machine.architecture)", "kernel \(machine.kernel)",
        ]
        if let governor = machine.governor { hardware.append("governor \(governor)") }

        let configuration = result.configuration
        let settings = [
            "\(configuration.processes) processes × \(configuration.iterations) iterations, "
                + "\(configuration.warmups) warm-ups",
            "seed \(configuration.seed)", "baseline \(configuration.baseline)",
        ]
        return joinWrapping(run, width: width)
            + labelled("machine", joinWrapping(hardware, width: width - 10))
            + labelled("settings", joinWrapping(settings, width: width - 10))
    }

    /// Puts `label` before the first line and indents the others to match.
    private func labelled(_ label: String, _ lines: [String]) -> [String] {
        lines.enumerated().map { position, line in
            (position == 0 ? palette.bold(pad(label, to: 8)) : String(repeating: " ", count: 8)) + "  " + line
        }
    }

    /// A section title.
    func title(_ text: String) -> String {
        palette.bold(text)
    }

    /// Joins `segments` with ` · `, starting a new line before a segment that would pass `width`.
    func joinWrapping(_ segments: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for segment in segments {
            if line.isEmpty {
                line = segment
            } else if visibleWidth(line) + 3 + visibleWidth(segment) <= width {
                line += " · " + segment
            } else {
                lines.append(line)
                line = segment
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The one-line description of a runtime: id, version, kind and flags.
    func runtimeHeading(_ id: String, index: ReportIndex) -> String {
        guard let info = index.runtime(id) else { return palette.bold(id) }
        var parts = [palette.bold(id), info.name == id ? info.version : "\(info.name) \(info.version)"]
        if info.kind.rawValue != id { parts.append(info.kind.rawValue) }
        if !info.flags.isEmpty { parts.append("flags " + info.flags.joined(separator: " ")) }
        if id == index.baseline { parts.append("baseline") }
        return parts.joined(separator: " · ")
    }

    /// A legend line listing what the given markers mean, or nothing if none was used.
    func legend(_ markers: ReportIndex.Markers) -> [String] {
        var entries: [String] = []
        if markers.notExposed { entries.append("— = not exposed by this runtime") }
        if markers.warned { entries.append("* = see warnings") }
        if markers.failed { entries.append("failed = see failures") }
        if markers.noData { entries.append("no data = nothing measured") }
        if markers.unfair { entries.append("† = not like for like, see builds") }
        return entries.isEmpty ? [] : [""] + joinWrapping(entries.map { palette.dim($0) }, width: width)
    }
}

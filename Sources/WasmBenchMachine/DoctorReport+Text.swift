import Foundation
import WasmBenchModel

extension DoctorReport {
    /// The report as the terminal shows it: machine, canary, spread, checks, smallest detectable
    /// changes, and the verdict last.
    public var text: String {
        var lines: [String] = []
        lines += machineLines()
        let spread = noise.spread
        let window = Self.decimal(activity.seconds)
        lines.append("canary    \(noise.canary): \(noise.samples.count) samples over \(window) s")
        if let spread {
            let relative = spread.median > 0 ? spread.mad / spread.median : 0
            lines.append(
                "spread    min \(Self.ms(spread.minimum)) · median \(Self.ms(spread.median)) · MAD \(Self.ms(spread.mad)) (\(Self.percent(relative))) · p90 \(Self.ms(spread.p90)) = \(Self.decimal(spread.p90OverMinimum))× min"
            )
            var states = "states    \(Self.percent(spread.slowShare)) of samples above 1.2× min"
            if let split = spread.states {
                states +=
                    "; best split \(Self.ms(split.fastMedian)) (\(Self.percent(1 - split.slowShare))) and \(Self.ms(split.slowMedian)) (\(Self.percent(split.slowShare))), \(Self.decimal(split.ratio))× apart, separation \(Self.decimal(split.separation)) (two states from 4)"
            }
            lines.append(states)
            var drift = "drift     "
            drift +=
                spread.drift.map { "last quarter's median ÷ first quarter's: \(Self.decimal($0))" } ?? "too few samples"
            if let correlation = spread.autocorrelation {
                drift += "; lag-1 autocorrelation \(Self.decimal(correlation)) (near 1: states last many samples)"
            }
            lines.append(drift)
        } else {
            lines.append("spread    too few samples (fewer than 5): run the doctor longer")
        }
        lines.append("checks")
        let width = (checks.map(\.name.count).max() ?? 0) + 2
        for check in checks {
            let status = check.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            lines.append(
                "  \(status)\(check.name.padding(toLength: width, withPad: " ", startingAt: 0))\(check.detail)")
        }
        lines += detectableLines(spread)
        if let verdict = noise.verdict {
            lines.append("verdict   \(verdict.rawValue): \(noise.reason ?? "")")
            lines.append("          \(Self.advice[verdict] ?? "")")
        } else {
            lines.append("verdict   none: too few canary samples; run the doctor longer")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What each verdict means for measuring here.
    static let advice: [NoiseVerdict: String] = [
        .quiet: "Fine for comparisons down to the smallest detectable change above.",
        .noisy:
            "Stop other work, hold the governor at performance where you can, and use more processes; compare runs measured close together.",
        .bimodal:
            "The machine switches between a fast and a slow state: use many processes (see above), compare runs measured close together, and read each run's canary record; instruction counts (`wasmbench explain`) do not depend on it.",
    ]

    private func machineLines() -> [String] {
        let m = machine
        var identity = "machine   \(m.cpuModel)"
        if let vendor = m.cpuVendor {
            identity += ": \(vendor)"
            if let family = m.cpuFamily { identity += " family \(MachineInfo.number(family))" }
            if let model = m.cpuModelNumber { identity += " model \(MachineInfo.number(model))" }
            if let stepping = m.cpuStepping { identity += " stepping \(stepping)" }
            identity += ", \(m.microarchitecture ?? "unknown")"
        }
        if let microcode = m.microcode { identity += ", microcode \(microcode)" }
        let gib = Self.decimal(Double(m.memoryBytes) / 1_073_741_824)
        var system = "          \(m.cores) logical CPUs"
        if let threads = m.threadsPerCore { system += " (\(threads) thread\(threads == 1 ? "" : "s") per core)" }
        system += ", \(gib) GiB, \(m.kernel), \(m.os)"
        let hypervisor: String =
            switch m.hypervisor {
            case true?: "under \(m.hypervisorVendor ?? "a hypervisor")"
            case false?: "bare metal"
            case nil: "hypervisor not known"
            }
        let settings =
            "          \(hypervisor); governor \(m.governor ?? "not exposed"); turbo \(m.turbo.map { $0 ? "on" : "off" } ?? "not exposed")"
        let isa = "          ISA: \((m.isaExtensions ?? []).joined(separator: " "))"
        return [identity, system, settings, isa]
    }

    private func detectableLines(_ spread: NoiseSpread?) -> [String] {
        let length = spread.map { Self.ms($0.median * Double(samplesPerIteration)) } ?? "?"
        var lines = [
            "smallest change you can detect (95% interval of new ÷ base, two runs, nothing changed; iterations of ≈ \(length)):"
        ]
        for entry in detectable {
            let setting = "\(entry.processes) processes × \(entry.iterations) iterations"
            let value = entry.halfWidth.map { "±\(Self.percent($0))" } ?? "too few samples for this setting"
            lines.append("  \(setting.padding(toLength: 30, withPad: " ", startingAt: 0))\(value)")
        }
        lines.append("  (the machine's share only: a workload's own spread between processes comes on top)")
        return lines
    }

    /// Seconds as milliseconds with one decimal.
    static func ms(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}

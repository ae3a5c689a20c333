import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchStatistics

/// How one check of `wasmbench doctor` came out.
public enum CheckStatus: String, Codable, Sendable, CaseIterable {
    /// Nothing here adds noise.
    case ok
    /// This adds noise (or may): the detail says how, and what to do where something can be done.
    case warning
    /// Linux does not expose it here (common in VMs).
    case unknown
}

/// One thing the doctor checked: a setting of the machine or what else ran during the window.
public struct DoctorCheck: Codable, Sendable, Equatable {
    /// What was checked, e.g. `governor` or `steal`.
    public var name: String
    /// How it came out.
    public var status: CheckStatus
    /// The value seen and what it means.
    public var detail: String

    /// Creates a check.
    public init(_ name: String, _ status: CheckStatus, _ detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }
}

/// The smallest change this machine's noise lets a comparison see at one setting.
public struct DetectableChange: Codable, Sendable, Equatable {
    /// Fresh processes per run.
    public var processes: Int
    /// Measured iterations per process (warm-ups left out).
    public var iterations: Int
    /// The relative half-width of the 95% interval of new ÷ base for two runs with nothing
    /// changed (``aaRatioHalfWidth(series:processes:iterations:samplesPerIteration:confidence:resamples:seed:)``);
    /// `nil` when the doctor took too few samples for one run's worth of blocks.
    public var halfWidth: Double?

    /// Creates an entry.
    public init(processes: Int, iterations: Int, halfWidth: Double?) {
        self.processes = processes
        self.iterations = iterations
        self.halfWidth = halfWidth
    }
}

/// What `wasmbench doctor` found: the machine, the canary's timings with their spread and
/// verdict, the checks, and the smallest change the machine can detect at a few settings.
/// Everything but ``machine``, ``activity`` and the samples is derived by ``init(machine:noise:activity:settings:samplesPerIteration:seed:)``.
public struct DoctorReport: Codable, Sendable, Equatable {
    /// The machine's fingerprint.
    public var machine: MachineInfo
    /// The canary's timings (back to back, in time order), spread and verdict.
    public var noise: NoiseRecord
    /// What else the machine did over the window.
    public var activity: MachineActivity
    /// The checks, in a fixed order.
    public var checks: [DoctorCheck]
    /// How many consecutive canary samples make one pretend iteration in ``detectable``.
    public var samplesPerIteration: Int
    /// The smallest detectable change at each setting asked for.
    public var detectable: [DetectableChange]

    /// Derives the report from the canary's timings and the activity; `settings` are
    /// processes × measured iterations; the bootstrap is seeded with `seed`.
    public init(
        machine: MachineInfo, noise: NoiseRecord, activity: MachineActivity,
        settings: [(processes: Int, iterations: Int)], samplesPerIteration: Int = 1, seed: UInt64 = 1
    ) {
        var noise = noise
        NoiseAnalyzer().analyze(&noise)
        self.machine = machine
        self.noise = noise
        self.activity = activity
        self.samplesPerIteration = samplesPerIteration
        self.checks = Self.checks(machine: machine, activity: activity)
        let series = noise.samples.map(\.seconds)
        self.detectable = settings.map { setting in
            DetectableChange(
                processes: setting.processes, iterations: setting.iterations,
                halfWidth: aaRatioHalfWidth(
                    series: series, processes: setting.processes, iterations: setting.iterations,
                    samplesPerIteration: samplesPerIteration,
                    seed: seed &+ UInt64(setting.processes &* 1000 &+ setting.iterations)))
        }
    }

    /// The checks of a machine's settings and of its activity over the window.
    public static func checks(machine: MachineInfo, activity: MachineActivity) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        switch machine.hypervisor {
        case true?:
            checks.append(
                DoctorCheck(
                    "hypervisor", .warning,
                    "a VM (\(machine.hypervisorVendor ?? "which hypervisor is not exposed")): other tenants share the host and show only through the canary"
                ))
        case false?: checks.append(DoctorCheck("hypervisor", .ok, "bare metal (no hypervisor flag)"))
        case nil: checks.append(DoctorCheck("hypervisor", .unknown, "not exposed"))
        }
        switch machine.threadsPerCore {
        case let threads? where threads > 1:
            checks.append(
                DoctorCheck("SMT", .warning, "\(threads) threads per core: work on a sibling thread slows this one"))
        case 1?: checks.append(DoctorCheck("SMT", .ok, "1 thread per core"))
        default: checks.append(DoctorCheck("SMT", .unknown, "threads per core not exposed"))
        }
        switch machine.governor {
        case "performance"?: checks.append(DoctorCheck("governor", .ok, "performance"))
        case let governor?:
            checks.append(
                DoctorCheck(
                    "governor", .warning,
                    "\(governor): the clock follows the load; `cpupower frequency-set -g performance` holds it"))
        case nil: checks.append(DoctorCheck("governor", .unknown, "not exposed (VMs leave the clock to the host)"))
        }
        switch machine.turbo {
        case true?:
            checks.append(DoctorCheck("turbo", .warning, "on: the clock rises and falls with temperature and load"))
        case false?: checks.append(DoctorCheck("turbo", .ok, "off"))
        case nil: checks.append(DoctorCheck("turbo", .unknown, "not exposed"))
        }
        checks += activityChecks(activity, cores: machine.cores)
        return checks
    }

    /// Steal, other work, load, busy processes and CPU pressure over the window.
    static func activityChecks(_ activity: MachineActivity, cores: Int) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        if let steal = activity.stealShare {
            checks.append(
                steal > 0.01
                    ? DoctorCheck("steal", .warning, "\(percent(steal)) of CPU time went to other guests")
                    : DoctorCheck("steal", .ok, "\(percent(steal)) of CPU time (it may miss what the canary sees)"))
        } else {
            checks.append(DoctorCheck("steal", .unknown, "/proc/stat not readable"))
        }
        if let other = activity.otherCPUs {
            checks.append(
                other > 0.1
                    ? DoctorCheck("other work", .warning, "\(decimal(other)) CPUs busy besides wasmbench on average")
                    : DoctorCheck("other work", .ok, "\(decimal(other)) CPUs busy besides wasmbench"))
        }
        if let load = activity.loadAverage {
            let detail = "1-minute load average \(decimal(load)) on \(cores) CPUs (the canary adds 1)"
            checks.append(DoctorCheck("load", load - 1 > 0.5 ? .warning : .ok, detail))
        }
        let busy = activity.busyProcesses.filter { $0.cpus >= 0.05 }
        checks.append(
            busy.isEmpty
                ? DoctorCheck("busy processes", .ok, "none above 5% of a CPU")
                : DoctorCheck(
                    "busy processes", .warning,
                    busy.prefix(5).map { "\($0.name) (pid \($0.pid)) \(percent($0.cpus)) of a CPU" }
                        .joined(separator: ", ")))
        if let pressure = activity.pressureShare {
            let detail = "some task waited for a CPU during \(percent(pressure)) of the window"
            checks.append(DoctorCheck("CPU pressure", pressure > 0.05 ? .warning : .ok, detail))
        } else {
            checks.append(DoctorCheck("CPU pressure", .unknown, "no /proc/pressure/cpu"))
        }
        return checks
    }

    /// A share as a percentage with one decimal: `12.3%`.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }

    /// A number with two decimals: `0.93`.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

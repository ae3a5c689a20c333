import Foundation

/// Another process that used the CPU while the doctor measured.
public struct BusyProcess: Codable, Sendable, Equatable {
    /// Its pid.
    public var pid: Int32
    /// Its command name.
    public var name: String
    /// CPU time over the window ÷ the window: 1.0 is one CPU kept busy throughout.
    public var cpus: Double

    /// Creates an entry.
    public init(pid: Int32, name: String, cpus: Double) {
        self.pid = pid
        self.name = name
        self.cpus = cpus
    }
}

/// What the machine did besides wasmbench over a window: the difference of two
/// ``ActivitySnapshot``s. Fields the kernel does not expose are `nil`.
public struct MachineActivity: Codable, Sendable, Equatable {
    /// The window, seconds.
    public var seconds: Double
    /// Steal time ÷ all CPU time (0…1): the hypervisor ran others while this VM wanted the CPU.
    public var stealShare: Double?
    /// CPUs kept busy besides wasmbench (the machine's busy time minus wasmbench's own, ÷ the
    /// window); includes processes too short-lived to show in ``busyProcesses``.
    public var otherCPUs: Double?
    /// The share of the window in which some runnable task waited for a CPU (`/proc/pressure/cpu`).
    public var pressureShare: Double?
    /// The 1-minute load average at the end (wasmbench's own loop counts 1 in it).
    public var loadAverage: Double?
    /// Other processes that used at least 2% of a CPU over the window, busiest first (at most 8).
    /// Processes that ended within the window do not show here (see ``otherCPUs``).
    public var busyProcesses: [BusyProcess]

    /// Creates it from its parts.
    public init(
        seconds: Double, stealShare: Double? = nil, otherCPUs: Double? = nil, pressureShare: Double? = nil,
        loadAverage: Double? = nil, busyProcesses: [BusyProcess] = []
    ) {
        self.seconds = seconds
        self.stealShare = stealShare
        self.otherCPUs = otherCPUs
        self.pressureShare = pressureShare
        self.loadAverage = loadAverage
        self.busyProcesses = busyProcesses
    }

    /// The difference between two snapshots; `ticksPerSecond` is the kernel's clock tick
    /// (`sysconf(_SC_CLK_TCK)`, 100 on Linux).
    public init(before: ActivitySnapshot, after: ActivitySnapshot, ticksPerSecond: Double = Self.ticksPerSecond) {
        let seconds = max(Double(after.nanoseconds &- before.nanoseconds) / 1e9, 1e-9)
        self.seconds = seconds
        if let a = before.cpu, let b = after.cpu, b.total > a.total {
            stealShare = Double(b.steal &- a.steal) / Double(b.total - a.total)
            let busy = Double(b.busy &- a.busy) / ticksPerSecond
            let own = Double((after.own?.ticks ?? 0) &- (before.own?.ticks ?? 0)) / ticksPerSecond
            otherCPUs = max(0, busy - own) / seconds
        }
        if let a = before.pressureStallMicroseconds, let b = after.pressureStallMicroseconds, b >= a {
            pressureShare = min(1, Double(b - a) / (seconds * 1e6))
        }
        loadAverage = after.loadAverage
        busyProcesses = after.processes.values.compactMap { process in
            // A pid seen before counts from its earlier reading (CPU time survives exec); a new
            // one (or a reused pid whose counter went back) counts from its start.
            let earlier = before.processes[process.pid]?.ticks ?? 0
            let start = earlier <= process.ticks ? earlier : 0
            let cpus = Double(process.ticks - start) / ticksPerSecond / seconds
            return cpus >= 0.02 ? BusyProcess(pid: process.pid, name: process.name, cpus: cpus) : nil
        }
        .sorted { ($0.cpus, $1.pid) > ($1.cpus, $0.pid) }
        .prefix(8).map { $0 }
    }

    /// The kernel's clock tick rate for `/proc` CPU times.
    public static var ticksPerSecond: Double {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? Double(ticks) : 100
    }
}

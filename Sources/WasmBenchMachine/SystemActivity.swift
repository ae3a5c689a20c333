import Foundation
import WasmBenchProcess

/// The machine's CPU time from the first line of `/proc/stat`, in clock ticks.
public struct CPUTimes: Sendable, Equatable {
    /// Time not spent idle or waiting for I/O (user, nice, system, irq, softirq, steal).
    public var busy: UInt64
    /// Time idle or waiting for I/O.
    public var idle: UInt64
    /// Time the hypervisor ran something else while this VM wanted the CPU.
    public var steal: UInt64

    /// Every tick counted.
    public var total: UInt64 { busy + idle }

    /// Reads the aggregate `cpu` line of `/proc/stat` text; `nil` when there is none.
    public init?(procStat text: String) {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let values = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard values.count >= 8 else { return nil }
        // user nice system idle iowait irq softirq steal (guest time is inside user already).
        busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7]
        idle = values[3] + values[4]
        steal = values[7]
    }
}

/// One process's CPU time from `/proc/PID/stat`.
public struct ProcessCPU: Sendable, Equatable {
    /// The process id.
    public var pid: Int32
    /// Its command name (`comm`, at most 15 characters).
    public var name: String
    /// User plus system time of all its threads, in clock ticks.
    public var ticks: UInt64

    /// Reads `/proc/PID/stat` text; `nil` when it is not one. The name sits in parentheses and may
    /// hold spaces and parentheses itself, so the fields are counted from the last `)`.
    public init?(stat text: String) {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close,
            let pid = Int32(text[..<open].trimmingCharacters(in: .whitespaces))
        else { return nil }
        // After the name: state(3) ppid(4) … utime(14) stime(15), so utime is the 12th field here.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        self.pid = pid
        self.name = String(text[text.index(after: open)..<close])
        self.ticks = user + system
    }
}

/// The `some … total=` field of `/proc/pressure/cpu`: microseconds in which at least one
/// runnable task waited for a CPU; `nil` when the text has none.
public func cpuPressureStallMicroseconds(_ text: String) -> UInt64? {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("some ") }),
        let total = line.split(separator: " ").first(where: { $0.hasPrefix("total=") })
    else { return nil }
    return UInt64(total.dropFirst("total=".count))
}

/// The 1-minute load average from `/proc/loadavg`; `nil` when unreadable.
public func oneMinuteLoadAverage(_ text: String) -> Double? {
    text.split(separator: " ").first.flatMap { Double($0) }
}

/// What the machine was doing at one moment: the counters `wasmbench doctor` takes a difference of.
public struct ActivitySnapshot: Sendable {
    /// When, on the monotonic clock (nanoseconds).
    public var nanoseconds: UInt64
    /// The whole machine's CPU time.
    public var cpu: CPUTimes?
    /// `/proc/pressure/cpu`'s stall total, when the kernel has pressure stall information.
    public var pressureStallMicroseconds: UInt64?
    /// The 1-minute load average.
    public var loadAverage: Double?
    /// Every other process's CPU time, by pid.
    public var processes: [Int32: ProcessCPU]
    /// This process's own CPU time.
    public var own: ProcessCPU?

    /// Creates a snapshot from its parts.
    public init(
        nanoseconds: UInt64, cpu: CPUTimes?, pressureStallMicroseconds: UInt64?, loadAverage: Double?,
        processes: [Int32: ProcessCPU], own: ProcessCPU?
    ) {
        self.nanoseconds = nanoseconds
        self.cpu = cpu
        self.pressureStallMicroseconds = pressureStallMicroseconds
        self.loadAverage = loadAverage
        self.processes = processes
        self.own = own
    }

    /// Reads the counters now from `/proc` under `root`; what cannot be read is `nil` or left out.
    public static func take(root: URL = URL(fileURLWithPath: "/")) -> ActivitySnapshot {
        let proc = root.appendingPathComponent("proc")
        func read(_ relative: String) -> String? {
            try? String(contentsOf: proc.appendingPathComponent(relative), encoding: .utf8)
        }
        let me = getpid()
        var processes: [Int32: ProcessCPU] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: proc.path)) ?? [] {
            guard let pid = Int32(entry), pid != me, let text = read("\(entry)/stat"),
                let process = ProcessCPU(stat: text)
            else { continue }
            processes[pid] = process
        }
        return ActivitySnapshot(
            nanoseconds: monotonicNanoseconds(), cpu: read("stat").flatMap(CPUTimes.init(procStat:)),
            pressureStallMicroseconds: read("pressure/cpu").flatMap(cpuPressureStallMicroseconds),
            loadAverage: read("loadavg").flatMap(oneMinuteLoadAverage), processes: processes,
            own: read("\(me)/stat").flatMap(ProcessCPU.init(stat:)))
    }
}

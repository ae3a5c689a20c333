import Testing

@testable import WasmBenchMachine

@Suite("/proc/stat, /proc/PID/stat, pressure and load from fixed texts; their difference over a window")
struct SystemActivityTests {
    @Test("the aggregate cpu line: busy, idle and steal ticks")
    func procStat() throws {
        let cpu = try #require(
            CPUTimes(procStat: "cpu  218242 1 18725 41216 397 0 194 237 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n"))
        // busy = user + nice + system + irq + softirq + steal = 218242 + 1 + 18725 + 0 + 194 + 237.
        #expect(cpu.busy == 237_399)
        #expect(cpu.idle == 41_613)
        #expect(cpu.steal == 237)
        #expect(CPUTimes(procStat: "intr 1 2 3") == nil)
    }

    @Test("a process's stat: the name may hold spaces and parentheses; utime + stime")
    func processStat() throws {
        let text = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 150 25 0 0 20 0 3 0 100 0 0"
        let process = try #require(ProcessCPU(stat: text))
        #expect(process.pid == 4242)
        #expect(process.name == "my (odd) name")
        #expect(process.ticks == 175)
        #expect(ProcessCPU(stat: "not a stat line") == nil)
    }

    @Test("pressure stall total and the load average")
    func pressureAndLoad() {
        let pressure =
            "some avg10=98.27 avg60=97.42 avg300=78.91 total=871925884\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"
        #expect(cpuPressureStallMicroseconds(pressure) == 871_925_884)
        #expect(cpuPressureStallMicroseconds("") == nil)
        #expect(oneMinuteLoadAverage("11.56 6.86 4.31 20/250 6904\n") == 11.56)
    }

    func process(_ text: String) throws -> ProcessCPU {
        try #require(ProcessCPU(stat: text))
    }

    @Test("over a 10 s window: steal share, other CPUs, pressure, busy processes busiest first")
    func window() throws {
        let start = ActivitySnapshot(
            nanoseconds: 0,
            cpu: CPUTimes(procStat: "cpu  1000 0 0 1000 0 0 0 0 0 0\n"),
            pressureStallMicroseconds: 1_000_000, loadAverage: 1,
            processes: [
                10: try process("10 (build) R 1 0 0 0 0 0 0 0 0 0 100 0 0"),
                11: try process("11 (idle one) S 1 0 0 0 0 0 0 0 0 0 5 0 0"),
            ],
            own: ProcessCPU(stat: "99 (wasmbench) R 1 0 0 0 0 0 0 0 0 0 0 0 0"))
        let end = ActivitySnapshot(
            nanoseconds: 10_000_000_000,
            cpu: CPUTimes(procStat: "cpu  2800 0 0 1100 0 0 0 100 0 0\n"),
            pressureStallMicroseconds: 3_000_000, loadAverage: 2.5,
            processes: [
                10: try process("10 (build) R 1 0 0 0 0 0 0 0 0 0 600 0 0"),
                11: try process("11 (idle one) S 1 0 0 0 0 0 0 0 0 0 5 0 0"),
                12: try process("12 (new) R 1 0 0 0 0 0 0 0 0 0 200 0 0"),
            ],
            own: ProcessCPU(stat: "99 (wasmbench) R 1 0 0 0 0 0 0 0 0 0 1000 0 0"))
        let activity = MachineActivity(before: start, after: end, ticksPerSecond: 100)
        #expect(activity.seconds == 10)
        // steal 100 of 2000 ticks; busy 1900 ticks = 19 s, own 10 s: 0.9 CPUs besides wasmbench.
        #expect(activity.stealShare == 0.05)
        #expect(abs((activity.otherCPUs ?? 0) - 0.9) < 1e-12)
        #expect(activity.pressureShare == 0.2)
        #expect(activity.loadAverage == 2.5)
        #expect(activity.busyProcesses.map(\.name) == ["build", "new"])
        #expect(activity.busyProcesses.map(\.cpus) == [0.5, 0.2])
    }
}

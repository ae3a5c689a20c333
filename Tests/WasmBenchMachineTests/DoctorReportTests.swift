import Foundation
import Testing
import WasmBenchModel

@testable import WasmBenchMachine

/// Canary series built by hand, in time order, in seconds.
enum CanarySeries {
    /// 400 samples at 21 ms ± 0.1 ms (a fixed saw-tooth, no randomness).
    static let quiet: [Double] = (0..<400).map { (index: Int) -> Double in jitter(0.021, index) }

    /// `center` moved by -0.1, -0.05, 0, 0.05 or 0.1 ms as `index` cycles.
    static func jitter(_ center: Double, _ index: Int) -> Double {
        let step = Double(index % 5 - 2)
        return center + 0.00005 * step
    }

    /// 400 samples that switch between 21 ms and 30 ms (± 0.1 ms) in stretches of 10 to 40
    /// samples: about a third of the time slow, the shape the field notes describe.
    static let bimodal: [Double] = {
        var values: [Double] = []
        let stretches = [(false, 30), (true, 10), (false, 40), (true, 20), (false, 25), (true, 15)]
        while values.count < 400 {
            for (slow, length) in stretches {
                for index in 0..<length {
                    values.append(jitter(slow ? 0.030 : 0.021, index))
                }
            }
        }
        return Array(values.prefix(400))
    }()

    static func record(_ values: [Double]) -> NoiseRecord {
        NoiseRecord(
            canary: "test canary",
            samples: values.enumerated().map { CanarySample(at: Double($0.offset) * 0.021, seconds: $0.element) })
    }
}

@Suite("The doctor's report from fixed canary samples: spread, verdict, checks, detectable change")
struct DoctorReportTests {
    let machine = MachineInfo(
        os: "Debian", kernel: "Linux 6.1", architecture: "x86_64", cpuModel: "AMD EPYC", cores: 2,
        memoryBytes: 1 << 30, cpuVendor: "AuthenticAMD", cpuFamily: 25, cpuModelNumber: 17, cpuStepping: 1,
        microarchitecture: "Zen 4", hypervisor: true, hypervisorVendor: "KVM (kvm-clock clock source)",
        threadsPerCore: 1)

    func report(_ values: [Double], activity: MachineActivity = MachineActivity(seconds: 10)) -> DoctorReport {
        DoctorReport(
            machine: machine, noise: CanarySeries.record(values), activity: activity,
            settings: [(3, 4), (20, 10)])
    }

    @Test("a quiet canary is quiet, with a small detectable change that shrinks with more processes")
    func quiet() throws {
        let report = report(CanarySeries.quiet)
        #expect(report.noise.verdict == .quiet)
        let few = try #require(report.detectable.first?.halfWidth)
        let many = try #require(report.detectable.last?.halfWidth)
        #expect(few < 0.01, "a ±0.5% canary cannot hide a change of 1%")
        #expect(many <= few)
        #expect(report.text.contains("verdict   quiet"))
    }

    @Test("a canary switching between 21 and 30 ms is bimodal; its detectable change is far larger")
    func bimodal() throws {
        let report = report(CanarySeries.bimodal)
        #expect(report.noise.verdict == .bimodal)
        let states = try #require(report.noise.spread?.states)
        #expect(abs(states.fastMedian - 0.021) < 0.0002)
        #expect(abs(states.slowMedian - 0.030) < 0.0002)
        #expect(abs(states.slowShare - 0.3) < 1e-9, "120 of the 400 samples are slow")
        #expect((report.noise.spread?.autocorrelation ?? 0) > 0.8, "states last many samples")
        let quietFew = try #require(self.report(CanarySeries.quiet).detectable.first?.halfWidth)
        let few = try #require(report.detectable.first?.halfWidth)
        let many = try #require(report.detectable.last?.halfWidth)
        #expect(few > 10 * quietFew)
        #expect(many < few)
        #expect(report.text.contains("verdict   bimodal: two states: 21.0 ms"))
    }

    @Test("too few samples for a setting's blocks give no detectable change, and the text says so")
    func short() {
        let report = report(Array(CanarySeries.quiet.prefix(40)))
        #expect(
            report.detectable.map { $0.halfWidth != nil } == [true, false], "40 samples hold 10 blocks of 4, not of 10")
        #expect(report.noise.verdict == .quiet)
        #expect(report.text.contains("too few samples for this setting"))
    }

    @Test("the checks: hypervisor and steal warn, SMT off is fine, governor and turbo unknown")
    func checks() {
        let activity = MachineActivity(
            seconds: 10, stealShare: 0.05, otherCPUs: 0.9, pressureShare: 0.2, loadAverage: 2.5,
            busyProcesses: [BusyProcess(pid: 10, name: "build", cpus: 0.5)])
        let checks = report(CanarySeries.quiet, activity: activity).checks
        let status = Dictionary(uniqueKeysWithValues: checks.map { ($0.name, $0.status) })
        #expect(
            status == [
                "hypervisor": .warning, "SMT": .ok, "governor": .unknown, "turbo": .unknown, "steal": .warning,
                "other work": .warning, "load": .warning, "busy processes": .warning, "CPU pressure": .warning,
            ])
        #expect(checks.first { $0.name == "busy processes" }?.detail == "build (pid 10) 50.0% of a CPU")
        let calm = DoctorReport.checks(
            machine: machine, activity: MachineActivity(seconds: 10, stealShare: 0, otherCPUs: 0.01, loadAverage: 1.1))
        #expect(calm.filter { $0.status == .warning }.map(\.name) == ["hypervisor"])
        #expect(calm.first { $0.name == "CPU pressure" }?.status == .unknown)
    }

    @Test("the report encodes to JSON and back")
    func coding() throws {
        let report = report(CanarySeries.bimodal)
        #expect(try JSONDecoder().decode(DoctorReport.self, from: JSONEncoder().encode(report)) == report)
    }

    @Test("a short real doctor run with a fake canary samples for the time asked and reports")
    func fakeCanaryRun() {
        let canary = Canary(name: "constant") {
            Thread.sleep(forTimeInterval: 0.001)
            return 0.001
        }
        let report = Doctor(seconds: 0.2, canary: canary, settings: [(1, 1)]).run()
        #expect(report.noise.samples.count >= 10)
        #expect(report.noise.canary == "constant")
        #expect(report.noise.verdict == .quiet)
        #expect(report.detectable.first?.halfWidth == 0)
    }

    @Test("the standard canary computes fib and names its argument and build")
    func standardCanary() {
        #expect(canaryFib(20) == 6765)
        #expect(Canary.fib.name.contains("fib(\(Canary.fibArgument))"))
        #expect(Canary.fib.name.contains(Canary.buildKind))
    }
}

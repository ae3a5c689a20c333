import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchStatistics

/// `wasmbench doctor`'s work: times the canary back to back for a while, reads what else the
/// machine did meanwhile, and derives a ``DoctorReport``.
public struct Doctor: Sendable {
    /// How long to time the canary, in seconds (at least ``NoiseAnalyzer/minimumSamples`` samples
    /// are taken however long that lasts).
    public var seconds: Double
    /// The canary.
    public var canary: Canary
    /// Reads the fingerprint and the activity counters (its root as well).
    public var probe: MachineProbe
    /// The settings (processes × measured iterations) to give the smallest detectable change for.
    public var settings: [(processes: Int, iterations: Int)]
    /// How long one measured iteration lasts, in seconds; `nil`: about as long as one canary
    /// sample. Longer iterations average several consecutive canary samples each.
    public var iterationSeconds: Double?

    /// The settings reported when none are asked for: `run`'s default (3 processes × 5
    /// iterations, 1 of them warm-up), then more processes.
    public static let defaultSettings: [(processes: Int, iterations: Int)] = [(3, 4), (5, 10), (10, 10), (20, 10)]

    /// Creates a doctor.
    public init(
        seconds: Double, canary: Canary = .fib, probe: MachineProbe = MachineProbe(),
        settings: [(processes: Int, iterations: Int)] = Doctor.defaultSettings, iterationSeconds: Double? = nil
    ) {
        self.seconds = seconds
        self.canary = canary
        self.probe = probe
        self.settings = settings
        self.iterationSeconds = iterationSeconds
    }

    /// Runs the canary for ``seconds`` and reports; `progress` gets a line about every 10 s.
    public func run(progress: (String) -> Void = { _ in }) -> DoctorReport {
        let machine = probe.probe()
        let before = ActivitySnapshot.take(root: probe.root)
        var record = NoiseRecord(canary: canary.name)
        let start = monotonicNanoseconds()
        var nextReport = 10.0
        while true {
            let at = secondsSince(start)
            if at >= seconds && record.samples.count >= 5 { break }
            if at >= nextReport {
                progress("doctor: \(Int(at)) s, \(record.samples.count) canary samples")
                nextReport += 10
            }
            let value = canary.measure()
            record.samples.append(CanarySample(at: at, seconds: value))
            record.overheadSeconds += value
        }
        let after = ActivitySnapshot.take(root: probe.root)
        return DoctorReport(
            machine: machine, noise: record, activity: MachineActivity(before: before, after: after),
            settings: settings, samplesPerIteration: samplesPerIteration(record))
    }

    /// How many consecutive canary samples one iteration of ``iterationSeconds`` spans (at least 1).
    func samplesPerIteration(_ record: NoiseRecord) -> Int {
        guard let iterationSeconds, let typical = median(record.samples.map(\.seconds)), typical > 0 else { return 1 }
        return max(1, Int((iterationSeconds / typical).rounded()))
    }
}

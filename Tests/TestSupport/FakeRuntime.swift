import Foundation
import Synchronization
import WasmBenchModel
import WasmBenchRuntime

/// A scripted runtime for the scheduler's unit tests only: it runs nothing, and returns the
/// samples and statuses a test gives it, recording the order it was called in.
public final class FakeRuntime: BenchmarkRuntime {
    /// The id.
    public let id: String
    /// Seconds per execute iteration it reports, per workload.
    public let iterationSeconds: [String: Double]
    /// Statuses to return for (workload, process), completed otherwise.
    public let statuses: [String: RunStatus]
    /// Whether it claims to be available.
    public let available: Bool
    /// Instructions per iteration it writes into a callgrind file, per workload (1 000 000 unless
    /// given), on top of 50 000 for start-up.
    public let instructionsPerIteration: [String: Double]
    /// Factors on every time of a process, by process index (cycled): a process-level noise the
    /// precision tests narrow by adding processes. None by default.
    public let processFactors: [Double]
    private let log: Mutex<[String]>
    private let counters = Mutex<[String: Int]>([:])

    /// Creates a fake runtime.
    public init(
        id: String, iterationSeconds: [String: Double] = [:], statuses: [String: RunStatus] = [:],
        available: Bool = true, instructionsPerIteration: [String: Double] = [:],
        processFactors: [Double] = [], log: [String] = []
    ) {
        self.processFactors = processFactors
        self.instructionsPerIteration = instructionsPerIteration
        self.id = id
        self.iterationSeconds = iterationSeconds
        self.statuses = statuses
        self.available = available
        self.log = Mutex(log)
    }

    /// Every call as `runtime:workload`, in order.
    public var calls: [String] { log.withLock { $0 } }

    /// A fake description: available unless switched off, compile and execute exposed.
    public func describe() -> RuntimeInfo {
        RuntimeInfo(
            id: id, name: "fake", version: "1.0", kind: .inProcess, flags: ["--fake"], available: available,
            unavailableReason: available ? nil : "fake runtime switched off",
            exposedPhases: [.compile, .execute, .wall])
    }

    /// Runs everything.
    public func unsupportedReason(for program: GuestProgram) -> String? { nil }

    /// Logs the call and returns the scripted outcome. Under a callgrind prefix
    /// (`--callgrind-out-file=PATH`) it also writes PATH as callgrind would, with a total of
    /// 50 000 + iterations × ``instructionsPerIteration``.
    public func run(_ request: RunRequest) -> RunOutcome {
        let workload = request.program.workload
        log.withLock { $0.append("\(id):\(workload)") }
        let process = counters.withLock { counters in
            defer { counters[workload, default: 0] += 1 }
            return counters[workload, default: 0]
        }
        let factor = processFactors.isEmpty ? 1 : processFactors[process % processFactors.count]
        let base = (iterationSeconds[workload] ?? 0.01) * factor
        var samples = [PhaseSample(.compile, .time, base / 10)]
        for iteration in 0..<request.iterations {
            // The first iteration is slower (cold), the rest vary a little, deterministically.
            let value = iteration == 0 ? base * 3 : base * (1 + Double((iteration + process) % 3) * 0.001)
            samples.append(PhaseSample(.execute, .time, value, iteration: iteration))
        }
        samples.append(PhaseSample(.wall, .time, base * Double(request.iterations + 1)))
        let status = statuses["\(workload)#\(process)"] ?? .completed
        let outputFlag = "--callgrind-out-file="
        if status == .completed, let flag = request.commandPrefix?.first(where: { $0.hasPrefix(outputFlag) }) {
            let total = 50_000 + Double(request.iterations) * (instructionsPerIteration[workload] ?? 1_000_000)
            try? "events: Ir\nfn=work\n1 \(Int(total))\ntotals: \(Int(total))\n".write(
                toFile: String(flag.dropFirst(outputFlag.count)), atomically: true, encoding: .utf8)
        }
        return RunOutcome(samples: samples, status: status, command: "fake \(workload)")
    }
}

/// A program description for scheduler tests.
public func fakeProgram(_ name: String) -> GuestProgram {
    GuestProgram(
        workload: name, wasmPath: "/nonexistent/\(name).wasm", entry: .command(arguments: []), reportsMarkers: true)
}

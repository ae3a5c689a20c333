import Foundation
import WasmBenchModel
import WasmBenchRuntime

/// Explains where a gap between runtimes comes from by counting instead of timing: every
/// workload runs on every runtime under callgrind with growing iteration counts (a differential
/// instruction count per iteration, see ``InstructionCount``); native runs also give callgrind's function profile, and
/// runtimes that can sample their guest (the wasmtime CLI) run once more with its guest profiler.
///
/// It drives the same adapters as `wasmbench run`, through ``RunRequest/commandPrefix`` and
/// ``RunRequest/guestProfilePath``; a failure of one cell is recorded and the others go on.
/// The instruction counts are not timed, so a loaded machine changes none of them; the guest
/// profiler's samples, taken every millisecond of wall time, are the one part that is.
public struct Explainer: Sendable {
    /// The `valgrind` executable.
    public var valgrind: String
    /// The iteration counts of the counted runs (at least two, all different).
    public var iterations: [Int]
    /// Time limit of one process (valgrind runs code 20–100× slower).
    public var timeoutSeconds: Double
    /// How many functions a profile keeps.
    public var topFunctions: Int
    /// Where each run gets a scratch folder (removed afterwards).
    public var scratchRoot: URL
    /// Raised on Ctrl-C: no new process starts.
    public var interruption: Interruption
    /// Receives one line per step.
    public var progress: @Sendable (String) -> Void

    /// Counts the instructions of each cell: the one implementation `run --measure instructions` uses too.
    var counter: InstructionCounter {
        InstructionCounter(
            valgrind: valgrind, iterations: iterations, timeoutSeconds: timeoutSeconds, scratchRoot: scratchRoot)
    }

    /// What every analysis says about its numbers.
    public static let notices =
        InstructionCounter.notices + [
            "function shares compare like with like only within a profile: native profiles count instructions (callgrind), wasmtime profiles count samples of the guest's stack every millisecond"
        ]

    /// Creates an explainer.
    public init(
        valgrind: String, iterations: [Int] = [2, 4, 6], timeoutSeconds: Double = 1800,
        topFunctions: Int = 25, scratchRoot: URL, interruption: Interruption,
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.valgrind = valgrind
        self.iterations = Array(Set(iterations)).sorted()
        self.timeoutSeconds = timeoutSeconds
        self.topFunctions = topFunctions
        self.scratchRoot = scratchRoot
        self.interruption = interruption
        self.progress = progress
    }

    /// Counts and profiles every program on every runtime into `report`, then counts its opcodes
    /// on every runtime of `opcodeRuntimes` (see ``OpcodeCounter``), calling `save` after each
    /// cell; ratios are taken against `report.baseline`.
    public func explain(
        programs: [GuestProgram], runtimes: [(runtime: any BenchmarkRuntime, info: RuntimeInfo)],
        opcodeRuntimes: [(runtime: any BenchmarkRuntime, info: RuntimeInfo)] = [],
        into report: ExplainReport, save: (ExplainReport) -> Void
    ) -> ExplainReport {
        var report = report
        if !opcodeRuntimes.isEmpty && report.opcodes == nil { report.opcodes = [] }
        for program in programs {
            for (runtime, info) in opcodeRuntimes where info.available {
                guard !interruption.isRaised else { return withRatios(report) }
                countOpcodes(program, on: runtime, info: info, into: &report)
                save(withRatios(report))
            }
            for (runtime, info) in runtimes where info.available {
                guard !interruption.isRaised else { return withRatios(report) }
                if let reason = runtime.unsupportedReason(for: program) {
                    report.failures.append(
                        Failure(
                            runtime: info.id, workload: program.workload, process: nil, kind: .unsupported,
                            message: reason))
                    continue
                }
                explain(program, on: runtime, info: info, into: &report)
                save(withRatios(report))
            }
        }
        return withRatios(report)
    }

    /// One cell: the counted runs, then the profile its kind of runtime gives.
    private func explain(
        _ program: GuestProgram, on runtime: any BenchmarkRuntime, info: RuntimeInfo, into report: inout ExplainReport
    ) {
        func fail(_ kind: FailureKind, _ message: String, command: String?) {
            report.failures.append(
                Failure(
                    runtime: info.id, workload: program.workload, process: nil, kind: kind, message: message,
                    command: command))
        }
        let list = iterations.map(String.init).joined(separator: ", ")
        progress("\(program.workload) on \(info.id): counting \(list) iterations under callgrind")
        let set: InstructionCounter.CountedSet
        switch counter.countSet(program, on: runtime, interruption: interruption) {
        case .success(let counted):
            set = counted
        case .failure(let error):
            // Ctrl-C: what was counted so far stays, and no failure is made up for the cell.
            guard !interruption.isRaised else { return }
            fail(error.failure.kind, error.failure.message, command: error.failure.command)
            return
        }
        let (runs, high) = (set.runs, set.longest)
        guard let count = InstructionCount(workload: program.workload, runtime: info.id, runs: runs) else {
            fail(.runtimeError, "the counted runs do not give a count (iterations \(iterations))", command: nil)
            return
        }
        report.instructions.append(count)
        if info.kind == .native {
            report.profiles.append(
                profile(
                    program.workload, info.id, .callgrind, costs: high.selfInstructions,
                    total: high.totalInstructions, command: runs.last?.command))
            report.stacks =
                (report.stacks ?? []) + [
                    StackProfile(
                        workload: program.workload, runtime: info.id, source: .callgrind, stacks: high.foldedStacks())
                ]
        } else if runtime.writesGuestProfiles {
            switch guestProfile(program, on: runtime) {
            case .success(let (profile, command)):
                report.profiles.append(
                    self.profile(
                        program.workload, info.id, .guestProfiler, costs: profile.selfSamples,
                        total: profile.totalSamples, command: command))
                report.stacks =
                    (report.stacks ?? []) + [
                        StackProfile(
                            workload: program.workload, runtime: info.id, source: .guestProfiler, stacks: profile.stacks
                        )
                    ]
            case .failure(let failure):
                fail(failure.kind, "guest profile: \(failure.message)", command: failure.command)
            }
        }
    }

    /// One run with the runtime's guest profiler.
    private func guestProfile(_ program: GuestProgram, on runtime: any BenchmarkRuntime) -> Result<
        (GuestProfile, String?), RunFailure
    > {
        counter.withScratch { scratch -> Result<(GuestProfile, String?), RunFailure> in
            let output = scratch.appendingPathComponent("guest-profile.json").path
            let outcome = runtime.run(
                RunRequest(
                    program: program, iterations: iterations.last ?? 1, timeoutSeconds: timeoutSeconds,
                    scratchDirectory: scratch.path, guestProfilePath: output))
            if case .failed(let kind, let message) = outcome.status {
                return .failure(RunFailure(kind: kind, message: message, command: outcome.command))
            }
            guard let data = FileManager.default.contents(atPath: output) else {
                return .failure(
                    RunFailure(
                        kind: .runtimeError,
                        message:
                            "the run wrote no guest profile (wasmtime writes none when the guest leaves through proc_exit)",
                        command: outcome.command))
            }
            do throws(GuestProfile.FormatError) {
                return .success((try GuestProfile(parsing: data), outcome.command))
            } catch {
                return .failure(RunFailure(kind: .runtimeError, message: error.description, command: outcome.command))
            }
        }
    }

    /// A profile of the costliest functions.
    private func profile(
        _ workload: String, _ runtime: String, _ source: ProfileSource, costs: [String: Double], total: Double,
        command: String?
    ) -> FunctionProfile {
        let ranked = costs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(topFunctions)
        return FunctionProfile(
            workload: workload, runtime: runtime, source: source, total: total,
            functions: ranked.map {
                FunctionCost(name: $0.key, cost: $0.value, share: total > 0 ? $0.value / total : 0)
            },
            command: command)
    }

    /// One opcode cell: the counted runs on a runtime that runs the instrumented module.
    private func countOpcodes(
        _ program: GuestProgram, on runtime: any BenchmarkRuntime, info: RuntimeInfo, into report: inout ExplainReport
    ) {
        let list = iterations.map(String.init).joined(separator: ", ")
        progress("\(program.workload) on \(info.id): counting opcodes of \(list) iterations (instrumented module)")
        let counter = OpcodeCounter(
            iterations: iterations, timeoutSeconds: timeoutSeconds, topFunctions: topFunctions,
            scratchRoot: scratchRoot)
        switch counter.profile(program, on: runtime, id: info.id, interruption: interruption) {
        case .success(let profile):
            report.opcodes?.append(profile)
        case .failure(let failure):
            guard !interruption.isRaised else { return }
            report.failures.append(
                Failure(
                    runtime: info.id, workload: program.workload, process: nil, kind: failure.kind,
                    message: OpcodeProfile.failurePrefix + failure.message, command: failure.command))
        }
    }

    /// The report with every count's ratio to the baseline's count of the same workload, and
    /// every opcode profile's Wasm instructions per native instruction of each counted runtime.
    func withRatios(_ report: ExplainReport) -> ExplainReport {
        var report = report
        let counts = report.instructions
        report.instructions = counts.map { count in
            var count = count
            if count.runtime != report.baseline,
                let base = counts.first(where: { $0.workload == count.workload && $0.runtime == report.baseline }),
                base.perIteration > 0
            {
                count.ratioToBaseline = count.perIteration / base.perIteration
            }
            return count
        }
        report.opcodes = report.opcodes?.map { profile in
            var profile = profile
            profile.perNativeInstruction = [:]
            for count in counts where count.workload == profile.workload && count.perIteration > 0 {
                profile.perNativeInstruction[count.runtime] = profile.perIteration / count.perIteration
            }
            return profile
        }
        return report
    }
}

import Foundation
import WasmBenchAnalysis
import WasmBenchMachine
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime
import WasmBenchStatistics

/// Runs every workload on every runtime: fresh processes × iterations, in a seeded shuffled
/// order, within a time budget per cell, saving the results after each process.
///
/// The order is shuffled anew for each round of processes, so that slow drift of the machine
/// (thermal, other tenants) spreads over all runtimes instead of biasing one. A failure is
/// recorded and handled by the ``FailurePolicy``; it never ends the harness.
///
/// With ``Measure/instructions`` a round runs one counted set of each cell instead of one timed
/// process (see ``InstructionCounter``): the same order, budgets, failure policy and saves.
public struct BenchmarkRunner: Sendable {
    /// The settings.
    public let configuration: RunConfiguration
    /// Where per-process folders are made; they are kept after the run, since the recorded
    /// commands name the files in them.
    public let scratchRoot: URL
    /// Raised on Ctrl-C.
    public let interruption: Interruption
    /// Receives progress events.
    public let progress: @Sendable (ProgressEvent) -> Void
    /// Saves the result so far (atomically); called after every process and at the end.
    public let save: @Sendable (RunResult) throws -> Void
    /// The first save that failed, if any: the caller must not claim the results were saved.
    public let saveFailures = SaveFailures()
    /// The `valgrind` executable that counts instructions, for ``Measure/instructions``.
    public let valgrind: String?
    /// Timed at the start, between processes (within 2% of the run's time) and at the end, into
    /// the result's `noise` (see ``NoiseSampler``); `nil` records no noise.
    public var canary: Canary?
    /// The largest share of the run's time the canary may take between its start and end
    /// samples (0.02 is 2%; `.infinity` times it before every process).
    public var canaryBudget = 0.02

    /// Creates a runner.
    public init(
        configuration: RunConfiguration, scratchRoot: URL, interruption: Interruption,
        progress: @escaping @Sendable (ProgressEvent) -> Void, save: @escaping @Sendable (RunResult) throws -> Void,
        valgrind: String? = nil
    ) {
        self.valgrind = valgrind
        self.configuration = configuration
        self.scratchRoot = scratchRoot
        self.interruption = interruption
        self.progress = progress
        self.save = save
    }

    /// A cell's schedule: its adapter, and how much of its budget the run has spent.
    final class CellSchedule {
        let program: GuestProgram
        let runtime: any BenchmarkRuntime
        let info: RuntimeInfo
        var processesRun = 0
        var secondsSpent = 0.0
        var closed = false
        /// Why precision could add no more processes to this cell, once something stopped it.
        var shortfall: PrecisionShortfall?
        /// The workload × runtime it measures.
        var key: Cell { Cell(workload: program.workload, runtime: info.id) }
        init(program: GuestProgram, runtime: any BenchmarkRuntime, info: RuntimeInfo) {
            self.program = program
            self.runtime = runtime
            self.info = info
        }
    }

    /// Runs the plan into `result` (which already holds machine, runtimes and workloads) and
    /// returns it summarised. `runtimes` pairs each adapter with the description it gave.
    public func run(
        programs: [GuestProgram], runtimes: [(runtime: any BenchmarkRuntime, info: RuntimeInfo)], into result: RunResult
    ) -> RunResult {
        var result = result
        var cells: [CellSchedule] = []
        for program in programs {
            for (runtime, info) in runtimes {
                if let reason = skipReason(info: info, runtime: runtime, program: program) {
                    progress(.skipped(runtime: info.id, workload: program.workload, reason: reason))
                    result.failures.append(
                        Failure(
                            runtime: info.id, workload: program.workload, process: nil, kind: .unsupported,
                            message: reason))
                    continue
                }
                cells.append(CellSchedule(program: program, runtime: runtime, info: info))
            }
        }
        let runStarted = Date()
        var total = cells.count * configuration.processes
        var step = 0
        var stopReason: String?
        let sampler = canary.map { NoiseSampler(canary: $0, budget: canaryBudget) }
        sampler?.burst(into: &result)
        rounds: for round in 0..<configuration.processes {
            let order = seededShuffle(Array(cells.indices), seed: configuration.seed &+ UInt64(round))
            for index in order {
                let cell = cells[index]
                step += 1
                guard !cell.closed else { continue }
                if interruption.isRaised {
                    stopReason = "interrupted (Ctrl-C): the results measured so far are kept"
                    break rounds
                }
                if round >= 2 && cell.secondsSpent > configuration.cellBudgetSeconds {
                    cell.closed = true
                    cell.shortfall = .cellBudget
                    progress(
                        .budgetSpent(
                            runtime: cell.info.id, workload: cell.program.workload, processes: cell.processesRun,
                            seconds: cell.secondsSpent))
                    continue
                }
                sampler?.sampleIfAffordable(
                    beforeRuntime: cell.info.id, workload: cell.program.workload, process: cell.processesRun,
                    into: &result)
                if let reason = runProcess(cell, round: round, step: step, total: total, result: &result) {
                    stopReason = reason
                    break rounds
                }
            }
            sampler?.analyze(&result)
            Summarizer(configuration: configuration).summarize(&result)
            persist(result)
        }
        if stopReason == nil, configuration.measure == .time, let goal = configuration.precision {
            stopReason = refine(
                cells, goal: goal, sampler: sampler, runStarted: runStarted, step: &step, total: &total,
                result: &result)
        }
        if !interruption.isRaised { sampler?.burst(into: &result) }
        sampler?.analyze(&result)
        if let stopReason { progress(.stopped(stopReason)) }
        result.complete = stopReason == nil
        result.finishedAt = ISO8601DateFormatter().string(from: Date())
        Summarizer(configuration: configuration).summarize(&result)
        if configuration.measure == .time, let goal = configuration.precision {
            result.precision = precisionRecord(cells, goal: goal, stopped: stopReason != nil, result: result)
        }
        persist(result)
        return result
    }

    private func skipReason(info: RuntimeInfo, runtime: any BenchmarkRuntime, program: GuestProgram) -> String? {
        if !info.available { return "\(info.id) is not available: \(info.unavailableReason ?? "no reason given")" }
        return runtime.unsupportedReason(for: program)
    }

    /// Runs one process (or counted set) of a cell; returns a reason to stop the whole run, or nil.
    func runProcess(_ cell: CellSchedule, round: Int, step: Int, total: Int, result: inout RunResult) -> String? {
        if configuration.measure == .instructions {
            return countSet(cell, step: step, total: total, result: &result)
        }
        let process = cell.processesRun
        progress(
            .started(step: step, of: total, runtime: cell.info.id, workload: cell.program.workload, process: process))
        let scratch = scratchRoot.appendingPathComponent(
            "\(cell.info.id)/\(cell.program.workload.replacingOccurrences(of: "/", with: "_"))/p\(process)")
        try? FileManager.default.removeItem(at: scratch)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            let failure = Failure(
                runtime: cell.info.id, workload: cell.program.workload, process: process, kind: .runtimeError,
                message:
                    "cannot create the scratch folder \(scratch.path): \(FileSystem.reason(error)); set WASMBENCH_HOME to a writable folder"
            )
            result.failures.append(failure)
            return "cannot create scratch folders"
        }
        let request = RunRequest(
            program: cell.program, iterations: configuration.iterations, timeoutSeconds: configuration.timeoutSeconds,
            scratchDirectory: scratch.path, outputLimitBytes: configuration.outputLimitBytes)
        let started = Date()
        let outcome = cell.runtime.run(request)
        cell.secondsSpent += Date().timeIntervalSince(started)
        cell.processesRun += 1
        result.rows += rows(outcome, cell: cell, process: process)
        var failure: Failure?
        if case .failed(let kind, let message) = outcome.status {
            failure = Failure(
                runtime: cell.info.id, workload: cell.program.workload, process: process, kind: kind, message: message,
                command: outcome.command)
        }
        if let failure { result.failures.append(failure) }
        let executes = outcome.samples.filter { $0.phase == .execute && $0.metric == .time }.map(\.value)
        progress(
            .finished(
                step: step, of: total, runtime: cell.info.id, workload: cell.program.workload, process: process,
                execute: median(executes), failure: failure))
        persist(result)
        return stopReason(after: failure, cell: cell)
    }

    /// What a process's failure does to the run under the failure policy: a reason to stop, or nil.
    func stopReason(after failure: Failure?, cell: CellSchedule) -> String? {
        guard let failure else { return nil }
        if failure.kind == .interrupted || interruption.isRaised {
            return "interrupted (Ctrl-C): the results measured so far are kept"
        }
        switch configuration.failurePolicy {
        case .continue: return nil
        case .skipCell:
            cell.closed = true
            return nil
        case .stop:
            return
                "stopped after a failure (--on-failure stop): \(failure.runtime) on \(failure.workload): \(failure.message)"
        }
    }

    /// Files an outcome's samples as rows.
    ///
    /// Warm-ups apply only to per-iteration series (a marker-reporting guest, an invoked
    /// function); a command timed as a whole gives one sample per process, which is kept. The
    /// whole-process metrics of a failed process (a time-out's wall time, say) describe the failure,
    /// not the workload, so they are left out; samples measured before the failure are kept for
    /// the record, and the summaries leave them out by the run's failures (see ``Summarizer``).
    private func rows(_ outcome: RunOutcome, cell: CellSchedule, process: Int) -> [Row] {
        var perIteration = cell.program.reportsMarkers
        if case .invoke = cell.program.entry { perIteration = true }
        var failed = false
        if case .failed = outcome.status { failed = true }
        return outcome.samples.filter { !(failed && $0.phase == .wall) }.map { sample in
            var row = Row(
                runtime: cell.info.id, runtimeVersion: cell.info.version, flags: cell.info.flags,
                workload: cell.program.workload, phase: sample.phase, metric: sample.metric, value: sample.value,
                process: process, iteration: sample.iteration,
                warmup: perIteration && sample.phase == .execute && (sample.iteration ?? 0) < configuration.warmups,
                command: sample.command ?? outcome.command)
            if sample.phase == .wall && sample.metric == .time { row.checkValue = outcome.checkValue }
            return row
        }
    }

    func persist(_ result: RunResult) {
        do {
            try save(result)
        } catch {
            saveFailures.record("\(error)")
            progress(.saveFailed("\(error)"))
        }
    }
}

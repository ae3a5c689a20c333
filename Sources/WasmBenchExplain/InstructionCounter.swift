import Foundation
import WasmBenchModel
import WasmBenchRuntime

/// Counts the instructions a program executes on a runtime: one run under
/// `valgrind --tool=callgrind` per iteration count, each through the runtime's own adapter with
/// ``RunRequest/commandPrefix``, so the count covers the whole guest process (every thread) and
/// nothing of wasmbench. What both `wasmbench explain` and `wasmbench run --measure instructions`
/// count with; ``InstructionCount`` turns the totals into the cost of one iteration.
///
/// A run that fails, or leaves no callgrind file it can read, is a ``RunFailure`` with the
/// command to repeat by hand; a runtime that cannot run under a profiler (a browser) says so as
/// an `unsupported` failure. Nothing is estimated.
public struct InstructionCounter: Sendable {
    /// The `valgrind` executable.
    public var valgrind: String
    /// The iteration counts of a counted set (at least two, all different, fewest first).
    public var iterations: [Int]
    /// Time limit of one process (valgrind runs code 20–100× slower).
    public var timeoutSeconds: Double
    /// Where each run gets a scratch folder (removed afterwards).
    public var scratchRoot: URL

    /// Creates a counter; `iterations` is sorted and freed of repeats.
    public init(valgrind: String, iterations: [Int] = [2, 4, 6], timeoutSeconds: Double, scratchRoot: URL) {
        self.valgrind = valgrind
        self.iterations = Array(Set(iterations)).sorted()
        self.timeoutSeconds = timeoutSeconds
        self.scratchRoot = scratchRoot
    }

    /// What one counted set gave: its runs' totals, and the profile of the run with the most iterations.
    public struct CountedSet: Sendable, Equatable {
        /// The runs, fewest iterations first.
        public var runs: [CountedRun]
        /// callgrind's profile of the last run.
        public var longest: CallgrindProfile
    }

    /// The failure of a counted set, with the runs counted before it (their totals are real).
    public struct SetFailure: Error, Sendable, Equatable {
        /// What went wrong.
        public var failure: RunFailure
        /// The runs that were counted before it.
        public var counted: [CountedRun]
    }

    /// Runs the program once per count of ``iterations``, fewest first; stops at the first failure
    /// and, before starting a run, when `interruption` is raised (an `interrupted` failure).
    public func countSet(_ program: GuestProgram, on runtime: any BenchmarkRuntime, interruption: Interruption)
        -> Result<CountedSet, SetFailure>
    {
        var runs: [CountedRun] = []
        var longest: CallgrindProfile?
        for count in iterations {
            guard !interruption.isRaised else {
                return .failure(
                    SetFailure(
                        failure: RunFailure(.interrupted, "interrupted (Ctrl-C) before the count finished"),
                        counted: runs))
            }
            switch self.count(program, on: runtime, iterations: count) {
            case .success(let result):
                runs.append(
                    CountedRun(
                        iterations: count, instructions: result.profile.totalInstructions, command: result.command))
                longest = result.profile
            case .failure(let failure):
                return .failure(SetFailure(failure: failure, counted: runs))
            }
        }
        guard let longest, runs.count >= 2 else {
            return .failure(
                SetFailure(
                    failure: RunFailure(
                        .runtimeError, "a counted set needs two or more iteration counts (got \(iterations))"),
                    counted: runs))
        }
        return .success(CountedSet(runs: runs, longest: longest))
    }

    /// One run of `iterations` iterations under callgrind, and what its output file says.
    public func count(_ program: GuestProgram, on runtime: any BenchmarkRuntime, iterations: Int) -> Result<
        (profile: CallgrindProfile, command: String?), RunFailure
    > {
        withScratch { scratch in
            let output = scratch.appendingPathComponent("callgrind.out").path
            // Explicit, so that a user's ~/.valgrindrc cannot change the file's layout.
            let prefix = [
                valgrind, "--tool=callgrind", "--dump-instr=no", "--dump-line=yes", "--separate-threads=no",
                "--callgrind-out-file=\(output)",
            ]
            let outcome = runtime.run(
                RunRequest(
                    program: program, iterations: iterations, timeoutSeconds: timeoutSeconds,
                    scratchDirectory: scratch.path, commandPrefix: prefix))
            if case .failed(let kind, let message) = outcome.status {
                return .failure(RunFailure(kind: kind, message: message, command: outcome.command))
            }
            guard let text = try? String(contentsOfFile: output, encoding: .utf8),
                let profile = CallgrindProfile(parsing: text)
            else {
                return .failure(
                    RunFailure(
                        kind: .runtimeError,
                        message:
                            "callgrind left no readable \(output); run the command by hand to see valgrind's messages",
                        command: outcome.command))
            }
            return .success((profile, outcome.command))
        }
    }

    /// Runs `body` with a fresh scratch folder under ``scratchRoot``, removed afterwards.
    package func withScratch<T>(_ body: (URL) -> T) -> T {
        let folder = scratchRoot.appendingPathComponent("count-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return body(folder)
    }

    /// What every instruction count says about its numbers, for a report's notices.
    public static let notices = [
        "wasmtime-aot's artifacts are compiled for the architecture's baseline CPU here (valgrind emulates fewer CPU features than this host has), so its counts are of slightly other code than a timed run measures",
        "instruction counts are callgrind's (all threads of the process), not time: a JIT's background compilation counts, and one instruction of a runtime may cost more or less time than one of native code",
    ]
}

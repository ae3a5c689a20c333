import Foundation
import WasmBenchInstrument
import WasmBenchModel
import WasmBenchRuntime

/// Counts the Wasm instructions a program executes, opcode by opcode: one run per iteration
/// count on a runtime that can run an instrumented copy of the module (WasmKit or wasmtime's C
/// API, through ``RunRequest/countOpcodes``), then the differential of the last two runs, as
/// ``InstructionCounter`` does for callgrind, so start-up is excluded.
///
/// A run that fails is a ``RunFailure``; a run that traps still gives its counts, as a profile
/// of the whole run flagged with the trap. A runtime that hands back no counts (anything but
/// WasmKit and `wasmtime-capi`) is an `unsupported` failure that says which runtime to use.
public struct OpcodeCounter: Sendable {
    /// The iteration counts (at least two, all different, fewest first).
    public var iterations: [Int]
    /// Time limit of one process.
    public var timeoutSeconds: Double
    /// How many functions a profile keeps.
    public var topFunctions: Int
    /// Where each run gets a scratch folder (removed afterwards).
    public var scratchRoot: URL

    /// Creates a counter; `iterations` is sorted and freed of repeats.
    public init(iterations: [Int] = [2, 4, 6], timeoutSeconds: Double, topFunctions: Int = 25, scratchRoot: URL) {
        self.iterations = Array(Set(iterations)).sorted()
        self.timeoutSeconds = timeoutSeconds
        self.topFunctions = topFunctions
        self.scratchRoot = scratchRoot
    }

    /// One counted run: its iterations, what it executed and its command line.
    public struct Run: Sendable, Equatable {
        /// The iterations it ran.
        public var iterations: Int
        /// What it executed.
        public var tally: OpcodeTally
        /// Its command line.
        public var command: String?

        /// Creates a run.
        public init(iterations: Int, tally: OpcodeTally, command: String? = nil) {
            self.iterations = iterations
            self.tally = tally
            self.command = command
        }
    }

    /// Runs the program once per iteration count, fewest first, and makes the profile; stops at
    /// the first failure and, before a run, when `interruption` is raised.
    public func profile(
        _ program: GuestProgram, on runtime: any BenchmarkRuntime, id: String, interruption: Interruption
    ) -> Result<OpcodeProfile, RunFailure> {
        var runs: [Run] = []
        let counter = InstructionCounter(
            valgrind: "", iterations: iterations, timeoutSeconds: timeoutSeconds, scratchRoot: scratchRoot)
        for count in iterations {
            guard !interruption.isRaised else {
                return .failure(RunFailure(.interrupted, "interrupted (Ctrl-C) before the opcode count finished"))
            }
            let outcome = counter.withScratch { scratch in
                runtime.run(
                    RunRequest(
                        program: program, iterations: count, timeoutSeconds: timeoutSeconds,
                        scratchDirectory: scratch.path, countOpcodes: true))
            }
            guard let tally = outcome.opcodeTally else {
                if case .failed(let kind, let message) = outcome.status {
                    return .failure(RunFailure(kind: kind, message: message, command: outcome.command))
                }
                return .failure(
                    RunFailure(
                        .unsupported,
                        "\(id) cannot count opcodes: only WasmKit and wasmtime's C API run the instrumented module (use wasmkit or wasmtime-capi, or INTERPRETER@wasmkit for an interpreter)",
                        command: outcome.command))
            }
            let run = Run(iterations: count, tally: tally, command: outcome.command)
            if case .failed(let kind, let message) = outcome.status {
                guard kind == .trap else {
                    return .failure(RunFailure(kind: kind, message: message, command: outcome.command))
                }
                return .success(Self.profile(program.workload, id, runs: [run], trap: message, top: topFunctions))
            }
            runs.append(run)
        }
        return .success(Self.profile(program.workload, id, runs: runs, trap: nil, top: topFunctions))
    }
}

/// The exit codes of `wasmbench`, chosen only by the root command.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Everything asked for ran and passed.
    case success = 0
    /// The run finished but some processes failed (trap, time-out, wrong result, crash…); every
    /// measurement and failure is in the results.
    case someRunsFailed = 1
    /// `wasmbench compare` found a regression: a gated phase slower past the threshold, or a cell
    /// the base run measured failing in the new run.
    case regressed = 2
    /// A workload could not be read or is not WebAssembly (missing file, bad magic, truncated),
    /// or an unknown kernel was named (an unknown suite or runtime id is a usage error).
    case invalidInput = 3
    /// Nothing could be run here: no compiler for the kernels, or none of the runtimes asked for.
    case environment = 4
    /// An output file could not be written.
    case outputNotWritable = 5
    /// A bad flag or value (ArgumentParser's usage errors).
    case usage = 64
    /// A bug in wasmbench: please report it.
    case internalError = 70
    /// Interrupted by Ctrl-C; the results measured so far were saved.
    case interrupted = 130
}

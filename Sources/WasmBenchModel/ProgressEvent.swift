/// What the runner tells the outside world as it goes (the command line prints it on stderr).
public enum ProgressEvent: Sendable {
    /// A cell is skipped: its runtime cannot run its workload.
    case skipped(runtime: String, workload: String, reason: String)
    /// A process is about to start.
    case started(step: Int, of: Int, runtime: String, workload: String, process: Int)
    /// A process finished; `execute` is its median iteration time in seconds when it reported one.
    case finished(
        step: Int, of: Int, runtime: String, workload: String, process: Int, execute: Double?, failure: Failure?)
    /// A counted set finished (``Measure/instructions``); `perIteration` is the instructions of one
    /// iteration it gives, when it gives one.
    case counted(
        step: Int, of: Int, runtime: String, workload: String, set: Int, perIteration: Double?, failure: Failure?)
    /// A cell stops early because its time budget is spent.
    case budgetSpent(runtime: String, workload: String, processes: Int, seconds: Double)
    /// A round of added processes starts: `cells` execute ratios are wider than the precision
    /// asked (``PrecisionGoal/target``), so `processes` more processes run, interleaved.
    case refining(round: Int, cells: Int, processes: Int, target: Double)
    /// The results so far could not be saved.
    case saveFailed(String)
    /// The run stopped early (interrupted or by the failure policy).
    case stopped(String)
}

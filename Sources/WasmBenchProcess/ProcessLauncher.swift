import CWasmBenchSpawn
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Spawns child processes with a time limit and reports their wall time, CPU time and peak memory.
///
/// Each child runs in a process group of its own: a time limit or an interruption kills the whole
/// group, so a runtime that starts helpers of its own leaves nothing behind. The launcher keeps the
/// groups it started so that ``terminateAll()`` (wired to Ctrl-C by the command line) can end them.
///
/// Children never outlive wasmbench: each is started behind a small guard process (a fork of
/// wasmbench that never execs, see `CWasmBenchSpawn/spawn.c`) that leads the group and kills it
/// when the child ends or when wasmbench dies, SIGKILL included (`PR_SET_PDEATHSIG`). So a
/// runtime's helpers die with the runtime even when it exits normally. The death signal follows
/// the thread that started the guard, which is the thread ``run(_:)`` blocks until the guard ends.
public final class ProcessLauncher: Sendable {
    private struct State {
        var active: Set<pid_t> = []
        var interrupted = false
        var execHelper: String?
    }
    private let state = Mutex(State())

    /// Creates a launcher with no children.
    public init() {}

    /// Runs every later child through wasmbench's exec helper (a tiny static program that forks
    /// and execs the child and reports its rusage), so that peak RSS is the child's own.
    ///
    /// Without it, peak RSS is not reported: a child started from wasmbench (through its guard, a
    /// fork of wasmbench) inherits wasmbench's own memory high-water mark in `ru_maxrss`.
    public func useExecHelper(_ path: String?) {
        state.withLock { $0.execHelper = path }
    }

    /// Whether children run through the exec helper (and so report peak RSS).
    public var hasExecHelper: Bool { state.withLock { $0.execHelper != nil } }

    /// Whether ``terminateAll()`` has been called.
    public var isInterrupted: Bool { state.withLock { $0.interrupted } }

    /// Kills every child process group still running and refuses to start new ones.
    public func terminateAll() {
        state.withLock { state in
            state.interrupted = true
            for pid in state.active { kill(-pid, SIGKILL) }
        }
    }

    /// Runs a child to completion (or its time limit) and returns how it ended.
    ///
    /// A non-zero exit, a signal or a time-out is a ``Termination``, not an error; only failing
    /// to start the child throws.
    public func run(_ spec: ProcessSpec) throws(ProcessError) -> ProcessResult {
        guard access(spec.executable, X_OK) == 0 else { throw .notExecutable(path: spec.executable) }
        let notStarted = ProcessResult(
            termination: .interrupted, wallSeconds: 0, userSeconds: 0, systemSeconds: 0, maxRSSBytes: nil,
            spawnRealtimeNanoseconds: realtimeNanoseconds())
        let helper = state.withLock { $0.execHelper }
        let helperReport = spec.stdoutPath + ".rusage"
        var spawned = spec
        if let helper {
            try? FileManager.default.removeItem(atPath: helperReport)
            spawned.executable = helper
            spawned.arguments = [helperReport, spec.executable] + spec.arguments
        }
        let pump = try OutputPump(stdoutPath: spec.stdoutPath, stderrPath: spec.stderrPath, limit: spec.outputLimit)
        let start = monotonicNanoseconds()
        let started: (pid: pid_t, report: Int32, realtime: UInt64)?
        do throws(ProcessError) {
            started = try spawn(spawned, output: pump.childDescriptors)
        } catch {
            pump.closeChildDescriptors()
            pump.abandon()
            throw error
        }
        pump.closeChildDescriptors()
        guard let (pid, report, spawnRealtime) = started else {
            pump.abandon()
            return notStarted
        }
        let flags = ChildFlags()
        pump.start { flags.kill(pid, for: .outputLimit) }
        var timer: DispatchWorkItem?
        if let limit = spec.timeout {
            let item = DispatchWorkItem { flags.kill(pid, for: .timeout) }
            DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: item)
            timer = item
        }
        // Wait without reaping first, so the pid cannot be reused while the timer may still fire.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        flags.state.withLock { $0.finished = true }
        timer?.cancel()
        // Forget the group while the zombie still holds its pid, so no kill can hit a reused id.
        let wasInterrupted = state.withLock { state in
            state.active.remove(pid)
            return state.interrupted
        }
        // The guard has killed its group; this catches what a guard killed first (OOM) left.
        kill(-pid, SIGKILL)
        // The group is dead, so the pipes end at once, unless a helper left the group: a second
        // more, then they are closed (the time limit covers reading the output).
        let output = pump.finish(grace: 1)
        var childStatus: Int32 = 0
        var childWall: Int64 = 0
        let childEnded = wasmbench_spawn_status(report, &childStatus, &childWall) == 1
        close(report)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // The guard always dies by SIGKILL; how its child ended, and how long it ran, is what it
        // reported (without wasmbench's fork of the guard).
        if childEnded { status = childStatus }
        let wall = childEnded ? Double(childWall) / 1e9 : secondsSince(start)
        var result = ProcessResult(
            termination: .exited(0), wallSeconds: wall, userSeconds: Self.seconds(usage.ru_utime),
            systemSeconds: Self.seconds(usage.ru_stime), maxRSSBytes: nil, spawnRealtimeNanoseconds: spawnRealtime,
            output: output)
        if helper != nil, let report = HelperReport(path: helperReport) {
            status = report.status
            result.wallSeconds = report.wallSeconds
            result.userSeconds = report.userSeconds
            result.systemSeconds = report.systemSeconds
            result.maxRSSBytes = report.maxRSSBytes
            result.spawnRealtimeNanoseconds = report.forkRealtimeNanoseconds
        }
        let killedFor = flags.state.withLock { $0.killedFor }
        if killedFor == .timeout {
            result.termination = .timedOut
        } else if killedFor == .outputLimit || output.exceeded {
            result.termination = .outputLimitExceeded
        } else if wasInterrupted && Self.signalOf(status) == SIGKILL {
            result.termination = .interrupted
        } else if let signal = Self.signalOf(status) {
            result.termination = .signaled(signal)
        } else {
            result.termination = .exited((status >> 8) & 0xff)
        }
        return result
    }

    /// Starts the child behind its guard, its output and error on `output`; the guard's pid, the
    /// pipe it reports the child's status on and CLOCK_REALTIME when it started the child, or `nil`
    /// when the launcher was interrupted first.
    private func spawn(_ spec: ProcessSpec, output: (stdout: Int32, stderr: Int32)) throws(ProcessError) -> (
        pid: pid_t, report: Int32, realtime: UInt64
    )? {
        let argv = ([spec.executable] + spec.arguments).map { strdup($0) } + [nil]
        let envp = spec.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var report: Int32 = -1
        var code: Int32 = 0
        var realtime = Int64(realtimeNanoseconds())
        // Register under the lock so that an interruption between spawn and wait still kills it.
        let pid: pid_t = state.withLock { state in
            // Checked under the same lock as terminateAll(), so no child starts after an interruption.
            guard !state.interrupted else { return 0 }
            let pid = wasmbench_spawn(
                spec.executable, argv, envp, output.stdout, output.stderr, &report, &realtime, &code)
            if pid > 0 { state.active.insert(pid) }
            return pid
        }
        if pid == 0 { return nil }
        guard pid > 0 else { throw .spawnFailed(path: spec.executable, errno: code) }
        return (pid, report, UInt64(realtime))
    }

    private static func signalOf(_ status: Int32) -> Int32? {
        let low = status & 0x7f
        return low != 0 && low != 0x7f ? low : nil
    }

    private static func seconds(_ value: timeval) -> Double {
        Double(value.tv_sec) + Double(value.tv_usec) / 1e6
    }
}

/// The line the exec helper writes: wait status, maxrss (KiB), user and system seconds, the
/// child's wall time (ns) and CLOCK_REALTIME at the fork (ns).
private struct HelperReport {
    let status: Int32
    let maxRSSBytes: Double
    let userSeconds: Double
    let systemSeconds: Double
    let wallSeconds: Double
    let forkRealtimeNanoseconds: UInt64

    init?(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 6, let status = Int32(fields[0]), let rss = Double(fields[1]),
            let user = Double(fields[2]), let system = Double(fields[3]), let wall = Double(fields[4]),
            let realtime = UInt64(fields[5])
        else { return nil }
        self.status = status
        maxRSSBytes = rss * 1024
        userSeconds = user
        systemSeconds = system
        wallSeconds = wall / 1e9
        forkRealtimeNanoseconds = realtime
    }
}

/// What the time-limit timer, the output pump and the waiting thread share about one child.
private final class ChildFlags: Sendable {
    /// Why wasmbench killed the child's group.
    enum Reason: Sendable { case timeout, outputLimit }

    let state = Mutex((finished: false, killedFor: Reason?.none))

    /// Kills the group of the guard `pid` for `reason`, unless the child has ended (its pid may be
    /// reused then) or was killed for another reason first.
    func kill(_ pid: pid_t, for reason: Reason) {
        state.withLock { state in
            guard !state.finished, state.killedFor == nil else { return }
            state.killedFor = reason
            _ = Glibc.kill(-pid, SIGKILL)
        }
    }
}

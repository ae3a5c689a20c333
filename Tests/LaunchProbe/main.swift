import Foundation
import WasmBenchProcess

// A stand-in for wasmbench in the process tests: runs `/bin/sh -c SCRIPT` through the launcher,
// as wasmbench runs a runtime, and exits with the child's status. The tests kill it with SIGKILL
// while the child runs and look for what it left behind.
//
// Usage: LaunchProbe FOLDER SCRIPT (the child's output goes to FOLDER/probe.out and .err).
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: LaunchProbe FOLDER SCRIPT\n".utf8))
    exit(64)
}
let spec = ProcessSpec(
    executable: "/bin/sh", arguments: ["-c", arguments[2]], environment: ["PATH": "/usr/bin:/bin"],
    stdoutPath: arguments[1] + "/probe.out", stderrPath: arguments[1] + "/probe.err")
do {
    let result = try ProcessLauncher().run(spec)
    exit(result.termination == .exited(0) ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("LaunchProbe: \(error)\n".utf8))
    exit(70)
}

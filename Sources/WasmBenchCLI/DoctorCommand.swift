import ArgumentParser
import Foundation
import WasmBenchMachine
import WasmBenchRunner

/// `wasmbench doctor`: is this machine quiet enough to measure on?
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Time a fixed loop (the canary) for a while and say how noisy this machine is.",
        discussion: """
            Runs wasmbench's canary (fib in Swift, ~21 ms in a release build) back to back for \
            --seconds, reads steal time, CPU pressure, load and other busy processes over the same \
            window, checks governor, turbo, SMT and hypervisor, and prints the canary's spread, a \
            verdict (quiet, noisy or bimodal) and the smallest change a comparison can detect here. \
            Exit status 0 whatever the verdict.
            """)

    @Option(parsing: .unconditional, help: "How long to time the canary, in seconds.") var seconds: Double = 60
    @Option(
        parsing: .unconditional,
        help: "Also report the smallest detectable change for this many processes (with --iterations).")
    var processes: Int?
    @Option(parsing: .unconditional, help: "Measured iterations per process (warm-ups left out) for --processes.")
    var iterations = 4
    @Option(
        parsing: .unconditional,
        help: "How long one of your iterations lasts, in milliseconds (default: one canary run).")
    var iterationMs: Double?
    @Option(help: "Also write the whole report (every canary sample included) to this JSON file.") var json: String?

    func validate() throws {
        for (option, value) in [("--seconds", seconds), ("--iteration-ms", iterationMs)] {
            if let value, !(value.isFinite && value > 0) {
                throw ValidationError("\(option) must be a finite positive number (got \(value))")
            }
        }
        guard processes.map({ $0 >= 1 }) ?? true, iterations >= 1 else {
            throw ValidationError("--processes and --iterations must be at least 1")
        }
    }

    func run() throws {
        let printer = ProgressPrinter(quiet: false)
        let settings = Doctor.settings(asking: processes, iterations: iterations)
        printer.line("doctor: timing the canary for \(seconds) s; keep the machine as it is when you measure")
        let doctor = Doctor(seconds: seconds, settings: settings, iterationSeconds: iterationMs.map { $0 / 1000 })
        let report = doctor.run { printer.line($0) }
        FileHandle.standardOutput.write(Data(report.text.utf8))
        if let json { try ArtifactFile.write(ArtifactFile.pretty(report), to: json) }
    }
}

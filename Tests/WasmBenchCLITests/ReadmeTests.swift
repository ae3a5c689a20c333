import Foundation
import TestSupport
import Testing

/// The README names commands and runtime ids: they must exist.
@Suite("The README says what the tool really does")
struct ReadmeTests {
    static let readme: String = {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: checkout.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    @Test("every runtime id in the README's table is one `wasmbench runtimes` lists, and none is missing")
    func runtimeIDs() throws {
        let folder = TemporaryFolder()
        let listed = try WasmbenchBinary.run(
            ["runtimes"], environment: ["WASMBENCH_HOME": folder.path("cache")], in: folder)
        #expect(listed.status == 0)
        // The runtime table ends at the first blank line (interpreters follow).
        let runtimeTable = listed.stdout.components(separatedBy: "\n\n").first ?? ""
        let ids = runtimeTable.split(whereSeparator: \.isNewline).dropFirst()
            .compactMap { line in line.first == " " ? nil : line.split(separator: " ").first.map(String.init) }
        // The id table sits between "## Runtimes" and the phase table ("What each runtime exposes").
        let section =
            Self.readme.components(separatedBy: "## Runtimes").dropFirst().first?
            .components(separatedBy: "What each runtime exposes").first ?? ""
        let table = section.split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("| `") }
            .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
            .filter {
                !$0.contains(" ") && !["fib", "intloop", "nbody", "matmul", "sort", "hash", "interp"].contains($0)
            }
        #expect(!ids.isEmpty)
        #expect(Set(table) == Set(ids), "README: \(table), wasmbench: \(ids)")
    }

    @Test("the README's subcommands and options exist (their --help works)")
    func commands() throws {
        let folder = TemporaryFolder()
        for command in [
            ["run", "--help"], ["setup", "--help"], ["runtimes", "--help"], ["report", "--help"], ["doctor", "--help"],
        ] {
            let result = try WasmbenchBinary.run(command, in: folder)
            #expect(result.status == 0, "\(command) failed: \(result.stderr)")
        }
        let help = try WasmbenchBinary.run(["run", "--help"], in: folder).stdout
        for option in [
            "--processes", "--iterations", "--warmups", "--timeout", "--cell-budget", "--on-failure", "--baseline",
            "--no-install", "--kernel", "--invoke", "--arg", "--markers", "--json", "--markdown", "--html", "--seed",
            "--noise", "--estimator", "--precision", "--time-budget", "--max-processes",
        ] {
            #expect(help.contains(option), "README names \(option) but `run --help` lacks it")
            #expect(Self.readme.contains(option) || option == "--noise" || option == "--seed")
        }
        let compare = try WasmbenchBinary.run(["compare", "--help"], in: folder)
        #expect(compare.status == 0)
        for option in ["--threshold", "--fail-on", "--format", "--markdown", "--estimator"] {
            #expect(compare.stdout.contains(option), "README names compare \(option) but `compare --help` lacks it")
        }
        let explain = try WasmbenchBinary.run(["explain", "--help"], in: folder)
        #expect(explain.status == 0)
        for option in [
            "--iterations", "--json", "--markdown", "--suite", "--benchmark", "--opcodes", "--no-callgrind",
            "--flamegraph",
        ] {
            #expect(explain.stdout.contains(option), "README names explain \(option) but `explain --help` lacks it")
        }
        let python = try WasmbenchBinary.run(["python", "build", "--help"], in: folder).stdout
        for option in ["--variant", "--cflags", "--configure-flag", "--patch"] {
            #expect(python.contains(option) && Self.readme.contains(option), "python build \(option)")
        }
        let reproduce = try WasmbenchBinary.run(["reproduce", "--help"], in: folder)
        #expect(reproduce.status == 0)
        for option in ["--process", "--dry-run"] {
            #expect(reproduce.stdout.contains(option) && Self.readme.contains(option))
        }
        #expect(help.contains("--keep-artifacts") && Self.readme.contains("--keep-artifacts"))
        let doctor = try WasmbenchBinary.run(["doctor", "--help"], in: folder)
        for option in ["--seconds", "--processes", "--iterations", "--iteration-ms", "--json"] {
            #expect(doctor.stdout.contains(option), "README names doctor \(option) but `doctor --help` lacks it")
        }
        #expect(help.contains("--no-canary") && Self.readme.contains("--no-canary"))
        #expect(help.contains("--shard") && Self.readme.contains("--shard K/N"))
        #expect(help.contains("--param") && help.contains("--strip") && Self.readme.contains("--param NAME="))
        let report = try WasmbenchBinary.run(["report", "--help"], in: folder).stdout
        #expect(help.contains("--csv") && report.contains("--csv") && Self.readme.contains("--csv FILE"))
        #expect(help.contains("--pyperf-json") && report.contains("--pyperf-json"))
        #expect(Self.readme.contains("--pyperf-json FILE"))
        let merge = try WasmbenchBinary.run(["merge", "--help"], in: folder)
        for option in ["--json", "--allow-different-machines", "--partial"] {
            #expect(merge.stdout.contains(option) && Self.readme.contains(option), "merge \(option)")
        }
        #expect(Self.readme.contains("bash .ci/run"))
    }
}

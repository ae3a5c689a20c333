import Foundation
import WasmBenchModel
import WasmBenchProvision
import WasmBenchPython
import WasmBenchRuntime
import WasmBenchWasmKit
import WasmBenchWorkloads

/// Turns `run`'s options into workloads and runtimes: provisions tools, builds the suite, loads
/// the user's modules, and notes every fallback.
struct RunPlanner {
    struct Plan {
        var workloads: [BuiltWorkload]
        var runtimes: [(runtime: any BenchmarkRuntime, info: RuntimeInfo)]
        var notices: [String]
        /// User modules refused before any runtime saw them (missing, not WebAssembly), as failures.
        var rejected: [Failure]
    }

    let command: RunCommand
    let session: Session
    /// Whether the kernels keep their symbols (for `explain`'s function profiles).
    var kernelSymbols = false

    func plan() throws(CommandError) -> Plan {
        var notices: [String] = []
        let toolbox = session.toolbox(install: !command.noInstall)
        var catalog = session.catalog(toolbox, install: !command.noInstall)
        do {
            catalog.userInterpreters = try command.userInterpreters()
        } catch {
            throw CommandError(.usage, "\(error)")
        }
        // A user's interpreter joins the python suite's default runtimes, AOT-compiled once per run.
        let defaults =
            command.suite == "python"
            ? RuntimeCatalog.pythonDefaults + catalog.userInterpreters.map { "\($0.id)@wasmtime-aot" }
            : RuntimeCatalog.allIDs
        let asked = command.runtime.isEmpty ? defaults : command.runtime
        let baseline = command.resolvedBaseline
        var ids = asked
        if !ids.contains(baseline) {
            ids.insert(baseline, at: 0)
            notices.append("added the baseline runtime \(baseline) to the runtimes asked for")
        }
        if !command.noInstall, ids.contains(where: MatchedPairInterpreters.isPairSide),
            MatchedPairInterpreters.newestPair(in: session.home) == nil
        {
            buildMatchedPair(notices: &notices)
        }
        var runtimes: [(runtime: any BenchmarkRuntime, info: RuntimeInfo)] = []
        for id in ids {
            guard let runtime = catalog.runtime(id) else { continue }
            let info = runtime.describe()
            if !info.available {
                notices.append("\(id) not run: \(info.unavailableReason ?? "unavailable")")
            }
            runtimes.append((runtime, info))
        }
        let available = runtimes.filter(\.info.available).map(\.info.id)
        if available.filter(asked.contains).isEmpty {
            throw CommandError(
                .environment, "none of the runtimes asked for can run here: \(notices.joined(separator: "; "))")
        }
        if Set(ids).count > 2 && !ids.filter({ !available.contains($0) }).isEmpty {
            notices.append("running the runtimes that are available here: \(available.joined(separator: ", "))")
        }
        if !available.contains(baseline) {
            notices.append(
                "the baseline \(baseline) cannot run here, so no ratios are reported; pick another with --baseline"
            )
        }
        var rejected: [Failure] = []
        let workloads = try workloads(toolbox: toolbox, rejected: &rejected)
        return Plan(workloads: workloads, runtimes: runtimes, notices: notices, rejected: rejected)
    }

    /// Builds the matched CPython pair the first time a side of it is asked for; a failed build
    /// leaves both sides unavailable with the reason, and the other runtimes still run.
    private func buildMatchedPair(notices: inout [String]) {
        session.printer.line(
            "setup: building the matched CPython pair once (about 8 minutes on 2 cores; `wasmbench python build` does the same)"
        )
        do {
            _ = try MatchedPairInterpreters.build(
                session: session, source: .debianDefault, jobs: ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            notices.append("the matched CPython pair could not be built: \(error.description)")
        }
    }

    /// Builds the suite (an error ends the command) and loads the user's modules (a bad one is
    /// recorded as a failure and the others still run).
    private func workloads(toolbox: Toolbox, rejected: inout [Failure]) throws(CommandError) -> [BuiltWorkload] {
        var built: [BuiltWorkload] = []
        if command.suite == "python" {
            do {
                let installer = PyPIInstaller(
                    home: session.home, launcher: session.launcher, environment: session.environment)
                built += try PythonSuite(installer: installer).workloads(only: command.benchmark) {
                    session.printer.line("setup: \($0)")
                }
            } catch {
                switch error {
                case .unknownKernel: throw CommandError(.invalidInput, error.description)
                default: throw CommandError(.environment, error.description)
                }
            }
        }
        let runSuite =
            command.suite == "kernels" || (command.suite == nil && command.modules.isEmpty) || !command.kernel.isEmpty
        if runSuite {
            do {
                var suite = try KernelSuite(home: session.home, launcher: session.launcher, compiler: toolbox.compiler)
                suite.symbols = kernelSymbols
                built += try suite.build(only: command.kernel) { session.printer.line("setup: \($0)") }
            } catch {
                switch error {
                case .unknownKernel, .unknownSuite: throw CommandError(.invalidInput, error.description)
                default: throw CommandError(.environment, error.description)
                }
            }
        }
        let loader = UserModule(buildFolder: session.home.builds) { text in try WATConverter.wasm(fromWAT: text) }
        // Validated already by the command; a failure here would be a bug, reported as such.
        let hosting: GuestHosting
        do {
            hosting = try command.hosting()
        } catch {
            throw CommandError(.usage, "\(error)")
        }
        for path in command.modules {
            do {
                var module = try loader.load(
                    path: path, function: command.invoke, arguments: command.arguments, reportsMarkers: command.markers,
                    hosting: hosting)
                // Two files with the same name (a/x.wasm, b/x.wasm) stay apart.
                if built.contains(where: { $0.info.id == module.info.id }) {
                    module.info.id += "#\(built.count + 1)"
                    module.program.workload = module.info.id
                }
                built.append(module)
            } catch {
                rejected.append(
                    Failure(
                        runtime: "wasmbench", workload: path, process: nil, kind: .invalidModule,
                        message: error.description))
            }
        }
        return built
    }
}

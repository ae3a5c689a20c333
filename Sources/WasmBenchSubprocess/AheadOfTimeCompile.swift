import Foundation
import WasmBenchModel
import WasmBenchRuntime

/// One ahead-of-time compile by a runtime's own compiler program (`wasmtime compile`, `wamrc
/// compile`): timed as a whole process, its artifact sized, and the artifact kept where the run's
/// recorded commands find it again (`reproduce`, `--keep-artifacts`).
///
/// The compiler writes to a staging file that is moved into place only when it succeeded, so a
/// failed or killed compile never leaves an artifact that looks whole. A compile that fails is an
/// early outcome (its verdict from ``ChildRun/status(_:report:request:entryRealtimeNanoseconds:)``),
/// never thrown.
struct AheadOfTimeCompile {
    /// The compiler program.
    let compiler: String
    /// Its arguments for writing the artifact to the given path.
    let arguments: (_ output: String) -> [String]
    /// The options that make the artifact what it is: they name a reused artifact.
    let options: [String]
    /// The artifact's file extension (`cwasm`).
    let fileExtension: String
    /// Where the run keeps artifacts that workloads allow to be reused across processes, or nil.
    let artifactFolder: String?

    /// An artifact and the samples of compiling it (none when it was reused).
    struct Compiled {
        /// The artifact's path.
        let artifact: String
        /// `aot-compile` time, CPU time and artifact size, each carrying the compile's command.
        let samples: [PhaseSample]
    }

    /// The outcome of a compile that failed, in place of an artifact.
    struct EarlyOutcome: Error {
        /// The run's outcome: the compile step's verdict.
        let outcome: RunOutcome
    }

    /// Compiles the request's module, or reuses this run's artifact when the workload allows it
    /// (``GuestHosting/reuseCompiledArtifact``) and one exists.
    func run(_ request: RunRequest, child: ChildRun) -> Result<Compiled, EarlyOutcome> {
        let reuse = request.program.hosting.reuseCompiledArtifact ? artifactFolder : nil
        let artifact =
            reuse.map {
                "\($0)/\(Self.artifactName(request.program.wasmPath, options: options, extension: fileExtension))"
            }
            ?? request.scratchDirectory + "/module.\(fileExtension)"
        if reuse != nil && FileManager.default.fileExists(atPath: artifact) {
            return .success(Compiled(artifact: artifact, samples: []))
        }
        if let reuse { try? FileManager.default.createDirectory(atPath: reuse, withIntermediateDirectories: true) }
        let staging = artifact + ".partial"
        // Compiling a whole interpreter ahead of time takes minutes on a busy machine: the compile
        // step gets at least 10 minutes, whatever the run's per-process limit.
        var compileRequest = request
        compileRequest.timeoutSeconds = max(request.timeoutSeconds, 600)
        switch child.spawn(compiler, arguments(staging), request: compileRequest, name: "compile") {
        case .failure(let error):
            return .failure(EarlyOutcome(outcome: .failure(.runtimeError, error.description)))
        case .success(let finished):
            guard finished.result.termination == .exited(0) else {
                let status = child.status(finished, report: GuestReport(parsing: ""), request: request)
                return .failure(
                    EarlyOutcome(outcome: RunOutcome(samples: [], status: status, command: finished.command)))
            }
            try? FileManager.default.removeItem(atPath: artifact)
            guard (try? FileManager.default.moveItem(atPath: staging, toPath: artifact)) != nil else {
                return .failure(
                    EarlyOutcome(
                        outcome: .failure(
                            .runtimeError,
                            "the compiler wrote no artifact at \(staging), or it cannot be moved to \(artifact); check the cache folder"
                        )))
            }
            return .success(Compiled(artifact: artifact, samples: Self.samples(finished, artifact: artifact)))
        }
    }

    /// The compile's samples: wall and CPU time of its process, and the artifact's size.
    static func samples(_ finished: ChildRun.Finished, artifact: String) -> [PhaseSample] {
        let size = (try? FileManager.default.attributesOfItem(atPath: artifact)[.size] as? NSNumber)?.doubleValue
        let command = finished.command
        let cpu = finished.result.userSeconds + finished.result.systemSeconds
        var samples = [
            PhaseSample(.aotCompile, .time, finished.result.wallSeconds, command: command),
            PhaseSample(.aotCompile, .cpu, cpu, command: command),
        ]
        if let size { samples.append(PhaseSample(.aotCompile, .artifactBytes, size, command: command)) }
        return samples
    }

    /// A file name unique to a module file and the compile options (FNV-1a of both).
    static func artifactName(_ module: String, options: [String], extension fileExtension: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (module + "|" + options.joined(separator: " ")).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16) + "." + fileExtension
    }
}

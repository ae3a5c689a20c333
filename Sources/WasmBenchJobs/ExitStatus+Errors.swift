import WasmBenchAnalysis
import WasmBenchArtifact
import WasmBenchHistory
import WasmBenchPairBuilder
import WasmBenchPlan
import WasmBenchRunner

extension ExitStatus {
    /// The exit status a library's error means, with its message; nil for an error no library
    /// throws to end a command (the root command reports it as an internal error).
    package static func of(_ error: any Error) -> (status: ExitStatus, message: String)? {
        switch error {
        case let error as JobError: (error.status, error.message)
        case .usage(let message) as PlanError: (.usage, message)
        case .invalidInput(let message) as PlanError: (.invalidInput, message)
        case .environment(let message) as PlanError: (.environment, message)
        case .outputNotWritable(let message) as PlanError: (.outputNotWritable, message)
        case .interrupted(let message) as PlanError: (.interrupted, message)
        case .notWritable(let message) as ArtifactFileError: (.outputNotWritable, message)
        case .notEncodable(let message) as ArtifactFileError: (.internalError, message)
        case .notReadable(let message) as ArtifactFileError: (.invalidInput, message)
        case .sameOutput(let message) as ArtifactFileError: (.usage, message)
        case let error as MergeError: (.invalidInput, error.description)
        case let error as HistoryError: (of(error), error.description)
        case let error as PythonBuildError: (of(error), error.description)
        case .noPythonResults(let message) as PyperfExportError: (.invalidInput, message)
        case .notEncodable(let message) as PyperfExportError: (.internalError, message)
        default: nil
        }
    }

    /// The exit status of a history store's error.
    package static func of(_ error: HistoryError) -> ExitStatus {
        switch error {
        case .badLocation: .usage
        case .notADatabase, .unstorable: .invalidInput
        case .locked, .newerSchema, .unreachable, .refused, .postgreSQLNotBuilt: .environment
        case .failed: .internalError
        }
    }

    /// The exit status of an error building the matched CPython pair.
    package static func of(_ error: PythonBuildError) -> ExitStatus {
        switch error {
        case .sourceNotFound, .notCPythonSource, .patchNotFound, .patchDoesNotApply: .invalidInput
        case .invalidVariant: .usage
        case .interrupted: .interrupted
        case .missingTool, .missingFile, .toolchainUnavailable, .noAptSources, .aptFailed, .stepFailed,
            .unexpectedBuild:
            .environment
        case .cacheNotWritable: .outputNotWritable
        }
    }
}

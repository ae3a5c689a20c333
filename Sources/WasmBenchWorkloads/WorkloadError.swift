/// Why a workload could not be prepared. Each message says what to do next.
public enum WorkloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not a WebAssembly binary (or WAT text that converts to one).
    case notWebAssembly(path: String, reason: String)
    /// No compiler is available to build the suite.
    case noCompiler(String)
    /// The compiler failed on one of our kernels.
    case buildFailed(kernel: String, command: String, output: String)
    /// The suite's sources are missing from wasmbench's resources.
    case missingResources(String)
    /// Something a suite needs could not be installed (e.g. pyperformance from PyPI).
    case dependencyUnavailable(String)
    /// A kernel name that the suite does not have.
    case unknownKernel(String, known: [String])

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read \(path) (\(reason)); check the path and its permissions"
        case .notWebAssembly(let path, let reason):
            "\(path) is not a WebAssembly module: \(reason); pass a .wasm binary (or .wat text) built for wasm32"
        case .noCompiler(let detail):
            "cannot build the kernels: \(detail)"
        case .buildFailed(let kernel, let command, let output):
            "building kernel \(kernel) failed: \(output)\n  command: \(command)\n  check the compiler installation (`wasmbench setup`)"
        case .missingResources(let detail):
            "wasmbench's kernel sources are missing (\(detail)); reinstall wasmbench"
        case .dependencyUnavailable(let detail):
            "\(detail); check the network, or run `wasmbench setup` when PyPI can be reached"
        case .unknownKernel(let name, let known):
            "unknown kernel `\(name)`; the kernels are: \(known.joined(separator: ", "))"
        }
    }
}

import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// The `python` suite: pyperformance's own benchmark files (installed from PyPI at set-up, run
/// unchanged) and ours, each run by wasmbench's guest runner inside an interpreter.
public struct PythonSuite: Sendable {
    /// The suite's name on the command line.
    public static let name = Suite.python.rawValue

    /// The manifest (`Python/manifest.json`).
    struct Manifest: Decodable {
        struct PyPerformance: Decodable {
            let version: String
        }
        struct Benchmark: Decodable {
            let name: String
            let source: String
            let file: String?
            let path: String?
            let sha256: String?
            let summary: String
        }
        let runner: String
        let pyperformance: PyPerformance
        let benchmarks: [Benchmark]
    }

    /// The folder with the runner, our benchmarks and the manifest.
    public let folder: URL
    /// Installs pyperformance.
    public let installer: PyPIInstaller

    /// Creates the suite with the files shipped in wasmbench's resources.
    public init(installer: PyPIInstaller, folder: URL? = nil) throws(WorkloadError) {
        guard let folder = folder ?? Bundle.module.url(forResource: "Python", withExtension: nil) else {
            throw .missingResources("no Python folder in the bundle")
        }
        self.folder = folder
        self.installer = installer
    }

    private func manifest() throws(WorkloadError) -> Manifest {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path)
        else {
            throw .missingResources("no Python/manifest.json")
        }
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw .missingResources("Python/manifest.json does not parse: \(error)")
        }
    }

    /// The host path of the guest runner.
    public func runnerPath() throws(WorkloadError) -> String {
        folder.appendingPathComponent(try manifest().runner).path
    }

    /// The benchmark names, in order.
    public func names() throws(WorkloadError) -> [String] { try manifest().benchmarks.map(\.name) }

    /// The benchmarks (all when `only` is empty), pyperformance installed first if needed.
    public func workloads(only: [String] = [], progress: (String) -> Void) throws(WorkloadError) -> [BuiltWorkload] {
        let manifest = try manifest()
        let unknown = only.filter { name in !manifest.benchmarks.contains { $0.name == name } }
        if let first = unknown.first { throw .unknownKernel(first, known: manifest.benchmarks.map(\.name)) }
        let chosen = only.isEmpty ? manifest.benchmarks : manifest.benchmarks.filter { only.contains($0.name) }
        var pyperformance: URL?
        if chosen.contains(where: { $0.source == "pyperformance" }) {
            do {
                pyperformance = try installer.ensure(
                    PinnedPackage(name: "pyperformance", version: manifest.pyperformance.version), progress: progress)
            } catch {
                throw .dependencyUnavailable("cannot install pyperformance \(manifest.pyperformance.version): \(error)")
            }
        }
        return try chosen.map { benchmark throws(WorkloadError) in
            let path: String
            if let file = benchmark.file {
                path = folder.appendingPathComponent(file).path
            } else if let relative = benchmark.path, let root = pyperformance {
                path = root.appendingPathComponent(relative).path
            } else {
                throw .missingResources("benchmark \(benchmark.name) has neither file nor path")
            }
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw .missingResources("no \(path)")
            }
            let hash = SHA256.hex([UInt8](bytes))
            if let expected = benchmark.sha256, expected != hash {
                throw .missingResources("\(path) is not the pinned pyperformance file (sha256 \(hash.prefix(12)))")
            }
            let id = "\(Self.name)/\(benchmark.name)"
            let program = GuestProgram(
                workload: id, wasmPath: "", entry: .command(arguments: []), reportsMarkers: true, script: path)
            let info = WorkloadInfo(
                id: id, suite: Self.name,
                summary: benchmark.summary
                    + (benchmark.source == "pyperformance"
                        ? " (pyperformance \(manifest.pyperformance.version))" : ""),
                entry: .command, reportsMarkers: true, sourceSHA256: hash, wasmSHA256: "")
            return BuiltWorkload(program: program, info: info)
        }
    }
}

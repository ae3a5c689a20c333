import Foundation
import WasmBenchFlamegraph
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRunner

extension ExplainJob {
    /// Creates the `--flamegraph` folder (and its parents) before anything runs, so that a folder
    /// that cannot be written stops the job at once.
    ///
    /// - Throws: ``ArtifactFileError/notWritable(_:)`` naming the folder and why.
    static func prepareFlamegraphFolder(_ folder: String) throws(ArtifactFileError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw .notWritable("--flamegraph \(folder) is a file; give a folder (it is created if missing)")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .notWritable(
                "cannot create --flamegraph \(folder) (\(FileSystem.reason(error))); choose a writable folder")
        }
        guard access(folder, W_OK) == 0 else {
            throw .notWritable("--flamegraph \(folder) is not writable; choose a writable folder")
        }
    }

    /// Writes every workload's folded stacks and SVGs (``FlamegraphSet``) into `folder`, each file
    /// atomically; returns the paths written.
    static func writeFlamegraphs(_ analysis: ExplainReport, to folder: String) throws(ArtifactFileError) -> [String] {
        var written: [String] = []
        for workload in FlamegraphSet(analysis).workloads {
            for file in workload.files() {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(file.name).path
                try ArtifactFile.write(Data(file.contents.utf8), to: path)
                written.append(path)
            }
        }
        return written
    }
}

import Foundation
import WasmBenchProcess

/// One build of a small program wasmbench compiles itself at set-up time (the exec helper, the
/// wasm3 driver): the compiler writes a staging file beside the target, moved into place only when
/// it succeeded, so a failed or interrupted build never leaves a program that looks whole.
struct HelperBuild {
    /// What is built, for messages (`the wasm3 driver`).
    let program: String
    /// The compiler and where its caches go.
    let compiler: CompilerStatus
    /// The cache, whose folder holds the program.
    let home: WasmBenchHome
    /// Runs the compiler.
    let launcher: ProcessLauncher
    /// The compiler's environment, before the compiler's own additions.
    let environment: [String: String]

    /// Compiles `arguments` (flags and sources, without `-o`) into `binary` with the compiler at
    /// `cc`, and returns the program's path.
    func run(_ cc: String, _ arguments: [String], into binary: URL) -> Result<String, ProvisionError> {
        let folder = binary.deletingLastPathComponent()
        do {
            try home.ensure(folder)
        } catch {
            return .failure(error)
        }
        let staging = folder.appendingPathComponent("\(binary.lastPathComponent).\(UUID().uuidString)")
        var environment = self.environment
        environment.merge(compiler.environment) { $1 }
        let output = try? launcher.capture(
            cc, arguments + ["-o", staging.path], environment: environment, timeout: 900)
        guard output?.termination == .exited(0) else {
            try? FileManager.default.removeItem(at: staging)
            let detail = output.map { "\(cc): " + PyPIInstaller.lastLines($0.stderr) } ?? "\(cc) did not start"
            return .failure(.buildFailed(program: program, detail: detail, folder: folder.path))
        }
        do {
            try FileManager.default.moveItem(at: staging, to: binary)
        } catch {
            if !FileManager.default.isExecutableFile(atPath: binary.path) {
                return .failure(.cacheNotWritable(path: binary.path, reason: FileSystem.reason(error)))
            }
        }
        return .success(binary.path)
    }
}

import Foundation
import WasmBenchProcess

/// Builds (once, into the cache) the tiny static program through which wasmbench starts every
/// measured child, so that the child's peak RSS is its own (see `Helpers/exec-helper.c`).
public struct ExecHelper: Sendable {
    /// The cache.
    public let home: WasmBenchHome
    /// Runs the compiler.
    public let launcher: ProcessLauncher
    /// The compiler (zig or clang-14).
    public let compiler: CompilerStatus

    /// Creates the builder.
    public init(home: WasmBenchHome, launcher: ProcessLauncher, compiler: CompilerStatus) {
        self.home = home
        self.launcher = launcher
        self.compiler = compiler
    }

    /// The helper's path, building it first if needed; or why there is none (then peak RSS is
    /// not reported).
    public func ensure() -> Result<String, ProvisionError> {
        guard let source = Bundle.module.url(forResource: "exec-helper", withExtension: "c", subdirectory: "Helpers"),
            let text = FileManager.default.contents(atPath: source.path)
        else { return .failure(.missingFile(package: "wasmbench", path: "Helpers/exec-helper.c")) }
        guard let cc = compiler.tool.path, let family = compiler.family else {
            return .failure(
                .installFailed(package: "exec helper", detail: compiler.tool.unavailableReason ?? "no C compiler"))
        }
        let flags: [String] =
            switch family {
            case .zig: compiler.leadingArguments + ["-O2", "-s", "-target", "x86_64-linux-musl", "-mcpu=baseline"]
            case .clang: ["-O2", "-s", "-static"]
            }
        let key = String(
            SHA256.hex(Array(text) + Array((flags + [compiler.tool.version]).joined(separator: " ").utf8)).prefix(16))
        let folder = home.root.appendingPathComponent("helpers/\(key)")
        let binary = folder.appendingPathComponent("exec-helper")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return .success(binary.path) }
        do {
            try home.ensure(folder)
        } catch {
            return .failure(error)
        }
        let staging = folder.appendingPathComponent("exec-helper.\(UUID().uuidString)")
        var environment = ProcessInfo.processInfo.environment
        environment.merge(compiler.environment) { $1 }
        let output = try? launcher.capture(cc, flags + [source.path, "-o", staging.path], environment: environment)
        guard output?.termination == .exited(0) else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(
                .installFailed(package: "exec helper", detail: output?.stderr ?? "the compiler did not start"))
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

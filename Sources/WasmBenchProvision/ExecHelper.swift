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
                .buildFailed(
                    program: "the exec helper", detail: compiler.tool.unavailableReason ?? "no C compiler",
                    folder: home.root.appendingPathComponent("helpers").path))
        }
        let flags: [String] =
            switch family {
            case .zig: compiler.leadingArguments + ["-O2", "-s", "-target", "x86_64-linux-musl", "-mcpu=baseline"]
            case .clang: ["-O2", "-s", "-static"]
            }
        let key = String(
            SHA256.hex(Array(text) + Array((flags + [compiler.tool.version]).joined(separator: " ").utf8)).prefix(16))
        let binary = home.root.appendingPathComponent("helpers/\(key)/exec-helper")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return .success(binary.path) }
        let build = HelperBuild(
            program: "the exec helper", compiler: compiler, home: home, launcher: launcher,
            environment: ProcessInfo.processInfo.environment)
        return build.run(cc, flags + [source.path], into: binary)
    }
}

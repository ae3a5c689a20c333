import Foundation
import WasmBenchProcess

/// Builds wasmbench's wasm3 driver (`Helpers/wasm3-driver.c`) once into the cache: compiled with
/// the kernels' C compiler at `-O3` against the wasm3 core sources (`wasm3/*.c`) of PyPI
/// pywasm3's source distribution, which wasmbench downloads at set-up time.
///
/// The build is keyed by the content of the driver, of wasm3's sources, the flags and the
/// compiler's version, so a change of any of them builds a new driver beside the old one. Nothing
/// of wasm3 is in wasmbench's repository.
public struct Wasm3Driver: Sendable {
    /// The package whose sdist holds wasm3's core.
    public static let package = PinnedPackage.pywasm3
    /// The wasm3 version that sdist holds (`M3_VERSION` in its `wasm3.h`).
    public static let version = "0.5.0"

    /// Downloads the sdist.
    public let installer: PyPIInstaller
    /// The compiler (zig or clang-14).
    public let compiler: CompilerStatus
    /// Whether the sdist may be downloaded now.
    public let allowInstall: Bool

    /// Creates the builder.
    public init(installer: PyPIInstaller, compiler: CompilerStatus, allowInstall: Bool) {
        self.installer = installer
        self.compiler = compiler
        self.allowInstall = allowInstall
    }

    /// The compiler's flags, after its leading arguments and before the sources: optimised like
    /// wasm3's own release builds (`-O3`, no frame pointer, no stack protector), for the
    /// architecture's baseline CPU like the native kernels, warnings of wasm3's code silenced.
    public static func flags(_ family: CompilerStatus.Family) -> [String] {
        let shared = ["-std=gnu11", "-O3", "-g0", "-fomit-frame-pointer", "-fno-stack-protector", "-DNDEBUG", "-w"]
        switch family {
        case .zig: return ["-target", "\(architecture)-linux-musl", "-mcpu=baseline"] + shared
        case .clang: return shared
        }
    }

    /// wasm3's compiler, which is built through `Helpers/wasm3-compile.c`: wasm3 0.5.0 with
    /// overlong LEB encodings of its 7-bit reads accepted (the kernels' `call_indirect` has one).
    static let compilerSource = "m3_compile.c"

    /// This machine's architecture as target triples spell it.
    static var architecture: String {
        #if arch(arm64)
            "aarch64"
        #else
            "x86_64"
        #endif
    }

    /// The driver, built first if needed, as a tool; or why it cannot be had and what to do.
    public func status(progress: (String) -> Void) -> ToolStatus {
        switch ensure(progress: progress) {
        case .success(let path):
            let cc = compiler.family == .zig ? "zig cc \(compiler.tool.version)" : compiler.tool.version
            return .found(
                "wasm3", path: path, version: Self.version,
                source:
                    "wasm3 core of PyPI \(Self.package.requirement)'s sdist with wasmbench's driver, built by \(cc) -O3"
            )
        case .failure(let error):
            return .missing("wasm3", unavailableReason: error.description)
        }
    }

    /// The driver's path, building it first if needed; or why there is none.
    public func ensure(progress: (String) -> Void) -> Result<String, ProvisionError> {
        guard let driver = Bundle.module.url(forResource: "wasm3-driver", withExtension: "c", subdirectory: "Helpers"),
            let shim = Bundle.module.url(forResource: "wasm3-compile", withExtension: "c", subdirectory: "Helpers"),
            let driverText = FileManager.default.contents(atPath: driver.path),
            let shimText = FileManager.default.contents(atPath: shim.path)
        else {
            return .failure(
                .missingFile(package: "wasmbench", path: "Helpers/wasm3-driver.c and Helpers/wasm3-compile.c"))
        }
        let helpers = installer.home.root.appendingPathComponent("helpers")
        guard let cc = compiler.tool.path, let family = compiler.family else {
            return .failure(
                .buildFailed(
                    program: "the wasm3 driver",
                    detail: "no C compiler: \(compiler.tool.unavailableReason ?? "none found")",
                    folder: helpers.path))
        }
        guard installer.hasSource(Self.package) || allowInstall else {
            return .failure(.sourceNotDownloaded(package: Self.package.requirement))
        }
        let core: URL
        do {
            core = try installer.ensureSource(Self.package, progress: progress).appendingPathComponent("wasm3")
        } catch {
            return .failure(error)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: core.path)) ?? []).sorted()
        // m3_compile.c is built through our shim, which includes it (see Helpers/wasm3-compile.c).
        let cFiles =
            names.filter { $0.hasSuffix(".c") && $0 != Self.compilerSource }.map {
                core.appendingPathComponent($0).path
            }
        guard !cFiles.isEmpty, names.contains("wasm3.h"), names.contains(Self.compilerSource) else {
            return .failure(.missingFile(package: Self.package.requirement, path: "wasm3/wasm3.h and wasm3/*.c"))
        }
        let flags = compiler.leadingArguments + Self.flags(family)
        var keyed =
            Array(driverText) + Array(shimText) + Array((flags + [compiler.tool.version]).joined(separator: " ").utf8)
        for name in names {
            keyed +=
                Array(name.utf8)
                + Array(FileManager.default.contents(atPath: core.appendingPathComponent(name).path) ?? Data())
        }
        let binary = helpers.appendingPathComponent("wasm3-\(SHA256.hex(keyed).prefix(16))/wasm3-driver")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return .success(binary.path) }
        progress(
            "building the wasm3 driver against \(Self.package.requirement)'s wasm3 core (\(cFiles.count) files, -O3)")
        let build = HelperBuild(
            program: "the wasm3 driver", compiler: compiler, home: installer.home, launcher: installer.launcher,
            environment: installer.environment)
        return build.run(cc, flags + ["-I", core.path] + cFiles + [shim.path, driver.path, "-lm"], into: binary)
    }
}

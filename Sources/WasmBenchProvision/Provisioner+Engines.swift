import Foundation

extension Provisioner {
    /// wasmbench's wasm3 driver, built (once, into the cache) against the wasm3 core in PyPI
    /// pywasm3's sdist with the kernels' compiler; the sdist is downloaded when installing is allowed.
    public func wasm3(compiler: CompilerStatus) -> ToolStatus {
        Wasm3Driver(installer: installer, compiler: compiler, allowInstall: allowInstall).status(progress: progress)
    }

    /// The Zig port of WAMR's runtime (`wamr`), from `WASMBENCH_WAMR` or PyPI `wamr-bin`; never
    /// from PATH, where a `wamr` may be another build.
    public func wamr() -> ToolStatus {
        resolve(
            name: "wamr", override: "WASMBENCH_WAMR", package: .wamr, file: "bin/wamr", makeExecutable: ["bin/wamr"],
            pathName: nil, version: wamrVersion)
    }

    /// The same port's ahead-of-time compiler (`wamrc`), from `WASMBENCH_WAMRC` or PyPI `wamrc-bin`.
    public func wamrc() -> ToolStatus {
        resolve(
            name: "wamrc", override: "WASMBENCH_WAMRC", package: .wamrc, file: "bin/wamrc",
            makeExecutable: ["bin/wamrc"], pathName: nil, version: wamrVersion)
    }

    /// The version `wamr version` / `wamrc version` prints (`wamr 3.0.0-dev.14`), or nil.
    private func wamrVersion(_ path: String) -> String? {
        let out = try? launcher.capture(path, ["version"], environment: environment, timeout: 30)
        return out?.stdout.split(whereSeparator: \.isWhitespace).dropFirst().first.map(String.init)
    }
}

import Foundation
import WasmBenchProcess
import WasmBenchProvision

extension CPythonToolchain {
    /// Debian's packages of the toolchain, fetched into the cache when the system lacks it: the
    /// compiler and the libraries it links against, the linker, the archiver, wasi-libc and the
    /// wasm32 compiler runtime. Their own dependencies (libstdc++, libz3, libxml2, binutils, the C
    /// library's headers…) are the machine's.
    public static let debianPackages = [
        "clang-14", "libclang-cpp14", "libllvm14", "libclang-common-14-dev", "lld-14", "llvm-14", "wasi-libc",
        "libclang-rt-14-dev-wasm32",
    ]

    /// The cache entry (`$WASMBENCH_HOME/debian/NAME`) of ``debianPackages``.
    public static let debianEntryName = "clang-14-toolchain"

    /// The programs of the toolchain, by their Debian names in `/usr/bin`, and what each runs
    /// inside `usr/lib/llvm-14/bin`.
    static let wrappedPrograms = [
        ("clang-14", "clang"), ("clang++-14", "clang++"), ("clang-cpp-14", "clang-cpp"), ("wasm-ld-14", "wasm-ld"),
        ("llvm-ar-14", "llvm-ar"), ("llvm-ranlib-14", "llvm-ranlib"),
    ]

    /// Finds the toolchain installed on the system or, when a piece is missing and `fetcher` is
    /// given, Debian's packages of it unpacked in the cache (fetched first, without root; see
    /// ``DebianPackageFetcher``).
    ///
    /// Unpacked outside `/usr`, the programs find their libraries through small wrapper scripts
    /// that set `LD_LIBRARY_PATH` to the entry's library folders and put the wrappers first on
    /// `PATH` (so the compiler runs the entry's linker); the compiler finds its own headers and
    /// runtime relative to itself. Throws the system's error when `fetcher` is `nil`,
    /// ``PythonBuildError/toolchainUnavailable(missing:detail:)`` when the fetch fails, and what
    /// ``locate(environment:launcher:wasiRoot:)`` throws for the unpacked toolchain (a piece the
    /// packages did not provide).
    public static func locate(
        environment: [String: String], launcher: ProcessLauncher, fetcher: DebianPackageFetcher?
    ) throws(PythonBuildError) -> CPythonToolchain {
        do {
            return try locate(environment: environment, launcher: launcher)
        } catch {
            // Only a missing piece of the toolchain itself is worth fetching it for (not make, say).
            guard let fetcher, let missing = missingPiece(error) else { throw error }
            return try cached(fetcher: fetcher, environment: environment, launcher: launcher, missing: missing)
        }
    }

    /// What is missing, in a few words, when `error` names a program or file ``debianPackages`` provide.
    static func missingPiece(_ error: PythonBuildError) -> String? {
        switch error {
        case .missingTool(let name, let package) where debianPackages.contains(package): "\(name) is not on PATH"
        case .missingFile(let path, let package) where debianPackages.contains(package): "\(path) is missing"
        default: nil
        }
    }

    /// Debian's packages of the toolchain unpacked in the cache (fetched first, without root),
    /// whatever the system has. `missing` says in a few words what the system lacked, for the
    /// message when the fetch fails too.
    public static func cached(
        fetcher: DebianPackageFetcher, environment: [String: String], launcher: ProcessLauncher,
        missing: String = "the toolchain is not cached"
    ) throws(PythonBuildError) -> CPythonToolchain {
        let entry: DebianPackageFetcher.Entry
        do throws(ProvisionError) {
            entry = try fetcher.ensure(debianEntryName, packages: debianPackages)
        } catch {
            throw .toolchainUnavailable(missing: missing, detail: error.description)
        }
        let bin = try writeWrappers(for: entry)
        var inner = environment
        inner["PATH"] = bin.path + (environment["PATH"].map { ":" + $0 } ?? "")
        do {
            return try locate(environment: inner, launcher: launcher, wasiRoot: entry.root.path)
        } catch {
            let absent = fetcher.missingDependencies(of: entry)
            guard !absent.isEmpty, let piece = missingPiece(error) else { throw error }
            throw .toolchainUnavailable(
                missing: "\(missing) and the one unpacked in \(entry.root.path) does not work (\(piece))",
                detail: "its packages depend on \(absent.joined(separator: " ")), which this machine lacks")
        }
    }

    /// Writes (again, if they differ) the wrapper scripts next to the entry's `root/`, in `bin/`,
    /// and returns that folder.
    static func writeWrappers(for entry: DebianPackageFetcher.Entry) throws(PythonBuildError) -> URL {
        let root = entry.root.path
        let bin = entry.root.deletingLastPathComponent().appendingPathComponent("bin", isDirectory: true)
        // The packages' shared libraries: LLVM's own folder and the multiarch one (x86_64-linux-gnu…).
        let multiarch = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/usr/lib")) ?? [])
            .filter { $0.hasSuffix("-linux-gnu") }.sorted().map { root + "/usr/lib/" + $0 }
        let libraries = ([root + "/usr/lib/llvm-14/lib"] + multiarch).map(shellQuote).joined(separator: ":")
        do {
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            for (name, program) in wrappedPrograms {
                let target = shellQuote(root + "/usr/lib/llvm-14/bin/" + program)
                // PATH too: Debian's clang runs its linker by the suffixed name (`wasm-ld-14`),
                // which is found only on PATH.
                let script = """
                    #!/bin/sh
                    PATH=\(shellQuote(bin.path)):$PATH
                    LD_LIBRARY_PATH=\(libraries)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
                    export PATH LD_LIBRARY_PATH
                    exec \(target) "$@"

                    """
                let wrapper = bin.appendingPathComponent(name)
                if (try? String(contentsOf: wrapper, encoding: .utf8)) != script {
                    try script.write(to: wrapper, atomically: true, encoding: .utf8)
                }
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
            }
        } catch {
            throw .cacheNotWritable(path: bin.path, reason: FileSystem.reason(error))
        }
        return bin
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchProcess
import WasmBenchProvision

/// Finding a Python 3.10 for wasmer-python, and each compiler's availability, with stub Pythons
/// (shell scripts) and packages laid out in a cache of the test's own: nothing is installed.
@Suite("wasmer-python: a Python 3.10, the packages, the LLVM preload and the reasons when not")
struct WasmerPythonTests {
    let folder = TemporaryFolder()

    var home: WasmBenchHome { WasmBenchHome(root: folder.url.appendingPathComponent("home")) }

    /// An environment with nothing on PATH and no pyenv, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "PATH": folder.path("empty-path"), "HOME": folder.path("home-folder"),
            "PYENV_ROOT": folder.path("no-pyenv"),
        ].merging(extra) { $1 }
    }

    func provisioner(_ environment: [String: String], install: Bool = false) -> Provisioner {
        Provisioner(
            home: home, launcher: ProcessLauncher(), environment: environment, allowInstall: install,
            progress: { _ in })
    }

    /// A stub Python that says it is `version`; `body` runs first (its arguments are `-I -S -c SCRIPT …`).
    func python(_ name: String, version: String, body: String = "") throws -> String {
        let path = folder.path(name)
        try ExecutableFile.write("#!/bin/sh\n\(body)\necho \(version)\n", to: path)
        return path
    }

    /// Lays out an installed package in the cache, as ``PyPIInstaller`` leaves one.
    func installed(_ package: PinnedPackage, files: [String] = []) throws -> URL {
        let root = home.packages.appendingPathComponent("\(package.name)-\(package.version)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for file in [".complete"] + files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        return root
    }

    @Test("pyenv's 3.10 versions come newest first, then python3.10 on PATH; other versions are not candidates")
    func candidates() throws {
        try FileManager.default.createDirectory(atPath: folder.path("bin"), withIntermediateDirectories: true)
        let onPath = try python("bin/python3.10", version: "3.10.4")
        let candidates = Provisioner.python310Candidates(
            environment: ["PYENV_ROOT": "/p", "PATH": folder.path("bin")],
            pyenvVersions: ["3.11.7", "3.10.9", "system", "3.10.13", "3.10", "3.10.x"])
        #expect(
            candidates.map(\.path) == [
                "/p/versions/3.10.13/bin/python3.10", "/p/versions/3.10.9/bin/python3.10", onPath,
            ])
        #expect(candidates.map(\.source) == ["pyenv 3.10.13", "pyenv 3.10.9", "PATH"])
        let home = Provisioner.python310Candidates(environment: ["HOME": "/h", "PATH": ""], pyenvVersions: ["3.10.1"])
        #expect(home.map(\.path) == ["/h/.pyenv/versions/3.10.1/bin/python3.10"])
    }

    @Test("WASMBENCH_PYTHON310 wins, and must be a Python 3.10")
    func override() throws {
        let good = try python("good", version: "3.10.13")
        let found = provisioner(environment(["WASMBENCH_PYTHON310": good])).python310()
        #expect(found == .found("python3.10", path: good, version: "3.10.13", source: "$WASMBENCH_PYTHON310"))
        // A shim that names the interpreter behind it: that interpreter is what runs later.
        let shim = try python("shim", version: "3.10.13 \(good)")
        #expect(provisioner(environment(["WASMBENCH_PYTHON310": shim])).python310().path == good)
        let newer = try python("newer", version: "3.11.7")
        let wrong = provisioner(environment(["WASMBENCH_PYTHON310": newer])).python310()
        #expect(wrong.path == nil)
        #expect(wrong.unavailableReason?.contains("is Python 3.11.7; wasmer-python 1.1.0 needs 3.10") == true)
        let missing = provisioner(environment(["WASMBENCH_PYTHON310": folder.path("none")])).python310()
        #expect(missing.unavailableReason?.hasPrefix("WASMBENCH_PYTHON310=\(folder.path("none")) does not run") == true)
    }

    @Test("a pyenv shim that cannot run 3.10 is skipped; with no Python 3.10 every compiler says how to get one")
    func noPython() throws {
        try FileManager.default.createDirectory(atPath: folder.path("shims"), withIntermediateDirectories: true)
        try ExecutableFile.write(
            "#!/bin/sh\necho \"pyenv: python3.10: command not found\" >&2\nexit 127\n",
            to: folder.path("shims/python3.10"))
        let wasmer = provisioner(environment(["PATH": folder.path("shims")])).wasmerPython()
        #expect(wasmer.python.path == nil)
        for compiler in WasmerPython.Compiler.allCases {
            let reason = try #require(wasmer.engine(compiler).unavailableReason)
            #expect(reason == ProvisionError.noPython310.description)
            #expect(reason.contains("pyenv install 3.10") && reason.contains("WASMBENCH_PYTHON310"))
        }
    }

    @Test("with a Python 3.10 and nothing installed, --no-install leaves every compiler unavailable, naming setup")
    func notInstalled() throws {
        let stub = try python("python3.10", version: "3.10.13")
        let wasmer = provisioner(environment(["WASMBENCH_PYTHON310": stub])).wasmerPython()
        #expect(wasmer.python.version == "3.10.13")
        for compiler in WasmerPython.Compiler.allCases {
            #expect(
                wasmer.engine(compiler).unavailableReason
                    == "wasmer==1.1.0 is not installed yet; run `wasmbench setup` (or a run without --no-install)")
        }
        _ = try installed(.wasmerPython)
        let compilers = provisioner(environment(["WASMBENCH_PYTHON310": stub])).wasmerPython()
        #expect(
            compilers.engine(.singlepass).unavailableReason
                == "wasmer-compiler-singlepass==1.1.0 is not installed yet; run `wasmbench setup` (or a run without --no-install)"
        )
    }

    @Test("installed compilers import in a child Python; LLVM's gets the bundled libtinfo preloaded, once checked")
    func installedCompilers() throws {
        let base = try installed(.wasmerPython)
        let llvm = try installed(
            WasmerPython.Compiler.llvm.package, files: ["wasmer_compiler_llvm.libs/libtinfo-91270aa7.so.5"])
        for compiler in [WasmerPython.Compiler.cranelift, .singlepass] { _ = try installed(compiler.package) }
        let log = folder.path("imports.log")
        let stub = try python("python3.10", version: "3.10.13", body: "echo \"$4 $LD_PRELOAD\" >> \(log)")
        let wasmer = provisioner(environment(["WASMBENCH_PYTHON310": stub])).wasmerPython()
        for compiler in WasmerPython.Compiler.allCases {
            let engine = wasmer.engine(compiler)
            #expect(engine.unavailableReason == nil, "\(compiler): \(engine.unavailableReason ?? "")")
            #expect(engine.importPaths.first == base.path)
        }
        let shim = llvm.appendingPathComponent(".wasmbench-preload").path
        #expect(wasmer.engine(.llvm).environment == Provisioner.preloadEnvironment(shimFolder: shim))
        #expect(wasmer.engine(.cranelift).environment.isEmpty)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: shim + "/libtinfo.so.5")
                == llvm.appendingPathComponent("wasmer_compiler_llvm.libs/libtinfo-91270aa7.so.5").path)
        let imports = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").filter {
            $0.contains("import wasmer,")
        }
        #expect(imports.count == 3)
        #expect(imports.contains { $0.hasSuffix("import wasmer, wasmer_compiler_llvm libtinfo.so.5") })
        // A second look finds the checks remembered: no import is spawned again.
        _ = provisioner(environment(["WASMBENCH_PYTHON310": stub])).wasmerPython()
        let again = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").filter {
            $0.contains("import wasmer,")
        }
        #expect(again.count == 3)
    }

    @Test("an import that aborts in the loader leaves that compiler unavailable with the loader's words")
    func abortingImport() throws {
        _ = try installed(.wasmerPython)
        _ = try installed(WasmerPython.Compiler.llvm.package)
        let body = """
            case "$4" in *wasmer_compiler_llvm*)
              echo "Inconsistency detected by ld.so: dl-version.c: 204: _dl_check_map_versions: Assertion \\`needed != NULL' failed!" >&2
              kill -ABRT $$ ;;
            esac
            """
        let stub = try python("python3.10", version: "3.10.13", body: body)
        let wasmer = provisioner(environment(["WASMBENCH_PYTHON310": stub])).wasmerPython()
        let reason = try #require(wasmer.engine(.llvm).unavailableReason)
        #expect(reason.hasPrefix("importing wasmer_compiler_llvm aborts Python in glibc's loader"), "\(reason)")
        #expect(reason.contains("_dl_check_map_versions"))
        #expect(wasmer.engine(.cranelift).unavailableReason?.contains("not installed yet") == true)
    }
}

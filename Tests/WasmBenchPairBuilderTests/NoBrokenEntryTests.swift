import Foundation
import TestSupport
import Testing
import WasmBenchPairBuilder
import WasmBenchProcess
import WasmBenchProvision

/// The builder with a fake CPython tree: shell scripts stand in for `configure`, `make` and the
/// built interpreters, so the staging, caching and failure rules run in milliseconds.
@Suite("Pair builder: a failing step leaves no cache entry; a finished pair is cached")
struct NoBrokenEntryTests {
    let folder = TemporaryFolder()

    /// A configure that fails for the WASI side only, or for both when `failNative`.
    static func configure(failNative: Bool) -> String {
        """
        #!/bin/sh
        echo "configure called with: $*"
        case " $* " in
          *" --host=wasm32-unknown-wasi "*) wasi=yes ;;
          *) wasi=no ;;
        esac
        if [ "$wasi" = yes ] || [ "\(failNative ? "yes" : "no")" = yes ]; then
          echo "checking for the C library... no"
          echo "configure: error: no C library for $wasi, on purpose" >&2
          exit 1
        fi
        echo "creating Makefile"
        """
    }

    /// A `python` that writes the sysconfig JSON when asked to and prints the check's lines.
    static func python(sysconfig: String) -> String {
        """
        #!/bin/sh
        case "$3" in
          *json.dump*) cp '\(sysconfig)' "$6" ;;
          *) printf 'version 3.99.0\\nmodules _abc _json math\\nopt -O3\\n' ;;
        esac
        """
    }

    /// Writes a fake CPython tree and a fake `make`; returns the tree's path.
    func fakeSource(configure: String) throws -> String {
        let manager = FileManager.default
        let source = folder.path("cpython")
        try manager.createDirectory(atPath: source + "/Include", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: source + "/Tools/wasm", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: source + "/Lib", withIntermediateDirectories: true)
        try "#define PY_VERSION \"3.99.0\"\n".write(
            toFile: source + "/Include/patchlevel.h", atomically: true, encoding: .utf8)
        try "".write(toFile: source + "/Tools/wasm/config.site-wasm32-wasi", atomically: true, encoding: .utf8)
        try script(source + "/configure", configure)
        try script(source + "/config.guess", "#!/bin/sh\necho x86_64-pc-linux-gnu\n")
        try SysconfigFixtures.json().write(to: URL(fileURLWithPath: folder.path("sysconfig.json")))
        try script(folder.path("python"), Self.python(sysconfig: folder.path("sysconfig.json")))
        try script(folder.path("make"), "#!/bin/sh\ncp '\(folder.path("python"))' python\ncp python python.wasm\n")
        return source
    }

    func script(_ path: String, _ text: String) throws {
        try ExecutableFile.write(text, to: path)
    }

    func builder(make: String? = nil, variant: CPythonVariant? = nil) -> CPythonPairBuilder {
        let toolchain = CPythonToolchain(
            cc: "/bin/true", cxx: "/bin/true", cpp: "/bin/true", wasmLD: "/bin/true", ar: "/bin/true",
            ranlib: "/bin/true", make: make ?? folder.path("make"), wasiInclude: "/nonexistent/include",
            wasiLib: "/nonexistent/lib", versionLine: "fake clang 1.0", linkerVersionLine: "fake lld 1.0")
        return CPythonPairBuilder(
            home: WasmBenchHome(root: URL(fileURLWithPath: folder.path("home"))), launcher: ProcessLauncher(),
            environment: ["PATH": "/usr/bin:/bin", "CFLAGS": "-O0 -DFROM_THE_USER_SHELL"], toolchain: toolchain,
            wasmtime: nil, variant: variant, progress: { _ in })
    }

    /// The names in `$WASMBENCH_HOME/python` that are cache entries or staging folders.
    func entries() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("home/python"))) ?? []
        return names.filter { $0.hasPrefix("cpython-") || $0.hasPrefix(".staging-") }
    }

    func buildError(_ builder: CPythonPairBuilder, _ source: String, kind: CPythonSource? = nil) -> PythonBuildError? {
        do {
            _ = try builder.build(kind ?? .folder(path: source), jobs: 1)
            return nil
        } catch {
            return error
        }
    }

    @Test("the native configure fails: no entry, no staging folder, the error quotes the log and names it")
    func nativeFails() throws {
        let source = try fakeSource(configure: Self.configure(failNative: true))
        let builder = builder()
        let error = try #require(buildError(builder, source))
        guard case .stepFailed(let step, let outcome, let tail, let log) = error else {
            Issue.record("expected a failed step, got \(error)")
            return
        }
        #expect(step == "native configure")
        #expect(outcome == "exit status 1")
        #expect(tail.contains("configure: error: no C library for no, on purpose"))
        #expect(FileManager.default.fileExists(atPath: log))
        #expect(error.description.contains(log) && error.description.contains("nothing was added to the cache"))
        #expect(entries().isEmpty)
        #expect(builder.cached(key: try builder.key(for: .folder(path: source))) == nil)
    }

    @Test("the native build succeeds, then the WASI configure fails: still no entry, logs kept")
    func wasiFails() throws {
        let source = try fakeSource(configure: Self.configure(failNative: false))
        let builder = builder()
        let error = try #require(buildError(builder, source))
        guard case .stepFailed(let step, _, let tail, let log) = error else {
            Issue.record("expected a failed step, got \(error)")
            return
        }
        #expect(step == "wasi configure")
        #expect(tail.contains("no C library for yes, on purpose"))
        #expect(log.hasSuffix("/3-wasi-configure.log"))
        let logs = URL(fileURLWithPath: log).deletingLastPathComponent().path
        #expect(FileManager.default.fileExists(atPath: logs + "/2-native-make.log"))
        #expect(entries().isEmpty)
    }

    @Test("a folder without configure is not a CPython tree, and leaves nothing behind")
    func notCPython() throws {
        let source = folder.path("empty")
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        let error = buildError(builder(), source)
        guard case .notCPythonSource(let path, let reason) = error else {
            Issue.record("expected notCPythonSource, got \(String(describing: error))")
            return
        }
        #expect(path == source)
        #expect(reason == "no configure")
        #expect(entries().isEmpty)
    }

    @Test("a finished build is renamed into place with pair.json; the second call is served from the cache")
    func cached() throws {
        let source = try fakeSource(
            configure: Self.configure(failNative: false).replacingOccurrences(
                of: "[ \"$wasi\" = yes ] || ", with: ""))
        let first = try builder().build(.folder(path: source), jobs: 1)
        #expect(first.version == "3.99.0")
        #expect(entries() == ["cpython-3.99.0-\(first.key)"])
        #expect(first.folder == folder.path("home/python/cpython-3.99.0-\(first.key)"))
        #expect(FileManager.default.fileExists(atPath: first.folder + "/pair.json"))
        #expect(CPythonPair.load(from: URL(fileURLWithPath: first.folder + "/pair.json")) == first)
        #expect(first.parity.native.extensionModules == ["_abc", "_json", "math"])
        #expect(first.parity.wasi.extensionModules == nil)
        #expect(first.libGuestPath == "/usr/local/lib/python3.11")
        #expect(first.wasiMounts.last?.guestPath == "/usr/local/lib/python3.11/lib-dynload")
        #expect(first.wasiMounts.last?.hostPath == first.folder + "/wasi/build/lib.wasi-wasm32-3.11")
        // A make that would fail shows that nothing is built again.
        try script(folder.path("failing-make"), "#!/bin/sh\nexit 2\n")
        let second = try builder(make: folder.path("failing-make")).build(.folder(path: source), jobs: 1)
        #expect(second == first)
    }

    @Test("the user's CFLAGS never reach a build step; both sides get the recipe's OPT")
    func scrubbedEnvironment() throws {
        let source = try fakeSource(configure: "#!/bin/sh\nenv\nexit 1\n")
        guard case .stepFailed(_, _, _, let log) = buildError(builder(), source) else {
            Issue.record("expected the fake configure to fail")
            return
        }
        let environment = try String(contentsOfFile: log, encoding: .utf8)
        #expect(!environment.contains("FROM_THE_USER_SHELL"))
        #expect(environment.contains("OPT=\(CPythonBuildRecipe.standard.opt)\n"))
        #expect(environment.contains("CC=/bin/true\n"))
        let layout = CPythonPairLayout(root: URL(fileURLWithPath: folder.path("x")))
        let plan = CPythonBuildPlan(
            recipe: .standard, toolchain: builder().toolchain, layout: layout, buildTriple: "x86_64-pc-linux-gnu",
            configSite: "/s", jobs: 2, baseEnvironment: ["PATH": "/bin", "CFLAGS": "-O0", "OPT": "-O0"])
        #expect(plan.nativeEnvironment["CFLAGS"] == nil && plan.wasiEnvironment["CFLAGS"] == nil)
        #expect(plan.nativeEnvironment["OPT"] == CPythonBuildRecipe.standard.opt)
        #expect(plan.wasiEnvironment["OPT"] == CPythonBuildRecipe.standard.opt)
        #expect(plan.wasiEnvironment["PATH"] == layout.fakeSDK.path + "/bin:/bin")
        #expect(
            plan.wasiArguments.prefix(3) == [
                "--host=wasm32-unknown-wasi", "--build=x86_64-pc-linux-gnu",
                "--with-build-python=\(layout.nativePython.path)",
            ])
        #expect(Array(plan.wasiArguments.dropFirst(3)) == plan.nativeArguments)
    }

    @Test("a tarball is unpacked into the staging entry (one top folder stripped) before configure runs")
    func tarball() throws {
        let source = try fakeSource(configure: Self.configure(failNative: true))
        let tarball = folder.path("Python-3.99.0.tgz")
        let packed = try ProcessLauncher().capture(
            "/bin/sh", ["-c", "cd \"$1\" && tar -czf \"$2\" cpython", "sh", folder.path(""), tarball],
            environment: ["PATH": "/usr/bin:/bin"])
        try #require(packed.termination == .exited(0), "\(packed.stderr)")
        try FileManager.default.removeItem(atPath: source)
        let error = try #require(buildError(builder(), tarball, kind: .tarball(path: tarball)))
        guard case .stepFailed(let step, _, let tail, _) = error else {
            Issue.record("expected the fake configure to run and fail, got \(error)")
            return
        }
        #expect(step == "native configure")
        #expect(tail.contains("on purpose"))
        #expect(entries().isEmpty)
    }
}

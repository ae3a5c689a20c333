import Foundation

/// The commands that build one source tree twice, out of tree: natively with the compiler as is,
/// then for wasm32-wasi through a small fake WASI SDK, using the native build as the build Python.
///
/// Configure is called by a relative path (`../source/configure`), so the builds record the
/// source folder as `../source` and keep working after the staging folder is renamed into place.
public struct CPythonBuildPlan: Sendable, Equatable {
    /// The shared flags and options.
    public var recipe: CPythonBuildRecipe
    /// The compiler and WASI pieces.
    public var toolchain: CPythonToolchain
    /// The folders of the (staging) cache entry.
    public var layout: CPythonPairLayout
    /// The build machine's triple (`x86_64-pc-linux-gnu`, from the source's `config.guess`).
    public var buildTriple: String
    /// The site file CPython ships for WASI cross builds.
    public var configSite: String
    /// `make -j` jobs.
    public var jobs: Int
    /// The caller's environment (PATH, HOME…), before ``CPythonBuildRecipe/scrubbedVariables``
    /// are taken out.
    public var baseEnvironment: [String: String]

    /// Creates a plan.
    public init(
        recipe: CPythonBuildRecipe, toolchain: CPythonToolchain, layout: CPythonPairLayout, buildTriple: String,
        configSite: String, jobs: Int, baseEnvironment: [String: String]
    ) {
        self.recipe = recipe
        self.toolchain = toolchain
        self.layout = layout
        self.buildTriple = buildTriple
        self.configSite = configSite
        self.jobs = jobs
        self.baseEnvironment = baseEnvironment
    }

    /// Where CPython keeps its WASI site file, newest layout last.
    public static let configSiteCandidates = [
        "Tools/wasm/config.site-wasm32-wasi", "Tools/wasm/wasi/config.site-wasm32-wasi",
    ]

    private var scrubbed: [String: String] {
        baseEnvironment.filter { !CPythonBuildRecipe.scrubbedVariables.contains($0.key) }
    }

    /// The native side's environment: the compiler as is and the shared `OPT`.
    public var nativeEnvironment: [String: String] {
        scrubbed.merging(["CC": toolchain.cc, "CXX": toolchain.cxx, "OPT": recipe.opt]) { $1 }
    }

    /// The WASI side's environment: what CPython's `Tools/wasm/wasi-env` sets for a WASI SDK
    /// outside `/opt/wasi-sdk` (computed here, so trees without the script build the same way and
    /// ccache never enters one side only), plus the site file and the shared `OPT`.
    public var wasiEnvironment: [String: String] {
        let sdk = layout.fakeSDK.path
        let sysroot = sdk + "/share/wasi-sysroot"
        return scrubbed.merging([
            "CONFIG_SITE": configSite, "OPT": recipe.opt,
            "WASI_SDK_PATH": sdk, "WASI_SYSROOT": sysroot,
            "CC": "\(sdk)/bin/clang --sysroot=\(sysroot)", "CPP": "\(sdk)/bin/clang-cpp --sysroot=\(sysroot)",
            "CXX": "\(sdk)/bin/clang++ --sysroot=\(sysroot)", "LDSHARED": "\(sdk)/bin/wasm-ld",
            "AR": "\(sdk)/bin/llvm-ar", "RANLIB": "\(sdk)/bin/ranlib",
            "PKG_CONFIG_PATH": "", "PKG_CONFIG_LIBDIR": "\(sysroot)/lib/pkgconfig:\(sysroot)/share/pkgconfig",
            "PKG_CONFIG_SYSROOT_DIR": sysroot,
            "PATH": "\(sdk)/bin:" + (baseEnvironment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"),
        ]) { $1 }
    }

    /// The native configure options: only the shared ones.
    public var nativeArguments: [String] { recipe.sharedArguments }

    /// The WASI configure options: the target, the build machine, the native build as the build
    /// Python (same version by construction), then the shared ones.
    public var wasiArguments: [String] {
        [
            "--host=wasm32-unknown-wasi", "--build=\(buildTriple)",
            "--with-build-python=\(layout.nativePython.path)",
        ] + recipe.sharedArguments
    }

    /// Configure and make for both sides, native first (the WASI side needs it).
    public var compileSteps: [BuildStep] {
        let make = ["-j\(max(1, jobs))"]
        return [
            BuildStep(
                name: "native configure", logName: "1-native-configure.log", directory: layout.native.path,
                executable: "../source/configure", arguments: nativeArguments, environment: nativeEnvironment),
            BuildStep(
                name: "native make", logName: "2-native-make.log", directory: layout.native.path,
                executable: toolchain.make, arguments: make, environment: nativeEnvironment),
            BuildStep(
                name: "wasi configure", logName: "3-wasi-configure.log", directory: layout.wasi.path,
                executable: "../source/configure", arguments: wasiArguments, environment: wasiEnvironment),
            BuildStep(
                name: "wasi make", logName: "4-wasi-make.log", directory: layout.wasi.path,
                executable: toolchain.make, arguments: make, environment: wasiEnvironment),
        ]
    }

    /// Compiles the standard library's bytecode once with the native build, so both sides find
    /// the same `__pycache__` and neither pays for compiling it while being timed. Files that are
    /// broken on purpose (CPython's own `libinstall` list) and the test suite are left out.
    public var precompileStep: BuildStep {
        BuildStep(
            name: "precompile Lib", logName: "5-precompile.log", directory: layout.root.path,
            executable: layout.nativePython.path,
            arguments: [
                "-E", "-m", "compileall", "-q", "-j", "\(max(1, jobs))", "-x",
                "bad_coding|badsyntax|site-packages|lib2to3/tests/data|/test/|/tests/|/idlelib/|/turtledemo/",
                layout.lib.path,
            ],
            environment: scrubbed, timeout: 1800)
    }

    /// Dumps both sides' build-time sysconfig variables into ``CPythonPairLayout/sysconfigFile``
    /// (one JSON object per side, every value a string), read with the native build.
    public var sysconfigStep: BuildStep {
        BuildStep(
            name: "read sysconfig", logName: "6-sysconfig.log", directory: layout.root.path,
            executable: layout.nativePython.path,
            arguments: [
                "-E", "-c", Self.sysconfigScript, layout.native.path, layout.wasi.path, layout.sysconfigFile.path,
            ],
            environment: scrubbed, timeout: 600)
    }

    /// Runs ``checkScript`` with the native build.
    public var nativeCheckStep: BuildStep {
        BuildStep(
            name: "native check", logName: "7-native-check.log", directory: layout.root.path,
            executable: layout.nativePython.path, arguments: ["-E", "-c", Self.checkScript],
            environment: scrubbed, timeout: 300)
    }

    /// Runs ``checkScript`` with the WASI build under wasmtime, with the pair's mounts.
    public func wasiCheckStep(wasmtime: String, mounts: [CPythonPair.Mount]) -> BuildStep {
        BuildStep(
            name: "wasi check", logName: "8-wasi-check.log", directory: layout.root.path, executable: wasmtime,
            arguments: ["run", "-C", "cache=n"] + mounts.flatMap { ["--dir", "\($0.hostPath)::\($0.guestPath)"] }
                + [layout.wasiPython.path, "-E", "-c", Self.checkScript],
            environment: scrubbed, timeout: 600)
    }

    /// Prints `version <x.y.z>`, `modules <extension modules built in or shared>` and
    /// `opt <OPT>` (which proves that `sysconfig` finds its data).
    public static let checkScript = """
        import importlib.machinery, os, sys, sysconfig
        names = set(sys.builtin_module_names) - {"builtins", "sys"}
        for entry in sys.path:
            base = os.path.basename(entry)
            if os.path.isdir(entry) and (base.startswith("lib.") or base == "lib-dynload"):
                for name in os.listdir(entry):
                    stem, dot, rest = name.partition(".")
                    if dot and "." + rest in importlib.machinery.EXTENSION_SUFFIXES:
                        names.add(stem)
        print("version", sys.version.split()[0])
        print("modules", " ".join(sorted(names)))
        print("opt", sysconfig.get_config_var("OPT"))
        """

    /// The script behind ``sysconfigStep``: arguments are the native folder, the WASI folder and
    /// the output file.
    public static let sysconfigScript = """
        import glob, json, os, sys
        def load(build):
            with open(os.path.join(build, "pybuilddir.txt")) as f:
                folder = os.path.join(build, f.read().strip())
            files = sorted(glob.glob(os.path.join(folder, "_sysconfigdata_*.py")))
            if not files:
                raise SystemExit("no _sysconfigdata_*.py in " + folder)
            scope = {}
            with open(files[0]) as f:
                exec(f.read(), scope)
            values = {k: str(v) for k, v in scope["build_time_vars"].items()}
            values["wasmbench_pybuilddir"] = os.path.relpath(folder, build)
            with open(os.path.join(build, "Makefile")) as f:
                rules = [line.split()[1:] for line in f if line.startswith("all:")]
            values["wasmbench_make_all"] = " ".join(rules[0]) if rules else ""
            return values
        with open(sys.argv[3], "w") as out:
            json.dump({"native": load(sys.argv[1]), "wasi": load(sys.argv[2])}, out, indent=1, sort_keys=True)
        """
}

extension BuildParity.Side {
    /// Reads one build's record from its build-time sysconfig variables.
    ///
    /// - Parameters:
    ///   - sysconfig: `build_time_vars`, every value a string, plus `wasmbench_make_all` (the
    ///     Makefile's `all:` rule) when known.
    ///   - pythonVersion: `sys.version`'s first word when the build ran; else `VERSION` is used.
    ///   - compilerVersion: the first `--version` line of the build's `CC`.
    ///   - extensionModules: the extension modules the build reported, when it ran.
    public init(
        sysconfig values: [String: String], pythonVersion: String?, compilerVersion: String,
        extensionModules: [String]?
    ) {
        func value(_ name: String) -> String { values[name] ?? "" }
        func joined(_ names: [String]) -> String {
            names.map(value).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: " ")
        }
        let arguments = BuildParity.words(value("CONFIG_ARGS"))
        let cflagsNodist = joined(["CONFIGURE_CFLAGS_NODIST", "CFLAGS_NODIST"])
        let ldflags = joined(["PY_LDFLAGS", "PY_LDFLAGS_NODIST"])
        let buildFlags = BuildParity.words(cflagsNodist + " " + ldflags)
        func enabled(_ option: String) -> Bool {
            arguments.contains { $0 == option || ($0.hasPrefix(option + "=") && $0 != option + "=no") }
        }
        self.init(
            target: values["HOST_GNU_TYPE"] ?? values["MULTIARCH"] ?? "unknown",
            pythonVersion: pythonVersion ?? value("VERSION"),
            compiler: value("CC"), compilerVersion: compilerVersion, opt: value("OPT"), cflags: value("CFLAGS"),
            cflagsNodist: cflagsNodist, ldflags: ldflags, libs: value("LIBS"),
            configureArguments: value("CONFIG_ARGS"),
            pymalloc: value("WITH_PYMALLOC") == "1",
            computedGotos: value("HAVE_COMPUTED_GOTOS") == "1" && value("USE_COMPUTED_GOTOS") != "0",
            lto: enabled("--with-lto") || buildFlags.contains { $0.hasPrefix("-flto") },
            pgo: enabled("--enable-optimizations") || value("wasmbench_make_all") == "profile-opt"
                || buildFlags.contains { $0.hasPrefix("-fprofile-use") || $0.hasPrefix("-fprofile-instr-use") },
            extensionModules: extensionModules)
    }
}

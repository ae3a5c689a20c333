extension BuildParity {
    /// One way in which the two sides differ.
    struct Difference: Equatable {
        /// A sentence naming the field and the values.
        var text: String
        /// Whether the difference makes a ratio between the sides compare builds rather than
        /// targets (false for the target's own differences and for which modules exist).
        var unfair: Bool
    }

    /// Flag words that belong to one target: cross-compilation options, the toolchain as
    /// configured (its identity is compared through ``Side/compilerVersion``), WASI's linker
    /// options and emulation libraries, and the host's usual system libraries.
    static let targetSpecificPrefixes = [
        "--host=", "--build=", "--with-build-python", "build_alias=", "host_alias=", "--target=", "--sysroot=",
        "CONFIG_SITE=", "CC=", "CXX=",
        "CPP=", "LDSHARED=", "AR=", "RANLIB=", "PKG_CONFIG", "-z stack-size=", "-Wl,-z,stack-size=",
        "-Wl,--stack-first", "-Wl,--initial-memory=", "-Wl,--max-memory=", "-lwasi-emulated-", "-D_WASI_EMULATED",
        "-Xlinker -export-dynamic", "-Wl,--export-dynamic", "-ldl", "-lpthread", "-lutil", "-lrt", "-lm", "-pthread",
    ]

    /// Options whose argument is the next word, compared as one word with it.
    static let optionsWithArgument: Set<String> = ["-z", "-Xlinker", "-include", "-isystem", "-framework"]

    /// Whether a flag word belongs to one target.
    static func isTargetSpecific(_ word: String) -> Bool {
        targetSpecificPrefixes.contains { word.hasPrefix($0) }
    }

    /// Every difference between the sides, in a fixed order.
    static func compare(_ native: Side, _ wasi: Side) -> [Difference] {
        var found: [Difference] = []
        func scalar(_ name: String, _ a: String, _ b: String) {
            guard a != b else { return }
            found.append(Difference(text: "\(name): native \(a), wasi \(b)", unfair: true))
        }
        func flag(_ name: String, _ a: Bool, _ b: Bool) {
            guard a != b else { return }
            found.append(
                Difference(text: "\(name): native \(a ? "on" : "off"), wasi \(b ? "on" : "off")", unfair: true)
            )
        }
        scalar("Python version", native.pythonVersion, wasi.pythonVersion)
        scalar("compiler version", native.compilerVersion, wasi.compilerVersion)
        flag("pymalloc", native.pymalloc, wasi.pymalloc)
        flag("computed gotos", native.computedGotos, wasi.computedGotos)
        flag("LTO", native.lto, wasi.lto)
        flag("PGO", native.pgo, wasi.pgo)
        let fields: [(String, String, String)] = [
            ("CC", native.compiler, wasi.compiler), ("OPT", native.opt, wasi.opt),
            ("CFLAGS", native.cflags, wasi.cflags), ("CFLAGS_NODIST", native.cflagsNodist, wasi.cflagsNodist),
            ("LDFLAGS", native.ldflags, wasi.ldflags), ("LIBS", native.libs, wasi.libs),
            ("configure arguments", native.configureArguments, wasi.configureArguments),
        ]
        for (name, a, b) in fields {
            // The compiler's identity is compared through its version; its path and target
            // options (a wrapper, --sysroot) are the target's.
            found += wordDifferences(name, words(a), words(b), allTargetSpecific: name == "CC")
        }
        if let a = native.extensionModules, let b = wasi.extensionModules {
            let onlyNative = a.filter { !b.contains($0) }
            let onlyWASI = b.filter { !a.contains($0) }
            if !onlyNative.isEmpty {
                found.append(
                    Difference(
                        text: "extension modules only native has: \(onlyNative.joined(separator: " "))",
                        unfair: false))
            }
            // A module one side lacks makes the benchmarks that import it fail there (a recorded
            // failure), not run unfairly; it is listed, not counted as a mismatch.
            if !onlyWASI.isEmpty {
                found.append(
                    Difference(
                        text:
                            "extension modules only wasi has: \(onlyWASI.joined(separator: " ")) (the native build failed to build them; see its make log)",
                        unfair: false))
            }
        }
        return found
    }

    /// The words one side has and the other lacks, split into target-specific and other ones.
    private static func wordDifferences(_ name: String, _ a: [String], _ b: [String], allTargetSpecific: Bool)
        -> [Difference]
    {
        var found: [Difference] = []
        for (side, mine, theirs) in [("native", a, b), ("wasi", b, a)] {
            let extra = mine.filter { !theirs.contains($0) }
            let target = extra.filter { allTargetSpecific || isTargetSpecific($0) }
            let other = extra.filter { !allTargetSpecific && !isTargetSpecific($0) }
            if !other.isEmpty {
                found.append(
                    Difference(text: "\(name): only \(side) has \(other.joined(separator: " "))", unfair: true)
                )
            }
            if !target.isEmpty {
                found.append(
                    Difference(
                        text: "\(name): only \(side) has \(target.joined(separator: " ")) (target-specific)",
                        unfair: false))
            }
        }
        // The same words in another order: flags that override each other (-O2 … -O3) may then mean another thing.
        if found.isEmpty && a != b && Set(a) == Set(b) {
            found.append(Difference(text: "\(name): same words in another order", unfair: true))
        }
        return found
    }

    /// Splits a flag string into words as a POSIX shell would (quotes and backslashes), joining
    /// an option that takes the next word as its argument (`-z stack-size=…`) with it.
    ///
    /// Unbalanced quotes are not an error: the rest of the text is one word.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if character == " " || character == "\t" || character == "\n" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        var joined: [String] = []
        var index = 0
        while index < words.count {
            if optionsWithArgument.contains(words[index]) && index + 1 < words.count {
                joined.append(words[index] + " " + words[index + 1])
                index += 2
            } else {
                joined.append(words[index])
                index += 1
            }
        }
        return joined
    }
}

extension CPythonPair {
    /// Where the pair is and its parity table, as plain text for the terminal (no I/O here).
    public var summary: String {
        var lines = ["matched CPython pair \(version) (\(source))"]
        if let variant {
            lines[0] = "variant \(variant.name) of the matched CPython pair \(version) (\(source))"
            lines.append("  base      pair \(baseKey ?? "?"): " + variant.differences.joined(separator: "; "))
            let ids = Self.sideIDs(variant: variant.name)
            lines.append("  run as    \(ids.native), \(ids.wasi)@HOST (beside \(Self.sideIDs(variant: nil).native))")
        }
        lines += ["  folder    \(folder)", "  native    \(nativePython)", "  wasi      \(wasiPython)"]
        for (index, mount) in wasiMounts.enumerated() {
            lines.append("  \(index == 0 ? "mounts" : "      ")    \(mount.hostPath) -> \(mount.guestPath)")
        }
        lines.append("  run it    wasmtime " + wasmtimeArguments.joined(separator: " ") + " -c 'print(1)'")
        lines.append("  logs      \(logFolder)")
        lines.append("")
        lines += parity.table
        return lines.joined(separator: "\n")
    }
}

extension BuildParity {
    /// Each field once when both sides agree, else one line per side; then the verdict and
    /// every difference.
    public var table: [String] {
        func onOff(_ value: Bool) -> String { value ? "on" : "off" }
        func modules(_ list: [String]?) -> String { list.map { "\($0.count)" } ?? "not run" }
        let rows: [(String, String, String)] = [
            ("target", native.target, wasi.target),
            ("Python", native.pythonVersion, wasi.pythonVersion),
            ("compiler", native.compilerVersion, wasi.compilerVersion),
            ("OPT", native.opt, wasi.opt),
            ("CFLAGS", native.cflags, wasi.cflags),
            ("CFLAGS_NODIST", native.cflagsNodist, wasi.cflagsNodist),
            ("LDFLAGS", native.ldflags, wasi.ldflags),
            ("LIBS", native.libs, wasi.libs),
            ("pymalloc", onOff(native.pymalloc), onOff(wasi.pymalloc)),
            ("computed gotos", onOff(native.computedGotos), onOff(wasi.computedGotos)),
            ("LTO", onOff(native.lto), onOff(wasi.lto)),
            ("PGO", onOff(native.pgo), onOff(wasi.pgo)),
            ("ext. modules", modules(native.extensionModules), modules(wasi.extensionModules)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        var lines: [String] = []
        for (name, a, b) in rows {
            let label = "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            if a == b {
                lines.append(label + "both    " + (a.isEmpty ? "-" : a))
            } else {
                lines.append(label + "native  " + (a.isEmpty ? "-" : a))
                lines.append(String(repeating: " ", count: label.count) + "wasi    " + (b.isEmpty ? "-" : b))
            }
        }
        lines.append("")
        lines.append(
            isMatched
                ? "  parity: matched (the sides differ only in what the target needs)"
                : "  parity: NOT matched (\(mismatches.count) difference(s) besides the target's own)")
        lines += differences.map { "    - \($0)" }
        return lines
    }
}

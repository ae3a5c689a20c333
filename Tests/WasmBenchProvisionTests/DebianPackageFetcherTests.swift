import Foundation
import TestSupport
import Testing
import WasmBenchProcess
import WasmBenchProvision

/// The fetcher with a fake `apt-get` (a shell script that hands out `.deb` files the test built
/// with the real `dpkg-deb --build`): the fallback to private lists, the cache entry, and that a
/// failure leaves nothing behind. Needs `dpkg-deb`, as on any Debian.
@Suite("Debian package fetcher: private-list fallback, staging, no broken entry")
struct DebianPackageFetcherTests {
    let folder = TemporaryFolder()

    var home: WasmBenchHome { WasmBenchHome(root: folder.url.appendingPathComponent("home")) }

    /// A fake `apt-get`: `update` with private lists marks them filled; `download` hands out the
    /// test's `.deb` files only once private lists were filled (or always, with `systemLists`),
    /// else fails as apt does when its lists do not know a package. Every call is logged.
    func fakeApt(systemLists: Bool, updateFails: Bool = false, updateFills: Bool = true) throws {
        let script = """
            #!/bin/sh
            echo "$*" >> '\(folder.path("apt-calls.log"))'
            lists=""
            for word in "$@"; do
              case "$word" in Dir::State::Lists=*) lists="${word#Dir::State::Lists=}" ;; esac
            done
            for word in "$@"; do
              case "$word" in
                update)
                  \(updateFails ? "echo 'E: Failed to fetch on purpose'; exit 100" : "")
                  \(updateFills ? "" : "echo 'W: Some index files failed to download.'; exit 0")
                  mkdir -p "$lists" && touch "$lists/filled"; exit 0 ;;
                download)
                  if [ \(systemLists ? "1" : "0") = 0 ] && [ ! -e "$lists/filled" ]; then
                    echo "E: Unable to locate package pypy3" >&2; exit 100
                  fi
                  cp '\(folder.path("debs"))'/*.deb . ; exit 0 ;;
              esac
            done
            exit 2
            """
        try FileManager.default.createDirectory(atPath: folder.path("bin"), withIntermediateDirectories: true)
        try ExecutableFile.write(script, to: folder.path("bin/apt-get"))
    }

    /// Builds `NAME_VERSION_all.deb` holding `usr/bin/NAME` (a shell script) with real dpkg-deb.
    func buildDeb(_ name: String, depends: String) throws {
        let tree = folder.path("tree-\(name)")
        try FileManager.default.createDirectory(atPath: tree + "/DEBIAN", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: tree + "/usr/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path("debs"), withIntermediateDirectories: true)
        try """
        Package: \(name)
        Version: 1.0-1
        Architecture: all
        Maintainer: wasmbench tests <tests@invalid>
        Depends: \(depends)
        Description: a package built by a test

        """.write(toFile: tree + "/DEBIAN/control", atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho \(name)\n".write(toFile: tree + "/usr/bin/\(name)", atomically: true, encoding: .utf8)
        let built = try ProcessLauncher().capture(
            "/usr/bin/dpkg-deb",
            ["--build", "--root-owner-group", tree, folder.path("debs/\(name)_1.0-1_all.deb")],
            environment: ["PATH": "/usr/bin:/bin"])
        try #require(built.termination == .exited(0), "\(built.stdout) \(built.stderr)")
    }

    func fetcher() -> DebianPackageFetcher {
        DebianPackageFetcher(
            home: home, launcher: ProcessLauncher(), environment: ["PATH": folder.path("bin") + ":/usr/bin:/bin"],
            progress: { _ in })
    }

    /// The names in `$WASMBENCH_HOME/debian` other than the private apt folder.
    func entries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: home.debian.path)) ?? []).filter { $0 != "apt" }.sorted()
    }

    func calls() -> [String] {
        ((try? String(contentsOfFile: folder.path("apt-calls.log"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    @Test("the system's lists do not know the package: private lists are updated, then the fetch works")
    func privateFallback() throws {
        try buildDeb("fakepy", depends: "fakepy-lib (= 1.0-1), libc6 (>= 2.0), wasmbench-no-such-lib")
        try buildDeb("fakepy-lib", depends: "libc6")
        try fakeApt(systemLists: false)
        let prepared = folder.path("prepared")
        let entry = try fetcher().ensure("fakepy", packages: ["fakepy", "fakepy-lib"]) { root throws(ProvisionError) in
            _ = FileManager.default.createFile(atPath: prepared, contents: Data(root.path.utf8))
        }
        #expect(entries() == ["fakepy"])
        #expect(entry.root.path == home.debian.path + "/fakepy/root")
        #expect(FileManager.default.fileExists(atPath: entry.root.path + "/usr/bin/fakepy"))
        #expect(FileManager.default.fileExists(atPath: entry.root.path + "/usr/bin/fakepy-lib"))
        #expect(!FileManager.default.fileExists(atPath: home.debian.path + "/fakepy/debs"))
        #expect(entry.packages.map(\.name) == ["fakepy", "fakepy-lib"])
        #expect(entry.packages.first?.dependencies == ["fakepy-lib", "libc6", "wasmbench-no-such-lib"])
        #expect(entry.summary == "fakepy 1.0-1, fakepy-lib 1.0-1")
        // prepare ran on the staging tree, before the rename
        let preparedRoot = try String(contentsOfFile: prepared, encoding: .utf8)
        #expect(preparedRoot.contains("/.staging-fakepy-") && preparedRoot.hasSuffix("/root"))
        let log = calls()
        try #require(log.count == 3, "\(log)")
        #expect(log[0].hasSuffix("download fakepy fakepy-lib") && !log[0].contains("Dir::State::Lists"))
        #expect(log[1].contains("Dir::State::Lists=\(home.debian.path)/apt/lists") && log[1].hasSuffix("update"))
        #expect(
            log[2].contains("Dir::Cache=\(home.debian.path)/apt/cache")
                && log[2].hasSuffix("download fakepy fakepy-lib"))
        // libc6 is installed on any Debian; the made-up one is not; fakepy-lib is in the entry
        #expect(fetcher().missingDependencies(of: entry) == ["wasmbench-no-such-lib"])
        // The second call is served from the cache: apt is not called again.
        #expect(try fetcher().ensure("fakepy", packages: ["fakepy", "fakepy-lib"]) == entry)
        #expect(fetcher().cached("fakepy") == entry)
        #expect(calls().count == 3)
    }

    @Test("the system's lists know the package: one download, no update")
    func systemLists() throws {
        try buildDeb("fakepy", depends: "libc6")
        try fakeApt(systemLists: true)
        let entry = try fetcher().ensure("fakepy", packages: ["fakepy"])
        #expect(entry.packages == [DebianPackage(name: "fakepy", version: "1.0-1", dependencies: ["libc6"])])
        #expect(calls().count == 1)
        #expect(fetcher().missingDependencies(of: entry) == [])
    }

    @Test("apt cannot get the package either way: no entry, no staging folder, a message that says what to do")
    func failure() throws {
        try buildDeb("fakepy", depends: "libc6")
        try fakeApt(systemLists: false, updateFails: true)
        let error = try #require(throws: ProvisionError.self) {
            try fetcher().ensure("fakepy", packages: ["fakepy", "fakepy-lib"])
        }
        guard case .debianFetchFailed(let packages, let detail) = error else {
            Issue.record("expected debianFetchFailed, got \(error)")
            return
        }
        #expect(packages == "fakepy fakepy-lib")
        #expect(detail.contains("E: Unable to locate package pypy3") && detail.contains("Failed to fetch on purpose"))
        #expect(
            error.description.contains("apt-get install -y fakepy fakepy-lib")
                && error.description.contains("apt-get update"))
        #expect(entries() == [])
        #expect(fetcher().cached("fakepy") == nil)
    }

    @Test("apt-get update exits 0 but fetched nothing (offline): the error quotes its warning")
    func offlineUpdate() throws {
        try buildDeb("fakepy", depends: "libc6")
        try fakeApt(systemLists: false, updateFills: false)
        let error = try #require(throws: ProvisionError.self) { try fetcher().ensure("fakepy", packages: ["fakepy"]) }
        #expect(error.description.contains("with private lists: E: Unable to locate package pypy3"))
        #expect(error.description.contains("W: Some index files failed to download."))
        #expect(entries() == [])
    }

    @Test("a package apt did not hand out fails the fetch and leaves nothing; so does a failing prepare")
    func incomplete() throws {
        try buildDeb("fakepy", depends: "libc6")
        try fakeApt(systemLists: true)
        #expect(throws: ProvisionError.self) { try fetcher().ensure("fakepy", packages: ["fakepy", "fakepy-lib"]) }
        #expect(entries() == [])
        #expect(throws: ProvisionError.self) {
            try fetcher().ensure("fakepy", packages: ["fakepy"]) { _ throws(ProvisionError) in
                throw .missingFile(package: "fakepy", path: "usr/lib/on-purpose")
            }
        }
        #expect(entries() == [])
    }

    @Test("without apt-get on PATH the error says so")
    func noApt() {
        let fetcher = DebianPackageFetcher(
            home: home, launcher: ProcessLauncher(), environment: ["PATH": folder.path("empty")], progress: { _ in })
        #expect(throws: ProvisionError.self) { try fetcher.ensure("fakepy", packages: ["fakepy"]) }
        #expect(entries() == [])
    }
}

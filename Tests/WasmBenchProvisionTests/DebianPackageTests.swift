import Foundation
import Testing
import WasmBenchProvision

/// Reading Debian control fields, `dpkg-query` output and the cache entry's manifest.
@Suite("Debian packages: control fields, dependencies, installed names, manifest")
struct DebianPackageTests {
    /// What `dpkg-deb -f pypy3_7.3.11+dfsg-2+deb12u3_amd64.deb Package Version Pre-Depends Depends`
    /// prints for Debian 12's pypy3 (Pre-Depends only; it has no Depends field).
    static let pyPyControl = """
        Package: pypy3
        Version: 7.3.11+dfsg-2+deb12u3
        Pre-Depends: pypy3-lib (= 7.3.11+dfsg-2+deb12u3), libbz2-1.0, libc6 (>= 2.35), libexpat1 (>= 2.0.1),
         libffi8 (>= 3.4), libgcc-s1 (>= 4.2), libgdbm6 (>= 1.16), liblzma5 (>= 5.1.1alpha+20120614),
         libncursesw6 (>= 6), libsqlite3-0 (>= 3.7.15), libssl3 (>= 3.0.0), libtinfo6 (>= 6), zlib1g (>= 1:1.2.0)
        """

    @Test("pypy3's control fields: name, version and every Pre-Depends name, continuation lines joined")
    func pyPyControl() throws {
        let package = try #require(DebianPackage(control: Self.pyPyControl))
        #expect(package.name == "pypy3")
        #expect(package.version == "7.3.11+dfsg-2+deb12u3")
        #expect(
            package.dependencies == [
                "pypy3-lib", "libbz2-1.0", "libc6", "libexpat1", "libffi8", "libgcc-s1", "libgdbm6", "liblzma5",
                "libncursesw6", "libsqlite3-0", "libssl3", "libtinfo6", "zlib1g",
            ])
    }

    @Test("Pre-Depends come before Depends; field names are case-insensitive")
    func order() throws {
        let package = try #require(
            DebianPackage(control: "package: a\nversion: 1\ndepends: c\npre-depends: b\n"))
        #expect(package.dependencies == ["b", "c"])
    }

    @Test("without Package or Version there is no package")
    func incomplete() {
        #expect(DebianPackage(control: "Package: pypy3\n") == nil)
        #expect(DebianPackage(control: "Version: 1\nDepends: libc6\n") == nil)
        #expect(DebianPackage(control: "") == nil)
    }

    @Test("relationship fields: alternatives keep the first, arch qualifiers and restrictions go")
    func relationships() {
        #expect(
            DebianPackage.packageNames(inRelationship: "libffi8 | libffi7, zlib1g:amd64 (>= 1:1.2), foo [amd64],  ")
                == ["libffi8", "zlib1g", "foo"])
        #expect(DebianPackage.packageNames(inRelationship: "") == [])
    }

    @Test("dpkg-query output: only `ii` lines count as installed, arch qualifiers dropped")
    func installed() {
        let output = """
            libc6 ii 
            libexpat1 rc 
            libffi8:amd64 ii 
            libssl3 un 
            """
        #expect(DebianPackage.installedNames(fromQuery: output) == ["libc6", "libffi8"])
    }

    @Test("the manifest reads back what was written, dependencies included")
    func manifest() {
        let packages = [
            DebianPackage(name: "pypy3", version: "7.3.11+dfsg-2+deb12u3", dependencies: ["pypy3-lib", "libc6"]),
            DebianPackage(name: "pypy3-lib", version: "7.3.11+dfsg-2+deb12u3"),
        ]
        let text = DebianPackage.manifest(packages)
        #expect(text == "pypy3 7.3.11+dfsg-2+deb12u3 pypy3-lib,libc6\npypy3-lib 7.3.11+dfsg-2+deb12u3\n")
        #expect(DebianPackage.packages(fromManifest: text) == packages)
        #expect(DebianPackage.packages(fromManifest: "garbage\n\na b c d\n") == [])
    }

    @Test("apt options: private lists and cache only when asked; root downloads as root")
    func aptOptions() {
        let apt = URL(fileURLWithPath: "/cache/debian/apt")
        #expect(DebianPackageFetcher.aptOptions(privateFolder: nil, asRoot: false) == [])
        #expect(
            DebianPackageFetcher.aptOptions(privateFolder: apt, asRoot: true) == [
                "-o", "Dir::State::Lists=/cache/debian/apt/lists", "-o", "Dir::Cache=/cache/debian/apt/cache",
                "-o", "APT::Sandbox::User=root",
            ])
    }
}

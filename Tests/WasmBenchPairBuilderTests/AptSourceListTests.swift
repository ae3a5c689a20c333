import Testing
import WasmBenchPairBuilder

/// `deb-src` twins of the system's apt entries, for the private apt folder.
@Suite("apt sources: deb entries become deb-src entries, everything else kept")
struct AptSourceListTests {
    /// Debian 12's `/etc/apt/sources.list.d/debian.sources` as this machine kind ships it.
    static let debian12 = """
        Types: deb
        # http://snapshot.debian.org/archive/debian/20250520T000000Z
        URIs: http://deb.debian.org/debian
        Suites: bookworm bookworm-updates
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

        Types: deb
        # http://snapshot.debian.org/archive/debian-security/20250520T000000Z
        URIs: http://deb.debian.org/debian-security
        Suites: bookworm-security
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
        """

    @Test("each deb822 stanza becomes Types: deb-src with its URIs, Suites, Components and Signed-By")
    func deb822() {
        let stanzas = AptSourceList.sourceStanzas(fromDeb822: Self.debian12)
        #expect(
            stanzas == [
                """
                Types: deb-src
                URIs: http://deb.debian.org/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                """,
                """
                Types: deb-src
                URIs: http://deb.debian.org/debian-security
                Suites: bookworm-security
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                """,
            ])
    }

    @Test("disabled stanzas and stanzas without deb are left out; deb plus deb-src is kept once")
    func skipped() {
        let text = """
            Types: deb
            URIs: http://a.example/debian
            Suites: bookworm
            Components: main
            Enabled: no

            Types: deb-src
            URIs: http://b.example/debian
            Suites: bookworm
            Components: main

            Types: deb deb-src
            URIs: http://c.example/debian
            Suites: bookworm
            Components: main contrib
            """
        let stanzas = AptSourceList.sourceStanzas(fromDeb822: text)
        #expect(stanzas.count == 1)
        #expect(stanzas.first?.hasPrefix("Types: deb-src\nURIs: http://c.example/debian") == true)
    }

    @Test("one-line entries: deb lines become deb-src lines with their options; others are dropped")
    func oneLine() {
        let text = """
            # a comment
            deb [signed-by=/usr/share/keyrings/k.gpg] http://deb.debian.org/debian bookworm main
            deb-src http://deb.debian.org/debian bookworm main
            deb http://security.debian.org/debian-security bookworm-security main
            """
        #expect(
            AptSourceList.sourceLines(fromOneLine: text) == [
                "deb-src [signed-by=/usr/share/keyrings/k.gpg] http://deb.debian.org/debian bookworm main",
                "deb-src http://security.debian.org/debian-security bookworm-security main",
            ])
    }
}

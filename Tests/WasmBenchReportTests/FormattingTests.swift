import Testing
import WasmBenchReport

@Suite("Number formatting")
struct FormattingTests {
    @Test(
        "Durations get the unit that keeps three significant digits short",
        arguments: [
            (0.000_001_234, "1.23 µs"),
            (1.5, "1.50 s"),
            (0.000_000_012_34, "12.3 ns"),
            (0.000_000_000_5, "0.500 ns"),
            (0.000_123_4, "123 µs"),
            (0.012_34, "12.3 ms"),
            (0.000_999_6, "1.00 ms"),
            (0.999_6, "1.00 s"),
            (42.0, "42.0 s"),
            (1234.0, "1234 s"),
            (0.0, "0 s"),
            (-0.0025, "-2.50 ms"),
        ])
    func durations(seconds: Double, expected: String) {
        #expect(formatDuration(seconds) == expected)
    }

    @Test("A duration that is not a number says n/a")
    func nonFiniteDuration() {
        #expect(formatDuration(.nan) == "n/a")
        #expect(formatDuration(.infinity) == "n/a")
    }

    @Test(
        "Byte counts use binary units with three significant digits",
        arguments: [
            (1536.0, "1.50 KiB"),
            (512.0, "512 B"),
            (0.0, "0 B"),
            (1023.0, "1023 B"),
            (1023.6, "1.00 KiB"),
            (1_048_576.0, "1.00 MiB"),
            (187_392.0, "183 KiB"),
            (17_179_869_184.0, "16.0 GiB"),
            (1_048_064.0, "1.00 MiB"),
            (1_024_000.0, "0.977 MiB"),
        ])
    func bytes(count: Double, expected: String) {
        #expect(formatBytes(count) == expected)
    }

    @Test(
        "Ratios show three significant digits and their interval when both ends are known",
        arguments: [
            (1.42, 1.38 as Double?, 1.47 as Double?, "1.42× [1.38–1.47]"),
            (36.71, 35.9, 37.62, "36.7× [35.9–37.6]"),
            (145.2, 140.0, 151.0, "145× [140–151]"),
            (0.85, 0.8, 0.9, "0.850× [0.800–0.900]"),
            (1.0, nil, nil, "1.00×"),
            (1.42, 1.38, nil, "1.42×"),
        ])
    func ratios(ratio: Double, low: Double?, high: Double?, expected: String) {
        #expect(formatRatio(ratio, low: low, high: high) == expected)
    }
}

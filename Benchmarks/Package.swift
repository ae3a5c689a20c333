// swift-tools-version:6.3
// wasmbench's self-benchmarks: the harness's own overhead per sample and per spawned process, the
// coverage of its interval methods under simulated noise, and the module instrumenter's speed.
// A nested package so the main build stays fast. Run: swift run -c release --package-path Benchmarks
import PackageDescription

let package = Package(
    name: "wasmbench-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "wasmbench", path: "..")],
    targets: [
        .executableTarget(
            name: "HarnessOverhead",
            dependencies: [.product(name: "WasmBenchKit", package: "wasmbench")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        // The module instrumenter's speed on real modules against `wasm-tools validate`.
        .executableTarget(
            name: "InstrumentSpeed",
            dependencies: [.product(name: "WasmBenchKit", package: "wasmbench")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        // Coverage and A/A false alarms of the interval methods under simulated VM noise.
        .executableTarget(
            name: "IntervalCoverage",
            dependencies: [.product(name: "WasmBenchKit", package: "wasmbench")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)

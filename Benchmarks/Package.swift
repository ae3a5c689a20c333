// swift-tools-version:6.3
// wasmbench's self-benchmark: the harness's own overhead per sample and per spawned process.
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
            swiftSettings: [.swiftLanguageMode(.v6)])
    ]
)

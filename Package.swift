// swift-tools-version:6.3
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "wasmbench",
    // Linux only: wasmbench reads /proc, uses prctl and Linux's rusage; no Apple platform is claimed.
    products: [
        .executable(name: "wasmbench", targets: ["wasmbench"]),
        // For the nested self-benchmark package (Benchmarks/) and other tools built on wasmbench.
        .library(
            name: "WasmBenchKit",
            targets: [
                "WasmBenchModel", "WasmBenchStatistics", "WasmBenchRuntime", "WasmBenchProcess", "WasmBenchSubprocess",
                "WasmBenchAnalysis", "WasmBenchInstrument",
            ]),
    ],
    // `swift build --traits PostgreSQL` adds the PostgreSQL history store (postgres-nio and SwiftNIO:
    // minutes more of a first build); without it, `--store postgresql://…` says how to get it.
    traits: [
        .trait(name: "PostgreSQL", description: "The PostgreSQL history store (`--store postgresql://…`)."),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // Value types only: the saved artifact's vocabulary.
        .target(name: "WasmBenchModel", swiftSettings: strict),
        // Pure, cited statistics.
        .target(name: "WasmBenchStatistics", swiftSettings: strict),
        // The runtime protocol, guest protocol and phase vocabulary. No runtime imported here.
        .target(name: "WasmBenchRuntime", dependencies: ["WasmBenchModel"], swiftSettings: strict),
        // The fork/vfork path that gives every child a guard and a death signal (PR_SET_PDEATHSIG).
        .target(name: "CWasmBenchSpawn"),
        // Spawning child processes with time limits, rusage and captured output.
        .target(name: "WasmBenchProcess", dependencies: ["CWasmBenchSpawn"], swiftSettings: strict),
        // Hand-declared prototypes for the few libwasmtime C API calls we use (loaded with dlopen).
        .target(name: "CWasmtime", linkerSettings: [.linkedLibrary("dl")]),
        // Adapters: each alone imports or spawns its runtime.
        .target(
            name: "WasmBenchWasmKit",
            dependencies: [
                "WasmBenchRuntime", "WasmBenchModel", "WasmBenchInstrument",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WasmKitWASI", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "WasmBenchWasmtimeCAPI",
            dependencies: ["WasmBenchRuntime", "WasmBenchModel", "WasmBenchInstrument", "CWasmtime"],
            swiftSettings: strict
        ),
        .target(
            name: "WasmBenchSubprocess",
            dependencies: ["WasmBenchRuntime", "WasmBenchModel", "WasmBenchProcess"],
            resources: [.copy("Drivers")],
            swiftSettings: strict
        ),
        // The cache folder, PyPI installs and tool discovery.
        .target(
            name: "WasmBenchProvision",
            dependencies: ["WasmBenchModel", "WasmBenchProcess", "WasmBenchRuntime"],
            resources: [.copy("Helpers")],
            swiftSettings: strict
        ),
        // Suites and their builds (C kernels native + wasm32-wasi, user modules).
        .target(
            name: "WasmBenchWorkloads",
            dependencies: ["WasmBenchModel", "WasmBenchRuntime", "WasmBenchProcess", "WasmBenchProvision"],
            resources: [.copy("Kernels"), .copy("Python")],
            swiftSettings: strict
        ),
        // Builds the matched CPython pair: one source tree built natively and for wasm32-wasi alike.
        .target(
            name: "WasmBenchPairBuilder",
            dependencies: ["WasmBenchModel", "WasmBenchProcess", "WasmBenchProvision", "WasmBenchRuntime"],
            swiftSettings: strict),
        // Interpreters in one place: the interpreter type and its runtime adapter, their provisioners,
        // users' spec files, and the matched pair's two sides as interpreters.
        .target(
            name: "WasmBenchInterpreters",
            dependencies: [
                "WasmBenchModel", "WasmBenchProcess", "WasmBenchProvision", "WasmBenchRuntime", "WasmBenchPairBuilder",
            ],
            swiftSettings: strict),
        // Summaries and comparisons computed from saved rows: model and statistics only.
        .target(
            name: "WasmBenchAnalysis", dependencies: ["WasmBenchModel", "WasmBenchStatistics"], swiftSettings: strict),
        // The machine: its fingerprint (/proc, /sys), the noise canary, and the doctor's checks.
        .target(
            name: "WasmBenchMachine",
            dependencies: ["WasmBenchModel", "WasmBenchStatistics", "WasmBenchAnalysis", "WasmBenchProcess"],
            swiftSettings: strict),
        // Scheduling, time budgets, failure policy, save-after-each (atomic artifact files), a run's verdict.
        .target(
            name: "WasmBenchRunner",
            dependencies: [
                "WasmBenchModel", "WasmBenchRuntime", "WasmBenchStatistics", "WasmBenchAnalysis", "WasmBenchExplain",
                "WasmBenchMachine", "WasmBenchProcess", "WasmBenchReport", "WasmBenchArtifact",
            ],
            swiftSettings: strict
        ),
        // Planning: the one runtime registry, and a selection (suite, runtimes, modules…) turned
        // into workloads and runtime adapters.
        .target(
            name: "WasmBenchPlan",
            dependencies: [
                "WasmBenchModel", "WasmBenchRuntime", "WasmBenchProcess", "WasmBenchProvision", "WasmBenchWorkloads",
                "WasmBenchInterpreters", "WasmBenchPairBuilder", "WasmBenchWasmKit", "WasmBenchWasmtimeCAPI",
                "WasmBenchSubprocess", "WasmBenchInstrument",
            ],
            swiftSettings: strict),
        // Our module instrumenter: a counter per basic block, for exact dynamic opcode counts
        // (WasmKit's parser decodes; the encoder is ours).
        .target(
            name: "WasmBenchInstrument",
            dependencies: ["WasmBenchModel", "WasmBenchRuntime", .product(name: "WasmParser", package: "WasmKit")],
            swiftSettings: strict),
        // Explaining a gap by counting: callgrind instruction counts and function profiles.
        .target(
            name: "WasmBenchExplain", dependencies: ["WasmBenchModel", "WasmBenchRuntime", "WasmBenchInstrument"],
            swiftSettings: strict),
        // The saved artifact and its exports: JSON (schemaVersion checked first), CSV rows, pyperf JSON.
        // Pure: bytes in, bytes out.
        .target(name: "WasmBenchArtifact", dependencies: ["WasmBenchModel"], swiftSettings: strict),
        // Charts drawn as SVG from data (bars of ratios or shares, points against sizes, runs or
        // iterations), with the escaping markup type the HTML report is written in. Pure.
        .target(name: "WasmBenchCharts", dependencies: ["WasmBenchModel"], swiftSettings: strict),
        // Flamegraphs of folded stacks: a pure SVG renderer (one side, or Wasm against native).
        .target(name: "WasmBenchFlamegraph", dependencies: ["WasmBenchModel"], swiftSettings: strict),
        // Renderers: ReportDocument -> String/Data. No I/O.
        .target(
            name: "WasmBenchReport",
            dependencies: [
                "WasmBenchModel", "WasmBenchStatistics", "WasmBenchArtifact", "WasmBenchCharts", "WasmBenchFlamegraph",
            ],
            swiftSettings: strict
        ),
        // The history store: every run kept in SQLite (GRDB) or, with the PostgreSQL trait, PostgreSQL;
        // the same schema and migrations in both. Model and analysis only, no CLI.
        .target(
            name: "WasmBenchHistory",
            dependencies: [
                "WasmBenchModel", "WasmBenchStatistics", "WasmBenchAnalysis",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
            ],
            swiftSettings: strict),
        // Subcommands; the only ArgumentParser importer.
        // The commands' work, from a selection and settings to a saved and judged result, without
        // argument parsing: what `run` and `explain` do, and the session every command shares.
        .target(
            name: "WasmBenchJobs",
            dependencies: [
                "WasmBenchModel", "WasmBenchRuntime", "WasmBenchProcess", "WasmBenchProvision", "WasmBenchPlan",
                "WasmBenchRunner", "WasmBenchExplain", "WasmBenchHistory", "WasmBenchAnalysis", "WasmBenchArtifact",
                "WasmBenchPairBuilder", "WasmBenchReport", "WasmBenchFlamegraph",
            ],
            swiftSettings: strict),
        .target(
            name: "WasmBenchCLI",
            dependencies: [
                "WasmBenchModel", "WasmBenchRuntime", "WasmBenchProcess", "WasmBenchProvision", "WasmBenchWorkloads",
                "WasmBenchInterpreters", "WasmBenchPairBuilder", "WasmBenchPlan", "WasmBenchAnalysis",
                "WasmBenchRunner", "WasmBenchReport", "WasmBenchArtifact", "WasmBenchExplain", "WasmBenchMachine",
                "WasmBenchHistory", "WasmBenchJobs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "wasmbench", dependencies: ["WasmBenchCLI"], swiftSettings: strict),
        // The fuzz targets of the parsers of untrusted bytes (Fuzz/README.md): libFuzzer's entry with
        // `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer`, a corpus replay otherwise.
        .target(name: "CLibFuzzer", path: "Fuzz/Sources/CLibFuzzer"),
        .executableTarget(
            name: "wasmbench-fuzz",
            dependencies: [
                "CLibFuzzer", "WasmBenchModel", "WasmBenchRuntime", "WasmBenchSubprocess", "WasmBenchArtifact", "WasmBenchReport",
                "WasmBenchAnalysis", "WasmBenchInterpreters", "WasmBenchInstrument",
                .product(name: "WasmKit", package: "WasmKit"), .product(name: "WasmParser", package: "WasmKit"),
            ],
            path: "Fuzz/Sources/wasmbench-fuzz", swiftSettings: strict),

        .target(
            name: "TestSupport", dependencies: ["WasmBenchModel", "WasmBenchRuntime", "WasmBenchProcess"],
            path: "Tests/TestSupport",
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchJobsTests",
            dependencies: ["WasmBenchJobs", "WasmBenchModel", "WasmBenchRunner", "WasmBenchAnalysis", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchModelTests", dependencies: ["WasmBenchModel", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "WasmBenchStatisticsTests", dependencies: ["WasmBenchStatistics"], swiftSettings: strict),
        .testTarget(
            name: "WasmBenchRuntimeTests", dependencies: ["WasmBenchRuntime", "WasmBenchModel"], swiftSettings: strict),
        // A stand-in for wasmbench that the process tests kill with SIGKILL while its child runs.
        .executableTarget(
            name: "LaunchProbe", dependencies: ["WasmBenchProcess"], path: "Tests/LaunchProbe", swiftSettings: strict),
        .testTarget(
            name: "WasmBenchProcessTests", dependencies: ["WasmBenchProcess", "TestSupport", "LaunchProbe"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchSubprocessTests",
            dependencies: [
                "WasmBenchSubprocess", "WasmBenchRuntime", "WasmBenchModel", "WasmBenchProcess", "TestSupport",
            ],
            swiftSettings: strict),
        // In-process WasmKit on tiny WAT modules: fast even in a debug build.
        .testTarget(
            name: "WasmBenchWasmKitTests",
            dependencies: ["WasmBenchWasmKit", "WasmBenchRuntime", "WasmBenchModel", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchWasmtimeCAPITests",
            dependencies: ["WasmBenchWasmtimeCAPI", "CWasmtime", "WasmBenchRuntime", "WasmBenchModel", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchRunnerTests",
            dependencies: [
                "WasmBenchRunner", "WasmBenchStatistics", "WasmBenchMachine", "WasmBenchReport", "WasmBenchArtifact",
                "TestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchMachineTests", dependencies: ["WasmBenchMachine", "WasmBenchModel", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchAnalysisTests", dependencies: ["WasmBenchAnalysis", "WasmBenchStatistics", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchHistoryTests",
            dependencies: [
                "WasmBenchHistory", "WasmBenchReport", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchPlanTests",
            dependencies: ["WasmBenchPlan", "WasmBenchProvision", "WasmBenchSubprocess", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchArtifactTests", dependencies: ["WasmBenchArtifact", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "WasmBenchReportTests",
            dependencies: ["WasmBenchReport", "WasmBenchArtifact", "WasmBenchCharts", "TestSupport"],
            resources: [.copy("Snapshots")], swiftSettings: strict),
        .testTarget(
            name: "WasmBenchChartsTests", dependencies: ["WasmBenchCharts", "WasmBenchModel"], swiftSettings: strict),
        .testTarget(
            name: "WasmBenchWorkloadsTests", dependencies: ["WasmBenchWorkloads", "WasmBenchProvision", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchInstrumentTests",
            dependencies: [
                "WasmBenchInstrument", .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchFlamegraphTests", dependencies: ["WasmBenchFlamegraph", "WasmBenchModel"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchExplainTests", dependencies: ["WasmBenchExplain", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "WasmBenchPairBuilderTests", dependencies: ["WasmBenchPairBuilder", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchInterpretersTests",
            dependencies: ["WasmBenchInterpreters", "WasmBenchProvision", "WasmBenchProcess", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchProvisionTests",
            dependencies: ["WasmBenchProvision", "WasmBenchProcess", "WasmBenchRuntime", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "WasmBenchCLITests",
            dependencies: ["WasmBenchCLI", "TestSupport", "WasmBenchProcess"],
            swiftSettings: strict),
        // Slow tier: real runtimes, real toolchains. Run by .ci/run as its own step.
        .testTarget(
            name: "WasmBenchIntegrationTests",
            dependencies: [
                "WasmBenchCLI", "WasmBenchWasmKit", "WasmBenchWasmtimeCAPI", "WasmBenchSubprocess",
                "WasmBenchWorkloads", "WasmBenchProvision", "WasmBenchPairBuilder", "WasmBenchInterpreters",
                "WasmBenchPlan", "WasmBenchInstrument", "WasmBenchHistory", "WasmBenchReport", "TestSupport",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            swiftSettings: strict),
    ]
)

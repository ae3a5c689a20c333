import ArgumentParser
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchRunner

/// `wasmbench merge SHARD.json… --json ALL.json`: joins the shards of a run into one run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge the shards of a run (`run --shard K/N`) into one run (JSON).",
        discussion: """
            Joins rows, failures, workloads and notices; computes summaries and geometric means again. \
            Refuses overlapping shards, other settings, selections or runtime versions, other machines \
            (unless --allow-different-machines) and missing shards (unless --partial). Exit status: 0 \
            merged, 3 unreadable files or shards of different runs, 5 output not writable, 64 usage.
            """)

    @Argument(help: "The shards' JSON files (written by `wasmbench run --shard K/N --json FILE`).") var files: [String]
    @Option(help: "Write the merged run to this JSON file.") var json: String
    @Flag(help: "Merge shards from machines whose fingerprints differ, with a notice saying how.")
    var allowDifferentMachines = false
    @Flag(help: "Merge even when shards are missing; the merged run is marked incomplete.") var partial = false
    @OptionGroup var output: ReportOutput

    func run() throws {
        try output.sink.check(json: ("--json", json), inputs: files)
        var shards: [(name: String, run: RunResult)] = []
        for file in files { shards.append((file, try ArtifactFile.readJSON(file))) }
        let merger = ShardMerger(allowDifferentMachines: allowDifferentMachines, partial: partial)
        let merged = try merger.merge(shards)
        try ArtifactFile.writeJSON(.run(merged), to: json)
        try output.sink.emit(.run(merged))
    }
}

import ArgumentParser
import Foundation
import WasmBenchHistory
import WasmBenchRunner

/// `wasmbench push FILE.json…`: stores saved runs in the history, each once.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Store saved runs (JSON) in the history; a run stored already is left as it is.",
        discussion: """
            Each run is keyed by its id (or, for files saved before runs had one, by its start, machine \
            and settings), so pushing a file twice stores it once. Exit status: 0 every run stored or \
            there already, 3 a file that is not a saved run (the others are still stored), 4 the store \
            cannot be reached, is locked or is from a newer wasmbench, 64 usage.
            """)

    @Argument(help: "JSON files written by `wasmbench run --json` (or merge).") var files: [String]
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one JSON file to push") }
        if try storeOptions.location() == .off { throw ValidationError("--store off: there is no store to push to") }
    }

    func run() throws {
        let store = try HistoryStore(try storeOptions.location(), toolVersion: Wasmbench.version)
        let unreadable = try store.push(
            files, read: { try ArtifactFile.readJSON($0) }, say: { print($0) },
            complain: { FileHandle.standardError.write(Data("wasmbench: error: \($0)\n".utf8)) })
        if !unreadable.isEmpty {
            throw CommandError(.invalidInput, "not stored, not saved runs: \(unreadable.joined(separator: ", "))")
        }
    }
}

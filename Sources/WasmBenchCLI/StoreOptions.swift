import ArgumentParser
import Foundation
import WasmBenchHistory
import WasmBenchProvision

/// `--store`: the history store of run, push and history.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The history store: an SQLite file (default $WASMBENCH_HOME/history.sqlite), sqlite:PATH, postgresql://USER:PASSWORD@HOST:PORT/DATABASE, or off. Default: $WASMBENCH_STORE, else the SQLite file.",
            valueName: "STORE")) var store: String?

    /// The store these options and the environment name; a bad one is a usage error.
    func location() throws -> HistoryLocation {
        let environment = ProcessInfo.processInfo.environment
        return try usage {
            try HistoryLocation.resolve(
                store, environment: environment, home: WasmBenchHome(environment: environment).root)
        }
    }

    func validate() throws {
        _ = try location()
    }
}

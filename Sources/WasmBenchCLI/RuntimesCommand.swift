import ArgumentParser
import Foundation
import WasmBenchJobs
import WasmBenchPlan

/// `wasmbench runtimes`: every runtime id with version, availability and why not.
struct RuntimesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtimes", abstract: "List every runtime id with its version, availability and why not.")

    @Flag(help: "Install missing runtimes into the cache first (as `wasmbench setup` does).") var install = false

    func run() throws {
        let session = Session()
        let factory = session.workspace.runtimeFactory(session.workspace.toolbox(install: install), install: install)
        print(try factory.listing().joined(separator: "\n"))
    }
}

import Foundation
import WasmBenchModel
import WasmBenchReport

extension ReportFormat {
    /// Prints `result` in this format on stdout, the one report `run` and `report` print there;
    /// the terminal format is coloured when stdout is a terminal.
    func writeToStandardOutput(_ result: RunResult) throws(CommandError) {
        switch self {
        case .terminal: print(TerminalRenderer(useColor: isatty(1) == 1).render(result))
        case .markdown: print(MarkdownRenderer().render(result))
        case .html: FileHandle.standardOutput.write(Data(HTMLRenderer().render(result).utf8))
        case .json: FileHandle.standardOutput.write(try ArtifactFile.encode(result))
        }
    }
}

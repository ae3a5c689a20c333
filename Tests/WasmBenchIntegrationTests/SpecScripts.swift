import Foundation
import WasmBenchProcess

/// The official spec test suite's scripts, each turned into modules and commands by wabt's
/// `wast2json --enable-all` once per test process; every spec-suite test reads them from here.
enum SpecScripts {
    /// One value of a command: its type and its text (lanes for a v128).
    struct Value: Decodable, Sendable {
        var type: String
        var laneType: String?
        var value: [String]

        enum CodingKeys: String, CodingKey {
            case type
            case laneType = "lane_type"
            case value
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            laneType = try container.decodeIfPresent(String.self, forKey: .laneType)
            if let lanes = try? container.decode([String].self, forKey: .value) {
                value = lanes
            } else {
                value = (try container.decodeIfPresent(String.self, forKey: .value)).map { [$0] } ?? []
            }
        }
    }

    /// An `invoke` or `get` of a command.
    struct Action: Decodable, Sendable {
        var type: String
        var module: String?
        var field: String
        var args: [Value]?
    }

    /// One command of a script.
    struct Command: Decodable, Sendable {
        var type: String
        var line: Int
        var filename: String?
        var name: String?
        var `as`: String?
        var moduleType: String?
        var action: Action?
        var expected: [Value]?
        var text: String?

        enum CodingKeys: String, CodingKey {
            case type, line, filename, name, `as`, action, expected, text
            case moduleType = "module_type"
        }
    }

    /// A converted script: its name, the folder its modules are in, and its commands.
    struct Script: Sendable {
        var name: String
        var folder: URL
        var commands: [Command]
    }

    private struct File: Decodable {
        var commands: [Command]
    }

    /// The suite's folder: `WASMBENCH_SPEC_TESTSUITE`, or `shared/wasm-spec-testsuite` beside the checkout.
    static let folder: String = {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["WASMBENCH_SPEC_TESTSUITE"] { return folder }
        // Tests/WasmBenchIntegrationTests/ -> the checkout -> its sibling shared/ folder.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return checkout.deletingLastPathComponent().appendingPathComponent("shared/wasm-spec-testsuite").path
    }()

    /// Every script of the suite that wast2json converts, in name order.
    static let all: Result<[Script], SpecSuiteTests.SpecError> = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wasmbench-spec-\(getpid())")
        try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        guard let wast2json = ToolLocator.find("wast2json") else {
            return .failure(.init("wast2json not found: install Debian's wabt (apt-get install -y wabt)"))
        }
        guard
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".wast") }),
            !names.isEmpty
        else { return .failure(.init("no .wast files in \(folder); set WASMBENCH_SPEC_TESTSUITE")) }
        let launcher = ProcessLauncher()
        var scripts: [Script] = []
        for script in names.sorted() {
            let name = (script as NSString).deletingPathExtension
            let json = output.appendingPathComponent("\(name).json").path
            _ = try? launcher.capture(
                wast2json, ["--enable-all", "\(folder)/\(script)", "-o", json], environment: [:], timeout: 120)
            guard let data = FileManager.default.contents(atPath: json),
                let file = try? JSONDecoder().decode(File.self, from: data)
            else { continue }
            scripts.append(Script(name: name, folder: output, commands: file.commands))
        }
        return .success(scripts)
    }()
}

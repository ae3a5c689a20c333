import Foundation
import TestSupport
import Testing
import WasmBenchArtifact
import WasmBenchModel

@Suite("JSON artifact")
struct JSONArtifactTests {
    @Test("Encoding then decoding gives back an equal run result")
    func roundTrip() throws {
        let result = ReportFixture.runResult()
        let data = try JSONArtifact.encode(result)
        #expect(try JSONArtifact.decode(data) == result)
    }

    @Test("The encoded JSON is pretty-printed with sorted keys and ends in a newline")
    func layout() throws {
        let text = try #require(String(data: try JSONArtifact.encode(ReportFixture.runResult()), encoding: .utf8))
        #expect(text.hasPrefix("{\n  \"complete\" : true,\n  \"configuration\" : {"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"schemaVersion\" : \(WasmBenchModel.schemaVersion)"))
        #expect(text.contains("/opt/wasi-sdk/bin/clang"))
    }

    @Test("A file from another schema version is refused with a message that says what to do")
    func otherSchemaVersion() throws {
        let data = Data(#"{"schemaVersion": 99, "rows": "anything at all"}"#.utf8)
        let error = try #require(throws: ArtifactError.self) { try JSONArtifact.decode(data) }
        #expect(error == .schemaMismatch(found: 99, expected: WasmBenchModel.schemaVersion))
        #expect(
            error.description
                == "written by a different wasmbench version: schema 99, this build reads "
                + "\(WasmBenchModel.schemaVersion); re-run, or use the matching wasmbench")
    }

    @Test("JSON without a schemaVersion is not taken for a wasmbench file")
    func notAnArtifact() throws {
        let data = Data(#"{"name": "some-package", "version": "1.0.0"}"#.utf8)
        let error = try #require(throws: ArtifactError.self) { try JSONArtifact.decode(data) }
        #expect(error == .notAnArtifact("it has no schemaVersion field"))
        #expect(error.description.hasPrefix("not a wasmbench result file (it has no schemaVersion field)"))
    }

    @Test(
        "Data that is not a JSON object is not taken for a wasmbench file",
        arguments: [
            ("", "it is not valid JSON"),
            ("hello", "it is not valid JSON"),
            ("[1, 2]", "it is JSON but not a JSON object"),
            (#"{"schemaVersion": "1"}"#, "its schemaVersion is not a whole number"),
        ])
    func notJSONObject(text: String, reason: String) throws {
        let error = try #require(throws: ArtifactError.self) { try JSONArtifact.decode(Data(text.utf8)) }
        #expect(error == .notAnArtifact(reason))
    }

    @Test("A damaged file of the right version names the path of the bad field")
    func corrupt() throws {
        let error = try #require(throws: ArtifactError.self) {
            try JSONArtifact.decode(try Self.changing(row: 1, "value", to: "fast"))
        }
        guard case .corrupt(let path, _) = error else {
            Issue.record("expected a corrupt-file error, got \(error)")
            return
        }
        #expect(path == "rows[1].value")
        #expect(error.description.hasPrefix("the result file is damaged at rows[1].value: "))
    }

    @Test("A word this build does not know (a newer build's phase) is named with its path, and a newer build suggested")
    func unknownWord() throws {
        let error = try #require(throws: ArtifactError.self) {
            try JSONArtifact.decode(try Self.changing(row: 1, "phase", to: "warp-drive"))
        }
        #expect(error == .unknownValue(path: "rows[1].phase", value: "warp-drive"))
        #expect(error.description.contains("newer wasmbench"))
    }

    /// The fixture's artifact with one field of one row set to `value`.
    static func changing(row: Int, _ field: String, to value: Any) throws -> Data {
        let data = try JSONArtifact.encode(ReportFixture.runResult())
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var rows = try #require(object["rows"] as? [[String: Any]])
        rows[row][field] = value
        object["rows"] = rows
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("A missing field is reported with its full path")
    func missingField() throws {
        let data = try JSONArtifact.encode(ReportFixture.runResult())
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var machine = try #require(object["machine"] as? [String: Any])
        machine["cores"] = nil
        object["machine"] = machine
        let damaged = try JSONSerialization.data(withJSONObject: object)
        let error = try #require(throws: ArtifactError.self) { try JSONArtifact.decode(damaged) }
        #expect(error == .corrupt(path: "machine.cores", detail: "the field is missing"))
    }

    @Test("A non-finite number cannot be saved and says where it is")
    func notEncodable() throws {
        var result = ReportFixture.runResult()
        result.rows[0].value = .nan
        let error = try #require(throws: ArtifactError.self) { try JSONArtifact.encode(result) }
        guard case .notEncodable(let path, _) = error else {
            Issue.record("expected a not-encodable error, got \(error)")
            return
        }
        #expect(path == "rows[0].value")
    }
}

import Foundation
import WasmBenchModel

/// Writes and reads the saved artifact of a run as JSON.
///
/// The JSON is pretty-printed with sorted keys so two artifacts diff well. Reading checks the
/// `schemaVersion` field before anything else, so a file from another wasmbench version is
/// refused with a message that says so, not with a confusing decoding error. Neither function
/// touches the file system: the caller reads and writes the bytes.
package enum JSONArtifact {
    /// Encodes a run result, a comparison (`wasmbench compare --format json`) or an explain analysis
    /// (`wasmbench explain --json`) as UTF-8 JSON ending in a newline. A value JSON cannot hold (a
    /// non-finite number, which a well-formed artifact never has) throws ``ArtifactError/notEncodable(path:detail:)``.
    package static func encode(_ artifact: some Encodable) throws(ArtifactError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(artifact)
            data.append(0x0A)
            return data
        } catch EncodingError.invalidValue(_, let context) {
            throw .notEncodable(path: codingPathText(context.codingPath), detail: context.debugDescription)
        } catch {
            throw .notEncodable(path: "", detail: String(describing: error))
        }
    }

    /// Decodes a run result written by ``encode(_:)``, checking its `schemaVersion` first: data that
    /// is not JSON or has no `schemaVersion` is ``ArtifactError/notAnArtifact(_:)``, another layout
    /// version ``ArtifactError/schemaMismatch(found:expected:)``, a word this build does not know
    /// (an enum's raw value a newer build added) ``ArtifactError/unknownValue(path:value:)``, a
    /// missing or malformed field ``ArtifactError/corrupt(path:detail:)``.
    package static func decode(_ data: Data) throws(ArtifactError) -> RunResult {
        let found = try schemaVersion(of: data)
        guard found == WasmBenchModel.schemaVersion else {
            throw .schemaMismatch(found: found, expected: WasmBenchModel.schemaVersion)
        }
        do {
            return try JSONDecoder().decode(RunResult.self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            throw .corrupt(path: codingPathText(context.codingPath + [key]), detail: "the field is missing")
        } catch DecodingError.valueNotFound(_, let context) {
            throw .corrupt(path: codingPathText(context.codingPath), detail: "the value is null")
        } catch DecodingError.dataCorrupted(let context) {
            let path = codingPathText(context.codingPath)
            if let word = word(at: context.codingPath, in: data) { throw .unknownValue(path: path, value: word) }
            throw .corrupt(path: path, detail: detail(context, data))
        } catch DecodingError.typeMismatch(_, let context) {
            throw .corrupt(path: codingPathText(context.codingPath), detail: detail(context, data))
        } catch {
            throw .corrupt(path: "", detail: String(describing: error))
        }
    }

    /// The string at `path` in the JSON, if there is one there: a string the decoder refused is a
    /// word of the vocabulary (an enum's raw value) that this build does not have.
    private static func word(at path: [any CodingKey], in data: Data) -> String? {
        guard !path.isEmpty, var value = try? JSONSerialization.jsonObject(with: data) else { return nil }
        for key in path {
            if let index = key.intValue {
                guard let array = value as? [Any], array.indices.contains(index) else { return nil }
                value = array[index]
            } else {
                guard let object = value as? [String: Any], let next = object[key.stringValue] else { return nil }
                value = next
            }
        }
        return value as? String
    }

    /// The one field every version of the artifact has, read before anything else.
    private struct SchemaProbe: Decodable {
        var schemaVersion: Int
    }

    /// Reads only `schemaVersion`, telling "not ours" apart from "ours, another version".
    private static func schemaVersion(of data: Data) throws(ArtifactError) -> Int {
        do {
            return try JSONDecoder().decode(SchemaProbe.self, from: data).schemaVersion
        } catch DecodingError.keyNotFound {
            throw .notAnArtifact("it has no schemaVersion field")
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw .notAnArtifact("it is JSON but not a JSON object")
        } catch DecodingError.typeMismatch, DecodingError.valueNotFound {
            throw .notAnArtifact("its schemaVersion is not a whole number")
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw .notAnArtifact("it is not valid JSON")
        } catch {
            throw .notAnArtifact(String(describing: error))
        }
    }

    /// The decoder's explanation, with the parser's own reason when the text is not JSON the
    /// decoder reads ("Number 1e999 is not representable in Swift": the decoder alone only says
    /// "not valid JSON", so the parser is asked again for why).
    private static func detail(_ context: DecodingError.Context, _ data: Data) -> String {
        var underlying = context.underlyingError
        if underlying == nil && context.codingPath.isEmpty {
            do { _ = try JSONSerialization.jsonObject(with: data) } catch { underlying = error }
        }
        guard let underlying else { return context.debugDescription }
        let reason = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey].map { "\($0)" }
        return "\(context.debugDescription) (\(reason ?? String(describing: underlying)))"
    }

    /// Renders a coding path the way a reader would write it: `rows[3].phase`.
    package static func codingPathText(_ path: [any CodingKey]) -> String {
        String(path.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }.joined().trimmingPrefix("."))
    }
}

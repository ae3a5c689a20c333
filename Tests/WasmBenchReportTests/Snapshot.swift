import Foundation
import Testing

/// Compares rendered text with a snapshot file in `Snapshots/`, read from the test bundle.
///
/// With `WASMBENCH_RECORD_SNAPSHOTS=1` in the environment a missing or different snapshot is
/// written into the source tree (next to this file) and the test fails once, so the new file
/// is read by eye before it is committed; re-run without the variable to check it.
enum Snapshot {
    /// Records an issue unless `actual` equals the snapshot `name` (a file name with extension).
    static func expectMatch(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = stored(named: name)
        if expected == actual { return }
        if ProcessInfo.processInfo.environment["WASMBENCH_RECORD_SNAPSHOTS"] == "1" {
            record(actual, named: name, sourceLocation: sourceLocation)
            return
        }
        guard let expected else {
            let message =
                "no snapshot Snapshots/\(name); run the tests once with WASMBENCH_RECORD_SNAPSHOTS=1, read the "
                + "file, and commit it"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        let message =
            "output differs from Snapshots/\(name) (- snapshot, + actual); if the change is intended, re-record "
            + "with WASMBENCH_RECORD_SNAPSHOTS=1\n" + diff(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The snapshot as copied into the test bundle, if present.
    private static func stored(named name: String) -> String? {
        let url = URL(filePath: name)
        guard
            let file = Bundle.module.url(
                forResource: url.deletingPathExtension().lastPathComponent, withExtension: url.pathExtension,
                subdirectory: "Snapshots")
        else { return nil }
        return try? String(contentsOf: file, encoding: .utf8)
    }

    /// Writes the snapshot into the source tree.
    private static func record(_ actual: String, named name: String, sourceLocation: SourceLocation) {
        let folder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Snapshots")
        let file = folder.appending(path: name)
        do {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(file.path); read it, then re-run without WASMBENCH_RECORD_SNAPSHOTS",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, numbered, at most 30 of them.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for number in 0..<max(old.count, new.count) {
            let before = number < old.count ? String(old[number]) : nil
            let after = number < new.count ? String(new[number]) : nil
            guard before != after else { continue }
            if lines.count >= 30 {
                lines.append("… more lines differ")
                break
            }
            lines.append("line \(number + 1):")
            if let before { lines.append("- \(before)") }
            if let after { lines.append("+ \(after)") }
        }
        return lines.joined(separator: "\n")
    }
}

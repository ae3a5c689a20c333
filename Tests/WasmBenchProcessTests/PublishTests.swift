import Foundation
import Testing
import WasmBenchProcess

/// A cache folder built in a staging folder appears whole or not at all.
@Suite("Publishing a staged cache folder")
struct PublishTests {
    @Test("the staging folder replaces the old target, marked complete; a move that fails says why")
    func publish() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("publish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = root.appendingPathComponent(".staging")
        let target = root.appendingPathComponent("tool")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: target.appendingPathComponent("stale"))
        try Data("new".utf8).write(to: staging.appendingPathComponent("file"))
        #expect(FileSystem.publish(staging, to: target) == nil)
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent(".complete").path))
        #expect(FileManager.default.contents(atPath: target.appendingPathComponent("file").path) == Data("new".utf8))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("stale").path))
        let gone = root.appendingPathComponent("gone")
        let nowhere = root.appendingPathComponent("missing/parent/tool")
        try FileManager.default.createDirectory(at: gone, withIntermediateDirectories: true)
        let reason = try #require(FileSystem.publish(gone, to: nowhere))
        #expect(!reason.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: nowhere.path))
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchRunner

@Suite("Output files never destroy anything: inputs, folders, special files, links and modes are respected")
struct OutputFilesTests {
    let folder = TemporaryFolder()

    func file(_ name: String, _ text: String = "keep me") throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func message(_ body: () throws(ArtifactFileError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.description
        }
    }

    @Test("An output that is an input, by any spelling or through a link, is refused and the input kept")
    func inputs() throws {
        let module = try file("m.wasm")
        let link = folder.path("link.md")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: module)
        let respelled = folder.url.path + "/./sub/../m.wasm"
        for path in [module, link, respelled] {
            let problem = message { () throws(ArtifactFileError) in
                try OutputFiles.check([("--markdown", path)], inputs: [module])
            }
            #expect(problem?.contains("is an input of this command") == true, "\(path): \(problem ?? "accepted")")
        }
        #expect(try String(contentsOfFile: module, encoding: .utf8) == "keep me")
    }

    @Test("Two options naming one file are a usage error")
    func sameFile() throws {
        let error = try #require(throws: ArtifactFileError.self) {
            try OutputFiles.check([("--json", folder.path("a")), ("--html", folder.path("./a"))], inputs: [])
        }
        #expect(
            error == .sameOutput("--json and --html both name \(folder.path("./a")); give each output its own file"))
    }

    @Test("A folder, a FIFO and a link loop are named for what they are")
    func specialFiles() throws {
        let fifo = folder.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let loop = folder.path("loop")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let cases = [
            (folder.url.path, "is a folder"), (fifo, "is a FIFO"), (loop, "Too many levels of symbolic links"),
        ]
        for (path, expected) in cases {
            let problem = message { () throws(ArtifactFileError) in
                try OutputFiles.check([("--json", path)], inputs: [])
            }
            #expect(problem?.contains(expected) == true, "\(path): \(problem ?? "accepted")")
            let written = message { () throws(ArtifactFileError) in try ArtifactFile.write(Data("x".utf8), to: path) }
            #expect(written != nil, "\(path) was written")
        }
    }

    @Test("A write follows a link and keeps it, and an existing file keeps its permissions")
    func linksAndModes() throws {
        let target = try file("target.json")
        #expect(chmod(target, 0o640) == 0)
        let link = folder.path("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try ArtifactFile.write(Data("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test("Preparing leaves an existing file as it was and creates a new one")
    func prepare() throws {
        let existing = try file("old.json")
        try ArtifactFile.prepare(Data("empty run".utf8), at: existing)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
        let new = folder.path("new.json")
        try ArtifactFile.prepare(Data("empty run".utf8), at: new)
        #expect(try String(contentsOfFile: new, encoding: .utf8) == "empty run")
        #expect(chmod(existing, 0o444) == 0)
        defer { chmod(existing, 0o644) }
        if getuid() != 0 {
            let problem = message { () throws(ArtifactFileError) in try ArtifactFile.prepare(Data(), at: existing) }
            #expect(problem?.contains("read-only") == true)
        }
    }
}

import Foundation
import TestSupport
import Testing
import WasmBenchProvision
import WasmBenchWorkloads

@Suite("User modules: what can be told before any runtime sees them")
struct UserModuleTests {
    let folder = TemporaryFolder()

    var loader: UserModule {
        UserModule(buildFolder: folder.url) { text in
            guard text.contains("module") else { throw CocoaError(.fileReadCorruptFile) }
            return [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]
        }
    }

    func write(_ bytes: [UInt8], _ name: String) -> String {
        let path = folder.path(name)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func message(_ path: String) -> String {
        do {
            _ = try loader.load(path: path, function: nil, arguments: [], reportsMarkers: false)
            return "loaded"
        } catch {
            return error.description
        }
    }

    @Test("a missing file says so and what to check")
    func missing() {
        #expect(message(folder.path("nope.wasm")).contains("No such file or directory"))
    }

    @Test("a folder, an empty file, bad magic, truncation and a wrong version are each named")
    func badHeaders() {
        #expect(message(folder.url.path).contains("folder"))
        #expect(message(write([], "empty.wasm")).contains("empty"))
        #expect(message(write(Array("hello world".utf8), "text.wasm")).contains("bad magic"))
        #expect(message(write([0, 0x61, 0x73, 0x6d, 1], "short.wasm")).contains("truncated"))
        #expect(message(write([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0], "component.wasm")).contains("version"))
    }

    @Test("a valid header loads as a WASI command with its hash")
    func valid() throws {
        let path = write([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0], "ok.wasm")
        let built = try loader.load(path: path, function: nil, arguments: ["x"], reportsMarkers: false)
        #expect(built.info.id == "ok.wasm")
        #expect(built.info.wasmSHA256 == SHA256.hex([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))
        #expect(built.program.entry == .command(arguments: ["x"]))
    }

    @Test("a .wat file is converted and cached; WAT that does not parse is a clear error")
    func wat() throws {
        let good = folder.path("m.wat")
        try "(module)".write(toFile: good, atomically: true, encoding: .utf8)
        let built = try loader.load(path: good, function: "f", arguments: ["1"], reportsMarkers: false)
        #expect(built.program.wasmPath.hasSuffix("m.wasm"))
        #expect(built.program.entry == .invoke(function: "f", arguments: ["1"]))
        let bad = folder.path("bad.wat")
        try "(nonsense".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(message(bad).contains("WAT text does not parse"))
    }
}

@Suite("SHA-256 matches the FIPS 180-4 test vectors")
struct SHA256Tests {
    @Test("known answers from FIPS 180-4 / NIST examples")
    func vectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

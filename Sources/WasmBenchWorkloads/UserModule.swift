import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// A `.wasm` or `.wat` file a user passes to `wasmbench run`.
///
/// Only what can be told without an engine is checked here (readable, magic, version, length);
/// whether the module validates is each runtime's verdict, recorded per runtime.
public struct UserModule: Sendable {
    /// Converts WAT text to a binary (WasmKit's WAT parser, injected by the command line).
    public let convertWAT: @Sendable (String) throws -> [UInt8]
    /// Where converted `.wat` files are written.
    public let buildFolder: URL

    /// Creates a loader.
    public init(buildFolder: URL, convertWAT: @escaping @Sendable (String) throws -> [UInt8]) {
        self.buildFolder = buildFolder
        self.convertWAT = convertWAT
    }

    /// Loads a user module as a workload.
    ///
    /// - Parameters:
    ///   - path: the `.wasm` or `.wat` file.
    ///   - function: an export to call instead of `_start`, or nil for a WASI command.
    ///   - arguments: the command's arguments, or the function's.
    ///   - reportsMarkers: whether the guest prints wasmbench's markers and takes an iteration count.
    ///   - hosting: folders, environment, entry export and import handling the guest needs.
    public func load(
        path: String, function: String?, arguments: [String], reportsMarkers: Bool, hosting: GuestHosting = .none
    ) throws(WorkloadError) -> BuiltWorkload {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try FileSystem.read(url.path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        var bytes = [UInt8](data)
        var wasmPath = url.path
        if url.pathExtension.lowercased() == "wat" {
            guard let text = String(data: data, encoding: .utf8) else {
                throw .notWebAssembly(path: path, reason: "it is neither a binary module nor UTF-8 WAT text")
            }
            do {
                bytes = try convertWAT(text)
            } catch {
                throw .notWebAssembly(path: path, reason: "WAT text does not parse: \(error)")
            }
            let hash = SHA256.hex(bytes)
            let converted = buildFolder.appendingPathComponent(
                "wat/\(hash.prefix(16))/\(url.deletingPathExtension().lastPathComponent).wasm")
            do {
                try FileManager.default.createDirectory(
                    at: converted.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: converted, options: .atomic)
            } catch {
                throw .unreadable(
                    path: converted.path, reason: "cannot write the converted module: \(FileSystem.reason(error))")
            }
            wasmPath = converted.path
        }
        try Self.checkHeader(bytes, path: path)
        let name = url.lastPathComponent
        let entry: GuestProgram.Entry =
            function.map { .invoke(function: $0, arguments: arguments) } ?? .command(arguments: arguments)
        let program = GuestProgram(
            workload: name, wasmPath: wasmPath, entry: entry, reportsMarkers: reportsMarkers, hosting: hosting)
        let info = WorkloadInfo(
            id: name, suite: "user", summary: "user module \(path)", entry: function == nil ? .command : .invoke,
            function: function, arguments: arguments, reportsMarkers: reportsMarkers, wasmSHA256: SHA256.hex(bytes))
        var built = BuiltWorkload(program: program, info: info)
        built.info.wasmBytes = bytes.count
        return built
    }

    static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0 && bytes[1] == 0x61 && bytes[2] == 0x73 && bytes[3] == 0x6d
    }

    /// Checks the 8-byte preamble (magic `\0asm` and version 1), then that every section's
    /// declared size fits in the bytes that follow it: a module cut short is `truncated` here,
    /// before any runtime sees it. What is inside a section is each runtime's to judge.
    static func checkHeader(_ bytes: [UInt8], path: String) throws(WorkloadError) {
        guard !bytes.isEmpty else { throw .notWebAssembly(path: path, reason: "the file is empty") }
        guard hasMagic(bytes) else {
            throw .notWebAssembly(path: path, reason: "bad magic number (a module starts with \\0asm)")
        }
        guard bytes.count >= 8 else {
            throw .notWebAssembly(path: path, reason: "truncated: \(bytes.count) bytes, shorter than the 8-byte header")
        }
        guard bytes[4] == 1, bytes[5] == 0, bytes[6] == 0, bytes[7] == 0 else {
            let version = bytes[4...7].map { String($0) }.joined(separator: " ")
            throw .notWebAssembly(
                path: path, reason: "version bytes are \(version), not 1 0 0 0 (a component or another format?)")
        }
        var offset = 8
        while offset < bytes.count {
            let start = offset
            offset += 1
            guard let size = leb128(bytes, at: &offset), size <= bytes.count - offset else {
                throw .notWebAssembly(
                    path: path,
                    reason:
                        "truncated: section \(bytes[start]) at offset \(start) declares more bytes than the \(bytes.count - start) left in the file"
                )
            }
            offset += size
        }
    }

    /// An unsigned LEB128 number of at most 32 bits at `offset`, which moves past it; nil when
    /// the bytes end first or it is longer than 5 bytes.
    private static func leb128(_ bytes: [UInt8], at offset: inout Int) -> Int? {
        var value = 0
        for shift in stride(from: 0, to: 35, by: 7) {
            guard offset < bytes.count else { return nil }
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
        }
        return nil
    }
}

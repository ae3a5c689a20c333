import WasmBenchRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a module file into memory before any clock starts.
enum ModuleSource {
    /// The largest file read (a module this big is not a benchmark anyone can run in an interpreter).
    static let maximumBytes = 1 << 30

    /// The module's binary bytes: the file as is, or a `.wat` file converted with ``WATConverter``.
    ///
    /// A missing, unreadable or oversized file and text that does not convert are
    /// ``FailureKind/runtimeError`` and ``FailureKind/invalidModule`` failures that name the path.
    static func bytes(atPath path: String) throws(RunFailure) -> [UInt8] {
        let contents = try readFile(atPath: path)
        guard path.hasSuffix(".wat"), !contents.starts(with: [0x00, 0x61, 0x73, 0x6D]) else {
            return contents
        }
        do {
            return try WATConverter.wasm(fromWAT: String(decoding: contents, as: UTF8.self))
        } catch {
            throw RunFailure(
                .invalidModule,
                "WasmKit could not convert the text module \(path): \(error); fix the text or pass a .wasm file")
        }
    }

    private static func readFile(atPath path: String) throws(RunFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, errno) }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(path, errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw RunFailure(.runtimeError, "the module path \(path) is not a regular file; check the path")
        }
        guard status.st_size <= maximumBytes else {
            throw RunFailure(
                .runtimeError,
                "the module \(path) has \(status.st_size) bytes, more than the \(maximumBytes) wasmbench reads")
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(path, errno)
            }
            guard bytes.count + count <= maximumBytes else {
                throw RunFailure(.runtimeError, "the module \(path) grew past \(maximumBytes) bytes while it was read")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private static func unreadable(_ path: String, _ code: Int32) -> RunFailure {
        let reason = String(cString: strerror(code))
        return RunFailure(
            .runtimeError,
            "WasmKit could not read the module \(path): \(reason); check that the file exists and is readable")
    }
}

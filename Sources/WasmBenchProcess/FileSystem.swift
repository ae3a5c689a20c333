import Foundation

/// The file-system calls whose failures a user must be able to act on, made with the system's
/// own calls so that an error names what really happened (the `errno` text: "Too many levels of
/// symbolic links", "Read-only file system") instead of a Foundation error code.
///
/// Nothing here blocks: a FIFO is refused before it is opened for reading.
public enum FileSystem {
    /// Marks a folder built in `staging` complete (an empty `.complete` file, which cache lookups
    /// check) and moves it to `target` in place of whatever was there, so a reader sees the whole
    /// folder or none.
    ///
    /// - Returns: nil once moved, else why the move failed (the `errno` text), for the caller's error.
    public static func publish(_ staging: URL, to target: URL) -> String? {
        _ = FileManager.default.createFile(atPath: staging.appendingPathComponent(".complete").path, contents: Data())
        try? FileManager.default.removeItem(at: target)
        do {
            try FileManager.default.moveItem(at: staging, to: target)
            return nil
        } catch {
            return reason(error)
        }
    }

    /// What a path that exists and is not a regular file is.
    public enum Kind: String, Sendable, Equatable {
        /// A directory.
        case folder = "a folder"
        /// A named pipe.
        case fifo = "a FIFO (named pipe)"
        /// A Unix-domain socket.
        case socket = "a socket"
        /// A character or block device.
        case device = "a device"
        /// Anything else that is not a regular file.
        case other = "not a regular file"
    }

    /// Why a file-system call failed: the path and the reason, the `errno` text or what the path
    /// is instead of a file.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The path the call was given.
        public var path: String
        /// `strerror(errno)`, or "it is a FIFO (named pipe)" and the like.
        public var reason: String
        /// `errno`, when the system gave one.
        public var code: Int32?

        /// `PATH: REASON`.
        public var description: String { "\(path): \(reason)" }
    }

    /// What a path is when it exists and is not a regular file; nil for a regular file (symbolic
    /// links followed).
    ///
    /// - Throws: ``Failure`` when the path cannot be looked at (`ENOENT` included, with its text).
    public static func kind(of path: String) throws(Failure) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path) }
        return kind(info.st_mode)
    }

    /// Reads a whole regular file.
    ///
    /// - Throws: ``Failure`` with the `errno` text when it cannot be opened or read (a missing file,
    ///   a loop of symbolic links, no permission), or saying what it is when it is a folder, a
    ///   FIFO, a socket or a device (none of which is opened for reading, so nothing blocks).
    public static func read(_ path: String) throws(Failure) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path) }
        if let kind = kind(info.st_mode) { throw Failure(path: path, reason: "it is \(kind.rawValue)", code: nil) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Creates a folder and its missing parents, as `mkdir -p` does; an existing folder is fine.
    ///
    /// - Throws: ``Failure`` naming the first path that could not be made and the `errno` text
    ///   ("Read-only file system", "Permission denied", "Not a directory").
    public static func makeFolder(_ path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw Failure(path: path, reason: "it is \(kind(info.st_mode)?.rawValue ?? "a file"), not a folder")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolder(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw failure(path) }
    }

    /// Checks that files can be created in `folder` by creating and removing one.
    ///
    /// - Throws: ``Failure`` with the `errno` text when they cannot (a read-only or immutable
    ///   folder, a full disk; `access(2)` alone says yes to root on a read-only file system).
    public static func checkWritable(_ folder: String) throws(Failure) {
        let probe = (folder as NSString).appendingPathComponent(".wasmbench-write-test-\(getpid())")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(folder) }
        close(descriptor)
        unlink(probe)
    }

    /// The reason a Foundation file call gave, as the `errno` text when the error carries one
    /// (directly or underneath), else its own description.
    public static func reason(_ error: any Error) -> String {
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return (error as NSError).localizedDescription
    }

    private static func kind(_ mode: mode_t) -> Kind? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .folder
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR, S_IFBLK: .device
        default: .other
        }
    }

    private static func failure(_ path: String) -> Failure {
        let code = errno
        return Failure(path: path, reason: String(cString: strerror(code)), code: code)
    }
}

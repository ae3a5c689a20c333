import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A run's lock file: an exclusive `flock(2)` its process holds for as long as it lives, with the
/// process id written in it for a reader.
///
/// The kernel drops the lock when the process ends however it ends, SIGKILL included, so a lock
/// that can be taken belongs to a dead run; a process id alone cannot tell, since a new process
/// may reuse it. The descriptor is close-on-exec and children's guards close it, so no child
/// keeps a dead run's lock.
public final class RunLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Mutex<Int32?>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// Takes the lock at `path`, creating the file, and writes this process's id in it.
    ///
    /// - Returns: the lock, or nil when a live process holds it.
    /// - Throws: ``ProvisionError/cacheNotWritable(path:reason:)`` when the file cannot be made.
    public static func acquire(_ path: String) throws(ProvisionError) -> RunLock? {
        var descriptor: Int32 = -1
        // A sweep may take over and unlink the file between open and flock: then lock it anew.
        repeat {
            if descriptor >= 0 { close(descriptor) }
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw .cacheNotWritable(path: path, reason: "cannot write the run's lock file: \(reason)")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                return nil
            }
        } while !isFile(descriptor, at: path)
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return RunLock(path: path, descriptor: descriptor)
    }

    /// The lock of a dead run at `path`, taken over so that its files can be removed; nil when a
    /// live process holds it, or there is no such file.
    public static func takeOver(_ path: String) -> RunLock? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return RunLock(path: path, descriptor: descriptor)
    }

    /// Whether `descriptor` is still the file at `path` (not one unlinked since).
    private static func isFile(_ descriptor: Int32, at path: String) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0 else { return false }
        return opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
    }

    /// Removes the lock file and lets the lock go; later calls do nothing.
    public func release() {
        descriptor.withLock { descriptor in
            guard let open = descriptor else { return }
            unlink(path)
            close(open)
            descriptor = nil
        }
    }

    /// Lets the lock go but keeps the file: what the run left is a dead run's, for a sweep.
    deinit {
        descriptor.withLock { descriptor in
            if let open = descriptor { close(open) }
        }
    }
}

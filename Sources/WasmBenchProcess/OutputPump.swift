import CWasmBenchSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How much a child wrote on its standard output and error, and how much of it was kept.
public struct OutputTally: Sendable, Equatable {
    /// Bytes the child wrote on standard output (kept or not).
    public var stdoutBytes: Int
    /// Bytes the child wrote on standard error (kept or not); 0 when both streams go to one file.
    public var stderrBytes: Int
    /// The most bytes kept of each stream, or `nil` for no limit.
    public var limit: Int?

    /// Creates a tally.
    public init(stdoutBytes: Int = 0, stderrBytes: Int = 0, limit: Int? = nil) {
        self.stdoutBytes = stdoutBytes
        self.stderrBytes = stderrBytes
        self.limit = limit
    }

    /// Whether a stream went past the limit (its file holds only the first `limit` bytes).
    public var exceeded: Bool {
        guard let limit else { return false }
        return stdoutBytes > limit || stderrBytes > limit
    }

    /// The bytes read and thrown away beyond the limit, both streams together.
    public var discardedBytes: Int {
        guard let limit else { return 0 }
        return max(0, stdoutBytes - limit) + max(0, stderrBytes - limit)
    }
}

/// Copies a child's standard output and error from pipes into their files as it writes them,
/// keeping at most a limit of each and counting (and throwing away) the rest.
///
/// The child never writes to a file of ours directly, so however much it writes, its files hold at
/// most the limit and wasmbench holds at most one buffer of it in memory. The first byte past the
/// limit calls `exceeded` once (the launcher kills the child's group there). The pump reads on a
/// thread of its own until both pipes reach end of file, or until ``finish(grace:)`` stops it: a
/// helper that left the child's process group may keep a pipe open after the child is gone.
final class OutputPump: Sendable {
    private struct Stream {
        let pipe: Int32
        let file: Int32
        var written = 0
        var open = true
    }

    private struct State {
        var stopAt: UInt64?
        var tally: OutputTally
        var done = false
    }

    private let streams: [Stream]
    private let limit: Int?
    private let state: Mutex<State>
    private let ended = DispatchSemaphore(value: 0)

    /// The write ends to hand to the child (one descriptor for both when both streams go to one
    /// file); close them once the child has them.
    let childDescriptors: (stdout: Int32, stderr: Int32)

    /// Opens (creates or truncates) the files and the pipes.
    ///
    /// - Throws: ``ProcessError/cannotOpen(path:errno:)`` for a file or a pipe that cannot be opened.
    init(stdoutPath: String, stderrPath: String, limit: Int?) throws(ProcessError) {
        let paths = stdoutPath == stderrPath ? [stdoutPath] : [stdoutPath, stderrPath]
        var streams: [Stream] = []
        var writeEnds: [Int32] = []
        for path in paths {
            let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            var ends: [Int32] = [-1, -1]
            guard file >= 0, wasmbench_pipe(&ends) == 0 else {
                let code = errno
                if file >= 0 { close(file) }
                for stream in streams { Self.release(stream) }
                for end in writeEnds { close(end) }
                throw .cannotOpen(path: path, errno: code)
            }
            streams.append(Stream(pipe: ends[0], file: file))
            writeEnds.append(ends[1])
        }
        self.streams = streams
        self.limit = limit
        state = Mutex(State(tally: OutputTally(limit: limit)))
        childDescriptors = (writeEnds[0], writeEnds.last ?? writeEnds[0])
    }

    /// Starts reading; `exceeded` runs once, on the pump's thread, when a stream passes the limit.
    func start(exceeded: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            pump(exceeded: exceeded)
            ended.signal()
        }
        thread.name = "wasmbench output pump"
        thread.start()
    }

    /// Closes wasmbench's copies of the pipes' write ends (after the spawn, or when it failed).
    func closeChildDescriptors() {
        close(childDescriptors.stdout)
        if childDescriptors.stderr != childDescriptors.stdout { close(childDescriptors.stderr) }
    }

    /// Waits until both pipes reach end of file, reading at most `grace` seconds more; then closes
    /// the pipes and files and returns the tally.
    func finish(grace: Double) -> OutputTally {
        state.withLock { $0.stopAt = monotonicNanoseconds() &+ UInt64(max(0, grace) * 1e9) }
        ended.wait()
        return state.withLock { $0.tally }
    }

    /// Without a started thread (the child never started): closes everything.
    func abandon() {
        closeChildDescriptors()
        for stream in streams { Self.release(stream) }
    }

    private func pump(exceeded: @Sendable () -> Void) {
        var streams = self.streams
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var warned = false
        while streams.contains(where: \.open) {
            if let stopAt = state.withLock({ $0.stopAt }), monotonicNanoseconds() >= stopAt { break }
            var polls = streams.filter(\.open).map { pollfd(fd: $0.pipe, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polls, nfds_t(polls.count), 100)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            for index in streams.indices where streams[index].open {
                guard let polled = polls.first(where: { $0.fd == streams[index].pipe }), polled.revents != 0 else {
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(streams[index].pipe, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    streams[index].open = false
                    continue
                }
                keep(buffer, count: count, of: &streams[index])
                record(streams, index: index)
                if !warned, let limit, streams[index].written > limit {
                    warned = true
                    exceeded()
                }
            }
        }
        for stream in streams { Self.release(stream) }
    }

    /// Writes what fits under the limit to the stream's file; the rest is only counted.
    private func keep(_ buffer: [UInt8], count: Int, of stream: inout Stream) {
        let room = limit.map { max(0, $0 - stream.written) } ?? count
        var offset = 0
        let end = min(count, room)
        while offset < end {
            let written = buffer.withUnsafeBytes { bytes in
                bytes.baseAddress.map { write(stream.file, $0 + offset, end - offset) } ?? -1
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { break }
            offset += written
        }
        stream.written += count
    }

    private func record(_ streams: [Stream], index: Int) {
        state.withLock { state in
            if index == 0 {
                state.tally.stdoutBytes = streams[0].written
            } else {
                state.tally.stderrBytes = streams[index].written
            }
        }
    }

    private static func release(_ stream: Stream) {
        close(stream.pipe)
        close(stream.file)
    }
}

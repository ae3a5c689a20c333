#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CLOCK_MONOTONIC, the clock every phase is timed with.
enum MonotonicClock {
    /// The current reading in nanoseconds.
    static func nanoseconds() -> UInt64 { clockNanoseconds(CLOCK_MONOTONIC) }
}

/// CLOCK_REALTIME, the clock a guest's `wasmbench:start` marker is read from.
enum RealtimeClock {
    /// The current reading in nanoseconds since the Unix epoch.
    static func nanoseconds() -> UInt64 { clockNanoseconds(CLOCK_REALTIME) }
}

/// Reads a clock; a clock that cannot be read (which POSIX rules out for these two) reads as 0.
private func clockNanoseconds(_ clock: clockid_t) -> UInt64 {
    var time = timespec()
    guard clock_gettime(clock, &time) == 0 else { return 0 }
    return UInt64(clamping: time.tv_sec) &* 1_000_000_000 &+ UInt64(clamping: time.tv_nsec)
}

/// Flushes the worker's buffered C streams, so its own output and the guest's (which WASI writes
/// straight to the file descriptors) come out in the order they were made.
func flushStandardStreams() {
    fflush(nil)
}

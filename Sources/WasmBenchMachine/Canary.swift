import WasmBenchProcess

/// A fixed loop of wasmbench's own, timed with the monotonic clock, to see the machine's state
/// next to a measurement: on shared VMs the same native code switches between a fast and a slow
/// state within fractions of a second, which neither `/proc/stat` steal nor
/// `/proc/pressure/cpu` shows, while a loop like this does.
///
/// The standard canary, ``fib``, is the naive recursive Fibonacci function (the `fib` kernel's
/// shape: calls, returns and a compare, no memory traffic) compiled into wasmbench itself and run
/// in its own process. Why not a C file built at run time like the exec helper: it needs no C
/// compiler (so `wasmbench doctor` works wherever wasmbench runs) and no process start per
/// sample (a sample costs only its loop), and any CPU-bound loop shows the machine's states.
/// The cost of that choice: its absolute time depends on how wasmbench was built, so its
/// ``name`` says which build, and canary times compare only between equal names (spreads and
/// ratios do not depend on it). A custom canary (a fake in tests) is any closure returning seconds.
public struct Canary: Sendable {
    /// What the canary is, saved with its samples, e.g.
    /// `fib(35) in Swift, inside wasmbench (release build)`; times compare only under one name.
    public let name: String
    private let body: @Sendable () -> Double

    /// Creates a canary from a closure that runs the loop once and returns its time in seconds.
    public init(name: String, measure: @escaping @Sendable () -> Double) {
        self.name = name
        self.body = measure
    }

    /// Runs the loop once and returns how long it took, in seconds.
    public func measure() -> Double { body() }

    /// The argument of the standard canary: 35 in a release build, about 21 ms per run on the
    /// 2-core EPYC VMs wasmbench is developed on; 30 in a debug build, whose unoptimised code is
    /// several times slower, so a sample costs about as much there.
    public static var fibArgument: Int {
        #if DEBUG
            return 30
        #else
            return 35
        #endif
    }

    /// The standard canary: fib(``fibArgument``), timed with `CLOCK_MONOTONIC`.
    public static let fib = Canary(name: "fib(\(fibArgument)) in Swift, inside wasmbench (\(buildKind) build)") {
        let n = opaque(fibArgument)
        let start = monotonicNanoseconds()
        let result = canaryFib(n)
        let elapsed = monotonicNanoseconds() &- start
        keep(result)
        return Double(elapsed) / 1e9
    }

    /// `release` or `debug`: the canary's time depends on it.
    public static var buildKind: String {
        #if DEBUG
            return "debug"
        #else
            return "release"
        #endif
    }
}

/// The naive doubly recursive Fibonacci function, wrapping on overflow (it never overflows for
/// the canary's argument): about fib(n + 1) calls.
@inline(never)
func canaryFib(_ n: Int) -> UInt64 {
    n < 2 ? UInt64(truncatingIfNeeded: n) : canaryFib(n - 1) &+ canaryFib(n - 2)
}

/// Returns its argument through a barrier the optimiser cannot see through, so the loop's
/// argument is not a compile-time constant.
@_optimize(none)
@inline(never)
func opaque(_ value: Int) -> Int { value }

/// Consumes a result so the optimiser cannot drop the work that made it.
@_optimize(none)
@inline(never)
func keep(_ value: UInt64) {}

/// What a guest printed in wasmbench's marker protocol.
///
/// The kernels (and any guest that wants per-iteration times) print these lines on stdout:
/// - `wasmbench:load <ns>`: a host driver's time to load an interpreter it builds in JavaScript
///   (Pyodide's `loadPyodide`), printed by the driver before the guest starts;
/// - `wasmbench:start <ns>`: CLOCK_REALTIME at the top of `main`, to measure start-up;
/// - `wasmbench:import <ns>`: an interpreter guest's time to load its benchmark file;
/// - `wasmbench:iter <index> <ns>`: the elapsed CLOCK_MONOTONIC time of one iteration;
/// - `wasmbench:check ok <checksum>` or `wasmbench:check fail <details>`: the self-check;
/// - `wasmbench:check error <details>`: the guest program itself failed (a Python exception).
/// Other lines are ignored. A malformed marker line is reported, not skipped silently. A failed
/// check (`fail` or `error`) stands: no later check line overrides it.
public struct GuestReport: Sendable, Equatable {
    /// The time a host driver took to load the interpreter (`wasmbench:load <ns>`).
    public var loadNanoseconds: UInt64?
    /// The guest's realtime clock at the top of `main`, in nanoseconds.
    public var startRealtimeNanoseconds: UInt64?
    /// The time an interpreter guest took to load its benchmark (`wasmbench:import <ns>`).
    public var importNanoseconds: UInt64?
    /// Per-iteration times in nanoseconds, in the order printed.
    public var iterations: [(index: Int, nanoseconds: UInt64)]
    /// The self-check verdict: `true` for ok, `false` for fail or error, `nil` when none was printed.
    public var checkPassed: Bool?
    /// Whether the check line said `error`: the guest program failed rather than computed wrongly.
    public var checkIsError: Bool
    /// The rest of the check line (the checksum, or got/want).
    public var checkDetail: String
    /// Marker lines that could not be read.
    public var malformedLines: [String]

    /// Reads the markers out of the standard output of a guest that prints them; a guest that was
    /// not asked to (``GuestProgram/reportsMarkers`` unset) gives an empty report, whatever it printed.
    public init(reading output: String, of program: GuestProgram) {
        self.init(parsing: program.reportsMarkers ? output : "")
    }

    /// Reads the markers out of a guest's standard output.
    public init(parsing output: String) {
        loadNanoseconds = nil
        startRealtimeNanoseconds = nil
        importNanoseconds = nil
        iterations = []
        checkPassed = nil
        checkIsError = false
        checkDetail = ""
        malformedLines = []
        for line in output.split(whereSeparator: \.isNewline) where line.hasPrefix("wasmbench:") {
            parse(line: line)
        }
    }

    private mutating func parse(line: Substring) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        switch words.first {
        case "wasmbench:load" where words.count == 2:
            if let ns = UInt64(words[1]) {
                loadNanoseconds = ns
                return
            }
        case "wasmbench:start" where words.count == 2:
            if let ns = UInt64(words[1]) {
                startRealtimeNanoseconds = ns
                return
            }
        case "wasmbench:import" where words.count == 2:
            if let ns = UInt64(words[1]) {
                importNanoseconds = ns
                return
            }
        case "wasmbench:iter" where words.count == 3:
            if let index = Int(words[1]), let ns = UInt64(words[2]) {
                iterations.append((index, ns))
                return
            }
        case "wasmbench:check" where words.count >= 2:
            if words[1] == "ok" || words[1] == "fail" || words[1] == "error" {
                // A failed check stands; a later line (a guest printing `ok` after `fail`) cannot clear it.
                guard checkPassed != false else { return }
                checkPassed = words[1] == "ok"
                checkIsError = words[1] == "error"
                checkDetail = words.dropFirst(2).joined(separator: " ")
                return
            }
        default:
            break
        }
        malformedLines.append(String(line))
    }

    /// What a passing self-check reported (`wasmbench:check ok <value>`: a kernel's checksum, the
    /// python runner's benchmark name), for comparing runs of the same workload; `nil` when the
    /// check did not pass or its value is not one token of at most 64 letters, digits and `._:-`
    /// (a guest's bytes are not trusted into the saved rows as they come).
    public var checkValue: String? {
        guard checkPassed == true, (1...64).contains(checkDetail.utf8.count),
            checkDetail.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x5F || byte == 0x3A || byte == 0x2D
            })
        else { return nil }
        return checkDetail
    }

    /// Equal when every field is equal.
    public static func == (lhs: GuestReport, rhs: GuestReport) -> Bool {
        lhs.loadNanoseconds == rhs.loadNanoseconds && lhs.startRealtimeNanoseconds == rhs.startRealtimeNanoseconds
            && lhs.importNanoseconds == rhs.importNanoseconds
            && lhs.iterations.map(\.index) == rhs.iterations.map(\.index)
            && lhs.iterations.map(\.nanoseconds) == rhs.iterations.map(\.nanoseconds)
            && lhs.checkPassed == rhs.checkPassed && lhs.checkIsError == rhs.checkIsError
            && lhs.checkDetail == rhs.checkDetail
            && lhs.malformedLines == rhs.malformedLines
    }
}

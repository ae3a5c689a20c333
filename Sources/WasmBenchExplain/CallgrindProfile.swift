/// What a callgrind output file says: the total instruction count and each function's own
/// (exclusive) instructions.
///
/// Parses the format of valgrind's `callgrind.out.PID` files, counting the `Ir` event (the
/// `events:` header says which column it is, `positions:` how many position columns come
/// first; `--tool=callgrind` writes `positions: line` and `events: Ir`): `fn=` lines name the function the following cost lines
/// belong to, with name compression (`fn=(12) name` defines id 12, a later `fn=(12)` refers to
/// it); a cost line is a position followed by the cost; the cost line right after a `calls=`
/// line is the inclusive cost of that call and belongs to the callee, so it is not the caller's
/// own. The same name in several objects (a `memcpy` in two libraries) and a recursive function's
/// levels (`fib`, `fib'2`) are summed, and so are their call edges (``calls``: `cfn=` names the
/// callee of the next `calls=` line). The total is
/// the `totals:` (or else `summary:`) line, or the sum of every own cost when neither is there.
///
/// Malformed lines are skipped, not errors: a file cut short gives the costs read so far.
/// Returns `nil` from ``init(parsing:)`` only for text with no cost line and no total at all.
///
/// Source: the callgrind format specification, valgrind 3.19 manual, "Callgrind Format
/// Specification" (<https://valgrind.org/docs/manual/cl-format.html>).
public struct CallgrindProfile: Sendable, Equatable {
    /// Instructions executed by the whole process (every thread).
    public var totalInstructions: Double
    /// Each function's own instructions, by name.
    public var selfInstructions: [String: Double]
    /// The call graph: for each caller, each callee's inclusive instructions over all its calls
    /// from that caller (the cost line after a `calls=` line, summed).
    public var calls: [String: [String: Double]]

    /// A profile of the given counts.
    public init(totalInstructions: Double, selfInstructions: [String: Double], calls: [String: [String: Double]]) {
        self.totalInstructions = totalInstructions
        self.selfInstructions = selfInstructions
        self.calls = calls
    }

    /// Parses a callgrind output file's text.
    public init?(parsing text: String) {
        var names: [String: String] = [:]
        var current: String?
        var skipNextCost = false
        var callee: String?
        var edges: [String: [String: Double]] = [:]
        var own: [String: Double] = [:]
        var total: Double?
        var summary: Double?
        var sawCost = false
        // Cost lines hold `positions` columns, then one column per event; Ir is the one counted.
        var positions = 1
        var instructionColumn = 0
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("positions:") {
                positions = max(1, line.dropFirst(10).split(separator: " ").count)
            } else if line.hasPrefix("events:") {
                instructionColumn = line.dropFirst(7).split(separator: " ").firstIndex(of: "Ir") ?? 0
            } else if line.hasPrefix("fn=") {
                current = Self.function(Self.resolve(String(line.dropFirst(3)), names: &names))
                (skipNextCost, callee) = (false, nil)
            } else if line.hasPrefix("calls=") {
                skipNextCost = true
            } else if line.hasPrefix("totals:") {
                total = Self.number(line.dropFirst(7))
            } else if line.hasPrefix("summary:") {
                summary = Self.number(line.dropFirst(8))
            } else if let first = line.first, first.isNumber || first == "+" || first == "-" || first == "*" {
                let fields = line.split(separator: " ")
                let isCallCost = skipNextCost
                skipNextCost = false
                // A missing trailing event column is 0 (the format's own rule).
                let column = positions + instructionColumn
                guard fields.count >= positions else { continue }
                let cost = column < fields.count ? Double(fields[column]) ?? 0 : 0
                sawCost = true
                if !isCallCost, let current { own[current, default: 0] += cost }
                if isCallCost, let current, let callee { edges[current, default: [:]][callee, default: 0] += cost }
            } else if line.hasPrefix("cfn=") {
                // Defines a callee's compressed name too: a later `fn=(id)` may refer to it.
                callee = Self.function(Self.resolve(String(line.dropFirst(4)), names: &names))
            }
        }
        guard sawCost || total != nil || summary != nil else { return nil }
        totalInstructions = total ?? summary ?? own.values.reduce(0, +)
        selfInstructions = own
        calls = edges
    }

    /// `(12) name` defines and returns `name`; `(12)` returns what 12 was defined as; a plain name is itself.
    private static func resolve(_ text: String, names: inout [String: String]) -> String {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return text }
        let id = String(text[text.index(after: text.startIndex)..<close])
        let rest = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        if rest.isEmpty { return names[id] ?? "(\(id))" }
        names[id] = rest
        return rest
    }

    /// A function's name without callgrind's recursion-depth suffix (`fib'2` is `fib` called
    /// from itself): one function, however deep.
    static func function(_ name: String) -> String {
        guard let quote = name.lastIndex(of: "'"), !name[name.index(after: quote)...].isEmpty,
            name[name.index(after: quote)...].allSatisfy(\.isNumber)
        else { return name }
        return String(name[..<quote])
    }

    private static func number(_ text: Substring) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }
}

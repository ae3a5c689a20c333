import WasmBenchModel

/// One Wasm opcode: a single byte, or a prefix byte (0xFB GC, 0xFC misc, 0xFD SIMD, 0xFE threads)
/// followed by a LEB128 sub-opcode.
///
/// ``rawValue`` packs it in a number: the byte itself, or `prefix << 24 | sub-opcode`. Names and
/// categories come from the WebAssembly 3.0 specification's binary format (and the threads
/// proposal's); an opcode of no proposal listed here is still counted, named `unknown`.
public struct Opcode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The byte, or `prefix << 24 | sub-opcode`.
    public var rawValue: UInt32

    /// Creates an opcode from its packed value.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// A single-byte opcode.
    public init(_ byte: UInt8) {
        self.rawValue = UInt32(byte)
    }

    /// A prefixed opcode.
    public init(prefix: UInt8, _ sub: UInt32) {
        self.rawValue = UInt32(prefix) << 24 | (sub & 0x00FF_FFFF)
    }

    /// The prefix byte, or nil for a single-byte opcode.
    public var prefix: UInt8? {
        rawValue > 0xFF ? UInt8(rawValue >> 24) : nil
    }

    /// The byte, or the sub-opcode after the prefix.
    public var code: UInt32 {
        rawValue & 0x00FF_FFFF
    }

    /// The bytes as written, e.g. `0x20` or `0xFD 0x0C` (the sub-opcode's value, not its LEB128 bytes).
    public var description: String {
        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return "0x" + (digits.count % 2 == 1 ? "0" + digits : digits)
        }
        return prefix.map { "\(hex(UInt32($0))) \(hex(code))" } ?? hex(code)
    }

    /// The mnemonic, or `unknown`.
    public var name: String {
        OpcodeNames.name(of: self) ?? "unknown"
    }

    /// The kind of instruction, for the report's totals.
    public var category: OpcodeCategory {
        OpcodeNames.category(of: self)
    }

    /// Orders single bytes first, then by prefix and sub-opcode.
    public static func < (lhs: Opcode, rhs: Opcode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The prefix bytes whose opcodes continue with a LEB128 sub-opcode.
    static let prefixes: Set<UInt8> = [0xFB, 0xFC, 0xFD, 0xFE]

    /// Reads the opcode at the start of `bytes` (an instruction's first bytes), or nil when a
    /// prefix's sub-opcode is cut short.
    static func read(_ bytes: ArraySlice<UInt8>) -> Opcode? {
        guard let first = bytes.first else { return nil }
        guard prefixes.contains(first) else { return Opcode(first) }
        var reader = ByteReader(bytes.dropFirst())
        guard let sub = try? reader.unsigned() else { return nil }
        return Opcode(prefix: first, UInt32(truncatingIfNeeded: sub))
    }

    /// The memory index an atomic instruction (prefix 0xFE, `atomic.fence` aside) names in its
    /// memarg, or nil for any other instruction. WasmKit's visitor hands atomics' memargs to
    /// sixty methods; the memarg is read here from the instruction's bytes instead: the flags,
    /// then, when the flags' bit 6 is set (multi-memory), the memory index.
    static func atomicMemory(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        guard bytes.first == 0xFE else { return nil }
        var reader = ByteReader(bytes.dropFirst())
        guard let sub = try? reader.unsigned(), sub != 0x03, let flags = try? reader.unsigned() else { return nil }
        guard flags & 0x40 != 0 else { return 0 }
        return (try? reader.unsigned()).map { UInt32(truncatingIfNeeded: $0) }
    }
}

/// Reads the binary format's integers from a slice of a module, keeping the slice's own indices
/// (so offsets are the module's byte offsets).
struct ByteReader {
    /// Why a read failed: the bytes ran out or a LEB128 number ran past its width.
    struct Truncated: Error {
        /// The offset the read stopped at.
        var offset: Int
    }

    private(set) var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// The offset of the next byte.
    var offset: Int { bytes.startIndex }

    /// Whether every byte has been read.
    var isAtEnd: Bool { bytes.isEmpty }

    /// One byte.
    mutating func byte() throws(Truncated) -> UInt8 {
        guard let first = bytes.first else { throw Truncated(offset: offset) }
        bytes = bytes.dropFirst()
        return first
    }

    /// An unsigned LEB128 number of at most 64 bits.
    mutating func unsigned() throws(Truncated) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Truncated(offset: offset) }
            result |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// The next `count` bytes.
    mutating func take(_ count: Int) throws(Truncated) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count else { throw Truncated(offset: offset) }
        let taken = bytes.prefix(count)
        bytes = bytes.dropFirst(count)
        return taken
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as an unsigned LEB128 number (the binary format's `u32`/`u64`).
    mutating func appendUnsigned<T: BinaryInteger>(_ value: T) {
        var rest = UInt64(value)
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    /// Appends a name: its UTF-8 length as LEB128, then its bytes.
    mutating func appendName(_ name: String) {
        let utf8 = Array(name.utf8)
        appendUnsigned(utf8.count)
        append(contentsOf: utf8)
    }
}

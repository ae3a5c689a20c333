/// Removes a module's custom sections (`name`, `producers`, `target_features`, DWARF's
/// `.debug_*`, `sourceMappingURL`, …), keeping every other section byte for byte.
///
/// The binary format puts a module's sections one after another, each an id byte, a `u32` LEB128
/// size and that many bytes; custom sections have id 0 and may appear anywhere, and an engine
/// ignores them for execution (WebAssembly Core Specification 2.0, 5.5.2 "Sections" and 5.5.3
/// "Custom Section"). So dropping them leaves a module that validates and runs exactly as before:
/// the other sections, the code section included, are copied as they lay, size bytes and all.
/// `dylink.0` is kept: a dynamic library's loader reads it (tool-conventions, DynamicLinking.md).
///
/// Errors: bytes that are not a module (no `\0asm` magic, a version other than 1) or a section
/// that runs past the end are ``InstrumentError/Kind/malformed``. Not errors: a module without
/// custom sections (returned unchanged), a custom section whose name is not valid UTF-8 (removed,
/// its name recorded with replacement characters).
public enum CustomSectionStripper {
    /// A stripped module and what was taken out of it.
    public struct Stripped: Sendable, Equatable {
        /// The module without its custom sections.
        public var bytes: [UInt8]
        /// The names of the removed sections, in order.
        public var removed: [String]
        /// The bytes removed (whole sections: id, size and contents).
        public var removedBytes: Int
    }

    /// The custom sections kept, because a loader needs them.
    public static let kept: Set<String> = ["dylink.0"]

    /// The module's bytes without its custom sections (but ``kept``).
    ///
    /// - Throws: ``InstrumentError`` (`malformed`) naming the offset where the module stops
    ///   making sense.
    public static func strip(_ module: [UInt8]) throws(InstrumentError) -> Stripped {
        let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        guard module.count >= 8, Array(module[0..<8]) == header else {
            throw InstrumentError(.malformed, reason: "not a WebAssembly 1.0 module (no `\\0asm` magic and version 1)")
        }
        var output = header
        var removed: [String] = []
        var reader = ByteReader(module[8...])
        do throws(ByteReader.Truncated) {
            while !reader.isAtEnd {
                let start = reader.offset
                let id = try reader.byte()
                let contents = try reader.take(Int(clamping: try reader.unsigned()))
                if id == 0 {
                    var inner = ByteReader(contents)
                    let name = String(decoding: try inner.take(Int(clamping: try inner.unsigned())), as: UTF8.self)
                    if !kept.contains(name) {
                        removed.append(name)
                        continue
                    }
                }
                output += module[start..<contents.endIndex]
            }
        } catch {
            throw InstrumentError(.malformed, reason: "a section runs past the end of the module", offset: error.offset)
        }
        return Stripped(bytes: output, removed: removed, removedBytes: module.count - output.count)
    }
}

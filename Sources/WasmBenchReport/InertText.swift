/// Makes text from an artifact (a guest's stderr, a failure message, a workload, runtime or file
/// name) inert in a report: it shows as the characters it holds and cannot drive the terminal or
/// the Markdown renderer that displays it.
///
/// Not an error: text with nothing to remove comes back unchanged.
package enum InertText {
    /// `text` without terminal control: escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL`
    /// or `ESC \`, the other string sequences and two-character escapes) are removed whole, a
    /// carriage return becomes a line break (`\r\n` one break), and every other C0 or C1 control
    /// and DEL is dropped. Newlines and tabs stay.
    package static func stripped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        var input = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? input.next() {
            pending = nil
            switch scalar.value {
            case 0x0A, 0x09: scalars.append(scalar)
            case 0x0D:
                scalars.append("\n")
                pending = input.next()
                if pending == "\n" { pending = nil }
            case 0x1B:
                switch input.next() {
                case "[": skipControlSequence(&input)
                case "]", "P", "X", "^", "_": skipString(&input)
                default: break
                }
            case 0x9B: skipControlSequence(&input)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: skipString(&input)
            default:
                if !isControl(scalar) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// `text` stripped (``stripped(_:)``) and escaped for Markdown prose: a backslash before each
    /// `\`, `` ` ``, `<` and `>`, so no HTML tag or code span starts inside it.
    /// `backticks: false` keeps backticks, for a sentence that marks its code with them.
    static func markdown(_ text: String, backticks: Bool = true) -> String {
        let special: Set<Character> = backticks ? ["\\", "<", ">", "`"] : ["\\", "<", ">"]
        return String(stripped(text).flatMap { special.contains($0) ? ["\\", $0] : [$0] })
    }

    /// Whether a scalar is a C0 or C1 control or DEL.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Skips a control sequence's parameters up to and including its final byte (`@` to `~`).
    private static func skipControlSequence(_ input: inout String.UnicodeScalarView.Iterator) {
        while let scalar = input.next(), !(0x40...0x7E).contains(scalar.value) {}
    }

    /// Skips a string sequence up to and including its terminator: BEL, `ESC \` or ST.
    private static func skipString(_ input: inout String.UnicodeScalarView.Iterator) {
        while let scalar = input.next() {
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if scalar.value == 0x1B {
                _ = input.next()
                return
            }
        }
    }
}

/// ANSI styling for the terminal report; every function returns its input unchanged when
/// colour is off, so snapshot output is plain text.
struct Palette {
    /// Whether to emit ANSI escape sequences.
    var enabled: Bool

    /// Bold text, for titles and headings.
    func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dim text, for secondary information.
    func dim(_ text: String) -> String { wrap(text, "2") }
    /// Yellow text, for things worth a look.
    func yellow(_ text: String) -> String { wrap(text, "33") }
    /// Red text, for failures and large slowdowns.
    func red(_ text: String) -> String { wrap(text, "31") }

    /// Colours a formatted ratio by its size: above 3 red, above 1.5 yellow, else plain.
    func ratio(_ text: String, value: Double) -> String {
        if value > 3 { return red(text) }
        if value > 1.5 { return yellow(text) }
        return text
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

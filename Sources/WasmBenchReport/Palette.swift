/// ANSI styling for the terminal report; it returns its input unchanged when colour is off, so
/// snapshot output is plain text.
struct Palette {
    /// Whether to emit ANSI escape sequences.
    var enabled: Bool

    /// `text` in the terminal's style for `tone`: bold to stand out, red for a regression or a
    /// failure, yellow for doubt and things worth a look, dim for secondary information.
    func paint(_ text: String, _ tone: ReportText.Tone) -> String {
        let code =
            switch tone {
            case .strong: "1"
            case .alarm, .failure: "31"
            case .doubt, .warning: "33"
            case .muted: "2"
            }
        return enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Colours a formatted ratio by its size: above 3 red, above 1.5 yellow, else plain.
    func ratio(_ text: String, value: Double) -> String {
        value > 3 ? paint(text, .alarm) : value > 1.5 ? paint(text, .warning) : text
    }
}

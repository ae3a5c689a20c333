/// One section of a report: its name, a caption and its blocks.
struct ReportSection {
    /// What a section is called, so that legends can point at it.
    struct Name: Equatable, Sendable {
        /// The anchor, e.g. `builds`.
        var id: String
        /// The heading, e.g. `Builds and fairness`.
        var title: ReportText

        /// The terminal's title: the heading with a lower-case first letter.
        var short: String { title.plain.prefix(1).lowercased() + title.plain.dropFirst() }
    }

    var name: Name
    /// What the section shows, in a few words: the terminal puts it after the title, the other
    /// formats under the heading.
    var caption: String?
    var blocks: [ReportBlock]

    /// The caption as a note, then the blocks: what a format with headings writes.
    var body: [ReportBlock] {
        let sentence = caption.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
        return (sentence.map { [.paragraph([.text($0)], role: .note)] } ?? []) + blocks
    }

    /// Whether the section holds nothing but charts, which only a format that draws them writes.
    var isCharts: Bool {
        blocks.allSatisfy { if case .charts = $0 { true } else { false } }
    }

    init(_ name: Name, caption: String? = nil, _ blocks: [ReportBlock]) {
        self.name = name
        self.caption = caption
        self.blocks = blocks
    }

    /// A section of one list for each of `lists` that has items, in order.
    static func lists(_ lists: [(id: String, title: ReportText, items: [ReportText])], style: ReportBlock.ListStyle)
        -> [ReportSection]
    {
        lists.filter { !$0.items.isEmpty }.map {
            ReportSection(.init(id: $0.id, title: $0.title), [.list($0.items, style: style)])
        }
    }
}

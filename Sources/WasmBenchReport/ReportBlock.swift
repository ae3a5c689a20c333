/// One block of a report section.
enum ReportBlock {
    /// What a paragraph is for.
    enum Role {
        case plain
        /// A description under a heading, shown quieter.
        case note
        /// Something to notice first (an incomplete run, a regression).
        case alert
    }

    /// How a list reads.
    enum ListStyle {
        /// Bullets, after a blank line in the terminal.
        case bullets
        /// Lines right under the heading in the terminal.
        case lines
    }

    /// A paragraph of one or more lines.
    case paragraph([ReportText], role: Role = .plain)
    case list([ReportText], style: ListStyle)
    /// Labelled facts, e.g. `CPU: …`.
    case facts([ReportFact])
    case table(ReportTable)
    /// What the marks of the table above mean.
    case legend([ReportText])
    /// A heading inside a section (level 3 or 4).
    case heading(ReportText, level: Int)
    /// Charts, side by side when `grid` is set; only HTML draws them.
    case figures([ReportFigure], grid: Bool)
    /// Blocks about charts (the charts, their headings and keys): written only by a format that
    /// draws charts, so the others say nothing about charts they do not show.
    case charts([ReportBlock])

    /// The block's charts, those among ``charts(_:)``'s blocks included.
    var figures: [ReportFigure] {
        switch self {
        case .figures(let figures, _): figures
        case .charts(let blocks): blocks.flatMap(\.figures)
        default: []
        }
    }
}

/// A labelled fact whose value has one or more segments: the terminal wraps between segments,
/// the other formats join them with ` · `.
struct ReportFact {
    /// What the fact is, e.g. `CPU governor`.
    var label: String
    var value: [ReportText]
}

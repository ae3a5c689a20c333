/// A table of typed cells: columns, rows in groups (a heading before each, if any), and a
/// footer row (the geometric means).
struct ReportTable {
    struct Column {
        var header: ReportText
        /// Whether the column holds numbers (aligned right).
        var numeric = false
        /// In a terminal list table, whether the text wraps (the last column's always does).
        var wraps = false
    }

    struct Row {
        /// A cell per column; the first heads the row.
        var cells: [ReportCell]
        /// A line under the row in the terminal (a failure's command).
        var detail: ReportText? = nil
    }

    /// Rows under a heading across the table (a runtime), or one group without a heading.
    struct Group {
        var heading: ReportText? = nil
        /// Lines under the heading in the terminal (a runtime's notes).
        var notes: [String] = []
        var rows: [Row]
    }

    /// How the terminal lays a table out; other formats ignore it.
    enum Layout {
        case fixed
        /// Split into parts that fit the width, the first column in each.
        case split
        /// Split, with wider gaps.
        case wide
        /// Indented, with the last column (and ``Column/wraps`` ones) wrapped to fit.
        case list
    }

    var columns: [Column]
    var groups: [Group]
    var layout: Layout
    var footer: [ReportCell]? = nil
    /// A column kept next to the first when the table is split (the baseline's).
    var pinned: Int? = nil

    /// A table with one group of rows.
    init(_ columns: [Column], rows: [[ReportCell]] = [], groups: [Group]? = nil, layout: Layout = .fixed) {
        self.columns = columns
        self.groups = groups ?? [Group(rows: rows.map { Row(cells: $0) })]
        self.layout = layout
    }

    /// A table with the given headings, `numeric` the positions of the columns of numbers.
    init(headers: [ReportText], numeric: Set<Int> = [], rows: [[ReportCell]], layout: Layout = .fixed) {
        let columns = headers.enumerated().map { Column(header: $0.element, numeric: numeric.contains($0.offset)) }
        self.init(columns, rows: rows, layout: layout)
    }

    /// Every row of every group.
    var rows: [Row] { groups.flatMap(\.rows) }
}

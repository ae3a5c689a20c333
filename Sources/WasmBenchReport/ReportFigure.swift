/// A chart as data, with its anchor and caption; the HTML writer draws it.
struct ReportFigure {
    var id: String? = nil
    var chart: ReportChart
    var caption: ReportText? = nil
}

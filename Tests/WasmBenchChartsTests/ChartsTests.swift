import Testing
import WasmBenchModel

@testable import WasmBenchCharts

@Suite("Charts")
struct ChartsTests {
    @Test("A log axis widens to round numbers around 1× and places 1 halfway between ½ and 2")
    func logAxis() {
        // 0.8 rounds down to 0.5, 1.3 up to 2; the 1-2-5 ticks between are 0.5, 1 and 2, and
        // log10(1) sits halfway between log10(0.5) and log10(2).
        let axis = Axis.log(covering: [0.8, 1.3], from: 0, to: 100)
        #expect(axis.ticks == [0.5, 1, 2])
        #expect(abs(axis.position(1) - 50) < 1e-9)
        #expect(axis.position(0.1) == 0, "a value below the axis is clamped to its start")
        #expect(abs(axis.position(-3) - 50) < 1e-9, "a value that is not positive sits at 1×")
    }

    @Test("A linear axis from 0 takes round steps past its maximum")
    func linearAxis() {
        // 7 in about 4 steps: 7 / 4 = 1.75 rounds up to 2, so the axis ends at 8.
        let axis = Axis.linear(upTo: 7, ticks: 4, from: 0, to: 100)
        #expect(axis.ticks == [0, 2, 4, 6, 8])
        #expect(abs(axis.position(4) - 50) < 1e-9)
        let tiny = Axis.linear(upTo: .leastNonzeroMagnitude, ticks: 4, from: 0, to: 100)
        #expect(tiny.ticks == [0, .leastNonzeroMagnitude], "a maximum whose steps cannot be counted gets 0 and itself")
    }

    @Test("Bars escape their labels and hover text, draw a whisker per interval and one decimal per coordinate")
    func bars() {
        let chart = RatioChart(
            bars: [
                .init(label: "<b>\"x\"", ratio: 2, low: 1.5, high: 2.5, value: "2.00×", hover: "a & b", colour: 0),
                .init(label: "plain", unfair: true, ratio: 0.5, value: "0.500×", hover: "h", colour: 1),
            ], label: "ratios", axis: "ratio")
        let svg = chart.ratios().markup
        #expect(svg.contains("&lt;b&gt;&quot;x&quot;"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("<title>a &amp; b</title>"))
        #expect(svg.contains("plain †"), "an unfair bar's label is marked")
        #expect(svg.components(separatedBy: "class=\"whisker\"").count == 2, "only the bar with an interval")
        #expect(svg.contains("(log scale)"))
        #expect(chart.shares().markup.contains(">200%<"), "shares up to 2 (200%) are ticked in percent, by 50")
        #expect(SVG.number(-0.04) == "0.0" && SVG.number(12.345) == "12.3")
    }

    @Test("A point chart labels its axes with the formatter it is given")
    func points() {
        let series = PointChart.Series(
            points: [
                .init(size: 10, value: 2, low: 1, high: 3, hover: "ten"), .init(size: 20, value: 4, hover: "twenty"),
            ], line: (intercept: 0, slope: 0.2), colour: 2, label: "r")
        let chart = PointChart(
            label: "fit", across: .sizes(name: "n", unit: nil), unit: .seconds, series: [series])
        var asked: [MeasureUnit?] = []
        let svg = chart.svg { value, unit in
            asked.append(unit)
            return "<\(Int(value))>"
        }.markup
        #expect(svg.contains("&lt;20&gt;"), "labels are escaped")
        #expect(asked.contains(.seconds) && asked.contains(nil), "values in their unit, sizes without one")
        #expect(svg.contains("<title>r: fitted line</title>"))
        #expect(svg.contains("stroke=\"\(SVG.colour(2))\""))
    }
}

import Foundation
import Testing
import WasmBenchModel

@testable import WasmBenchFlamegraph

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Flamegraphs: trees of folded stacks, SVGs of one side and of Wasm against native")
struct FlamegraphTests {
    static let stacks = FoldedStacks([
        FoldedStack(["main", "work"], 60), FoldedStack(["main", "log"], 30), FoldedStack(["main"], 10),
        FoldedStack(["main", "work"], 0), FoldedStack([], 5),
    ])

    /// The elements of an XML document and its texts, or the parser's error.
    final class Elements: NSObject, XMLParserDelegate {
        var names: [String] = []
        var text = ""
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) { names.append(elementName) }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        static func parse(_ svg: String) throws -> Elements {
            let parser = XMLParser(data: Data(svg.utf8))
            let elements = Elements()
            parser.delegate = elements
            #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
            return elements
        }
    }

    @Test("Stacks merge into a tree under `all`, children by name, counts inclusive; empty and zero stacks go")
    func tree() {
        let tree = FlameTree(Self.stacks)
        #expect(tree.root.name == "all" && tree.root.count == 100)
        let main = tree.root.children
        #expect(main.map(\.name) == ["main"] && main.first?.count == 100)
        #expect(main.first?.children.map(\.name) == ["log", "work"])
        #expect(main.first?.children.map(\.count) == [30, 60])
        #expect(tree.root.depth == 3)
    }

    @Test("Recursion folds as the callgrind reconstruction folds it: back to the function's first frame")
    func folded() {
        let stacks = FoldedStacks([FoldedStack(["a", "b", "c", "b", "d"], 2), FoldedStack(["a", "b", "d"], 1)])
        #expect(stacks.recursionFolded == FoldedStacks([FoldedStack(["a", "b", "d"], 3)]))
    }

    @Test("Inclusive shares count a stack once per function, recursion included")
    func inclusive() {
        let shares = FoldedStacks([FoldedStack(["a", "b", "a"], 3), FoldedStack(["a"], 1)]).inclusiveShares
        #expect(shares == ["a": 1, "b": 0.75])
    }

    @Test("One side: well-formed SVG, a titled frame per function with count and share, the same bytes twice")
    func oneSide() throws {
        let svg = FlamegraphSVG().render(Self.stacks, title: "fib on native", subtitle: "test", unit: "samples")
        #expect(svg == FlamegraphSVG().render(Self.stacks, title: "fib on native", subtitle: "test", unit: "samples"))
        let elements = try Elements.parse(svg)
        // all, main, log, work: a title and a rect each.
        #expect(elements.names.filter { $0 == "title" }.count == 4)
        #expect(elements.names.filter { $0 == "rect" }.count == 5)
        #expect(elements.text.contains("work: 60 samples, 60%"))
        #expect(elements.text.contains("log: 30 samples, 30%"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!svg.contains("<script"))
    }

    @Test("Names from a module are escaped: no markup, no invalid XML characters")
    func hostileNames() throws {
        let name = "<script>alert('x')</script>&\"\u{1}"
        let svg = FlamegraphSVG().render(
            FoldedStacks([FoldedStack([name], 1)]), title: name, subtitle: "", unit: "samples")
        let elements = try Elements.parse(svg)
        #expect(!elements.names.contains("script"))
        #expect(elements.text.contains("<script>alert('x')</script>&\"?"))
    }

    @Test("Frames too narrow to see are left out with what is above them; long names are shortened")
    func narrow() throws {
        let stacks = FoldedStacks([
            FoldedStack(["a_function_with_a_very_long_name_indeed"], 1_000_000), FoldedStack(["tiny", "above"], 1),
        ])
        let elements = try Elements.parse(FlamegraphSVG().render(stacks, title: "t", subtitle: "", unit: "samples"))
        #expect(!elements.text.contains("tiny") && !elements.text.contains("above"))
        var small = FlamegraphSVG()
        small.width = 120
        // By hand: the frame is 120 − 20 = 100 px wide, room for (100 − 6) / 6.6 = 14 characters.
        let shortened = try Elements.parse(small.render(stacks, title: "t", subtitle: "", unit: "samples"))
        #expect(shortened.text.contains("a_function_w.."))
        #expect(!shortened.text.contains("a_function_wi.."))
    }

    @Test("Difference: Wasm's shape, red where the inclusive share grew, blue where it shrank, both shares on hover")
    func difference() throws {
        // Wasm: work 90%, log 10%. Native: work 50%, log 50%, so work +40 points (the largest:
        // deepest red) and log −40 (deepest blue); main 100% on both (white).
        let wasm = FoldedStacks([FoldedStack(["main", "work"], 9), FoldedStack(["main", "log"], 1)])
        let native = FoldedStacks([FoldedStack(["main", "work"], 5), FoldedStack(["main", "log"], 5)])
        let svg = FlamegraphSVG().renderDifference(
            wasm: wasm, native: native, title: "d", subtitle: "", unit: "samples")
        let elements = try Elements.parse(svg)
        #expect(elements.text.contains("work: 9 samples, 90%; inclusive share: Wasm 90%, native 50% (+40 points)"))
        #expect(elements.text.contains("log: 1 samples, 10%; inclusive share: Wasm 10%, native 50% (−40 points)"))
        #expect(svg.contains("fill=\"rgb(255,55,55)\"") && svg.contains("fill=\"rgb(55,55,255)\""))
        #expect(svg.contains("fill=\"rgb(255,255,255)\""))
        let only = FlamegraphSVG().renderDifference(
            wasm: FoldedStacks([FoldedStack(["hostcall"], 1)]), native: native, title: "d", subtitle: "",
            unit: "samples")
        #expect(only.contains("not in the native profile") && only.contains("fill=\"rgb(200,200,200)\""))
    }

    @Test("A set: native from the baseline's callgrind stacks, Wasm from the first guest profile, safe file names")
    func set() throws {
        var report = ExplainReport(
            toolVersion: "0", startedAt: "",
            machine: MachineInfo(
                os: "", kernel: "", architecture: "", cpuModel: "", cores: 1, memoryBytes: 1), baseline: "native",
            runtimes: ["native", "wasmtime", "node"].map {
                RuntimeInfo(
                    id: $0, name: $0, version: "1", kind: $0 == "native" ? .native : .subprocess, flags: [],
                    available: true, exposedPhases: [.execute])
            },
            workloads: ["python/nbody", "../up"].map {
                WorkloadInfo(id: $0, suite: "s", summary: "", entry: .command, reportsMarkers: true, wasmSHA256: "")
            })
        report.stacks = [
            StackProfile(workload: "python/nbody", runtime: "native", source: .callgrind, stacks: Self.stacks),
            StackProfile(workload: "python/nbody", runtime: "wasmtime", source: .guestProfiler, stacks: Self.stacks),
            StackProfile(workload: "../up", runtime: "native", source: .callgrind, stacks: Self.stacks),
        ]
        let set = FlamegraphSet(report)
        #expect(set.workloads.map(\.stem) == ["python_nbody", "_._up"])
        let nbody = try #require(set.workloads.first)
        #expect(nbody.native?.runtime == "native" && nbody.wasm?.runtime == "wasmtime" && nbody.missing.isEmpty)
        #expect(
            nbody.files().map(\.name) == [
                "python_nbody.native.folded", "python_nbody.native.svg", "python_nbody.wasm.folded",
                "python_nbody.wasm.svg", "python_nbody.diff.svg",
            ])
        let up = try #require(set.workloads.last)
        #expect(up.wasm == nil && up.missing.count == 1 && up.missing[0].contains("guest profiler"))
        #expect(up.files().map(\.name) == ["_._up.native.folded", "_._up.native.svg"])
        report.stacks = nil
        #expect(FlamegraphSet(report).workloads.isEmpty)
    }
}

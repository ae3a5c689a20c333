import Foundation
import Testing
import WasmBenchModel
import WasmBenchRuntime
import WasmBenchWorkloads

@testable import WasmBenchPlan

@Suite("--param: size variants of each workload; --strip: a stripped twin of each module")
struct ParameterSweepTests {
    /// A kernel-like workload taking `parameter` (or none).
    static func workload(_ id: String, _ parameter: SizeParameter?, wasm: String = "/nonexistent.wasm") -> BuiltWorkload
    {
        var built = BuiltWorkload(
            program: GuestProgram(
                workload: id, wasmPath: wasm, nativePath: "/\(id).native", entry: .command(arguments: []),
                reportsMarkers: true),
            info: WorkloadInfo(
                id: id, suite: "kernels", summary: "", entry: .command, reportsMarkers: true, wasmSHA256: ""))
        built.parameter = parameter
        return built
    }

    static let fib = workload("kernels/fib", SizeParameter(name: "n", default: 35, low: 1, high: 45))
    static let matmul = workload("kernels/matmul", SizeParameter(name: "n", default: 480, low: 1, high: 480))
    static let sort = workload("kernels/sort", SizeParameter(name: "count", default: 524288, low: 1, high: 524288))

    /// The usage error's message `body` throws, or nil.
    static func usage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            guard case .usage(let message) = error as? PlanError else { return nil }
            return message
        }
    }

    @Test("NAME=V1,V2,… reads into a name and values in order, spaces allowed")
    func parses() throws {
        #expect(try ParameterSweep.parse("n=20,24,28") == ParameterSweep(name: "n", values: [20, 24, 28]))
        #expect(try ParameterSweep.parse(" count = 1000, 10 ") == ParameterSweep(name: "count", values: [1000, 10]))
    }

    @Test(
        "bad values are usage errors that say what is wrong",
        arguments: [
            ("n=", "no values"), ("n", "no `=`"), ("=1,2", "no parameter name"), ("n=1,,2", "an empty value"),
            ("n=1.5", "`1.5` is not a whole number"), ("n=ten", "`ten` is not a whole number"),
            ("n=20,24,20", "20 is given twice"),
        ])
    func badValues(text: String, words: String) {
        let message = Self.usage { _ = try ParameterSweep.parse(text) }
        #expect(message?.contains(words) == true, "\(text): \(message ?? "no usage error")")
    }

    @Test("each value becomes its own variant, id ID[NAME=V], the value passed before the iteration count")
    func expands() throws {
        let variants = try ParameterSweep(name: "n", values: [20, 24]).expand([Self.fib, Self.matmul])
        #expect(
            variants.map(\.info.id) == [
                "kernels/fib[n=20]", "kernels/fib[n=24]", "kernels/matmul[n=20]", "kernels/matmul[n=24]",
            ])
        let first = try #require(variants.first)
        #expect(first.program.workload == "kernels/fib[n=20]")
        #expect(first.program.commandArguments(iterations: 5) == ["20", "5"])
        #expect(first.info.parameter == WorkloadParameter(name: "n", value: 20))
        #expect(first.info.variantOf == "kernels/fib" && first.info.arguments == ["20"])
    }

    @Test("a workload that takes no such parameter is refused, naming the workloads that do")
    func unknownName() {
        let message = Self.usage { _ = try ParameterSweep(name: "n", values: [10]).expand([Self.fib, Self.sort]) }
        #expect(message?.contains("kernels/sort take no `n`") == true)
        #expect(message?.contains("only kernels/fib do") == true)
        #expect(message?.contains("kernels/sort (count)") == true)
        let none = Self.usage { _ = try ParameterSweep(name: "size", values: [10]).expand([Self.fib]) }
        #expect(none?.contains("none of the selected workloads does") == true)
    }

    @Test("a value outside the workload's range is refused with the range and the default")
    func outOfRange() {
        let message = Self.usage { _ = try ParameterSweep(name: "n", values: [20, 46]).expand([Self.fib]) }
        #expect(message?.contains("kernels/fib takes n from 1 to 45 (default 35)") == true)
    }

    @Test("the selection's --param is checked before anything is provisioned")
    func validated() {
        var selection = RunSelection(runtimes: [RuntimeID(base: "native")])
        selection.install = false
        selection.parameter = "n=1,x"
        #expect(
            throws: PlanError.usage(
                "--param n=1,x: `x` is not a whole number; give it as NAME=V1,V2,… (e.g. --param n=20,24,28)")
        ) {
            try Planner(workspace: Workspace(progress: { _ in })).validate(selection)
        }
    }

    @Test("--strip: the twin runs the module without custom sections, which validates; none without any")
    func strippedTwin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // (func (export "f") (result i32) i32.const 42), then a producers section.
        let plain: [UInt8] =
            [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F]
            + [0x03, 0x02, 0x01, 0x00, 0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00]
            + [0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2A, 0x0B]
        let producers: [UInt8] = [0x00, 0x0D, 0x09] + Array("producers".utf8) + [0x01, 0x02, 0x03]
        let path = folder.appendingPathComponent("m.wasm")
        try Data(plain + producers).write(to: path)
        let (twin, note) = try Planner.strippedVariant(
            of: Self.workload("m.wasm", nil, wasm: path.path), folder: folder.appendingPathComponent("out")
        ).get()
        #expect(twin.info.id == "m.wasm[stripped]" && twin.program.workload == "m.wasm[stripped]")
        #expect(twin.info.stripped == true && twin.info.variantOf == "m.wasm" && twin.info.wasmBytes == plain.count)
        #expect(FileManager.default.contents(atPath: twin.program.wasmPath) == Data(plain))
        #expect(note.contains("`producers`") && note.contains("validates"))

        try Data(plain).write(to: path)
        let none = Planner.strippedVariant(of: Self.workload("m.wasm", nil, wasm: path.path), folder: folder)
        #expect(throws: Planner.NoVariant.self) { try none.get() }
    }
}

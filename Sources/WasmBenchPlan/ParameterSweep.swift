import WasmBenchModel
import WasmBenchWorkloads

/// A size parameter and the values to run it at (`run --param n=20,24,28`), as hyperfine's
/// `--parameter-list` does for commands: each value becomes a workload variant of its own,
/// `kernels/fib[n=24]`, run on every runtime like any other workload.
public struct ParameterSweep: Sendable, Equatable {
    /// The parameter's name, e.g. `n`.
    public var name: String
    /// The values, in the order given.
    public var values: [Int]

    /// Creates a sweep.
    public init(name: String, values: [Int]) {
        self.name = name
        self.values = values
    }

    /// Reads `NAME=V1,V2,…`.
    ///
    /// - Throws: ``PlanError/usage(_:)`` for no `=`, an empty name, no value, an empty item
    ///   (`n=1,,2`), a value that is not a whole number, or a value given twice.
    public static func parse(_ text: String) throws(PlanError) -> ParameterSweep {
        let example = "give it as NAME=V1,V2,… (e.g. --param n=20,24,28)"
        guard let equals = text.firstIndex(of: "=") else { throw .usage("--param \(text): no `=`; \(example)") }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .usage("--param \(text): no parameter name before `=`; \(example)") }
        let items = text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard items != [""] else { throw .usage("--param \(text): no values after `=`; \(example)") }
        var values: [Int] = []
        for item in items {
            guard let value = Int(item) else {
                let what = item.isEmpty ? "an empty value" : "`\(item)` is not a whole number"
                throw .usage("--param \(text): \(what); \(example)")
            }
            if values.contains(value) { throw .usage("--param \(text): \(value) is given twice; give each value once") }
            values.append(value)
        }
        return ParameterSweep(name: name, values: values)
    }

    /// Each workload as one variant per value, in the order of the workloads and then the values.
    ///
    /// - Throws: ``PlanError/usage(_:)`` when a workload takes no parameter of this name (naming
    ///   the workloads that do, and what each takes), or a value is outside what the workload
    ///   accepts.
    public func expand(_ workloads: [BuiltWorkload]) throws(PlanError) -> [BuiltWorkload] {
        let refusing = workloads.filter { $0.parameter?.name != name }
        if !refusing.isEmpty {
            let taking = workloads.filter { $0.parameter?.name == name }.map(\.info.id)
            let each = workloads.compactMap { workload in workload.parameter.map { "\(workload.info.id) (\($0.name))" }
            }
            var message = "--param \(name): \(refusing.map(\.info.id).joined(separator: ", ")) take no `\(name)`"
            message +=
                taking.isEmpty
                ? "; none of the selected workloads does"
                : "; only \(taking.joined(separator: ", ")) do: select those (e.g. --kernel)"
            message +=
                each.isEmpty ? "" : ". The parameters of the selected workloads: \(each.joined(separator: ", "))"
            throw .usage(message)
        }
        var expanded: [BuiltWorkload] = []
        for workload in workloads {
            guard let parameter = workload.parameter else { continue }
            if let bad = values.first(where: { $0 < parameter.low || $0 > parameter.high }) {
                throw .usage(
                    "--param \(name)=\(bad): \(workload.info.id) takes \(name) from \(parameter.low) to \(parameter.high) (default \(parameter.default))"
                )
            }
            for value in values { expanded.append(Self.variant(of: workload, name: name, value: value)) }
        }
        return expanded
    }

    /// `workload` at `name = value`: its own id, the value passed before the iteration count.
    static func variant(of workload: BuiltWorkload, name: String, value: Int) -> BuiltWorkload {
        var variant = workload
        let id = "\(workload.info.id)[\(name)=\(value)]"
        variant.info.id = id
        variant.info.variantOf = workload.info.id
        variant.info.parameter = WorkloadParameter(name: name, value: value)
        variant.info.arguments = [String(value)]
        variant.program.workload = id
        variant.program.entry = .command(arguments: [String(value)])
        return variant
    }
}

import Foundation
import WasmBenchInstrument
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchWasmKit
import WasmBenchWorkloads

extension Planner {
    /// The workloads with the variants the selection asks for: each at every size of `--param`
    /// (``ParameterSweep``), then, with `--strip`, each module beside a copy without its custom
    /// sections (``strippedVariant(of:folder:)``).
    ///
    /// - Throws: ``PlanError/usage(_:)`` for a sweep a workload cannot take.
    func variants(of workloads: [BuiltWorkload], _ selection: RunSelection, notices: inout [String])
        throws(PlanError) -> [BuiltWorkload]
    {
        var expanded = workloads
        if let text = selection.parameter {
            expanded = try ParameterSweep.parse(text).expand(workloads)
        }
        guard selection.strip else { return expanded }
        let folder = workspace.home.builds.appendingPathComponent("stripped", isDirectory: true)
        return expanded.flatMap { workload -> [BuiltWorkload] in
            switch Self.strippedVariant(of: workload, folder: folder) {
            case .success(let (variant, note)):
                notices.append(note)
                return [workload, variant]
            case .failure(let reason):
                notices.append("--strip: no stripped variant of \(workload.info.id): \(reason)")
                return [workload]
            }
        }
    }

    /// Why a workload has no stripped variant.
    struct NoVariant: Error {
        var reason: String
    }

    /// `workload` with its module's custom sections removed (``CustomSectionStripper``), as
    /// `ID[stripped]`, the module written once into `folder` by its content hash, and what was
    /// removed; or why there is none (no module of its own, no custom section, not valid).
    ///
    /// The stripped module is checked with ``ModuleValidator`` before any runtime sees it. The
    /// native side, which has no module, runs its executable again under the variant's id.
    static func strippedVariant(of workload: BuiltWorkload, folder: URL) -> Result<(BuiltWorkload, String), NoVariant> {
        let path = workload.program.wasmPath
        guard workload.program.script == nil, !path.isEmpty else {
            return .failure(NoVariant(reason: "its module is the interpreter's, not its own"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(NoVariant(reason: "cannot read \(path)"))
        }
        let stripped: CustomSectionStripper.Stripped
        do {
            stripped = try CustomSectionStripper.strip([UInt8](data))
        } catch {
            return .failure(NoVariant(reason: error.description))
        }
        guard !stripped.removed.isEmpty else { return .failure(NoVariant(reason: "its module has no custom section")) }
        if let problem = ModuleValidator.problem(in: stripped.bytes) {
            return .failure(NoVariant(reason: "the stripped module does not validate (\(problem))"))
        }
        let hash = SHA256.hex(stripped.bytes)
        let file = folder.appendingPathComponent("\(hash.prefix(24)).wasm")
        if !FileManager.default.fileExists(atPath: file.path) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(stripped.bytes).write(to: file, options: .atomic)
            } catch {
                return .failure(NoVariant(reason: "cannot write \(file.path): \(FileSystem.reason(error))"))
            }
        }
        var variant = workload
        let id = "\(workload.info.id)[stripped]"
        variant.info.id = id
        variant.info.variantOf = workload.info.id
        variant.info.stripped = true
        variant.info.wasmSHA256 = hash
        variant.info.wasmBytes = stripped.bytes.count
        variant.program.workload = id
        variant.program.wasmPath = file.path
        let note =
            "\(id): removed the custom sections \(stripped.removed.map { "`\($0)`" }.joined(separator: ", ")) "
            + "(\(stripped.removedBytes) of \(data.count) bytes); the stripped module validates (WasmKit)"
        return .success((variant, note))
    }
}

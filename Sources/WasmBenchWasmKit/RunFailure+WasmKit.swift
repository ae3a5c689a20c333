import WasmBenchModel
import WasmBenchRuntime
import WasmKit

extension RunFailure {
    /// The phase a WasmKit error came out of: the same error means different things in each.
    enum Stage {
        case parse, instantiate, compile, execute
    }

    /// Maps whatever WasmKit or its WASI bridge threw into a failure.
    static func classify(_ error: any Error, during stage: Stage) -> RunFailure {
        switch error {
        case let failure as RunFailure:
            return failure
        case let trap as Trap:
            return RunFailure(.trap, "the guest trapped: \(describe(trap))")
        case let exception as WasmKitException:
            return RunFailure(.trap, "the guest threw a WebAssembly exception nothing caught: \(exception)")
        case let error as WasmKitError:
            return rejected(readable(error), during: stage)
        default:
            if let code = wasiExitCode(error) {
                return exited(code, during: stage)
            }
            // Includes WASI's own errors (e.g. a guest without a `memory` export calling WASI).
            return RunFailure(.runtimeError, "WasmKit stopped the run: \(error)")
        }
    }

    /// The status of a `proc_exit` call, which WASI throws as `WASIExitCode`.
    ///
    /// That type lives in WasmKit's `WASI` module, which `WasmKitWASI` does not re-export and this
    /// target does not depend on; it is recognised by its qualified name and read by reflection
    /// rather than by importing an undeclared module.
    static func wasiExitCode(_ error: any Error) -> UInt32? {
        guard String(reflecting: type(of: error)) == "WASI.WASIExitCode" else { return nil }
        return Mirror(reflecting: error).children.first { $0.label == "code" }?.value as? UInt32
    }

    /// `proc_exit` outside `_start` (in a start section, `_initialize` or an invoked export).
    private static func exited(_ code: UInt32, during stage: Stage) -> RunFailure {
        guard code == 0 else { return RunFailure(.nonZeroExit, "the guest exited with status \(code)") }
        let place = stage == .execute ? "an invoked export" : "the module's start function"
        return RunFailure(
            .runtimeError,
            "the guest exited with status 0 from \(place) before the run was done; an invoked export must return")
    }

    /// WasmKit refused the module: malformed, invalid, needing something WasmKit lacks, or unlinkable.
    private static func rejected(_ text: String, during stage: Stage) -> RunFailure {
        if text.hasPrefix("unknown import") || text.hasPrefix("incompatible import type") {
            return RunFailure(
                .invalidModule,
                "WasmKit could not link the module: \(text); wasmbench provides only WASI preview 1 "
                    + "(wasi_snapshot_preview1) imports, and links other function imports as traps only when the "
                    + "workload asks for it")
        }
        if needsUnsupportedFeature(text) {
            return RunFailure(
                .invalidModule,
                "WasmKit \(WasmKitEngine.wasmKitVersion) cannot run the module: \(text); it uses a WebAssembly "
                    + "feature WasmKit does not support, so another runtime (e.g. wasmtime) may run it")
        }
        let place = stage == .compile ? " while translating its functions" : ""
        var message =
            "WasmKit rejected the module\(place): \(text); check that the file is a valid WebAssembly "
            + "module (e.g. `wasm-tools validate`)"
        if mayBeUnknownProposal(text) {
            message += "; if it is valid, it uses a proposal WasmKit does not decode and another runtime may run it"
        }
        return RunFailure(.invalidModule, message)
    }

    /// WasmKit's text for an error, without the `"Message(text: "…")"` wrapper that WasmKit 0.4.2
    /// prints for binary-format errors (its parser's message type has no description of its own).
    static func readable(_ error: WasmKitError) -> String {
        let text = String(describing: error)
        let opening = "\"Message(text: \""
        let closing = "\")\""
        guard text.hasPrefix(opening), let end = text.ranges(of: closing).last else { return text }
        let message = text[text.index(text.startIndex, offsetBy: opening.count)..<end.lowerBound]
        return String(message.replacing("\\\"", with: "\"")) + text[end.upperBound...]
    }

    /// Phrases of WasmKit's messages for something it knowingly does not implement.
    private static let unsupportedFeaturePhrases = [
        "not supported", "not implemented", "feature is required", "unsupported",
    ]

    /// Phrases of decoding errors that a proposal WasmKit does not decode (or has switched off,
    /// like memory64's limits flag) produces as well as a malformed file does.
    private static let unknownProposalPhrases = [
        "illegal opcode", "malformed value type", "malformed composite type", "malformed section id",
        "malformed limit",
    ]

    private static func needsUnsupportedFeature(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return unsupportedFeaturePhrases.contains { lowered.contains($0) }
    }

    private static func mayBeUnknownProposal(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return unknownProposalPhrases.contains { lowered.contains($0) }
    }

    /// The trap's reason, then the innermost named frames of its backtrace.
    ///
    /// WasmKit exposes a trap only as text: `Trap: <reason>` then one `N: (0x…) <name>` line per frame.
    private static func describe(_ trap: Trap) -> String {
        let lines = trap.description.split(separator: "\n")
        let reasonLine = lines.first.map(String.init) ?? "unknown"
        let reason = reasonLine.hasPrefix("Trap: ") ? String(reasonLine.dropFirst("Trap: ".count)) : reasonLine
        let frames = lines.dropFirst().compactMap { line -> String? in
            guard let close = line.firstIndex(of: ")") else { return nil }
            let name = line[line.index(after: close)...].trimmingPrefix(" ")
            return name.isEmpty || name == "unknown" ? nil : String(name)
        }
        // A recursion repeats one name frame after frame: name it once.
        let distinct = frames.enumerated().filter { $0.offset == 0 || frames[$0.offset - 1] != $0.element }
        guard !distinct.isEmpty else { return reason }
        return "\(reason) (in \(distinct.prefix(3).map(\.element).joined(separator: ", called from ")))"
    }

    /// The module is not a WASI command.
    static func notACommand(exports: [String]) -> RunFailure {
        RunFailure(
            .invalidModule,
            "the module exports no `_start` function, so it is not a WASI command; "
                + "call one of its exports instead (functions: \(list(exports)))")
    }

    /// The invoked export does not exist.
    static func missingExport(_ name: String, exports: [String]) -> RunFailure {
        RunFailure(
            .invalidModule,
            "the module exports no function named `\(name)`; its exported functions are: \(list(exports))")
    }

    /// The export the hosting names as the command's entry does not exist.
    static func missingCommandExport(_ name: String, exports: [String]) -> RunFailure {
        RunFailure(
            .invalidModule,
            "the module exports no function named `\(name)`, the entry its workload names instead of `_start`; "
                + "its exported functions are: \(list(exports))")
    }

    /// The command's entry takes arguments or returns results, so it cannot be called as a command.
    static func commandEntryType(_ name: String, parameters: [ValueType], results: [ValueType]) -> RunFailure {
        RunFailure(
            .invalidModule,
            "the module's `\(name)` takes (\(typeList(parameters))) and returns (\(typeList(results))); a command's "
                + "entry must take no arguments and return nothing or an i32 exit status (pass arguments through WASI, or invoke it instead)"
        )
    }

    private static func typeList(_ types: [ValueType]) -> String {
        types.map { String(describing: $0) }.joined(separator: ", ")
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}

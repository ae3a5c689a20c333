import CWasmtime
import WasmBenchModel
import WasmBenchRuntime

/// What one run through libwasmtime measured and how it ended, copied out of the C result.
///
/// Durations are host CLOCK_MONOTONIC readings in seconds; `nil` means the step was not reached.
package struct WasmtimeCAPIMeasurement: Sendable, Equatable {
    /// How the run ended, in the harness's vocabulary.
    package var status: RunStatus
    /// Engine creation with its configuration (not a benchmark phase).
    package var engineSeconds: Double?
    /// `wasmtime_module_new`: validation plus Cranelift compilation.
    package var compileSeconds: Double?
    /// `wasmtime_module_serialize` of the compiled module (not reported as a phase).
    package var serializeSeconds: Double?
    /// Size of the serialized module.
    package var artifactBytes: UInt64?
    /// `wasmtime_module_deserialize` of the serialized module.
    package var aotLoadSeconds: Double?
    /// Store, WASI context and linker set-up (not a benchmark phase).
    package var linkSetupSeconds: Double?
    /// `wasmtime_linker_instantiate` of the deserialized module.
    package var instantiateSeconds: Double?
    /// Command mode: the host-timed call of the command's entry (`_start` or the command export).
    package var startCallSeconds: Double?
    /// Command mode: CLOCK_REALTIME in nanoseconds just before the command's entry was called.
    package var entryRealtimeNanoseconds: UInt64?
    /// Invoke mode: each completed call, in order.
    package var callSeconds: [Double]
    /// Invoke mode: the last call's results as text (space-separated), when every call returned.
    package var results: String?
    /// The bytes copied from the memory the request named, when it exported one.
    package var memoryCopy: [UInt8]?

    init(_ result: wb_wasmtime_result) {
        status = Self.status(of: result)
        engineSeconds = Self.seconds(result.engine_ns)
        compileSeconds = Self.seconds(result.compile_ns)
        serializeSeconds = Self.seconds(result.serialize_ns)
        artifactBytes = result.serialize_ns >= 0 ? result.artifact_bytes : nil
        aotLoadSeconds = Self.seconds(result.deserialize_ns)
        linkSetupSeconds = Self.seconds(result.link_setup_ns)
        instantiateSeconds = Self.seconds(result.instantiate_ns)
        startCallSeconds = Self.seconds(result.start_ns)
        entryRealtimeNanoseconds = result.entry_realtime_ns > 0 ? result.entry_realtime_ns : nil
        callSeconds = UnsafeBufferPointer(start: result.call_ns, count: result.call_count).map { Double($0) / 1e9 }
        results = result.results.map { String(cString: $0) }
        memoryCopy = result.memory_copy.map { Array(UnsafeBufferPointer(start: $0, count: result.memory_copy_length)) }
    }

    /// The host-timed phase samples, in the order they happened.
    ///
    /// `aot-compile` carries only the artifact size. `execute` is each invoked call, or, for a
    /// command whose guest does not time itself (`hostTimesCommand`), the entry's call of a run
    /// that completed; a marker-reporting guest's own iteration times are read by the harness.
    package func samples(hostTimesCommand: Bool) -> [PhaseSample] {
        var samples: [PhaseSample] = []
        if let compileSeconds { samples.append(PhaseSample(.compile, .time, compileSeconds)) }
        if let artifactBytes { samples.append(PhaseSample(.aotCompile, .artifactBytes, Double(artifactBytes))) }
        if let aotLoadSeconds { samples.append(PhaseSample(.aotLoad, .time, aotLoadSeconds)) }
        if let instantiateSeconds { samples.append(PhaseSample(.instantiate, .time, instantiateSeconds)) }
        for (index, seconds) in callSeconds.enumerated() {
            samples.append(PhaseSample(.execute, .time, seconds, iteration: index))
        }
        if hostTimesCommand, status == .completed, let startCallSeconds {
            samples.append(PhaseSample(.execute, .time, startCallSeconds, iteration: 0))
        }
        return samples
    }

    private static func seconds(_ nanoseconds: Int64) -> Double? {
        nanoseconds >= 0 ? Double(nanoseconds) / 1e9 : nil
    }

    /// A rejected module's message, saying which of the two it is as the spec does: malformed
    /// (the bytes do not decode: wasmtime "failed to parse" it) or invalid (it decodes but does not
    /// validate); wasmtime's own words follow.
    static func rejection(_ message: String) -> String {
        if message.contains("failed to parse") || message.contains("end-of-file") {
            return "the module is malformed (its bytes do not decode): \(message)"
        }
        if message.contains("translation error") || message.contains("Invalid input WebAssembly")
            || message.contains("validat")
        {
            return "the module is invalid (it decodes but does not validate): \(message)"
        }
        return message
    }

    private static func status(of result: wb_wasmtime_result) -> RunStatus {
        let message = result.message.map { String(cString: $0) } ?? "no details were given"
        switch result.status {
        case .WB_WASMTIME_STATUS_COMPLETED:
            return .completed
        case .WB_WASMTIME_STATUS_EXITED:
            return .failed(.nonZeroExit, message)
        case .WB_WASMTIME_STATUS_TRAPPED:
            return .failed(.trap, message)
        case .WB_WASMTIME_STATUS_INVALID_MODULE:
            return .failed(.invalidModule, rejection(message))
        case .WB_WASMTIME_STATUS_LINK_FAILED:
            return .failed(
                .invalidModule,
                "\(message) (wasmtime-capi provides only WASI preview 1 imports, and links other function "
                    + "imports as traps only when the workload asks for it)")
        case .WB_WASMTIME_STATUS_NO_SUCH_FUNCTION:
            return .failed(.invalidModule, message)
        case .WB_WASMTIME_STATUS_BAD_ARGUMENTS:
            return .failed(.unsupported, message)
        case .WB_WASMTIME_STATUS_RUNTIME_ERROR:
            return .failed(.runtimeError, message)
        }
    }
}

import CWasmtime
import Testing
import WasmBenchModel
import WasmBenchRuntime

@testable import WasmBenchWasmtimeCAPI

/// How a C result of the wasmtime C API shim becomes samples and a status, from results filled
/// in by the test: no libwasmtime is loaded.
@Suite("wasmtime C API: the shim's result becomes samples and a status")
struct WasmtimeCAPIMeasurementTests {
    /// A result in which every step was reached, with durations of 1.5 ms, 2 ms, … in nanoseconds.
    static func reachedEverything(status: wb_wasmtime_status = .WB_WASMTIME_STATUS_COMPLETED) -> wb_wasmtime_result {
        var result = wb_wasmtime_result()
        result.status = status
        result.engine_ns = 9_000_000
        result.compile_ns = 1_500_000
        result.serialize_ns = 100_000
        result.artifact_bytes = 4096
        result.deserialize_ns = 250_000
        result.link_setup_ns = 50_000
        result.instantiate_ns = 2_000_000
        result.start_ns = 3_000_000
        result.entry_realtime_ns = 1_700_000_000_000_000_000
        return result
    }

    /// The measurement of `result` with `message` and per-call times set.
    static func measurement(_ result: wb_wasmtime_result, message: String? = nil, calls: [Int64] = [])
        -> WasmtimeCAPIMeasurement
    {
        var result = result
        var calls = calls
        return calls.withUnsafeMutableBufferPointer { buffer in
            result.call_ns = buffer.baseAddress
            result.call_count = buffer.count
            guard let message else { return WasmtimeCAPIMeasurement(result) }
            return message.withCString { text in
                result.message = UnsafeMutablePointer(mutating: text)
                return WasmtimeCAPIMeasurement(result)
            }
        }
    }

    @Test("a command the host times: compile, artifact size, aot-load, instantiate and the entry's call, in seconds")
    func commandSamples() {
        let measurement = Self.measurement(Self.reachedEverything())
        #expect(measurement.status == .completed)
        #expect(
            measurement.samples(hostTimesCommand: true) == [
                PhaseSample(.compile, .time, 0.0015), PhaseSample(.aotCompile, .artifactBytes, 4096),
                PhaseSample(.aotLoad, .time, 0.000_25), PhaseSample(.instantiate, .time, 0.002),
                PhaseSample(.execute, .time, 0.003, iteration: 0),
            ])
        #expect(measurement.entryRealtimeNanoseconds == 1_700_000_000_000_000_000)
        #expect(measurement.engineSeconds == 0.009)
    }

    @Test("a guest that times itself gets no host execute sample; one that failed gets none either")
    func noHostExecute() {
        let measurement = Self.measurement(Self.reachedEverything())
        #expect(measurement.samples(hostTimesCommand: false).contains { $0.phase == .execute } == false)
        let trapped = Self.measurement(Self.reachedEverything(status: .WB_WASMTIME_STATUS_TRAPPED), message: "x")
        #expect(trapped.samples(hostTimesCommand: true).contains { $0.phase == .execute } == false)
    }

    @Test("each invoked call is an execute sample with its index")
    func calls() {
        let measurement = Self.measurement(Self.reachedEverything(), calls: [2000, 1000, 500])
        #expect(
            measurement.samples(hostTimesCommand: false).filter { $0.phase == .execute } == [
                PhaseSample(.execute, .time, 0.000_002, iteration: 0),
                PhaseSample(.execute, .time, 0.000_001, iteration: 1),
                PhaseSample(.execute, .time, 0.000_000_5, iteration: 2),
            ])
    }

    @Test("steps not reached (-1) give no sample, and no artifact size without a serialization")
    func notReached() {
        var result = wb_wasmtime_result()
        result.status = .WB_WASMTIME_STATUS_INVALID_MODULE
        result.compile_ns = 700_000
        result.artifact_bytes = 0
        for step in [\wb_wasmtime_result.serialize_ns, \.deserialize_ns, \.link_setup_ns, \.instantiate_ns, \.start_ns]
        {
            result[keyPath: step] = -1
        }
        let measurement = Self.measurement(result, message: "bad magic")
        #expect(measurement.samples(hostTimesCommand: true) == [PhaseSample(.compile, .time, 0.0007)])
        #expect(measurement.artifactBytes == nil)
        #expect(measurement.entryRealtimeNanoseconds == nil)
        #expect(measurement.status == .failed(.invalidModule, "bad magic"))
    }

    @Test(
        "each way a run ends has its failure kind, with the shim's message",
        arguments: [
            (wb_wasmtime_status.WB_WASMTIME_STATUS_EXITED, FailureKind.nonZeroExit),
            (.WB_WASMTIME_STATUS_TRAPPED, .trap), (.WB_WASMTIME_STATUS_INVALID_MODULE, .invalidModule),
            (.WB_WASMTIME_STATUS_NO_SUCH_FUNCTION, .invalidModule), (.WB_WASMTIME_STATUS_BAD_ARGUMENTS, .unsupported),
            (.WB_WASMTIME_STATUS_RUNTIME_ERROR, .runtimeError),
        ])
    func statuses(status: wb_wasmtime_status, kind: FailureKind) {
        let measurement = Self.measurement(Self.reachedEverything(status: status), message: "what happened")
        #expect(measurement.status == .failed(kind, "what happened"))
    }

    @Test("a link failure is an invalid module that says which imports wasmtime-capi provides")
    func linkFailed() {
        let measurement = Self.measurement(
            Self.reachedEverything(status: .WB_WASMTIME_STATUS_LINK_FAILED), message: "unknown import: `host::call`")
        #expect(measurement.status.kind == .invalidModule)
        #expect(measurement.status.message.hasPrefix("unknown import: `host::call` (wasmtime-capi provides only WASI"))
    }

    @Test("a failure without a message still says something")
    func noMessage() {
        let measurement = Self.measurement(Self.reachedEverything(status: .WB_WASMTIME_STATUS_TRAPPED))
        #expect(measurement.status == .failed(.trap, "no details were given"))
    }
}

extension RunStatus {
    var kind: FailureKind? {
        if case .failed(let kind, _) = self { return kind }
        return nil
    }

    var message: String {
        if case .failed(_, let message) = self { return message }
        return ""
    }
}

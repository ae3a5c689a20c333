import WasmBenchModel
import WasmBenchRuntime
import WasmKit

/// Turns an invoked function's string arguments into WebAssembly values, per its parameter types.
///
/// The spellings are ``InvokeSignature``'s (the planner has already put them in its common
/// spelling): integers decimal or `0x`, signed or unsigned (`-1` and `4294967295` are the same
/// `i32`); floats decimal or hexadecimal numbers, `inf`, `infinity` or `nan`.
enum InvocationArguments {
    /// The values to call `function` with.
    ///
    /// A wrong argument count or an unreadable argument is a ``FailureKind/runtimeError`` (the
    /// workload's arguments need fixing); a `v128` or reference parameter is
    /// ``FailureKind/unsupported`` (no way to write one as a string).
    static func values(_ arguments: [String], for type: FunctionType, function: String) throws(RunFailure) -> [Value] {
        let parameters = type.parameters
        guard arguments.count == parameters.count else {
            throw RunFailure(
                .runtimeError,
                "\(function) takes \(parameters.count) argument(s) (\(names(parameters))) but was given "
                    + "\(arguments.count); fix the workload's arguments")
        }
        var values: [Value] = []
        for (index, (text, parameter)) in zip(arguments, parameters).enumerated() {
            values.append(try value(text, as: parameter, position: index, function: function))
        }
        return values
    }

    private static func value(_ text: String, as type: ValueType, position: Int, function: String) throws(RunFailure)
        -> Value
    {
        let parsed: Value? =
            switch type {
            case .i32: InvokeSignature.integer(text, bits: 32).map { .i32(UInt32(truncatingIfNeeded: $0)) }
            case .i64: InvokeSignature.integer(text, bits: 64).map { .i64($0) }
            case .f32: InvokeSignature.float(text).map { .f32(Float($0).bitPattern) }
            case .f64: InvokeSignature.float(text).map { .f64($0.bitPattern) }
            case .v128, .ref:
                throw RunFailure(
                    .unsupported,
                    "argument \(position + 1) of \(function) is a \(type), which wasmbench cannot pass from "
                        + "text; only i32, i64, f32 and f64 parameters are supported")
            }
        guard let parsed else {
            throw RunFailure(
                .runtimeError,
                "argument \(position + 1) of \(function), \"\(text)\", is not a valid \(type); fix the workload's arguments"
            )
        }
        return parsed
    }

    private static func names(_ types: [ValueType]) -> String {
        types.isEmpty ? "none" : types.map { "\($0)" }.joined(separator: ", ")
    }
}

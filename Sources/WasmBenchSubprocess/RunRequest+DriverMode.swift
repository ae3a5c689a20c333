import WasmBenchRuntime

extension RunRequest {
    /// What our drivers (Node's, Wasmer's) are told to run, after their own arguments: `command`
    /// and the guest's arguments, or `invoke ITERATIONS FUNCTION types:TYPES VALUES…` with the
    /// export's parameter types comma-separated, or `?` when they were not read.
    var driverMode: [String] {
        switch program.entry {
        case .command:
            return ["command"] + program.commandArguments(iterations: iterations)
        case .invoke(let function, let values):
            let types = program.parameterTypes.map { $0.joined(separator: ",") } ?? "?"
            return ["invoke", String(iterations), function, "types:" + types] + values
        }
    }
}

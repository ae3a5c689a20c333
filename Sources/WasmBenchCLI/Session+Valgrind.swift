import WasmBenchProvision

extension Session {
    /// The `valgrind` executable that counts instructions, or the error that says how to install it.
    func valgrind() throws(CommandError) -> String {
        guard let path = ToolLocator(environment: workspace.environment).find("valgrind") else {
            throw CommandError(
                .environment, "valgrind is not on PATH; install it (Debian: `apt-get install valgrind`) and run again")
        }
        return path
    }
}

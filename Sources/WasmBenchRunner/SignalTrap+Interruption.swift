import WasmBenchProcess
import WasmBenchRuntime

extension SignalTrap {
    /// Traps the signals to raise `interruption` and stop every child `launcher` started.
    public convenience init(raising interruption: Interruption, stopping launcher: ProcessLauncher) {
        self.init {
            interruption.raise()
            launcher.terminateAll()
        }
    }
}

import WasmBenchCLI

Wasmbench.runMain()

import WasmBenchModel

extension Explainer {
    /// Checks the settings of `explain` before anything runs: the iteration counts of the counted
    /// runs (see ``RunConfiguration/checkCounts(_:option:)``), a finite positive time limit and at
    /// least one function per profile.
    ///
    /// - Throws: ``OptionProblem`` naming the option and what it got.
    public static func checkSettings(iterations: [Int], timeoutSeconds: Double, topFunctions: Int)
        throws(OptionProblem)
    {
        try RunConfiguration.checkCounts(iterations, option: "--iterations")
        guard timeoutSeconds.isFinite, timeoutSeconds > 0 else {
            throw OptionProblem(message: "--timeout must be a finite positive number (got \(timeoutSeconds))")
        }
        guard topFunctions >= 1 else {
            throw OptionProblem(message: "--top must be at least 1 (got \(topFunctions))")
        }
    }
}

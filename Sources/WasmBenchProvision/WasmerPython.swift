/// The Wasmer 2 engine as wasmer-python 1.1.0 ships it: a Python 3.10 to run it, the `wasmer`
/// package, and one package per compiler, each with the folders to import it from and the
/// environment it needs, or why it cannot be had.
///
/// wasmer-python 1.1.0 (January 2022) embeds Wasmer 2.1.1; its compilers are Cranelift 0.76,
/// Singlepass and LLVM 13. Its wheels are built for CPython 3.10 only (on 3.11 pip installs an
/// empty stub), so wasmbench looks for a Python 3.10 of its own (see
/// ``Provisioner/wasmerPython()``).
public struct WasmerPython: Sendable, Equatable {
    /// Wasmer's compilers, one PyPI package each.
    public enum Compiler: String, Sendable, CaseIterable {
        /// Cranelift, the optimising code generator Wasmer 2 uses by default.
        case cranelift
        /// Singlepass, a one-pass baseline compiler.
        case singlepass
        /// LLVM 13, the slowest to compile and the best code.
        case llvm

        /// The PyPI package (`wasmer-compiler-cranelift==1.1.0`).
        public var package: PinnedPackage {
            PinnedPackage(name: "wasmer-compiler-\(rawValue)", version: PinnedPackage.wasmerPython.version)
        }

        /// The Python module it is imported as (`wasmer_compiler_cranelift`).
        public var module: String { "wasmer_compiler_\(rawValue)" }
    }

    /// One compiler on this machine.
    public struct Engine: Sendable, Equatable {
        /// The folders `wasmer` and the compiler are imported from, in order.
        public var importPaths: [String]
        /// Variables the Python process needs besides its arguments (the LLVM compiler's preload).
        public var environment: [String: String]
        /// Why it cannot run here and what to do, or nil when it can.
        public var unavailableReason: String?

        /// Creates an engine description.
        public init(importPaths: [String], environment: [String: String] = [:], unavailableReason: String? = nil) {
            self.importPaths = importPaths
            self.environment = environment
            self.unavailableReason = unavailableReason
        }
    }

    /// The Python 3.10 that runs wasmer-python (its version is the Python's, `3.10.13`).
    public var python: ToolStatus
    /// Each compiler; one that was not looked for is missing with the Python's problem.
    public var engines: [Compiler: Engine]

    /// Creates a description.
    public init(python: ToolStatus, engines: [Compiler: Engine]) {
        self.python = python
        self.engines = engines
    }

    /// The version of wasmer-python.
    public static let bindingsVersion = PinnedPackage.wasmerPython.version
    /// The version of the Wasmer engine inside wasmer-python 1.1.0 (the crates its extension
    /// modules were built from: `wasmer-2.1.1`, `wasmer-compiler-cranelift-2.1.1`, …).
    public static let engineVersion = "2.1.1"

    /// The compiler's engine, or one that is unavailable with the Python's problem.
    public func engine(_ compiler: Compiler) -> Engine {
        engines[compiler]
            ?? Engine(
                importPaths: [],
                unavailableReason: python.unavailableReason ?? "wasmer-compiler-\(compiler.rawValue) was not looked for"
            )
    }

    /// Nothing looked for: every compiler unavailable with `reason`.
    public static func notLookedFor(_ reason: String = "not looked for") -> WasmerPython {
        WasmerPython(python: .missing("python3.10", unavailableReason: reason), engines: [:])
    }
}

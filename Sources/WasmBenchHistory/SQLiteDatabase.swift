import Foundation
import GRDB

/// The SQLite store (GRDB): one file in WAL mode, so readers never block the writer; a writer
/// waits up to its busy timeout for another. Opening a file that is not SQLite changes nothing in it.
final class SQLiteDatabase: HistoryDatabase {
    let dialect = SQLDialect.sqlite
    let name: String
    private let queue: DatabaseQueue
    private let busyTimeout: Double

    /// Opens (or creates, with its folder) the database at `path`.
    init(path: String, busyTimeout: Double) throws(HistoryError) {
        (name, self.busyTimeout) = (path, busyTimeout)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .failed(store: path, detail: "cannot create its folder: \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // Reading the header first: a file that is not SQLite fails here, before any write.
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.mapped(error, path: path, busyTimeout: busyTimeout)
        }
    }

    func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        var result: T?
        do {
            try queue.inTransaction(.immediate) { db in
                result = try body(Executor(db: db))
                return .commit
            }
        } catch {
            throw Self.mapped(error, path: name, busyTimeout: busyTimeout)
        }
        guard let result else { throw HistoryError.failed(store: name, detail: "the transaction returned nothing") }
        return result
    }

    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(Executor(db: db)) }
        } catch {
            throw Self.mapped(error, path: name, busyTimeout: busyTimeout)
        }
    }

    func close() {
        try? queue.close()
    }

    /// A GRDB error as a ``HistoryError``: not a database, locked, or failed with SQLite's words.
    static func mapped(_ error: any Error, path: String, busyTimeout: Double) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let error = error as? DatabaseError else { return .failed(store: path, detail: "\(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .locked(store: path, seconds: busyTimeout)
        default:
            return .failed(store: path, detail: error.message ?? "\(error)")
        }
    }

    /// Statements on one GRDB connection inside a transaction.
    private struct Executor: SQLExecutor {
        let db: Database

        func execute(_ sql: String, _ arguments: [SQLValue]) throws {
            try db.execute(sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue)))
        }

        func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue))).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: .null
                    case .int64(let number): .integer(number)
                    case .double(let number): .real(number)
                    case .string(let text): .text(text)
                    case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                    }
                }
            }
        }
    }
}

extension SQLValue {
    fileprivate var databaseValue: DatabaseValue {
        switch self {
        case .text(let text): text.databaseValue
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .null: .null
        }
    }
}

/// A value bound to or read from a statement, in the types both stores share.
enum SQLValue: Equatable, Sendable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null

    /// `text`, or null for `nil`.
    static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
    /// `real`, or null for `nil`.
    static func optional(_ number: Double?) -> SQLValue { number.map(SQLValue.real) ?? .null }
    /// An integer from a Swift `Int`.
    static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }

    var string: String? { if case .text(let text) = self { text } else { nil } }
    var double: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }
    var int: Int? {
        switch self {
        case .integer(let value): Int(value)
        case .real(let value): Int(value)
        default: nil
        }
    }
}

/// Runs statements inside one transaction of a store. `?` marks each argument in the SQL; the
/// PostgreSQL connection numbers them.
protocol SQLExecutor {
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs a query and returns its rows, each a value per column.
    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]]
}

/// Which SQL a store speaks where the two differ.
enum SQLDialect: Sendable {
    case sqlite
    case postgreSQL
}

/// A store's database: transactions to write in and to read in. Every error it throws is a
/// ``HistoryError``.
protocol HistoryDatabase: AnyObject {
    var dialect: SQLDialect { get }
    /// The store as messages show it.
    var name: String { get }
    /// Runs `body` in one write transaction that no other writer interleaves with: committed when
    /// `body` returns, rolled back when it throws.
    func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T
    /// Runs `body` in one read transaction.
    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T
    /// Closes the connection; the object is not used after.
    func close()
}

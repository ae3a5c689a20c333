#if PostgreSQL
    import Foundation
    import PostgresNIO

    /// The PostgreSQL store (postgres-nio): one connection, each write transaction serialised with
    /// the other writers by a transaction-scoped advisory lock, so concurrent runs never interleave.
    final class PostgreSQLDatabase: HistoryDatabase {
        let dialect = SQLDialect.postgreSQL
        let name: String
        private let connection: PostgresConnection
        private let logger = Logger(label: "wasmbench.history")
        /// The advisory lock every writer takes ("wasmbench" in ASCII, truncated to 63 bits).
        private static let writerLock: Int64 = 0x7761_736D_6265_6E63

        /// Connects to the database `url` names (`postgresql://USER:PASSWORD@HOST:PORT/DATABASE`).
        init(url: URLComponents, name: String, timeout: Double) throws(HistoryError) {
            self.name = name
            var configuration = PostgresConnection.Configuration(
                host: url.host ?? "127.0.0.1", port: url.port ?? 5432,
                username: url.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres",
                password: url.password, database: Self.database(url), tls: .disable)
            configuration.options.connectTimeout = .milliseconds(Int64(timeout * 1000))
            do {
                connection = try PostgresConnection.connect(
                    on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration, id: 1,
                    logger: logger
                ).wait()
            } catch {
                throw Self.mapped(error, name: name, connecting: true)
            }
        }

        private static func database(_ url: URLComponents) -> String? {
            let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
            return path.isEmpty ? nil : path
        }

        func write<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
            try transaction { executor in
                try executor.execute("SELECT pg_advisory_xact_lock(?)", [.integer(Self.writerLock)])
                return try body(executor)
            }
        }

        func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
            try transaction(body)
        }

        private func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
            let executor = Executor(connection: connection, logger: logger)
            do {
                try executor.execute("BEGIN", [])
                let result = try body(executor)
                try executor.execute("COMMIT", [])
                return result
            } catch {
                try? executor.execute("ROLLBACK", [])
                throw Self.mapped(error, name: name, connecting: false)
            }
        }

        func close() {
            try? connection.close().wait()
        }

        /// A postgres-nio error as a ``HistoryError``: unreachable, login refused, or the server's words.
        static func mapped(_ error: any Error, name: String, connecting: Bool) -> HistoryError {
            if let error = error as? HistoryError { return error }
            guard let error = error as? PSQLError else {
                return connecting
                    ? .unreachable(store: name, detail: "\(error)") : .failed(store: name, detail: "\(error)")
            }
            let message = error.serverInfo?[.message]
            let state = error.serverInfo?[.sqlState] ?? ""
            // Class 28: invalid authorization; 3D000: no such database.
            if state.hasPrefix("28") || state == "3D000" || error.code == .authMechanismRequiresPassword {
                return .refused(store: name, detail: message ?? error.code.description)
            }
            if let message { return .failed(store: name, detail: message) }
            let underlying = error.underlying.map { "\($0)" } ?? error.code.description
            return connecting ? .unreachable(store: name, detail: underlying) : .failed(store: name, detail: underlying)
        }

        /// Statements on the connection, `?` numbered as `$1, $2, …`.
        private struct Executor: SQLExecutor {
            let connection: PostgresConnection
            let logger: Logger

            func execute(_ sql: String, _ arguments: [SQLValue]) throws {
                _ = try connection.query(Self.query(sql, arguments), logger: logger).wait()
            }

            func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
                try connection.query(Self.query(sql, arguments), logger: logger).wait().rows.map { row in
                    try row.map(Self.value)
                }
            }

            private static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
                var numbered = ""
                var next = 1
                for character in sql {
                    if character == "?" {
                        numbered += "$\(next)"
                        next += 1
                    } else {
                        numbered.append(character)
                    }
                }
                var binds = PostgresBindings(capacity: arguments.count)
                for argument in arguments {
                    switch argument {
                    case .text(let text): binds.append(text)
                    case .integer(let number): binds.append(number)
                    case .real(let number): binds.append(number)
                    case .null: binds.appendNull()
                    }
                }
                return PostgresQuery(unsafeSQL: numbered, binds: binds)
            }

            private static func value(_ cell: PostgresCell) throws -> SQLValue {
                guard cell.bytes != nil else { return .null }
                switch cell.dataType {
                case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
                case .float4, .float8, .numeric: return .real(try cell.decode(Double.self))
                default: return .text(try cell.decode(String.self))
                }
            }
        }
    }
#endif

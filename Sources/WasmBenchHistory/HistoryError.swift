/// Why the history store could not be opened, read or written; each message says what to do next.
///
/// No case ever means that a stored run was lost: the store is only changed in whole transactions,
/// and a file that is not a history is left exactly as it was.
public enum HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--store` / `WASMBENCH_STORE` names nothing usable.
    case badLocation(String, reason: String)
    /// The file is not an SQLite database, or a damaged one.
    case notADatabase(path: String, detail: String)
    /// Another process held the database for longer than the wait.
    case locked(store: String, seconds: Double)
    /// The store's schema was written by a newer wasmbench.
    case newerSchema(store: String, found: Int, known: Int, writtenBy: String)
    /// The PostgreSQL server could not be reached.
    case unreachable(store: String, detail: String)
    /// The PostgreSQL server refused the user name or password.
    case refused(store: String, detail: String)
    /// This wasmbench was built without the PostgreSQL store.
    case postgreSQLNotBuilt(store: String)
    /// A run cannot be stored (no start, say).
    case unstorable(String)
    /// Any other failure of the database, with its own words.
    case failed(store: String, detail: String)

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .badLocation(let value, let reason):
            "history store '\(value)': \(reason); give a file path, sqlite:PATH, postgresql://USER:PASSWORD@HOST:PORT/DATABASE or off"
        case .notADatabase(let path, let detail):
            "history store \(path) is not a wasmbench history (SQLite: \(detail)); it was left as it was: move it away to start a new history there, or pass --store to use another"
        case .locked(let store, let seconds):
            "history store \(store) is locked by another process (waited \(Int(seconds.rounded())) s); nothing was written: try again when it is done, or `wasmbench push` the run's JSON later"
        case .newerSchema(let store, let found, let known, let writtenBy):
            "history store \(store) has schema version \(found), written by wasmbench \(writtenBy); this wasmbench knows versions up to \(known) and will not write to it: use that wasmbench or a newer one, or another --store"
        case .unreachable(let store, let detail):
            "cannot reach the PostgreSQL history store \(store): \(detail); check the host and port, or that the server runs"
        case .refused(let store, let detail):
            "the PostgreSQL history store \(store) refused the login: \(detail); check the user name and password in the URL"
        case .postgreSQLNotBuilt(let store):
            "history store \(store) is PostgreSQL, but this wasmbench was built without it: build with `swift build -c release --traits PostgreSQL`"
        case .unstorable(let reason):
            "cannot store the run: \(reason)"
        case .failed(let store, let detail):
            "history store \(store) failed: \(detail)"
        }
    }
}

import WasmBenchModel

/// One workload × runtime series to show over the stored runs, and how its step changes are found.
public struct HistorySeriesRequest: Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// The phase whose value is shown.
    public var phase: Phase
    /// The metric shown.
    public var metric: Metric
    /// The estimator whose value is shown.
    public var estimator: Estimator
    /// Runs in each window of the change detection (two at least).
    public var window: Int
    /// The relative change a step must exceed.
    public var threshold: Double

    /// Creates a request.
    public init(
        workload: String, runtime: String, phase: Phase, metric: Metric, estimator: Estimator, window: Int,
        threshold: Double
    ) {
        (self.workload, self.runtime, self.phase, self.metric) = (workload, runtime, phase, metric)
        (self.estimator, self.window, self.threshold) = (estimator, window, threshold)
    }
}

extension HistoryStore {
    /// What `wasmbench history` shows: the stored runs `filter` keeps and, when asked, the
    /// `series` over them with its step changes (``HistorySeries/detecting(workload:runtime:phase:metric:estimator:points:window:threshold:)``).
    ///
    /// A series with no stored value is not an error: it has no points.
    public func report(matching filter: HistoryFilter, series: HistorySeriesRequest? = nil) throws(HistoryError)
        -> HistoryReport
    {
        var report = HistoryReport(store: location.description, filter: filter, runs: try runs(matching: filter))
        if let series {
            let points = try points(
                workload: series.workload, runtime: series.runtime, phase: series.phase, metric: series.metric,
                estimator: series.estimator, filter: filter)
            report.series = .detecting(
                workload: series.workload, runtime: series.runtime, phase: series.phase, metric: series.metric,
                estimator: series.estimator, points: points, window: series.window, threshold: series.threshold)
        }
        return report
    }

    /// What `run` says after saving its JSON at `jsonPath`: stores `run` at `location` (see
    /// ``record(_:at:toolVersion:)``) and returns the line for the progress (stored now) or the
    /// warning for stderr (the store could not take it; the JSON stays, and `push` stores it
    /// later). `nil` for both when the run was stored already.
    public static func record(
        _ run: RunResult, at location: HistoryLocation, toolVersion: String, savedAt jsonPath: String
    )
        -> (progress: String?, warning: String?)
    {
        switch record(run, at: location, toolVersion: toolVersion) {
        case .success(.stored): ("history: stored in \(location)", nil)
        case .success(.alreadyStored): (nil, nil)
        case .failure(let error):
            (
                nil,
                "wasmbench: warning: the run is not in the history: \(error)\n"
                    + "wasmbench: the run is saved in \(jsonPath); `wasmbench push \(jsonPath)` stores it later\n"
            )
        }
    }
}

extension HistoryFilter {
    /// A `--since` or `--until` that is neither a date nor an ISO 8601 instant.
    public struct BadInstant: Error, Equatable, Sendable, CustomStringConvertible {
        /// The option, `--since` or `--until`.
        public var option: String
        /// The text given.
        public var text: String

        /// What to give instead.
        public var description: String {
            "\(option) takes a date (2026-12-01) or an ISO 8601 instant (got \(text))"
        }
    }

    /// A filter whose bounds are read from text as ``instant(_:endOfDay:)`` reads them: a date
    /// alone in `since` is its first second, in `until` its last.
    ///
    /// - Throws: ``BadInstant`` for a bound that reads as neither a date nor an instant.
    public init(
        machine: String?, runtime: String?, workload: String?, label: String?, sinceText: String?,
        untilText: String?
    ) throws(BadInstant) {
        func instant(_ text: String?, _ option: String, endOfDay: Bool) throws(BadInstant) -> String? {
            guard let text else { return nil }
            guard let instant = Self.instant(text, endOfDay: endOfDay) else {
                throw BadInstant(option: option, text: text)
            }
            return instant
        }
        self.init(
            machine: machine, runtime: runtime, workload: workload, label: label,
            since: try instant(sinceText, "--since", endOfDay: false),
            until: try instant(untilText, "--until", endOfDay: true))
    }
}

extension HistoryStore {
    /// Stores the saved runs in `files` (what `wasmbench push` does), each read by `read`, saying
    /// on `say` what became of each: stored now, or there already and left as it is. A file
    /// `read` refuses is not an error here: its error goes to `complain`, it is returned, and the
    /// other files are still stored.
    ///
    /// - Returns: the files that are not saved runs.
    /// - Throws: the store's error, which stops the push.
    public func push(
        _ files: [String], read: (String) throws -> RunResult, say: (String) -> Void, complain: (any Error) -> Void
    ) throws(HistoryError) -> [String] {
        var unreadable: [String] = []
        for file in files {
            let result: RunResult
            do {
                result = try read(file)
            } catch {
                complain(error)
                unreadable.append(file)
                continue
            }
            switch try save(result) {
            case .stored(let id): say("stored \(file) as \(id) in \(location)")
            case .alreadyStored(let id): say("\(file) is stored already as \(id); left as it is")
            }
        }
        return unreadable
    }
}

extension Doctor {
    /// The settings to give the smallest detectable change for: ``defaultSettings``, with
    /// `processes` × `iterations` first when `processes` is given (and not twice).
    public static func settings(asking processes: Int?, iterations: Int) -> [(processes: Int, iterations: Int)] {
        var settings = defaultSettings
        if let processes {
            settings.removeAll { $0.processes == processes && $0.iterations == iterations }
            settings.insert((processes, iterations), at: 0)
        }
        return settings
    }
}

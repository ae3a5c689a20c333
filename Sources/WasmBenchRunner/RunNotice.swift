/// Notices a run's report carries, said once per run.
public enum RunNotice {
    /// How to read peak-rss.
    public static let peakRSS =
        "peak-rss is the kernel's ru_maxrss of each child, which wasmbench starts through a small fork+exec helper so the figure is the child's own; Linux counts it in per-CPU batches, so values of a few MiB are coarse (even 0)"

    /// What an instruction run's intervals mean.
    public static let degenerateInterval =
        "instruction counts repeat to the instruction, so an interval is often a single point (its counted sets agreed exactly): that says the count repeated, not that it holds for other inputs, machines or runtime versions"
}

import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// The JavaScript drivers' own clocks, end to end: a guest that spins on its monotonic clock for
/// 200 ms is timed by Node's and the browsers' drivers (`start` phase, filed as its one execute
/// iteration) at no less than 0.2 s and no more than the process's wall time. A driver that reported
/// milliseconds or microseconds as nanoseconds (or the reverse) is off by 1000× or more and fails;
/// the lower bound is the guest's own clock, so a loaded machine only makes it longer.
@Suite("The drivers report times in the right unit", .serialized)
struct DriverUnitTests {
    static let spin = """
        (module
          (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
          (memory (export "memory") 1)
          (func $now (result i64)
            (drop (call $clock (i32.const 1) (i64.const 1) (i32.const 0)))
            (i64.load (i32.const 0)))
          (func (export "_start") (local $end i64)
            (local.set $end (i64.add (call $now) (i64.const 200000000)))
            (loop $spin (br_if $spin (i64.lt_u (call $now) (local.get $end))))))
        """

    @Test(
        "a 200 ms spin is timed between 0.2 s and the process's wall time", arguments: ["node", "chromium", "firefox"])
    func spin(runtime: String) throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let module = folder.path("spin.wat")
        try Self.spin.write(toFile: module, atomically: true, encoding: .utf8)
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--runtime", runtime, "--baseline", runtime, "--processes", "1", "--iterations", "1",
                "--warmups", "0", "--no-install", "--no-canary", "--json", json,
            ], timeout: 300, in: folder)
        #expect(run.status == 0, "\(runtime): \(run.stderr.suffix(800))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        let rows = result.rows.filter { $0.runtime == runtime && $0.metric == .time }
        let execute = try #require(rows.first { $0.phase == .execute }, "\(runtime): \(result.failures)")
        let wall = try #require(rows.first { $0.phase == .wall })
        #expect(execute.value >= 0.2, "\(runtime): a 200 ms spin timed at \(execute.value) s")
        #expect(execute.value <= wall.value, "\(runtime): \(execute.value) s inside a process of \(wall.value) s")
        for phase in [Phase.compile, .instantiate] {
            if let value = rows.first(where: { $0.phase == phase })?.value {
                #expect(value > 0 && value < wall.value, "\(runtime): \(phase) \(value) s of \(wall.value) s")
            }
        }
    }
}

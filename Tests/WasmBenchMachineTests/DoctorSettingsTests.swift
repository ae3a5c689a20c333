import Testing
import WasmBenchMachine

@Suite("The doctor's settings: the defaults, with the one asked for first")
struct DoctorSettingsTests {
    @Test("without --processes the defaults; with it, that setting first and not twice")
    func settings() {
        let defaults = Doctor.defaultSettings.map { [$0.processes, $0.iterations] }
        #expect(Doctor.settings(asking: nil, iterations: 4).map { [$0.processes, $0.iterations] } == defaults)
        let asked = Doctor.settings(asking: 5, iterations: 10).map { [$0.processes, $0.iterations] }
        #expect(asked.first == [5, 10] && asked.count == defaults.count)
        let added = Doctor.settings(asking: 7, iterations: 2).map { [$0.processes, $0.iterations] }
        #expect(added == [[7, 2]] + defaults)
    }
}

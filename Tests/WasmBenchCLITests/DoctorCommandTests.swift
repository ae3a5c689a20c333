import Foundation
import TestSupport
import Testing

@Suite("wasmbench doctor")
struct DoctorCommandTests {
    @Test("a 2-second doctor exits 0, prints the machine, checks and a verdict, and writes its JSON")
    func short() throws {
        let folder = TemporaryFolder()
        let json = folder.path("doctor.json")
        let result = try WasmbenchBinary.run(
            ["doctor", "--seconds", "2", "--processes", "4", "--iterations", "3", "--json", json], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("machine   "))
        #expect(result.stdout.contains("checks"))
        #expect(result.stdout.contains("4 processes × 3 iterations"))
        let verdict = result.stdout.split(separator: "\n").first { $0.hasPrefix("verdict   ") }
        #expect(
            ["quiet", "noisy", "bimodal"].contains { verdict?.hasPrefix("verdict   \($0):") == true },
            "\(result.stdout)")
        let saved = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        #expect(saved["machine"] != nil && saved["noise"] != nil)
    }

    @Test("--seconds must be positive")
    func badSeconds() throws {
        let folder = TemporaryFolder()
        let result = try WasmbenchBinary.run(["doctor", "--seconds", "0"], in: folder)
        #expect(result.status == 64)
    }
}

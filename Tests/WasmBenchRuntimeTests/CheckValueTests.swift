import Testing
import WasmBenchRuntime

@Suite("A guest's self-check value: what the saved rows keep of it")
struct CheckValueTests {
    @Test("only a passing check's one short token is kept from what a guest printed")
    func guestValue() {
        #expect(GuestReport(parsing: "wasmbench:check ok 6765\n").checkValue == "6765")
        #expect(GuestReport(parsing: "wasmbench:check ok bm_nbody\n").checkValue == "bm_nbody")
        #expect(GuestReport(parsing: "wasmbench:check fail got=1 want=2\n").checkValue == nil)
        #expect(GuestReport(parsing: "wasmbench:check ok two words\n").checkValue == nil)
        #expect(GuestReport(parsing: "wasmbench:check ok <script>\n").checkValue == nil)
        #expect(
            GuestReport(parsing: "wasmbench:check ok " + String(repeating: "9", count: 65) + "\n").checkValue == nil)
        #expect(GuestReport(parsing: "wasmbench:check ok\n").checkValue == nil)
    }
}

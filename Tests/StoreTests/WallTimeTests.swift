import Testing
@testable import Store

@Suite("Wall time")
struct WallTimeTests {
    @Test("formats as ISO 8601 UTC with milliseconds", arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(1_795_000_000_123), "2026-11-18T11:06:40.123Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
    ])
    func iso8601(milliseconds: Int64, expected: String) {
        #expect(WallTime(milliseconds: milliseconds).iso8601 == expected)
    }

    @Test("adds and measures durations in milliseconds")
    func arithmetic() {
        let later = WallTime.start.adding(.seconds(90))
        #expect(later.milliseconds - WallTime.start.milliseconds == 90_000)
        #expect(later.since(.start) == .seconds(90))
    }
}

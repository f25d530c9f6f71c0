import Testing
@testable import Store

@Suite("Reports")
struct ReportTests {
    private let message = ReportedMessage(room: "g_circle", seq: 42, authorPeer: "p_author", authorName: "Sky",
                                          text: "the reported words", at: .start)

    @Test("a report keeps its one message and round trips", arguments: StoreLocation.allCases)
    func roundTrip(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let saved = try store.saveReport(message: message, reporterPeer: "p_reporter", reporterName: "River",
                                         reason: "felt unsafe", now: .start)
        #expect(saved.id.hasPrefix("rep_"))
        let listed = try store.listReports()
        #expect(listed == [saved])
        #expect(listed.first?.message == message)
        #expect(listed.first?.reporterPeer == "p_reporter")
        #expect(listed.first?.reason == "felt unsafe")
        #expect(try store.report(id: saved.id) == saved)
        #expect(try store.report(id: "rep_missing") == nil)
    }

    @Test("resolving records the outcome and resolver once", arguments: StoreLocation.allCases)
    func resolve(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let open = try store.saveReport(message: message, reporterPeer: "p_r1", reporterName: "River", reason: "a", now: .start)
        let other = try store.saveReport(message: message, reporterPeer: "p_r2", reporterName: "Ash", reason: "b",
                                         now: WallTime.start.adding(.seconds(1)))
        let later = WallTime.start.adding(.seconds(60))
        let outcome = try store.resolveReport(id: open.id, outcome: "We talked it through", resolverName: "Jo",
                                              resolverRole: "facilitator", now: later)
        guard case .resolved(let resolved) = outcome else {
            Issue.record("expected resolved, got \(outcome)")
            return
        }
        #expect(resolved.reporterPeer == "p_r1")
        #expect(resolved.resolution == ReportResolution(outcome: "We talked it through", resolverName: "Jo",
                                                        resolverRole: "facilitator", at: later))
        #expect(try store.resolveReport(id: open.id, outcome: "again", resolverName: "Kim", resolverRole: "admin",
                                        now: later) == .alreadyResolved(resolved))
        #expect(try store.resolveReport(id: "rep_nope", outcome: "x", resolverName: "Kim", resolverRole: "admin",
                                        now: later) == .notFound)
        #expect(try store.listReports(includeResolved: false) == [other])
        #expect(try store.listReports().map(\.id) == [open.id, other.id])
    }

    @Test("the reported words and reason are sealed on disk")
    func sealedAtRest() throws {
        let fixture = try StoreFixture(.directory)
        _ = try fixture.store.saveReport(message: message, reporterPeer: "p_r", reporterName: "River",
                                         reason: "a distinctive reason", now: .start)
        let path = try #require(fixture.dataPath)
        #expect(FileScan.files(in: path, containing: Array("the reported words".utf8)).isEmpty)
        #expect(FileScan.files(in: path, containing: Array("a distinctive reason".utf8)).isEmpty)
    }

    @Test("reports need the master key")
    func needsMasterKey() throws {
        let store = try DataStore(inMemoryWith: nil, options: StoreFixture.fastOptions)
        #expect(throws: StoreError.self) {
            try store.saveReport(message: message, reporterPeer: "p", reporterName: "R", reason: "r", now: .start)
        }
    }
}

import Crypto
import Testing
@testable import Store

@Suite("Transcripts, receipts and revocation")
struct TranscriptTests {
    private let later = WallTime.start.adding(.seconds(60))

    @Test("a pair transcript saves, lists and reads back whole", arguments: StoreLocation.allCases)
    func pairRoundTrip(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let saved = try Conversation.savePair(in: store)
        #expect(saved.id.hasPrefix("t_"))
        #expect(saved.entryCount == 3)
        #expect(saved.receipts.map(\.peer) == ["p_river", "p_sky"])
        #expect(Set(saved.receipts.map(\.receipt)).count == 2)
        #expect(saved.receipts.allSatisfy { $0.receipt.count == 32 })

        let summaries = try store.listTranscripts(now: later)
        #expect(summaries == [TranscriptSummary(id: saved.id, room: "r_abc", kind: .pair, entryCount: 3, created: .start,
                                                expires: WallTime.start.adding(Conversation.retention))])
        let transcript = try #require(try store.readTranscript(id: saved.id, by: Conversation.worker, now: later))
        #expect(transcript.entries == Conversation.pairEntries)
        #expect(transcript.participants == Conversation.pairParticipants)
        #expect(transcript.room == "r_abc")
        #expect(try store.readTranscript(id: "t_unknown", by: Conversation.worker, now: later) == nil)
    }

    @Test("nothing is saved without a consenting participant", arguments: StoreLocation.allCases)
    func noConsentNoTranscript(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let nobody = Conversation.pairParticipants.map { TranscriptParticipant(peer: $0.peer, name: $0.name, consented: false) }
        #expect(try store.saveTranscript(room: "r_abc", kind: .pair, entries: Conversation.pairEntries, participants: nobody,
                                         now: .start, retention: Conversation.retention) == nil)
        #expect(try store.listTranscripts(now: .start).isEmpty)
    }

    @Test("messages of people who did not consent, or were not there at the end, are stored redacted",
          arguments: StoreLocation.allCases)
    func consentIsEnforced(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let entries = Conversation.groupEntries + [Conversation.message(5, "p_gone", "Gone", "left before the end")]
        let saved = try #require(try store.saveTranscript(
            room: "g_circle", kind: .group, entries: entries, participants: Conversation.groupParticipants,
            now: .start, retention: Conversation.retention))
        #expect(saved.receipts.map(\.peer) == ["p_river", "p_sky"])
        let transcript = try #require(try store.readByReceipt(Conversation.receipt(of: saved, for: "p_sky"), now: later))
        #expect(Conversation.shape(transcript.transcript.entries)
                == ["1:p_river", "2:p_sky", "3:redacted", "4:p_river", "5:redacted"])
    }

    @Test("a receipt shows the transcript and every staff read of it", arguments: StoreLocation.allCases)
    func receiptShowsAccessLog(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let saved = try Conversation.savePair(in: store)
        let receipt = Conversation.receipt(of: saved, for: "p_river")
        #expect(try store.readByReceipt(receipt, now: later)?.accessLog == [])
        _ = try store.readTranscript(id: saved.id, by: Conversation.worker, now: later)
        let view = try #require(try store.readByReceipt(receipt, now: later))
        #expect(view.transcript.id == saved.id)
        #expect(view.accessLog == [TranscriptAccess(name: "jo", role: "worker", at: later)])
        #expect(try store.readByReceipt("not-a-receipt", now: later) == nil)
        #expect(try store.readByReceipt(String(repeating: "x", count: 10_000), now: later) == nil)
    }

    @Test("receipts are stored only as SHA-256 hashes with a lookup prefix")
    func receiptsHashed() throws {
        let fixture = try StoreFixture(.directory)
        let saved = try Conversation.savePair(in: fixture.store)
        let stored = try fixture.store.database.rows("SELECT receipt_hash FROM receipts ORDER BY participant") { $0.blob(0) }
        #expect(stored == saved.receipts.map { Digest.sha256($0.receipt) })
        let path = try #require(fixture.dataPath)
        for receipt in saved.receipts {
            #expect(FileScan.files(in: path, containing: Array(receipt.receipt.utf8)).isEmpty)
        }
    }

    @Test("revoking a pair transcript deletes it for both people", arguments: StoreLocation.allCases)
    func revokePair(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let saved = try Conversation.savePair(in: store)
        #expect(try store.revoke(receipt: Conversation.receipt(of: saved, for: "p_sky"), now: later) == .deleted)
        #expect(try store.readByReceipt(Conversation.receipt(of: saved, for: "p_river"), now: later) == nil)
        #expect(try store.revoke(receipt: Conversation.receipt(of: saved, for: "p_river"), now: later) == .notFound)
        #expect(try store.listTranscripts(now: later).isEmpty)
        #expect(try store.database.rows("SELECT count(*) FROM receipts") { $0.integer(0) } == [0])
    }

    @Test("revoking in a group redacts only that person's messages, for good", arguments: StoreLocation.allCases)
    func revokeGroup(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let saved = try Conversation.saveGroup(in: store)
        let river = Conversation.receipt(of: saved, for: "p_river")
        let sky = Conversation.receipt(of: saved, for: "p_sky")
        #expect(try store.revoke(receipt: river, now: later) == .redacted)
        #expect(try store.readByReceipt(river, now: later) == nil)
        let view = try #require(try store.readByReceipt(sky, now: later))
        #expect(Conversation.shape(view.transcript.entries) == ["1:redacted", "2:p_sky", "3:redacted", "4:redacted"])
        #expect(view.transcript.participants[0] == TranscriptParticipant(peer: "", name: "", consented: false))
        #expect(view.transcript.participants[1].name == "Sky")
        let read = try #require(try store.readTranscript(id: saved.id, by: Conversation.worker, now: later))
        #expect(!read.entries.contains { if case .message(let m) = $0 { m.from == "p_river" } else { false } })

        #expect(try store.revoke(receipt: sky, now: later) == .deleted, "no messages left: the transcript goes")
        #expect(try store.listTranscripts(now: later).isEmpty)
    }

    @Test("expired transcripts are unreadable at once and deleted by the sweep", arguments: StoreLocation.allCases)
    func expiry(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        let saved = try Conversation.savePair(in: store, retention: .seconds(3600))
        let expiry = WallTime.start.adding(.seconds(3600))
        #expect(try store.listTranscripts(now: expiry.adding(.milliseconds(-1))).count == 1)
        #expect(try store.listTranscripts(now: expiry).isEmpty)
        #expect(try store.readByReceipt(Conversation.receipt(of: saved, for: "p_river"), now: expiry) == nil)
        #expect(try store.readTranscript(id: saved.id, by: Conversation.worker, now: expiry) == nil)
        #expect(try store.deleteExpired(now: expiry.adding(.milliseconds(-1))).transcripts == 0)
        #expect(try store.deleteExpired(now: expiry).transcripts == 1)
        #expect(try store.database.rows("SELECT count(*) FROM transcripts") { $0.integer(0) } == [0])
        #expect(try store.database.rows("SELECT count(*) FROM receipts") { $0.integer(0) } == [0])
    }

    @Test("transcripts need the master key")
    func needsMasterKey() throws {
        let store = try DataStore(inMemoryWith: nil, options: StoreFixture.fastOptions)
        #expect(throws: StoreError.self) {
            try store.saveTranscript(room: "r", kind: .pair, entries: Conversation.pairEntries,
                                     participants: Conversation.pairParticipants, now: .start, retention: .seconds(60))
        }
    }
}

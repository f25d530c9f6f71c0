@testable import Store

/// A small conversation for transcript tests: River and Sky in a pair room, or River, Sky and Ash in a group.
enum Conversation {
    static func message(_ seq: Int, _ from: String, _ name: String, _ text: String) -> TranscriptEntry {
        .message(TranscriptMessage(seq: seq, from: from, name: name, role: "member", text: text,
                                   at: WallTime.start.adding(.seconds(seq))))
    }

    static let pairEntries: [TranscriptEntry] = [
        message(1, "p_river", "River", "I have been carrying this for a while"),
        message(2, "p_sky", "Sky", "What has it been like for you?"),
        message(3, "p_river", "River", "Lighter, saying it here"),
    ]

    static let pairParticipants = [
        TranscriptParticipant(peer: "p_river", name: "River", consented: true),
        TranscriptParticipant(peer: "p_sky", name: "Sky", consented: true),
    ]

    static let groupEntries: [TranscriptEntry] = [
        message(1, "p_river", "River", "river speaks first"),
        message(2, "p_sky", "Sky", "sky answers"),
        message(3, "p_ash", "Ash", "ash did not consent"),
        message(4, "p_river", "River", "river again"),
    ]

    static let groupParticipants = [
        TranscriptParticipant(peer: "p_river", name: "River", consented: true),
        TranscriptParticipant(peer: "p_sky", name: "Sky", consented: true),
        TranscriptParticipant(peer: "p_ash", name: "Ash", consented: false),
    ]

    static let retention = Duration.seconds(30 * 86_400)

    static let worker = StaffMember(id: 7, username: "jo", role: .worker, created: .start)

    /// The stored entries for a transcript after consent was applied, seq by seq.
    static func shape(_ entries: [TranscriptEntry]) -> [String] {
        entries.map { entry in
            switch entry {
            case .message(let message): return "\(message.seq):\(message.from)"
            case .redacted(let seq): return "\(seq):redacted"
            }
        }
    }

    /// Saves the pair conversation, both consenting; fails the test if nothing was saved.
    static func savePair(in store: DataStore, retention: Duration = retention) throws -> SavedTranscript {
        guard let saved = try store.saveTranscript(room: "r_abc", kind: .pair, entries: pairEntries,
                                                   participants: pairParticipants, now: .start, retention: retention)
        else { throw StoreError.corrupt("the pair transcript was not saved") }
        return saved
    }

    /// Saves the group conversation (Ash does not consent).
    static func saveGroup(in store: DataStore) throws -> SavedTranscript {
        guard let saved = try store.saveTranscript(room: "g_circle", kind: .group, entries: groupEntries,
                                                   participants: groupParticipants, now: .start, retention: retention)
        else { throw StoreError.corrupt("the group transcript was not saved") }
        return saved
    }

    static func receipt(of saved: SavedTranscript, for peer: String) -> String {
        saved.receipts.first { $0.peer == peer }?.receipt ?? ""
    }
}

extension Welcome {
    func write(to w: inout JSONWriter) {
        w.key("type"); w.string("welcome")
        w.key("peer"); w.string(peer.rawValue)
        w.key("name"); w.string(name)
        w.key("role"); w.string(role.rawValue)
        w.key("resume"); w.string(resume)
        w.key("resumed"); w.bool(resumed)
        w.key("protocol"); w.int(1)
        w.key("limits"); w.beginObject()
        w.key("text"); w.int(textLimit)
        w.key("message"); w.int(messageLimit)
        w.endObject()
    }
}

extension RoomSnapshot {
    func write(to w: inout JSONWriter) {
        w.key("type"); w.string("joined")
        w.key("room"); w.string(room.rawValue)
        w.key("kind"); w.string(kind.rawValue)
        w.key("title"); if let title { w.string(title) } else { w.null() }
        w.key("topics"); writeStrings(topics, to: &w)
        w.key("agreement"); if let agreement { w.string(agreement) } else { w.null() }
        w.key("members"); w.beginArray()
        for member in members {
            w.beginObject()
            w.key("peer"); w.string(member.peer.rawValue)
            w.key("name"); w.string(member.name)
            w.key("role"); w.string(member.role.rawValue)
            w.key("consent"); w.bool(member.consent)
            w.key("state"); w.string(member.here ? "here" : "away")
            w.endObject()
        }
        w.endArray()
        w.key("seq"); w.int(seq)
        w.key("you"); w.beginObject()
        w.key("role"); w.string(yourRole.rawValue)
        w.endObject()
    }
}

extension RoomSummary {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("room"); w.string(room.rawValue)
        w.key("title"); if let title { w.string(title) } else { w.null() }
        w.key("topics"); writeStrings(topics, to: &w)
        w.key("members"); w.int(members)
        w.key("capacity"); if let capacity { w.int(capacity) } else { w.null() }
        w.key("locked"); w.bool(locked)
        w.key("agreement"); w.bool(hasAgreement)
        w.endObject()
    }
}

extension ChatMessage {
    /// The fields of a `message` object (no braces), or the `{"seq":N,"deleted":true}` tombstone.
    func writeFields(to w: inout JSONWriter) {
        if deleted {
            w.key("seq"); w.int(seq)
            w.key("deleted"); w.bool(true)
            return
        }
        w.key("type"); w.string("message")
        w.key("room"); w.string(room.rawValue)
        w.key("seq"); w.int(seq)
        w.key("from"); w.string(from.rawValue)
        w.key("name"); w.string(name)
        w.key("role"); w.string(role.rawValue)
        w.key("text"); w.string(text)
        w.key("at"); w.timestamp(milliseconds: at)
        if announcement { w.key("announcement"); w.bool(true) }
    }
}

extension ModerationNotice {
    func write(to w: inout JSONWriter) {
        w.key("type"); w.string("moderation")
        w.key("room"); w.string(room.rawValue)
        w.key("action"); w.string(action)
        if let peer { w.key("peer"); w.string(peer.rawValue) }
        if let seq { w.key("seq"); w.int(seq) }
        if let seconds { w.key("seconds"); w.int(seconds) }
        w.key("by"); w.string(by.rawValue)
        if let until { w.key("until"); w.timestamp(milliseconds: until) }
    }
}

func writeStrings(_ strings: [String], to w: inout JSONWriter) {
    w.beginArray()
    for string in strings { w.string(string) }
    w.endArray()
}

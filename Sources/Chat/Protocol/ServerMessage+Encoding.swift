extension ServerMessage {
    /// The message as compact JSON, `type` first. Encode once, then share the bytes.
    public func encoded() -> EncodedMessage {
        var writer = JSONWriter(capacity: estimatedSize)
        write(to: &writer)
        return EncodedMessage(bytes: writer.bytes)
    }

    /// The direct answer to a request: encoded, with the request's `ref` when it had one.
    public func encoded(ref: String?) -> EncodedMessage {
        encoded().addingRef(ref)
    }

    var estimatedSize: Int {
        switch self {
        case .message(let message): return 120 + message.text.utf8.count + message.name.utf8.count
        case .history(_, let entries, _): return 64 + entries.reduce(0) { $0 + 120 + $1.text.utf8.count }
        case .joined(let snapshot): return 160 + snapshot.members.count * 80
        case .rooms(let list): return 32 + list.count * 120
        default: return 128
        }
    }

    func write(to w: inout JSONWriter) {
        w.beginObject()
        switch self {
        case .welcome(let welcome): welcome.write(to: &w)
        case .error(let code, let message, let agreement):
            w.key("type"); w.string("error")
            w.key("code"); w.string(code.rawValue)
            w.key("message"); w.string(message)
            if let agreement { w.key("agreement"); w.string(agreement) }
        case .queued(let position):
            w.key("type"); w.string("queued")
            w.key("position"); w.int(position)
        case .unqueued:
            w.key("type"); w.string("unqueued")
        case .joined(let snapshot): snapshot.write(to: &w)
        case .left(let room):
            w.key("type"); w.string("left")
            w.key("room"); w.string(room.rawValue)
        case .closed(let room, let reason):
            w.key("type"); w.string("closed")
            w.key("room"); w.string(room.rawValue)
            w.key("reason"); w.string(reason.rawValue)
        case .presence(let room, let peer, let name, let state):
            w.key("type"); w.string("presence")
            w.key("room"); w.string(room.rawValue)
            w.key("peer"); w.string(peer.rawValue)
            w.key("name"); w.string(name)
            w.key("state"); w.string(state.rawValue)
        case .message(let message): message.writeFields(to: &w)
        case .history(let room, let entries, let more):
            w.key("type"); w.string("history")
            w.key("room"); w.string(room.rawValue)
            w.key("messages"); w.beginArray()
            for entry in entries {
                w.beginObject()
                entry.writeFields(to: &w)
                w.endObject()
            }
            w.endArray()
            w.key("more"); w.bool(more)
        case .typing(let room, let peer):
            w.key("type"); w.string("typing")
            w.key("room"); w.string(room.rawValue)
            w.key("peer"); w.string(peer.rawValue)
        case .blocked(let peer):
            w.key("type"); w.string("blocked")
            w.key("peer"); w.string(peer.rawValue)
        case .rooms(let list):
            w.key("type"); w.string("rooms")
            w.key("rooms"); w.beginArray()
            for summary in list { summary.write(to: &w) }
            w.endArray()
        case .roomCreated(let room):
            w.key("type"); w.string("room_created")
            w.key("room"); w.string(room.rawValue)
        case .moderation(let notice): notice.write(to: &w)
        default: writeSafetyAndConsent(to: &w)
        }
        w.endObject()
    }

    func writeSafetyAndConsent(to w: inout JSONWriter) {
        switch self {
        case .agreement(let room, let text):
            w.key("type"); w.string("agreement")
            w.key("room"); w.string(room.rawValue)
            w.key("agreement"); w.string(text)
        case .agreed(let room):
            w.key("type"); w.string("agreed")
            w.key("room"); w.string(room.rawValue)
        case .consent(let room, let peer, let transcript):
            w.key("type"); w.string("consent")
            w.key("room"); w.string(room.rawValue)
            w.key("peer"); w.string(peer.rawValue)
            w.key("transcript"); w.bool(transcript)
        case .reported(let report):
            w.key("type"); w.string("reported")
            w.key("report"); w.string(report.rawValue)
        case .alert(let kind, let room, let seq, let report):
            w.key("type"); w.string("alert")
            w.key("kind"); w.string(kind)
            w.key("room"); w.string(room.rawValue)
            w.key("seq"); w.int(seq)
            if let report { w.key("report"); w.string(report.rawValue) }
        case .reportOutcome(let report, let outcome):
            w.key("type"); w.string("report_outcome")
            w.key("report"); w.string(report.rawValue)
            w.key("outcome"); w.string(outcome)
        case .transcript(let room, let transcript, let receipt, let messages):
            w.key("type"); w.string("transcript")
            w.key("room"); w.string(room.rawValue)
            w.key("transcript"); w.string(transcript.rawValue)
            w.key("receipt"); w.string(receipt)
            w.key("messages"); w.int(messages)
        default:
            writeReflection(to: &w)
        }
    }
}

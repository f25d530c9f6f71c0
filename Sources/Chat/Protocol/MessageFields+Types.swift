extension MessageFields {
    /// Builds the message for a wire `type`, or fails with `unknown_type` / `bad_request`.
    func message(ofType type: String) throws(ClientMessageError) -> ClientMessage {
        switch type {
        case "hello": return .hello(name: try optionalString("name"), resume: try optionalString("resume"), auth: try optionalString("auth"))
        case "match": return .match(topics: try strings("topics"))
        case "unmatch": return .unmatch
        case "rooms": return .rooms
        case "join": return .join(room: try room(), agree: try optionalBool("agree") ?? false)
        case "leave": return .leave(room: try room())
        case "say": return .say(room: try room(), text: try string("text"))
        case "history": return .history(room: try room(), after: try optionalInt("after") ?? 0, limit: try optionalInt("limit"))
        case "typing": return .typing(room: try room())
        case "block": return .block(peer: try peer())
        case "report": return .report(room: try room(), seq: try int("seq"), reason: try optionalString("reason") ?? "")
        case "resolve_report": return .resolveReport(report: ReportID(try string("report")), outcome: try string("outcome"))
        case "create_room":
            return .createRoom(title: try string("title"), agreement: try optionalString("agreement"),
                               capacity: try optionalInt("capacity"), topics: try strings("topics"))
        case "agree": return .agree(room: try room())
        case "consent": return .consent(room: try room(), transcript: try bool("transcript"))
        case "reflect": return .reflect(text: try string("text"), room: try optionalString("room").map(RoomID.init))
        case "leaving": return .leaving(room: try room())
        case "prompts":
            let scope = try optionalString("for") ?? PromptScope.me.rawValue
            guard let parsed = PromptScope(rawValue: scope) else { throw failure(.invalidField("for", expected: "\"me\" or \"room\"")) }
            return .prompts(room: try room(), enabled: try bool("enabled"), scope: parsed)
        default:
            guard let action = try moderationAction(ofType: type) else { throw failure(.unknownType(type)) }
            return .moderate(room: try room(), action: action)
        }
    }

    /// The §9 actions; `nil` when `type` is not one of them. `mute` without `minutes` lasts 10 minutes.
    func moderationAction(ofType type: String) throws(ClientMessageError) -> ModerationAction? {
        switch type {
        case "mute": return .mute(peer: try peer(), minutes: try optionalInt("minutes") ?? 10)
        case "unmute": return .unmute(peer: try peer())
        case "remove": return .remove(peer: try peer())
        case "ban": return .ban(peer: try peer())
        case "unban": return .unban(peer: try peer())
        case "delete": return .delete(seq: try int("seq"))
        case "lock": return .lock
        case "unlock": return .unlock
        case "slow": return .slow(seconds: try int("seconds"))
        case "close_room": return .closeRoom
        case "announce": return .announce(text: try string("text"))
        case "set_agreement": return .setAgreement(try string("agreement"))
        default: return nil
        }
    }
}

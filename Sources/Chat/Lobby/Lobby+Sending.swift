extension Lobby {
    /// Sends one message to one client, with `ref` when it answers a request.
    mutating func send(_ message: ServerMessage, to client: ClientID, ref: String? = nil) {
        outbox.append(.send(message.encoded(ref: ref), to: [client]))
    }

    /// Sends to a peer's current connection; nothing while they are away.
    mutating func send(_ message: ServerMessage, toPeer peer: PeerID) {
        guard let client = peers[peer]?.client else { return }
        send(message, to: client)
    }

    /// Encodes once and sends to every connected member except `excluded`, leaving out members who
    /// blocked `author`.
    mutating func broadcast(_ message: ServerMessage, in roomID: RoomID, except excluded: PeerID? = nil, author: PeerID? = nil) {
        guard let room = rooms[roomID] else { return }
        let recipients = room.recipients(except: excluded, hidingFrom: author, peers: peers)
        guard !recipients.isEmpty else { return }
        outbox.append(.send(message.encoded(), to: recipients))
    }

    /// A broadcast that also answers the sender's request: encoded once for everyone else; the
    /// sender's copy differs only by `ref` (one copy of the bytes, no second encoding).
    mutating func broadcast(_ message: ServerMessage, in roomID: RoomID, answering context: RequestContext, author: PeerID? = nil) {
        guard let room = rooms[roomID] else { return }
        let shared = message.encoded()
        let recipients = room.recipients(except: context.peer, hidingFrom: author, peers: peers)
        if !recipients.isEmpty { outbox.append(.send(shared, to: recipients)) }
        outbox.append(.send(shared.addingRef(context.ref), to: [context.client]))
    }
}

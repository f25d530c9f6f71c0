extension Lobby {
    /// `hello`: resumes the session a valid token names, or starts a fresh one.
    ///
    /// A token that is unknown, expired or already used is not an error: the person simply gets a
    /// fresh session (`resumed:false`), which is what a returning browser tab needs.
    mutating func hello(name: String?, resume: String?, auth: String?, client: ClientID, ref: String?,
                        rng: inout some RandomNumberGenerator) throws(Refusal) {
        var staffMember: StaffMember?
        if let auth {
            guard let member = staff.staffMember(forToken: auth) else { throw Refusal(.unauthorized) }
            staffMember = member
        }
        if let resume, let peer = peerResumable(with: resume) {
            resumeSession(peer, on: client, ref: ref, rng: &rng)
            return
        }
        let displayName: String
        if let name {
            guard let valid = TextRules.validName(name) else { throw Refusal(.nameInvalid) }
            displayName = valid
        } else if let staffMember {
            displayName = staffMember.name
        } else {
            throw Refusal(.nameInvalid, "Please choose a name (1 to 32 characters).")
        }
        var id = PeerID(IdentifierFactory.make(prefix: "p_", using: &rng))
        while peers[id] != nil { id = PeerID(IdentifierFactory.make(prefix: "p_", using: &rng)) }
        let token = freshToken(for: id, rng: &rng)
        peers[id] = Peer(id: id, name: displayName, role: staffMember?.role ?? .peer, client: client, token: token,
                         bucket: TokenBucket(burst: configuration.rateBurst, now: now.monotonic))
        connections[client] = .session(id)
        sendWelcome(peers[id], to: client, resumed: false, ref: ref)
    }

    /// The peer whose current token this is, compared in constant time.
    func peerResumable(with wire: String) -> PeerID? {
        guard let token = ResumeToken(wire: wire), let id = resumeIndex[token.selector],
              let peer = peers[id], peer.token.verifies(token) else { return nil }
        return id
    }

    /// A new token whose selector no other peer uses, registered for `peer`.
    mutating func freshToken(for peer: PeerID, rng: inout some RandomNumberGenerator) -> ResumeToken {
        var token = ResumeToken.random(using: &rng)
        while resumeIndex[token.selector] != nil { token = ResumeToken.random(using: &rng) }
        resumeIndex[token.selector] = peer
        return token
    }

    /// Moves a peer onto a new connection: a still-open old one is closed (the new one takes over);
    /// the token is replaced, so it works once; the peer gets `joined` for every room it is in.
    mutating func resumeSession(_ id: PeerID, on client: ClientID, ref: String?, rng: inout some RandomNumberGenerator) {
        guard let old = peers[id] else { return }
        if let oldClient = old.client {
            connections[oldClient] = nil
            outbox.append(.close(oldClient, .resumedElsewhere))
        }
        resumeIndex[old.token.selector] = nil
        let token = freshToken(for: id, rng: &rng)
        peers[id]?.token = token
        peers[id]?.client = client
        peers[id]?.awaySince = nil
        connections[client] = .session(id)
        for room in old.rooms { rooms[room]?.members[id]?.client = client }
        sendWelcome(peers[id], to: client, resumed: true, ref: ref)
        for room in old.rooms {
            if let snapshot = snapshot(of: room, for: id) { send(.joined(snapshot), to: client) }
            if old.client == nil { broadcast(.presence(room: room, peer: id, name: old.name, state: .back), in: room, except: id) }
        }
        for missed in old.missedMessages { send(missed, to: client) }
        peers[id]?.missedMessages = []
    }

    mutating func sendWelcome(_ peer: Peer?, to client: ClientID, resumed: Bool, ref: String?) {
        guard let peer else { return }
        let welcome = Welcome(peer: peer.id, name: peer.name, role: peer.role, resume: peer.token.wire, resumed: resumed,
                              textLimit: configuration.textLimit, messageLimit: configuration.messageLimit)
        send(.welcome(welcome), to: client, ref: ref)
    }

    /// A connection ended: its peer is `away` to its rooms and starts the grace period. Waiting to be
    /// matched ends (a person who is not there cannot be paired); the peer may `match` again on return.
    mutating func disconnected(_ client: ClientID) {
        floodBuckets[client] = nil
        guard case .session(let id)? = connections.removeValue(forKey: client),
              let peer = peers[id], peer.client == client else { return }
        peers[id]?.client = nil
        peers[id]?.awaySince = now.monotonic
        matchQueue.remove(id)
        graceLine.append(GraceEntry(peer: id, awaySince: now.monotonic,
                                    deadline: now.monotonic &+ configuration.graceMilliseconds))
        for room in peer.rooms {
            rooms[room]?.members[id]?.client = nil
            broadcast(.presence(room: room, peer: id, name: peer.name, state: .away), in: room, except: id)
        }
    }

    /// The grace period ended: the peer leaves every room (a pair room closes for the other) and is forgotten.
    mutating func endSession(_ id: PeerID) {
        guard let peer = peers[id] else { return }
        for room in peer.rooms { removeMember(id, from: room) }
        matchQueue.remove(id)
        resumeIndex[peer.token.selector] = nil
        peers[id] = nil
    }
}

extension Lobby {
    /// Decodes one message and routes it; every failure is answered with an `error` and its `ref`,
    /// and the connection stays usable. A client never announced with `.connected` is taken as new.
    mutating func received(_ bytes: [UInt8], from client: ClientID, rng: inout some RandomNumberGenerator) {
        let connection = connections[client] ?? .greeting
        connections[client] = connection
        let request: ClientRequest
        do {
            request = try ClientRequest(json: bytes)
        } catch {
            guard withinFloodLimit(client) else {
                send(Refusal(.rateLimited).serverMessage, to: client, ref: error.ref)
                return
            }
            if connection == .greeting, error.isKnownTypeWithBadFields, error.type != "hello" {
                send(Refusal(.notReady).serverMessage, to: client, ref: error.ref)
            } else {
                send(.error(error.code, message: error.explanation), to: client, ref: error.ref)
            }
            return
        }
        if case .say = request.message {
            // `say` has its own per-peer limit (protocol §6).
        } else if !withinFloodLimit(client) {
            send(Refusal(.rateLimited).serverMessage, to: client, ref: request.ref)
            return
        }
        do throws(Refusal) {
            switch connection {
            case .greeting:
                guard case .hello(let name, let resume, let auth) = request.message else { throw Refusal(.notReady) }
                try hello(name: name, resume: resume, auth: auth, client: client, ref: request.ref, rng: &rng)
            case .session(let peer):
                try perform(request.message, RequestContext(client: client, peer: peer, ref: request.ref), rng: &rng)
            }
        } catch {
            send(error.serverMessage, to: client, ref: request.ref)
        }
    }

    /// Flood control for everything but `say`: takes one from the connection's bucket (made on its
    /// first such message, dropped when it disconnects).
    mutating func withinFloodLimit(_ client: ClientID) -> Bool {
        let (rate, burst) = (configuration.floodPerSecond, configuration.floodBurst)
        guard rate > 0 else { return true }
        if floodBuckets[client] == nil { floodBuckets[client] = TokenBucket(burst: burst, now: now.monotonic) }
        return floodBuckets[client]?.take(now: now.monotonic, perSecond: rate, burst: burst) == true
    }

    mutating func perform(_ message: ClientMessage, _ context: RequestContext, rng: inout some RandomNumberGenerator) throws(Refusal) {
        switch message {
        case .hello: throw Refusal(.alreadyHello)
        case .match(let topics): try match(topics: topics, context, rng: &rng)
        case .unmatch: try unmatch(context)
        case .rooms: listRooms(context)
        case .join(let room, let agree): try join(room, agree: agree, context)
        case .leave(let room): try leave(room, context)
        case .say(let room, let text): try say(text, in: room, context)
        case .history(let room, let after, let limit): try history(of: room, after: after, limit: limit, context)
        case .typing(let room): try typing(in: room, context)
        case .block(let peer): try block(peer, context)
        case .report(let room, let seq, let reason): try report(seq: seq, in: room, reason: reason, context, rng: &rng)
        case .resolveReport(let report, let outcome): try resolve(report, outcome: outcome, context)
        case .createRoom(let title, let agreement, let capacity, let topics):
            try createRoom(title: title, agreement: agreement, capacity: capacity, topics: topics, context, rng: &rng)
        case .moderate(let room, let action): try moderate(room, action, context)
        case .agree(let room): try agree(room, context)
        case .consent(let room, let transcript): try consent(transcript, in: room, context)
        case .reflect(let text, let room): try reflect(text, room: room, context)
        case .leaving(let room): try leaving(room, context)
        case .prompts(let room, let enabled, let scope): try setPrompts(enabled, scope: scope, in: room, context)
        }
    }

    /// Runs whatever fell due: grace periods that ended, and topic patience that ran out.
    mutating func passDeadlines(rng: inout some RandomNumberGenerator) {
        while let head = graceLine.first, head.deadline <= now.monotonic {
            graceLine.popFirst()
            guard let peer = peers[head.peer], peer.client == nil, peer.awaySince == head.awaySince else { continue }
            endSession(head.peer)
        }
        passPromptAlarms()
        if let due = matchQueue.nextDeadline, due <= now.monotonic {
            let pairs = promoteWaiters()
            for (first, second) in pairs { openPairRoom(first, second, rng: &rng) }
        }
    }
}

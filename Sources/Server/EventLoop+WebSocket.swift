import WebSocket

extension EventLoop {
    /// Reads frames from `bytes` (unmasking in place) and acts on at most one event; returns bytes used.
    func consumeWebSocket(_ connection: Connection, _ bytes: UnsafeMutableRawBufferPointer) -> Int {
        do throws(WSProtocolError) {
            guard let (used, event) = try connection.reader?.read(bytes) else { return 0 }
            if used > 0 { connection.machine?.receivedFrame(now: now) }
            if let event {
                counters.framesIn += 1
                handle(event, on: connection)
            }
            return used
        } catch {
            // The rest of the input cannot be trusted: answer the broken rule and stop reading.
            notifyClosed(connection, code: error.closeCode)
            if let action = connection.machine?.failed(error) { apply(action, to: connection) }
            return bytes.count
        }
    }

    private func handle(_ event: WSEvent, on connection: Connection) {
        let handler = context.webSocketHandler
        switch event {
        case .text(let utf8):
            if connection.webSocketOpen { handler.text(connection.id, utf8) }
        case .binary(let bytes):
            if connection.webSocketOpen { handler.binary(connection.id, bytes) }
        case .ping(let payload):
            // RFC 6455 §5.5.2: a pong with the same payload, unless our close is already sent.
            if connection.webSocketOpen { enqueueControl(WSFrameEncoder.encode(opcode: .pong, payload: payload), to: connection) }
        case .pong:
            break
        case .close(let code, _):
            notifyClosed(connection, code: code ?? .noStatusReceived)
            if let action = connection.machine?.receivedClose(code: code, now: now) { apply(action, to: connection) }
        }
    }

    /// Carries out what the close/ping state machine decided.
    func apply(_ action: WSAction, to connection: Connection) {
        switch action {
        case .none:
            break
        case .send(let frame):
            enqueueControl(frame, to: connection)
        case .sendAndCloseTransport(let frame):
            enqueueControl(frame, to: connection)
            beginClosing(connection)
        case .closeTransport:
            // The close handshake is over (gracefully, if nothing is queued) or timed out on a client that
            // stopped reading (what is queued will never be read: drop it with the socket).
            if connection.outbound.isEmpty { beginClosing(connection) } else { requestTeardown(connection) }
        }
        reschedule(connection)
    }

    /// Tells the application, once, that the connection has left the open state, and counts the code.
    func notifyClosed(_ connection: Connection, code: WSCloseCode) {
        guard connection.webSocketOpen else { return }
        connection.webSocketOpen = false
        context.metrics.closed(code: code.rawValue)
        context.webSocketHandler.closed(connection.id, code: code)
    }

    /// Server-initiated close (application request, shutdown, slow reader): close frame, then wait for the reply.
    func startClose(_ connection: Connection, code: WSCloseCode) {
        guard connection.phase == .webSocket, connection.webSocketOpen else { return }
        notifyClosed(connection, code: code)
        if let action = connection.machine?.closeRequested(code, reason: "", now: now) { apply(action, to: connection) }
    }

    /// Past the queue cap: the client reads too slowly (protocol §1). Frames not yet started are dropped so
    /// the close frame follows at once; the close-handshake timeout ends it if the client never reads.
    func closeSlowReader(_ connection: Connection) {
        // Over TLS, OpenSSL may hold a record built from queued frames, so nothing can be taken back.
        if connection.tls == nil { connection.outbound.dropUnstarted() }
        startClose(connection, code: .policyViolation)
    }
}

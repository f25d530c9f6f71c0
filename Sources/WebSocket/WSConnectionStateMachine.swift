/// The close handshake and liveness, time passed in (ms, monotonic): open → closing → closed; ping every 30 s,
/// close 1001 after 75 s without any frame from the client; close handshake times out after a few seconds.
///
/// Events in, actions out (swift-websocket's `WebSocketStateMachine`); it never reads a clock, so tests
/// drive it with plain numbers and the Server keeps one timer per connection at `nextDeadline`.
public struct WSConnectionStateMachine: Sendable {
    private enum State: Sendable, Equatable {
        case open
        /// We sent a close and wait for the client's until `deadline`.
        case closing(deadline: UInt64)
        case closed
    }

    private var state: State = .open
    private var lastHeard: UInt64
    private var nextPing: UInt64
    /// The latest time any event reported, for calls that carry no time of their own.
    private var latest: UInt64
    private let pingInterval: UInt64
    private let idleTimeout: UInt64
    private let closeTimeout: UInt64

    /// A connection that has just finished its opening handshake at `now`.
    public init(now: UInt64, pingIntervalMS: UInt64 = 30_000, idleTimeoutMS: UInt64 = 75_000, closeTimeoutMS: UInt64 = 5_000) {
        lastHeard = now
        latest = now
        nextPing = now &+ pingIntervalMS
        pingInterval = pingIntervalMS
        idleTimeout = idleTimeoutMS
        closeTimeout = closeTimeoutMS
    }

    /// Any frame from the client counts as life and postpones the idle close.
    public mutating func receivedFrame(now: UInt64) {
        advance(to: now)
        lastHeard = max(lastHeard, now)
    }

    /// The client sent a close: echo its code (RFC 6455 §5.5.1) and close, or finish our own close handshake.
    public mutating func receivedClose(code: WSCloseCode?, now: UInt64) -> WSAction {
        receivedFrame(now: now)
        switch state {
        case .open:
            state = .closed
            let echo = code.map { WSFrameEncoder.close($0) } ?? WSFrameEncoder.encode(opcode: .close, payload: [])
            return .sendAndCloseTransport(echo)
        case .closing:
            state = .closed
            return .closeTransport
        case .closed:
            return .none
        }
    }

    /// The client broke the protocol: send close with the error's code, then close the transport.
    public mutating func failed(_ error: WSProtocolError) -> WSAction {
        switch state {
        case .open:
            state = .closed
            return .sendAndCloseTransport(WSFrameEncoder.close(error.closeCode))
        case .closing:
            // Our close is already on the wire; a second one is not allowed (RFC 6455 §5.5.1).
            state = .closed
            return .closeTransport
        case .closed:
            return .none
        }
    }

    /// Server-initiated close (1001 shutdown, 1008 slow reader): send it and wait for the client's reply.
    public mutating func closeRequested(_ code: WSCloseCode, reason: String) -> WSAction {
        closeRequested(code, reason: reason, now: latest)
    }

    /// Server-initiated close at a known time; the close-handshake timeout runs from `now`.
    public mutating func closeRequested(_ code: WSCloseCode, reason: String, now: UInt64) -> WSAction {
        advance(to: now)
        guard state == .open else { return .none }
        state = .closing(deadline: now &+ closeTimeout)
        return .send(WSFrameEncoder.close(code, reason: reason))
    }

    /// The timer at `nextDeadline` went off: time out a close handshake, close an idle connection, or ping.
    public mutating func timerFired(now: UInt64) -> WSAction {
        advance(to: now)
        switch state {
        case .closed:
            return .none
        case .closing(let deadline):
            guard now >= deadline else { return .none }
            state = .closed
            return .closeTransport
        case .open:
            if now >= lastHeard &+ idleTimeout {
                // The client is gone or stuck; waiting for its close reply would only keep the socket longer.
                state = .closed
                return .sendAndCloseTransport(WSFrameEncoder.close(.goingAway))
            }
            guard now >= nextPing else { return .none }
            nextPing = now &+ pingInterval
            return .send(WSFrameEncoder.encode(opcode: .ping, payload: []))
        }
    }

    /// When `timerFired` next has something to do, or `nil` once closed.
    public var nextDeadline: UInt64? {
        switch state {
        case .open: min(nextPing, lastHeard &+ idleTimeout)
        case .closing(let deadline): deadline
        case .closed: nil
        }
    }

    /// True once the transport should be (or has been) closed; no more frames may be sent.
    public var isClosed: Bool { state == .closed }

    private mutating func advance(to now: UInt64) {
        latest = max(latest, now)
    }
}

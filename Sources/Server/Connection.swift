import HTTP
import WebSocket

/// One client connection's state, owned by exactly one loop thread and touched by nothing else.
///
/// Kept small for idle WebSockets: no buffer is held while nothing is pending (`inbound` and `outbound`
/// are empty arrays without storage), and the HTTP parser is dropped once the connection upgrades.
final class Connection {
    /// Where the connection is in its life; input is only read in the first four.
    enum Phase: UInt8 {
        case tlsHandshake
        case http
        /// Waiting for the application's `respond` (no further request is read until then).
        case awaitingResponse
        case webSocket
        /// Writing what is queued; then the write side is shut down.
        case closingAfterFlush
        /// Write side shut; reading and discarding until the client closes or the deadline passes.
        case draining
        /// Torn down (or about to be); ignored by everything.
        case closed
    }

    let fd: Int32
    let id: ConnectionID
    let peer: PeerAddress
    /// Whether the connection limiter counted it in (refused connections on their way out are not).
    let admitted: Bool
    var phase: Phase
    var parser: HTTPRequestParser?
    var reader: WSMessageReader?
    var machine: WSConnectionStateMachine?
    var tls: TLSSession?
    /// Unread bytes, kept only while a request or frame header is incomplete.
    var inbound: [UInt8] = []
    var outbound = OutboundQueue()
    /// Request timeout, or the end of lingering, in loop milliseconds.
    var deadline: UInt64 = 0
    /// The deadline currently in the loop's timer heap (`.max`: none).
    var scheduled: UInt64 = .max
    /// The epoll events registered now.
    var interest: UInt32 = 0
    var wantsWrite = false
    var readPaused = false
    var isDirty = false
    /// Between `opened` and `closed` of the WebSocket handler; data frames are sent only then.
    var webSocketOpen = false
    var sentContinue = false
    /// What the pending application response needs to know about its request.
    var pendingIsHead = false
    var pendingKeepAlive = true
    var pendingMinorVersion = 1

    init(fd: Int32, id: ConnectionID, peer: PeerAddress, admitted: Bool, phase: Phase) {
        self.fd = fd
        self.id = id
        self.peer = peer
        self.admitted = admitted
        self.phase = phase
    }

    /// Whether bytes read now should be parsed (rather than discarded).
    var readsInput: Bool {
        phase == .http || phase == .webSocket || phase == .awaitingResponse
    }

    /// The next time the loop must look at this connection, if any.
    var nextDeadline: UInt64? {
        switch phase {
        case .webSocket: machine?.nextDeadline
        case .closed: nil
        default: deadline
        }
    }
}

import HTTP
import WebSocket

/// Work handed to a loop from outside its thread (or queued by a handler on it) through its mailbox.
enum LoopJob: Sendable {
    /// Queue one shared frame for one connection.
    case send(OutboundFrame, ConnectionID)
    /// Queue the same shared frame for each of these connections (all on this loop).
    case sendMany(OutboundFrame, [ConnectionID])
    /// Start the close handshake with this code.
    case close(ConnectionID, WSCloseCode)
    /// The application's answer to an HTTP request it was handed.
    case respond(ConnectionID, HTTPResponse)
    /// Stop accepting, say 1001 to every WebSocket, and exit once all are closed or at `deadlineMS`.
    case shutdown(deadlineMS: UInt64)
}

extension LoopJob {
    /// Sends only touch a connection's outbound queue, so a handler on the loop thread may run them at once;
    /// closes and responses re-enter the handler or the input path and always go through the mailbox.
    var runsInline: Bool {
        switch self {
        case .send, .sendMany: true
        case .close, .respond, .shutdown: false
        }
    }
}

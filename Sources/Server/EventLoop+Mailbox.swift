import Glibc
import WebSocket

extension EventLoop {
    func perform(_ job: LoopJob) {
        switch job {
        case .send(let frame, let id):
            if let connection = connection(for: id) { enqueueData(frame, to: connection) }
        case .sendMany(let frame, let ids):
            for id in ids {
                if let connection = connection(for: id) { enqueueData(frame, to: connection) }
            }
        case .close(let id, let code):
            if let connection = connection(for: id) { startClose(connection, code: code) }
        case .respond(let id, let response):
            if let connection = connection(for: id) { deliverResponse(response, to: connection) }
        case .shutdown(let deadline):
            beginShutdown(deadline: deadline)
        }
    }

    /// The live connection `id` names, or `nil` if it has gone (its slot may hold a newer one).
    private func connection(for id: ConnectionID) -> Connection? {
        let slot = id.slot
        guard slot < connections.count, let connection = connections[slot], connection.id == id,
              connection.phase != .closed else { return nil }
        return connection
    }

    /// Stops accepting, starts a 1001 close on every WebSocket, and lets idle HTTP connections go.
    private func beginShutdown(deadline: UInt64) {
        shutdownDeadline = deadline
        acceptResumesAt = nil
        if listenerFD >= 0 {
            epoll.remove(listenerFD)
            close(listenerFD)
            listenerFD = -1
        }
        for case let connection? in connections {
            switch connection.phase {
            case .webSocket: startClose(connection, code: .goingAway)
            case .http where connection.inbound.isEmpty: beginClosing(connection)
            case .tlsHandshake: requestTeardown(connection)
            default: break
            }
        }
    }
}

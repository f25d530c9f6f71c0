import WebSocket

extension EventLoop {
    /// Makes sure a timer will fire no later than the connection's next deadline.
    func reschedule(_ connection: Connection) {
        guard let next = connection.nextDeadline, next < connection.scheduled else { return }
        connection.scheduled = next
        timers.push(.init(deadline: next, slot: UInt32(connection.id.slot), generation: connection.id.generation))
    }

    /// Runs every due timer whose connection still expects it.
    func fireTimers() {
        while let entry = timers.popDue(now: now) {
            let slot = Int(entry.slot)
            guard slot < connections.count, let connection = connections[slot],
                  connection.id.generation == entry.generation, connection.scheduled == entry.deadline
            else { continue }
            connection.scheduled = .max
            deadlineReached(connection)
            reschedule(connection)
        }
        processTeardowns()
    }

    private func deadlineReached(_ connection: Connection) {
        switch connection.phase {
        case .closed:
            return
        case .webSocket:
            guard let action = connection.machine?.timerFired(now: now) else { return }
            // The only close the state machine starts on its own is the idle close (1001).
            if case .sendAndCloseTransport = action { notifyClosed(connection, code: .goingAway) }
            apply(action, to: connection)
        case .tlsHandshake, .http, .awaitingResponse, .closingAfterFlush, .draining:
            // A request that never completed, a keep-alive connection left idle, or a close that lingered.
            if now >= connection.deadline { requestTeardown(connection) }
        }
    }
}

import CLinux
import Glibc
import HTTP
import WebSocket

extension EventLoop {
    /// Accepts what is pending (at most 64 per turn, so accepting cannot starve open connections).
    func acceptConnections() {
        for _ in 0..<64 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept4(listenerFD, $0, &length, Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue))
                }
            }
            if fd < 0 {
                let code = errno
                switch code {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    pauseAccepting(errno: code)
                    return
                default:
                    logger.warning("accept failed", metadata: ["errno": "\(code)"])
                    return
                }
            }
            try? Listener.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1, "setsockopt(TCP_NODELAY)")
            let peer = PeerAddress(storage)
            if shutdownDeadline != nil {
                close(fd)
            } else if context.limiter.admit(peer) {
                context.metrics.accepted.increment()
                context.metrics.connectionsOpen.increment()
                register(fd: fd, peer: peer, admitted: true)
            } else {
                context.metrics.refused.increment()
                refuse(fd: fd, peer: peer)
            }
        }
    }

    /// Out of descriptors: stop watching the listener for 100 ms instead of spinning on a level-triggered
    /// event that accept cannot clear. Pending clients wait in the backlog meanwhile.
    private func pauseAccepting(errno code: Int32) {
        epoll.remove(listenerFD)
        acceptResumesAt = now + 100
        if now >= lastAcceptWarning + 10_000 {
            lastAcceptWarning = now
            logger.error("accept: out of file descriptors, pausing accepts", metadata: ["errno": "\(code)", "open": "\(liveConnections)"])
        }
    }

    func resumeAcceptingIfDue() {
        guard let resume = acceptResumesAt, now >= resume else { return }
        acceptResumesAt = nil
        guard listenerFD >= 0, shutdownDeadline == nil else { return }
        try? epoll.add(listenerFD, token: Self.listenerToken, events: EPOLLIN.rawValue)
    }

    /// A connection over a cap gets `503` and is closed once that is written (over TLS, just closed).
    private func refuse(fd: Int32, peer: PeerAddress) {
        guard context.tls == nil, refusingConnections < 256 else {
            close(fd)
            return
        }
        guard let connection = register(fd: fd, peer: peer, admitted: false) else { return }
        refusingConnections += 1
        var response = HTTPResponse.plainText(.serviceUnavailable, "Too many connections; please try again shortly.\n")
        response.headers.add(name: "Connection", value: "close")
        response.headers.add(name: "Retry-After", value: "5")
        SecurityHeaders.apply(to: &response.headers)
        enqueue(OutboundFrame(encoded: response.encode()), to: connection)
        beginClosing(connection)
    }

    @discardableResult
    private func register(fd: Int32, peer: PeerAddress, admitted: Bool) -> Connection? {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = connections.count
            connections.append(nil)
        }
        let generation = nextGeneration
        nextGeneration = nextGeneration == .max ? 1 : nextGeneration + 1
        let id = ConnectionID(loop: handle.index, slot: slot, generation: generation)
        let connection = Connection(fd: fd, id: id, peer: peer, admitted: admitted, phase: .http)
        connections[slot] = connection
        liveConnections += 1
        connection.interest = Epoll.readable
        do {
            try epoll.add(fd, token: UInt64(slot), events: Epoll.readable)
        } catch {
            logger.error("register connection", metadata: ["errno": "\(error.errno)"])
            requestTeardown(connection)
            return nil
        }
        if let tls = context.tls, admitted {
            guard let session = TLSSession(context: tls, fd: fd) else {
                requestTeardown(connection)
                return nil
            }
            connection.tls = session
            connection.phase = .tlsHandshake
        } else if admitted {
            connection.parser = HTTPRequestParser()
        }
        connection.deadline = now + configuration.requestTimeoutMS
        reschedule(connection)
        return connection
    }

    /// Marks the connection closed now and frees it once no caller is inside its buffers.
    func requestTeardown(_ connection: Connection) {
        guard connection.phase != .closed else { return }
        connection.phase = .closed
        teardowns.append(connection)
    }

    func processTeardowns() {
        while let connection = teardowns.popLast() {
            notifyClosed(connection, code: WSCloseCode.abnormalClosure)
            close(connection.fd)
            connection.tls = nil
            connection.inbound = []
            connection.outbound = OutboundQueue()
            connection.reader = nil
            connection.parser = nil
            connections[connection.id.slot] = nil
            releasedSlots.append(connection.id.slot)
            liveConnections -= 1
            if connection.admitted {
                context.limiter.release(connection.peer)
                context.metrics.connectionsOpen.decrement()
            } else {
                refusingConnections -= 1
            }
        }
    }
}

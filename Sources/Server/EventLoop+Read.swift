import CLinux
import Glibc

extension EventLoop {
    /// Input is ready: one read (TLS: until OpenSSL has nothing buffered), then parse what arrived.
    func readable(_ connection: Connection) {
        switch connection.phase {
        case .tlsHandshake: continueHandshake(connection)
        case .draining, .closingAfterFlush: discardInput(connection)
        case .closed: return
        case .http, .awaitingResponse, .webSocket:
            guard !connection.readPaused else { return }
            // OpenSSL may hold decrypted bytes epoll cannot see (a record larger than one read): keep reading
            // while it does. Without read-ahead it never holds more than part of one record.
            var rounds = 0
            while receiveOnce(connection), rounds < 64, connection.tls?.hasPending == true,
                  connection.readsInput, !connection.readPaused {
                rounds += 1
            }
        }
    }

    /// Reads into the shared buffer and hands the bytes on; true when bytes were read.
    private func receiveOnce(_ connection: Connection) -> Bool {
        switch receive(connection) {
        case .bytes(let count):
            counters.bytesIn += count
            ingest(connection, count: count)
            return true
        case .wouldBlock:
            return false
        case .closed where connection.phase == .http && !connection.outbound.isEmpty:
            // The client finished sending (a half-close) but its answer is still being written.
            beginClosing(connection)
            return false
        case .closed, .failed:
            requestTeardown(connection)
            return false
        }
    }

    private func receive(_ connection: Connection) -> TLSSession.ReadResult {
        if let tls = connection.tls { return tls.read(into: readBuffer) }
        while true {
            let count = read(connection.fd, readBuffer.baseAddress, readBuffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .failed
            }
        }
    }

    /// Parses the new bytes in place; only an unfinished request or frame header is copied out and kept.
    private func ingest(_ connection: Connection, count: Int) {
        if connection.inbound.isEmpty {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: readBuffer[..<count])
            let used = consume(connection, chunk)
            if used < count && connection.readsInput {
                connection.inbound = Array(UnsafeRawBufferPointer(rebasing: chunk[used...]))
            }
        } else {
            connection.inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
            processKeptInput(connection)
        }
    }

    /// Parses bytes kept from earlier reads (also after reading resumes).
    func processKeptInput(_ connection: Connection) {
        guard !connection.inbound.isEmpty else { return }
        let used = connection.inbound.withUnsafeMutableBytes { consume(connection, $0) }
        if used >= connection.inbound.count || !connection.readsInput {
            connection.inbound = []
        } else if used > 0 {
            connection.inbound.removeFirst(used)
        }
    }

    /// Hands bytes to the parser of the connection's phase until they run out or the phase stops reading.
    /// Returns how many were used; the rest belongs to an incomplete request or frame.
    private func consume(_ connection: Connection, _ bytes: UnsafeMutableRawBufferPointer) -> Int {
        var offset = 0
        while offset < bytes.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: bytes[offset...])
            let used: Int
            switch connection.phase {
            case .http:
                guard !connection.readPaused, let count = consumeHTTP(connection, UnsafeRawBufferPointer(rest)) else { return offset }
                used = count
            case .webSocket:
                used = consumeWebSocket(connection, rest)
                if used == 0 { return offset }
            case .awaitingResponse, .tlsHandshake:
                return offset
            case .closingAfterFlush, .draining, .closed:
                return bytes.count
            }
            offset += used
        }
        return offset
    }

    /// Reads and drops input after the response or close frame is decided; end of input closes.
    private func discardInput(_ connection: Connection) {
        switch receive(connection) {
        case .bytes(let count): counters.bytesIn += count
        case .wouldBlock: break
        case .closed, .failed: requestTeardown(connection)
        }
    }

    /// Drives the TLS handshake on a non-blocking socket.
    private func continueHandshake(_ connection: Connection) {
        guard let tls = connection.tls else { return }
        switch tls.handshake() {
        case .done:
            connection.phase = .http
            connection.parser = .init()
            connection.wantsWrite = false
            updateInterest(connection)
            readable(connection)
        case .wantRead:
            connection.wantsWrite = false
            updateInterest(connection)
        case .wantWrite:
            connection.wantsWrite = true
            updateInterest(connection)
        case .failed:
            context.metrics.handshakeFailures.increment()
            requestTeardown(connection)
        }
    }

    /// EPOLLOUT: a blocked write (or a TLS handshake) can continue.
    func writable(_ connection: Connection) {
        if connection.phase == .tlsHandshake {
            continueHandshake(connection)
        } else {
            markDirty(connection)
        }
    }

    /// Registers exactly the events the connection needs now; one `epoll_ctl` only when they change.
    func updateInterest(_ connection: Connection) {
        guard connection.phase != .closed else { return }
        var wanted: UInt32 = connection.readPaused ? 0 : Epoll.readable
        if connection.wantsWrite { wanted |= Epoll.writable }
        guard wanted != connection.interest else { return }
        connection.interest = wanted
        do {
            try epoll.modify(connection.fd, token: UInt64(connection.id.slot), events: wanted)
        } catch {
            requestTeardown(connection)
        }
    }
}

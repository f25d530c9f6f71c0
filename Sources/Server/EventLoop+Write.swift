import CLinux
import Glibc
import WebSocket

extension EventLoop {
    /// Queues a data frame for an open WebSocket, enforcing the queue cap.
    func enqueueData(_ frame: OutboundFrame, to connection: Connection) {
        guard connection.webSocketOpen, connection.phase == .webSocket else { return }
        if connection.outbound.queuedBytes + frame.count > configuration.maxQueuedBytes {
            closeSlowReader(connection)
            return
        }
        counters.framesOut += 1
        enqueue(frame, to: connection)
    }

    /// Queues a ping, pong or close; control frames are tiny and bypass the cap.
    func enqueueControl(_ bytes: [UInt8], to connection: Connection) {
        counters.framesOut += 1
        enqueue(OutboundFrame(encoded: bytes), to: connection)
    }

    func enqueue(_ frame: OutboundFrame, to connection: Connection) {
        guard connection.phase != .closed, connection.phase != .draining else { return }
        connection.outbound.append(frame)
        markDirty(connection)
    }

    func markDirty(_ connection: Connection) {
        guard !connection.isDirty else { return }
        connection.isDirty = true
        dirty.append(connection)
    }

    /// Stops reading requests or frames; writes what is queued (while it keeps moving), then shuts the write
    /// side and lingers up to 2 s for the client's end of stream, so a response is never cut off by a reset.
    func beginClosing(_ connection: Connection) {
        guard connection.phase != .closed, connection.phase != .draining, connection.phase != .closingAfterFlush else { return }
        connection.phase = .closingAfterFlush
        connection.deadline = now + configuration.requestTimeoutMS
        connection.readPaused = false
        updateInterest(connection)
        reschedule(connection)
        markDirty(connection)
    }

    /// One write per connection with output queued this turn (one `writev`, or TLS records).
    func flushDirty() {
        swap(&dirty, &flushing)
        for connection in flushing {
            connection.isDirty = false
            flush(connection)
        }
        flushing.removeAll(keepingCapacity: flushing.capacity <= 4096)
    }

    private func flush(_ connection: Connection) {
        guard connection.phase != .closed, connection.phase != .tlsHandshake else { return }
        if !connection.outbound.isEmpty {
            let before = connection.outbound.queuedBytes
            let result = connection.tls == nil ? writePlain(connection) : writeTLS(connection)
            // A slow but moving download is not idle: its deadline runs from the last progress.
            if connection.outbound.queuedBytes < before && connection.phase != .webSocket {
                connection.deadline = max(connection.deadline, now + configuration.requestTimeoutMS)
            }
            switch result {
            case .done: connection.wantsWrite = false
            case .more: markDirty(connection)
            case .blocked: connection.wantsWrite = true
            case .failed:
                requestTeardown(connection)
                return
            }
        }
        if connection.outbound.isEmpty { drained(connection) }
        updateInterest(connection)
    }

    private enum WriteOutcome { case done, more, blocked, failed }

    private func writePlain(_ connection: Connection) -> WriteOutcome {
        let count = connection.outbound.gather(into: vectors, limit: vectorCapacity)
        var offered = 0
        for index in 0..<count { offered += vectors[index].iov_len }
        while true {
            let written = writev(connection.fd, vectors, Int32(count))
            if written >= 0 {
                counters.bytesOut += written
                connection.outbound.consume(written)
                if connection.outbound.isEmpty { return .done }
                return written == offered ? .more : .blocked
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .blocked
            default: return .failed
            }
        }
    }

    /// Packs queued bytes into records of up to 16 KiB in the shared buffer and writes them, up to 256 KiB
    /// per turn. After `.blocked` the same bytes are packed again (the queue only grows at its tail).
    private func writeTLS(_ connection: Connection) -> WriteOutcome {
        guard let tls = connection.tls else { return .failed }
        var budget = 256 * 1024
        while !connection.outbound.isEmpty {
            var packed = 0
            connection.outbound.forEachPending { frame in
                let take = min(frame.count, 16 * 1024 - packed)
                UnsafeMutableRawBufferPointer(rebasing: readBuffer[packed..<(packed + take)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: frame[..<take]))
                packed += take
                return packed < 16 * 1024
            }
            switch tls.write(UnsafeRawBufferPointer(rebasing: readBuffer[..<packed])) {
            case .wrote(let written):
                counters.bytesOut += written
                connection.outbound.consume(written)
                budget -= written
                if budget <= 0 { return connection.outbound.isEmpty ? .done : .more }
            case .wouldBlock: return .blocked
            case .failed: return .failed
            }
        }
        return .done
    }

    /// Everything queued is written: finish a close, or resume reading pipelined requests.
    private func drained(_ connection: Connection) {
        switch connection.phase {
        case .closingAfterFlush:
            connection.tls?.shutdown()
            shutdown(connection.fd, Int32(SHUT_WR))
            connection.phase = .draining
            connection.deadline = now + 2_000
            reschedule(connection)
        case .http where connection.readPaused:
            connection.readPaused = false
            updateInterest(connection)
            processKeptInput(connection)
        default:
            break
        }
    }
}

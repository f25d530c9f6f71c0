import CoreMetrics

/// The engine's metrics (swift-metrics, so any backend works; the executable uses Prometheus).
///
/// Hot-path counts (bytes, frames) are added to plain per-loop integers (`LoopCounters`) and handed to
/// the metrics backend once per loop turn, so a busy connection costs no atomic operation per frame.
final class ServerMetrics: Sendable {
    let connectionsOpen = Meter(label: "withness_connections_open")
    let accepted = Counter(label: "withness_connections_accepted_total")
    let refused = Counter(label: "withness_connections_refused_total")
    let bytesIn = Counter(label: "withness_bytes_in_total")
    let bytesOut = Counter(label: "withness_bytes_out_total")
    let framesIn = Counter(label: "withness_frames_in_total")
    let framesOut = Counter(label: "withness_frames_out_total")
    let handshakeFailures = Counter(label: "withness_handshake_failures_total")
    private let closes = Locked<[UInt16: Counter]>([:])

    /// `withness_closes_total{code}`; one counter per code, made on first use.
    func closed(code: UInt16) {
        let counter = closes.withLock { table in
            if let counter = table[code] { return counter }
            let counter = Counter(label: "withness_closes_total", dimensions: [("code", String(code))])
            table[code] = counter
            return counter
        }
        counter.increment()
    }

    func flush(_ counters: inout LoopCounters) {
        if counters.bytesIn > 0 { bytesIn.increment(by: counters.bytesIn) }
        if counters.bytesOut > 0 { bytesOut.increment(by: counters.bytesOut) }
        if counters.framesIn > 0 { framesIn.increment(by: counters.framesIn) }
        if counters.framesOut > 0 { framesOut.increment(by: counters.framesOut) }
        counters = LoopCounters()
    }
}

/// Counts gathered during one loop turn, flushed to `ServerMetrics` at its end.
struct LoopCounters {
    var bytesIn = 0
    var bytesOut = 0
    var framesIn = 0
    var framesOut = 0
}

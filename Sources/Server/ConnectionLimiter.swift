
/// Counts open connections in total and per IP address across all loops, and admits or refuses new ones.
///
/// One lock taken per accept and per close, never per message. Refused connections get a 503 and are not
/// counted, so a flood from one address cannot lock out others.
final class ConnectionLimiter: Sendable {
    private struct Counts {
        var total = 0
        var perHost: [PeerAddress: Int] = [:]
    }

    private let maxTotal: Int
    private let maxPerHost: Int
    private let capLoopback: Bool
    private let counts = Locked(Counts())

    init(maxTotal: Int, maxPerHost: Int, capLoopback: Bool) {
        self.maxTotal = maxTotal
        self.maxPerHost = maxPerHost
        self.capLoopback = capLoopback
    }

    /// Counts the connection in and returns true, or returns false when a cap is reached.
    func admit(_ peer: PeerAddress) -> Bool {
        let host = peer.host
        let perHostLimit = capLoopback || !peer.isLoopback ? maxPerHost : Int.max
        return counts.withLock { counts in
            let fromHost = counts.perHost[host, default: 0]
            guard counts.total < maxTotal, fromHost < perHostLimit else { return false }
            counts.total += 1
            counts.perHost[host] = fromHost + 1
            return true
        }
    }

    /// Counts an admitted connection out.
    func release(_ peer: PeerAddress) {
        let host = peer.host
        counts.withLock { counts in
            counts.total -= 1
            let left = counts.perHost[host, default: 1] - 1
            counts.perHost[host] = left > 0 ? left : nil
        }
    }

    var total: Int { counts.withLock { $0.total } }
}

import CLinux
import Glibc

/// The remote end of a connection: an IPv4 or IPv6 address and a port.
///
/// Stored as the 16 bytes of the IPv6 form (IPv4 as ::ffff:a.b.c.d) in two integers, so it costs no
/// allocation per connection and per-IP counting hashes a fixed-size value; text is made only on request.
public struct PeerAddress: Hashable, Sendable, CustomStringConvertible {
    private let high: UInt64
    private let low: UInt64
    /// The remote TCP port.
    public let port: UInt16

    private init(bytes: UnsafeRawBufferPointer, port: UInt16) {
        high = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        low = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        self.port = port
    }

    private init(high: UInt64, low: UInt64, port: UInt16) {
        self.high = high
        self.low = low
        self.port = port
    }

    /// Reads a `sockaddr_storage` filled by `accept4`.
    init(_ storage: sockaddr_storage) {
        var copy = storage
        if Int32(storage.ss_family) == AF_INET {
            let v4 = withUnsafeBytes(of: &copy) { $0.load(as: sockaddr_in.self) }
            var mapped: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
            withUnsafeBytes(of: v4.sin_addr.s_addr) { mapped += $0 }
            self = mapped.withUnsafeBytes { PeerAddress(bytes: $0, port: UInt16(bigEndian: v4.sin_port)) }
        } else {
            let v6 = withUnsafeBytes(of: &copy) { $0.load(as: sockaddr_in6.self) }
            self = withUnsafeBytes(of: v6.sin6_addr) { PeerAddress(bytes: $0, port: UInt16(bigEndian: v6.sin6_port)) }
        }
    }

    /// The address without the port, for per-IP limits.
    var host: PeerAddress { PeerAddress(high: high, low: low, port: 0) }

    private var bytes: [UInt8] {
        withUnsafeBytes(of: (high, low)) { Array($0) }
    }

    /// True for an IPv4 address carried as ::ffff:a.b.c.d.
    var isIPv4: Bool {
        let raw = bytes
        return raw[0..<10].allSatisfy { $0 == 0 } && raw[10] == 0xFF && raw[11] == 0xFF
    }

    /// True for 127.0.0.0/8 and ::1: a local client, or every client at once behind a reverse proxy.
    public var isLoopback: Bool {
        let raw = bytes
        if isIPv4 { return raw[12] == 127 }
        return raw[0..<15].allSatisfy { $0 == 0 } && raw[15] == 1
    }

    /// `1.2.3.4` or `::1`, without the port.
    public var hostText: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let raw = bytes
        if isIPv4 {
            var address = in_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: raw[12..<16]) }
            inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
        } else {
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: raw) }
            inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `1.2.3.4:5678` or `[::1]:5678`.
    public var description: String { isIPv4 ? "\(hostText):\(port)" : "[\(hostText)]:\(port)" }
}

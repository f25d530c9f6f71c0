import Crypto
import HTTP

/// The server side of the opening handshake (RFC 6455 §4.2): one guard per rule, in the RFC's order.
public enum WSHandshake {
    /// RFC 6455 §1.3: the GUID appended to the client's key before hashing.
    static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// `Sec-WebSocket-Accept` for a client key: base64(SHA-1(key + GUID)).
    public static func acceptValue(forKey key: String) -> String {
        Base64.encode(Digest.sha1(Array((key + guid).utf8)))
    }

    /// `nil` when the request is not a WebSocket upgrade attempt at all (no `Upgrade: websocket`): serve it as HTTP.
    public static func evaluate(_ head: HTTPRequestHead, policy: WSHandshakePolicy) -> WSHandshakeDecision? {
        let headers = head.headers
        guard headers.containsToken("websocket", in: "Upgrade") else { return nil }
        do throws(WSHandshakeRefusal) {
            let key = try check(head, policy: policy)
            return .accept(acceptResponse(key: key, protocol: chooseSubprotocol(headers, policy: policy)))
        } catch {
            return .refuse(error)
        }
    }

    /// Runs every rule and returns the validated key, or throws the first rule broken.
    private static func check(_ head: HTTPRequestHead, policy: WSHandshakePolicy) throws(WSHandshakeRefusal) -> String {
        let headers = head.headers
        // 1. GET, HTTP/1.1 or later.
        guard head.method == "GET" else { throw .methodNotGet }
        guard head.minorVersion >= 1 else { throw .httpVersionTooOld }
        // 2. Host.
        let hosts = headers.values("Host")
        guard hosts.count == 1, let host = hosts.first, !host.isEmpty else { throw .missingHost }
        // 3. Upgrade: websocket was checked by the caller; 4. Connection lists `upgrade`.
        guard headers.containsToken("upgrade", in: "Connection") else { throw .missingConnectionUpgrade }
        // 5. Exactly one key, base64 of 16 bytes.
        let keys = headers.values("Sec-WebSocket-Key")
        guard keys.count == 1, let key = keys.first.map(trimmed),
              let nonce = Base64.decode(key), nonce.count == 16 else { throw .invalidKey }
        // 6. Version 13 (RFC 6455 §4.4: otherwise 426 with the versions we speak).
        guard headers.values("Sec-WebSocket-Version").map(trimmed) == ["13"] else { throw .unsupportedVersion }
        // protocol.md §1: no Origin (a non-browser client) or an allowed one.
        if let origin = headers["Origin"], !originAllowed(origin, host: host, allowList: policy.allowedOrigins) { throw .originNotAllowed }
        return key
    }

    private static func acceptResponse(key: String, protocol chosen: String?) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Upgrade", value: "websocket")
        headers.add(name: "Connection", value: "Upgrade")
        headers.add(name: "Sec-WebSocket-Accept", value: acceptValue(forKey: key))
        if let chosen { headers.add(name: "Sec-WebSocket-Protocol", value: chosen) }
        return HTTPResponse(status: .switchingProtocols, headers: headers)
    }

    /// The first of our subprotocols (in our order of preference) that the client offered, if any.
    static func chooseSubprotocol(_ headers: HTTPHeaders, policy: WSHandshakePolicy) -> String? {
        let offered = headers.values("Sec-WebSocket-Protocol").flatMap { $0.split(separator: ",").map(trimmed) }
        return policy.subprotocols.first { offered.contains($0) }
    }

    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

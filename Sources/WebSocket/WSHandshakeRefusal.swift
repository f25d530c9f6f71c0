import HTTP

/// Why an upgrade request was refused, one case per rule of RFC 6455 §4.2.1 and protocol.md §1.
public enum WSHandshakeRefusal: Error, Equatable, Sendable {
    /// The method is not `GET` (§4.2.1 item 1): 405.
    case methodNotGet
    /// The request is older than HTTP/1.1 (§4.2.1 item 1): 400.
    case httpVersionTooOld
    /// No `Host` header (§4.2.1 item 2): 400.
    case missingHost
    /// `Connection` does not list `upgrade` (§4.2.1 item 4): 400.
    case missingConnectionUpgrade
    /// `Sec-WebSocket-Key` is absent, repeated, or not base64 of exactly 16 bytes (§4.2.1 item 5): 400.
    case invalidKey
    /// `Sec-WebSocket-Version` is not 13 (§4.2.1 item 6): 426 naming the version we speak.
    case unsupportedVersion
    /// `Origin` is neither this server's own origin nor on the allow-list (protocol.md §1): 403.
    case originNotAllowed

    /// The HTTP response that tells the client which rule it broke.
    public var response: HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Connection", value: "close")
        switch self {
        case .methodNotGet:
            headers.add(name: "Allow", value: "GET")
        case .unsupportedVersion:
            // RFC 6455 §4.4: list the versions this server understands.
            headers.add(name: "Sec-WebSocket-Version", value: "13")
        default:
            break
        }
        return HTTPResponse(status: status, headers: headers, body: Array((explanation + "\n").utf8))
    }

    /// The status code for this refusal.
    public var status: HTTPStatus {
        switch self {
        case .methodNotGet: .methodNotAllowed
        case .unsupportedVersion: .upgradeRequired
        case .originNotAllowed: .forbidden
        case .httpVersionTooOld, .missingHost, .missingConnectionUpgrade, .invalidKey: .badRequest
        }
    }

    private var explanation: String {
        switch self {
        case .methodNotGet: "A WebSocket upgrade must use GET."
        case .httpVersionTooOld: "A WebSocket upgrade needs HTTP/1.1."
        case .missingHost: "A WebSocket upgrade needs a Host header."
        case .missingConnectionUpgrade: "A WebSocket upgrade needs Connection: Upgrade."
        case .invalidKey: "Sec-WebSocket-Key must be base64 of 16 bytes."
        case .unsupportedVersion: "This server speaks WebSocket version 13."
        case .originNotAllowed: "This page's origin may not connect here."
        }
    }
}

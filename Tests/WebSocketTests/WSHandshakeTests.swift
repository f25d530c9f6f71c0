import HTTP
import Testing
import WebSocket

@Suite("WSHandshake")
struct WSHandshakeTests {
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="

    /// The RFC 6455 §1.3 request, with fields replaced or removed (`nil`) as a test needs.
    func request(method: String = "GET", minorVersion: Int = 1, _ changes: [String: String?] = [:]) -> HTTPRequestHead {
        var fields: [(String, String?)] = [
            ("Host", "server.example.com"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
            ("Sec-WebSocket-Key", Self.key), ("Sec-WebSocket-Version", "13"),
        ]
        for (name, value) in changes {
            if let index = fields.firstIndex(where: { $0.0 == name }) { fields[index].1 = value } else { fields.append((name, value)) }
        }
        let headers = HTTPHeaders(fields.compactMap { name, value in value.map { (name, $0) } })
        return HTTPRequestHead(method: method, target: "/ws", minorVersion: minorVersion, headers: headers)
    }

    func refusal(_ head: HTTPRequestHead, policy: WSHandshakePolicy = WSHandshakePolicy()) -> WSHandshakeRefusal? {
        if case .refuse(let refusal) = WSHandshake.evaluate(head, policy: policy) { return refusal }
        return nil
    }

    func accepted(_ head: HTTPRequestHead, policy: WSHandshakePolicy = WSHandshakePolicy()) -> HTTPResponse? {
        if case .accept(let response) = WSHandshake.evaluate(head, policy: policy) { return response }
        return nil
    }

    @Test("computes RFC 6455 §1.3's accept value")
    func acceptValue() {
        #expect(WSHandshake.acceptValue(forKey: Self.key) == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("accepts the RFC 6455 §1.3 request with a 101 and no subprotocol when none is offered")
    func accepts() throws {
        let response = try #require(accepted(request()))
        #expect(response.status == .switchingProtocols)
        #expect(response.headers["Upgrade"] == "websocket")
        #expect(response.headers["Connection"] == "Upgrade")
        #expect(response.headers["Sec-WebSocket-Accept"] == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(response.headers["Sec-WebSocket-Protocol"] == nil)
        #expect(String(decoding: response.encode(), as: UTF8.self).hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"))
    }

    @Test("accepts header values in any case and Connection as a token list")
    func caseInsensitive() {
        let head = request(["Upgrade": "WebSocket", "Connection": "keep-alive, UPGRADE"])
        #expect(accepted(head) != nil)
    }

    @Test("is not a WebSocket request without Upgrade: websocket")
    func notAnUpgrade() {
        #expect(WSHandshake.evaluate(request(["Upgrade": nil]), policy: WSHandshakePolicy()) == nil)
        #expect(WSHandshake.evaluate(request(["Upgrade": "h2c"]), policy: WSHandshakePolicy()) == nil)
    }

    @Test("selects withness.v1 when offered among others, and none when not offered")
    func subprotocol() {
        let offered = accepted(request(["Sec-WebSocket-Protocol": "chat, withness.v1"]))
        #expect(offered?.headers["Sec-WebSocket-Protocol"] == "withness.v1")
        let other = accepted(request(["Sec-WebSocket-Protocol": "chat, superchat"]))
        #expect(other != nil)
        #expect(other?.headers["Sec-WebSocket-Protocol"] == nil)
    }

    static let refusals: [(String, String, Int, [String: String?], WSHandshakeRefusal, HTTPStatus)] = [
        ("POST", "POST", 1, [:], .methodNotGet, .methodNotAllowed),
        ("HTTP/1.0", "GET", 0, [:], .httpVersionTooOld, .badRequest),
        ("no Host", "GET", 1, ["Host": nil], .missingHost, .badRequest),
        ("Connection without upgrade", "GET", 1, ["Connection": "keep-alive"], .missingConnectionUpgrade, .badRequest),
        ("no key", "GET", 1, ["Sec-WebSocket-Key": nil], .invalidKey, .badRequest),
        ("key not base64", "GET", 1, ["Sec-WebSocket-Key": "not base64!"], .invalidKey, .badRequest),
        ("key of 15 bytes", "GET", 1, ["Sec-WebSocket-Key": "AAAAAAAAAAAAAAAAAAAA"], .invalidKey, .badRequest),
        ("version 8", "GET", 1, ["Sec-WebSocket-Version": "8"], .unsupportedVersion, .upgradeRequired),
        ("no version", "GET", 1, ["Sec-WebSocket-Version": nil], .unsupportedVersion, .upgradeRequired),
        ("foreign Origin", "GET", 1, ["Origin": "https://evil.example"], .originNotAllowed, .forbidden),
        ("Origin on another port", "GET", 1, ["Origin": "http://server.example.com:8080"], .originNotAllowed, .forbidden),
        ("Origin null", "GET", 1, ["Origin": "null"], .originNotAllowed, .forbidden),
    ]

    @Test("refuses each broken rule with its status", arguments: refusals)
    func refuses(name: String, method: String, minor: Int, changes: [String: String?],
                 expected: WSHandshakeRefusal, status: HTTPStatus) {
        let found = refusal(request(method: method, minorVersion: minor, changes))
        #expect(found == expected, "\(name)")
        #expect(found?.response.status == status, "\(name)")
        #expect(found?.response.headers["Connection"] == "close", "\(name)")
    }

    @Test("426 names version 13 and 405 names GET")
    func refusalHeaders() {
        #expect(WSHandshakeRefusal.unsupportedVersion.response.headers["Sec-WebSocket-Version"] == "13")
        #expect(WSHandshakeRefusal.methodNotGet.response.headers["Allow"] == "GET")
        #expect(WSHandshakeRefusal.invalidKey.response.headers["Sec-WebSocket-Version"] == nil)
    }

    @Test("allows same-origin pages whatever the scheme, and the scheme's default port")
    func sameOrigin() {
        #expect(accepted(request(["Origin": "http://server.example.com"])) != nil)
        #expect(accepted(request(["Origin": "https://Server.Example.com"])) != nil)
        #expect(accepted(request(["Origin": "https://server.example.com:443"])) != nil)
        #expect(accepted(request(["Host": "localhost:8080", "Origin": "http://localhost:8080"])) != nil)
        #expect(refusal(request(["Host": "localhost:8080", "Origin": "http://localhost:8081"])) == .originNotAllowed)
    }

    @Test("allows an allow-listed origin and still refuses others")
    func allowList() {
        let policy = WSHandshakePolicy(allowedOrigins: ["https://peers.example.org"])
        #expect(accepted(request(["Origin": "https://peers.example.org"]), policy: policy) != nil)
        #expect(accepted(request(["Origin": "HTTPS://PEERS.example.org/"]), policy: policy) != nil)
        #expect(refusal(request(["Origin": "http://peers.example.org"]), policy: policy) == .originNotAllowed)
    }

    @Test("refuses two keys and checks the key before the version")
    func ruleOrder() {
        var head = request()
        head.headers.add(name: "Sec-WebSocket-Key", value: Self.key)
        #expect(refusal(head) == .invalidKey)
        #expect(refusal(request(["Sec-WebSocket-Key": "x", "Sec-WebSocket-Version": "8"])) == .invalidKey)
    }
}

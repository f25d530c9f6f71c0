import HTTP
import Testing

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private func head(_ method: String, _ target: String, minor: Int = 1, _ fields: [(String, String)]) -> HTTPRequestHead {
    HTTPRequestHead(method: method, target: target, minorVersion: minor, headers: HTTPHeaders(fields))
}

@Suite("HTTPRequestParser")
struct HTTPRequestParserTests {
    @Test("reads a GET however its bytes are split")
    func simpleGet() {
        let input = bytes("GET /index.html?x=1 HTTP/1.1\r\nHost: example.org\r\nAccept:  */* \r\n\r\n")
        let expected = HTTPParseOutcome(requests: [
            HTTPRequest(head: head("GET", "/index.html?x=1", [("Host", "example.org"), ("Accept", "*/*")])),
        ])
        #expect(HTTPParserVerifier.allAgree(input, expected: expected))
    }

    @Test("reads pipelined requests, a body by Content-Length, and keeps the unfinished rest")
    func pipelining() {
        let input = bytes("POST /api/login HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\nHost: a\r\n\r\nGET /x HT")
        let expected = HTTPParseOutcome(requests: [
            HTTPRequest(head: head("POST", "/api/login", [("Host", "a"), ("Content-Length", "5")]), body: bytes("hello")),
            HTTPRequest(head: head("GET", "/", [("Host", "a")])),
        ], leftover: 9)
        #expect(HTTPParserVerifier.allAgree(input, expected: expected))
    }

    @Test("skips empty lines before a request and accepts bare LF line ends")
    func leniency() {
        let input = bytes("\r\n\r\nGET / HTTP/1.0\n\nGET /a HTTP/1.1\nHost: h\n\n")
        let expected = HTTPParseOutcome(requests: [
            HTTPRequest(head: head("GET", "/", minor: 0, [])),
            HTTPRequest(head: head("GET", "/a", [("Host", "h")])),
        ])
        #expect(HTTPParserVerifier.allAgree(input, expected: expected))
    }

    @Test("reduces an absolute-form target to its path")
    func absoluteForm() {
        let input = bytes("GET http://example.org/a?b HTTP/1.1\r\nHost: example.org\r\n\r\n")
        let expected = HTTPParseOutcome(requests: [HTTPRequest(head: head("GET", "/a?b", [("Host", "example.org")]))])
        #expect(HTTPParserVerifier.allAgree(input, expected: expected))
    }

    @Test("reports the head of a request whose body is still arriving")
    func headAwaitingBody() throws {
        var parser = HTTPRequestParser()
        let partial = bytes("PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nab")
        #expect(try parser.parse(partial.span) == nil)
        #expect(parser.headAwaitingBody?.headers["Expect"] == "100-continue")
        let whole = partial + bytes("c")
        #expect(try parser.parse(whole.span)?.request.body == bytes("abc"))
        #expect(parser.headAwaitingBody == nil)
    }

    static let refusals: [(String, HTTPParseError)] = [
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", .unsupportedVersion),
        ("GET / HTTP/1.2\r\nHost: a\r\n\r\n", .unsupportedVersion),
        ("GET / HTTP/1.1x\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET / http/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET /\u{1}x HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET index.html HTTP/1.1\r\nHost: a\r\n\r\n", .malformedTarget),
        ("GET / HTTP/1.1\r\n\r\n", .missingOrRepeatedHost),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .missingOrRepeatedHost),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  folded\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", .malformedHeaderField),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \u{0}\r\n\r\n", .malformedHeaderField),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", .contentLengthWithTransferEncoding),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", .transferEncodingNotSupported),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n", .bodyTooLarge(limit: 1_048_576)),
    ]

    @Test("refuses each broken rule with its own error, however the bytes are split", arguments: refusals)
    func refusal(input: String, error: HTTPParseError) {
        let outcomes = HTTPParserVerifier.outcomes(bytes(input))
        for (label, outcome) in outcomes {
            #expect(outcome.requests.isEmpty && outcome.error == error, "\(label)")
        }
    }

    @Test("maps every error to the status it is answered with")
    func statuses() {
        #expect(HTTPParseError.headTooLarge(limit: 1).status == .requestHeaderFieldsTooLarge)
        #expect(HTTPParseError.tooManyHeaderFields(limit: 1).status == .requestHeaderFieldsTooLarge)
        #expect(HTTPParseError.bodyTooLarge(limit: 1).status == .contentTooLarge)
        #expect(HTTPParseError.malformedHeaderField.status == .badRequest)
        #expect(HTTPParseError.contentLengthWithTransferEncoding.status == .badRequest)
        #expect(HTTPParseError.transferEncodingNotSupported.status == .notImplemented)
        #expect(HTTPParseError.unsupportedVersion.status == .httpVersionNotSupported)
        let response = HTTPResponse.parseFailure(.unsupportedVersion)
        #expect(response.status == .httpVersionNotSupported && response.headers["Connection"] == "close")
    }

    @Test("refuses a head over 16 KiB as soon as it is too long, even before it ends")
    func headLimit() throws {
        let big = bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "a", count: 16 * 1024))
        var parser = HTTPRequestParser()
        #expect(throws: HTTPParseError.headTooLarge(limit: 16 * 1024)) { try parser.parse(big.span) }
        let justUnder = bytes("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "a", count: 16 * 1024 - 32) + "\r\n\r\n")
        var fresh = HTTPRequestParser()
        #expect(justUnder.count <= 16 * 1024)
        #expect(try fresh.parse(justUnder.span)?.consumed == justUnder.count)
    }

    @Test("refuses more header fields than the limit, whatever the split")
    func fieldLimit() {
        let limits = HTTPRequestLimits(maxHeaderFields: 3)
        let input = bytes("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n")
        #expect(HTTPParserVerifier.allAgree(input, expected: HTTPParseOutcome(error: .tooManyHeaderFields(limit: 3), leftover: input.count), limits: limits))
    }

    @Test("reads a body of exactly the limit, split anywhere")
    func bodyAtLimit() {
        let limits = HTTPRequestLimits(maxBodyBytes: 8)
        let input = bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 8\r\n\r\n12345678")
        let expected = HTTPParseOutcome(requests: [
            HTTPRequest(head: head("POST", "/", [("Host", "a"), ("Content-Length", "8")]), body: bytes("12345678")),
        ])
        #expect(HTTPParserVerifier.allAgree(input, expected: expected, limits: limits))
    }

    @Test("knows when the connection stays open after the response")
    func keepAlive() {
        #expect(head("GET", "/", [("Host", "a")]).keepAlive)
        #expect(!head("GET", "/", [("Host", "a"), ("Connection", "close")]).keepAlive)
        #expect(!head("GET", "/", minor: 0, []).keepAlive)
        #expect(head("GET", "/", minor: 0, [("Connection", "Keep-Alive")]).keepAlive)
    }
}

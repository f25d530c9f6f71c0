import HTTP
import Testing

@Suite("Static file decisions")
struct StaticFileTests {
    static let served: [(String, String)] = [
        ("/", "index.html"),
        ("/app.js", "app.js"),
        ("/css/site.css", "css/site.css"),
        ("/docs/", "docs/index.html"),
        ("//a///b.txt", "a/b.txt"),
        ("/caf%C3%A9.txt", "café.txt"),
        ("/with%20space.html", "with space.html"),
    ]

    @Test("maps request paths to files under the web root", arguments: served)
    func resolves(path: String, file: String) throws {
        #expect(try StaticFilePath.resolve(Substring(path)) == file)
    }

    static let refused: [(String, StaticFileRefusal)] = [
        ("/../etc/passwd", .dotSegment),
        ("/a/../../etc/passwd", .dotSegment),
        ("/./index.html", .dotSegment),
        ("/%2e%2e/etc/passwd", .encodedSeparatorOrDot),
        ("/%2E%2E/etc/passwd", .encodedSeparatorOrDot),
        ("/a%2f..%2fb", .encodedSeparatorOrDot),
        ("/a%5c..", .encodedSeparatorOrDot),
        ("/a\\..\\b", .backslash),
        ("/index.html%00.png", .controlByte),
        ("/a%0ab", .controlByte),
        ("/a%zz", .malformedPercentEncoding),
        ("/a%4", .malformedPercentEncoding),
        ("/%ff%fe", .invalidUTF8),
        ("/.git/config", .hiddenFile),
        ("/a/.env", .hiddenFile),
        ("index.html", .notAPath),
    ]

    @Test("refuses every way out of the web root", arguments: refused)
    func refuses(path: String, refusal: StaticFileRefusal) {
        #expect(throws: refusal) { try StaticFilePath.resolve(Substring(path)) }
        #expect(refusal.status == (refusal == .hiddenFile ? .notFound : .badRequest))
    }

    static let types: [(String, String)] = [
        ("index.html", "text/html; charset=utf-8"),
        ("a/site.CSS", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("data.json", "application/json"),
        ("logo.svg", "image/svg+xml"),
        ("icon.png", "image/png"),
        ("favicon.ico", "image/x-icon"),
        ("site.webmanifest", "application/manifest+json"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("font.woff2", "font/woff2"),
        ("archive.tar", "application/octet-stream"),
        ("v1.0/README", "application/octet-stream"),
    ]

    @Test("names the media type by extension", arguments: types)
    func mime(path: String, type: String) {
        #expect(MIMEType.forPath(path) == type)
    }

    private let metadata = StaticFileMetadata(size: 1234, modifiedNanoseconds: 1_700_000_000_123_456_789)

    private func request(_ method: String = "GET", ifNoneMatch: String? = nil) -> HTTPRequestHead {
        var headers = HTTPHeaders([("Host", "a")])
        if let ifNoneMatch { headers.add(name: "If-None-Match", value: ifNoneMatch) }
        return HTTPRequestHead(method: method, target: "/app.js", headers: headers)
    }

    @Test("answers 200 with type, length and an ETag made of size and mtime")
    func ok() {
        let (response, needsBody) = StaticFileResponse.response(for: request(), path: "app.js", metadata: metadata)
        #expect(response.status == .ok && needsBody)
        #expect(response.headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(response.headers["Content-Length"] == "1234")
        #expect(response.headers["ETag"] == "\"4d2-\(String(1_700_000_000_123_456_789, radix: 16))\"")
        let changed = StaticFileMetadata(size: 1234, modifiedNanoseconds: 1_700_000_000_123_456_790)
        #expect(changed.entityTag != metadata.entityTag)
    }

    @Test("answers 304 without a body when If-None-Match holds the tag (weakly compared), or *")
    func notModified() {
        for condition in [metadata.entityTag, "\"x\", W/\(metadata.entityTag)", "*"] {
            let (response, needsBody) = StaticFileResponse.response(for: request(ifNoneMatch: condition), path: "app.js", metadata: metadata)
            #expect(response.status == .notModified && !needsBody)
            #expect(response.headers["ETag"] == metadata.entityTag)
            #expect(!String(decoding: response.encodeHead(), as: UTF8.self).contains("Content-Length"))
        }
        let (stale, _) = StaticFileResponse.response(for: request(ifNoneMatch: "\"other\""), path: "app.js", metadata: metadata)
        #expect(stale.status == .ok)
    }

    @Test("answers HEAD with the GET headers and no body")
    func head() {
        let (response, needsBody) = StaticFileResponse.response(for: request("HEAD"), path: "app.js", metadata: metadata)
        #expect(response.status == .ok && !needsBody && response.headers["Content-Length"] == "1234")
    }

    @Test("refuses other methods with 405 and Allow")
    func methodNotAllowed() {
        let response = StaticFileResponse.methodNotAllowed()
        #expect(response.status == .methodNotAllowed && response.headers["Allow"] == "GET, HEAD")
    }

    @Test("adds the security headers without overriding a route's own")
    func securityHeaders() {
        var headers = HTTPHeaders([("Referrer-Policy", "same-origin")])
        SecurityHeaders.apply(to: &headers)
        #expect(headers["Content-Security-Policy"]?.hasPrefix("default-src 'self'") == true)
        #expect(headers["X-Content-Type-Options"] == "nosniff")
        #expect(headers.values("Referrer-Policy") == ["same-origin"])
        var plain = HTTPHeaders()
        SecurityHeaders.apply(to: &plain)
        #expect(plain["Referrer-Policy"] == "no-referrer")
    }
}

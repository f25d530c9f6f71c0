import Foundation
import HTTP
import Server
import Testing

/// A temporary web root with a page, a script, and a symbolic link pointing outside it.
private struct WebRoot {
    let path: String
    let outside: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("withness-web-\(UUID().uuidString)").path
        path = base + "/web"
        outside = base + "/secret.txt"
        try FileManager.default.createDirectory(atPath: path + "/css", withIntermediateDirectories: true)
        try "<!doctype html><title>t</title>".write(toFile: path + "/index.html", atomically: true, encoding: .utf8)
        try "console.log(1)".write(toFile: path + "/app.js", atomically: true, encoding: .utf8)
        try "body{}".write(toFile: path + "/css/site.css", atomically: true, encoding: .utf8)
        try "do not serve".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path + "/leak.txt", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: path + "/up", withDestinationPath: base)
    }

    func remove() { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
}

/// Answers `/api/echo-body` from another thread after a short delay.
private struct SlowAPI: HTTPRequestHandler {
    func handle(_ request: HTTPRequest, peer: PeerAddress, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        let body = request.body
        Thread.detachNewThread {
            usleep(50_000)
            respond(HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "application/octet-stream")]), body: body))
        }
    }
}

/// Answers every request at once with 32 MiB, more than the socket buffers take in one write.
private struct BigAPI: HTTPRequestHandler {
    static let size = 32 * 1024 * 1024

    func handle(_ request: HTTPRequest, peer: PeerAddress, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        respond(HTTPResponse(status: .ok, body: [UInt8](repeating: 0x42, count: Self.size)))
    }
}

@Suite("Server over loopback: HTTP")
struct ServerHTTPTests {
    @Test("serves index.html for / with type, ETag and the security headers, and 304 on If-None-Match")
    func staticFiles() throws {
        let root = try WebRoot()
        defer { root.remove() }
        let server = try TestServer { $0.webRoot = root.path }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let page = try client.get("/")
        #expect(page.status == 200)
        #expect(page.body == Array("<!doctype html><title>t</title>".utf8))
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.headers["Content-Security-Policy"]?.hasPrefix("default-src 'self'") == true)
        #expect(page.headers["X-Content-Type-Options"] == "nosniff")
        #expect(page.headers["Referrer-Policy"] == "no-referrer")
        let tag = try #require(page.headers["ETag"])
        let again = try client.get("/", ["If-None-Match: \(tag)"])
        #expect(again.status == 304 && again.body.isEmpty && again.headers["ETag"] == tag)
        let css = try client.get("/css/site.css")
        #expect(css.status == 200 && css.headers["Content-Type"] == "text/css; charset=utf-8")
        let head = try client.get("/app.js", method: "HEAD")
        #expect(head.status == 200 && head.headers["Content-Length"] == "14" && head.body.isEmpty)
        #expect(try client.get("/index.html").status == 200)
    }

    @Test("refuses paths that escape the web root, including through symbolic links", arguments: [
        ("/../secret.txt", 400), ("/%2e%2e/secret.txt", 400), ("/a%2f..%2f..%2fsecret.txt", 400),
        ("/index.html%00.js", 400), ("/a\\..\\secret.txt", 400), ("/leak.txt", 404), ("/up/secret.txt", 404),
        ("/.hidden", 404), ("/missing.js", 404),
    ])
    func escapes(path: String, status: Int) throws {
        let root = try WebRoot()
        defer { root.remove() }
        let server = try TestServer { $0.webRoot = root.path }
        defer { server.stop() }
        let response = try TestClient(port: server.port).get(path)
        #expect(response.status == status)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("do not serve"))
    }

    @Test("answers /healthz, 405 with Allow for other methods, and 426 for a plain GET of /ws")
    func routes() throws {
        let root = try WebRoot()
        defer { root.remove() }
        let server = try TestServer { $0.webRoot = root.path }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let health = try client.get("/healthz")
        #expect(health.status == 200 && health.body == Array("ok\n".utf8))
        let post = try client.get("/index.html", ["Content-Length: 0"], method: "POST")
        #expect(post.status == 405 && post.headers["Allow"] == "GET, HEAD")
        let ws = try client.get("/ws")
        #expect(ws.status == 426 && ws.headers["Sec-WebSocket-Version"] == "13")
    }

    @Test("answers pipelined requests in order on one keep-alive connection")
    func pipelining() throws {
        let root = try WebRoot()
        defer { root.remove() }
        let server = try TestServer { $0.webRoot = root.path }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("GET /app.js HTTP/1.1\r\nHost: a\r\n\r\nGET /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /css/site.css HTTP/1.0\r\n\r\n")
        #expect(try client.readResponse().body == Array("console.log(1)".utf8))
        #expect(try client.readResponse().body == Array("ok\n".utf8))
        let last = try client.readResponse()
        #expect(last.body == Array("body{}".utf8) && last.headers["Connection"] == "close")
        #expect(client.readsEndOfStream())
    }

    @Test("writes a large answer in full to a client that half-closes right after its request")
    func halfClose() throws {
        let server = try TestServer(http: BigAPI())
        defer { server.stop() }
        let client = try TestClient(port: server.port, receiveBuffer: 32 * 1024)
        client.send("GET /api/big HTTP/1.1\r\nHost: a\r\n\r\n")
        client.finishSending()
        usleep(300_000)
        let response = try client.readResponse()
        #expect(response.status == 200 && response.body.count == BigAPI.size)
        #expect(client.readsEndOfStream())
    }

    @Test("answers a broken request with its status and closes", arguments: [
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505), ("GET / HTTP/1.1\r\n\r\n", 400),
        ("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
        ("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "a", count: 17_000) + "\r\n\r\n", 431),
    ])
    func brokenRequests(request: String, status: Int) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status && response.headers["Connection"] == "close")
        #expect(client.readsEndOfStream())
    }

    @Test("hands /api/ routes to the application, whose answer may come later from another thread")
    func applicationRoutes() throws {
        let server = try TestServer(http: SlowAPI())
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("POST /api/echo-body HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        let first = try client.readResponse()
        #expect(first.status == 200 && first.body == Array("hello".utf8))
        #expect(first.headers["X-Content-Type-Options"] == "nosniff")
        #expect(try client.readResponse().status == 200)
        let unrouted = try client.get("/metrics-not")
        #expect(unrouted.status == 404)
    }

    @Test("sends 100 Continue to a client that expects it, then reads the body")
    func expectContinue() throws {
        let server = try TestServer(http: SlowAPI())
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("PUT /api/x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        client.send("abc")
        #expect(try client.readResponse().body == Array("abc".utf8))
    }
}

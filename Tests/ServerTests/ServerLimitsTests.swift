import Foundation
import Logging
import Server
import Testing

@Suite("Server limits and start-up checks")
struct ServerLimitsTests {
    @Test("answers connections over the per-IP cap with 503 and keeps serving the admitted ones")
    func perIPCap() throws {
        let server = try TestServer { $0.maxConnectionsPerIP = 2; $0.capLoopbackPerIP = true }
        defer { server.stop() }
        let first = try TestClient(port: server.port)
        let second = try TestClient(port: server.port)
        try first.upgrade()
        try second.upgrade()
        let third = try TestClient(port: server.port)
        let refused = try third.readResponse()
        #expect(refused.status == 503 && refused.headers["Connection"] == "close")
        #expect(third.readsEndOfStream())
        first.sendFrame(.text, Array("ok".utf8))
        #expect(try first.readFrame().payload == Array("ok".utf8))
        #expect(server.server.openConnections == 2)
    }

    @Test("does not count loopback clients against the per-IP cap unless asked (a reverse proxy is one address)")
    func loopbackExemptFromPerIPCap() throws {
        let server = try TestServer { $0.maxConnectionsPerIP = 2 }
        defer { server.stop() }
        let clients = try (0..<4).map { _ in try TestClient(port: server.port) }
        for client in clients { try client.upgrade() }
        #expect(server.server.openConnections == 4)
    }

    @Test("answers connections over the total cap with 503, and admits again once one leaves")
    func totalCap() throws {
        let server = try TestServer { $0.maxConnections = 1 }
        defer { server.stop() }
        var first: TestClient? = try TestClient(port: server.port)
        try first?.upgrade()
        #expect(try TestClient(port: server.port).readResponse().status == 503)
        first = nil
        var admitted = false
        for _ in 0..<100 where !admitted {
            usleep(20_000)
            admitted = (try? TestClient(port: server.port).get("/healthz").status) == 200
        }
        #expect(admitted)
    }

    private func logger() -> Logger { Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }) }

    @Test("stops at start-up with a clear error for a missing TLS file")
    func missingTLSFile() {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.tlsCertificatePath = "/nonexistent/cert.pem"
        configuration.tlsKeyPath = "/nonexistent/key.pem"
        #expect {
            try Server(configuration: configuration, logger: logger())
        } throws: { error in
            guard case .tls(let tls) = error as? ServerError else { return false }
            return tls.operation.contains("/nonexistent/cert.pem")
        }
    }

    @Test("stops at start-up when the key does not match the certificate")
    func mismatchedKey() throws {
        let first = try TestCertificate()
        let second = try TestCertificate()
        defer { first.remove(); second.remove() }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.tlsCertificatePath = first.certificate
        configuration.tlsKeyPath = second.key
        #expect {
            try Server(configuration: configuration, logger: logger())
        } throws: { error in
            guard case .tls(let tls) = error as? ServerError else { return false }
            return tls.operation.contains("does not match")
        }
        configuration.tlsKeyPath = first.key
        let server = try Server(configuration: configuration, logger: logger())
        server.shutdown()
    }
}

/// A throwaway self-signed certificate made with `openssl req` for one test (never committed).
struct TestCertificate {
    let directory: String
    var certificate: String { directory + "/cert.pem" }
    var key: String { directory + "/key.pem" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("withness-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-keyout", key, "-out", certificate]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

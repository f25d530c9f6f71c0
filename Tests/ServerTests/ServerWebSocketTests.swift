import Foundation
import Glibc
import TestSupport
import Server
import Testing
import WebSocket

@Suite("Server over loopback: WebSocket")
struct ServerWebSocketTests {
    @Test("accepts the upgrade at /ws with the RFC 6455 accept value and the withness.v1 subprotocol")
    func handshake() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let response = try client.upgrade(["Sec-WebSocket-Protocol: other, withness.v1"])
        #expect(response.status == 101)
        #expect(response.headers["Sec-WebSocket-Accept"] == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(response.headers["Sec-WebSocket-Protocol"] == "withness.v1")
        #expect(server.handler.waitFor { $0.contains { if case .opened(_, "/ws") = $0 { true } else { false } } })
    }

    @Test("refuses broken upgrades with the status of the rule they break", arguments: [
        (["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13"], 400),
        (["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 8"], 426),
        (["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
          "Origin: https://evil.example"], 403),
    ])
    func refusals(headers: [String], status: Int) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        #expect(try client.get("/ws", headers).status == status)
        #expect(client.readsEndOfStream())
    }

    @Test("allows a same-origin page and an allow-listed origin, and no upgrade outside /ws")
    func origins() throws {
        let server = try TestServer { $0.handshakePolicy = WSHandshakePolicy(allowedOrigins: ["https://chat.example.org"]) }
        defer { server.stop() }
        #expect(try TestClient(port: server.port).upgrade(["Origin: http://127.0.0.1"]).status == 101)
        #expect(try TestClient(port: server.port).upgrade(["Origin: https://chat.example.org"]).status == 101)
        #expect(try TestClient(port: server.port).upgrade(path: "/other").status == 404)
    }

    @Test("delivers text to the handler and sends what it answers; answers a ping with the same payload")
    func textAndPing() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        try client.upgrade()
        client.sendFrame(.text, Array("héllo".utf8))
        #expect(try client.readFrame() == TestClient.Frame(opcode: 0x1, payload: Array("héllo".utf8)))
        client.sendFrame(.ping, [1, 2, 3])
        #expect(try client.readFrame() == TestClient.Frame(opcode: 0xA, payload: [1, 2, 3]))
        // A message in fragments, with a ping between them.
        client.sendFrame(.text, Array("ab".utf8), fin: false)
        client.sendFrame(.ping, [])
        client.sendFrame(.continuation, Array("cd".utf8))
        #expect(try client.readFrame().opcode == 0xA)
        #expect(try client.readFrame().payload == Array("abcd".utf8))
    }

    @Test("completes a client-initiated close handshake: echoes the code, closes TCP, tells the handler")
    func closeHandshake() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        try client.upgrade()
        client.sendFrame(.close, [0x03, 0xE8])
        #expect(try client.readFrame().closeCode == 1000)
        #expect(client.readsEndOfStream())
        #expect(server.handler.waitFor { $0.contains { if case .closed(_, 1000) = $0 { true } else { false } } })
    }

    static let protocolViolations: [(TestInput, UInt16)] = [
        (TestInput.frame(.binary, [1, 2]), 1003),
        (TestInput.frame(.text, [UInt8](repeating: 0x61, count: 64 * 1024 + 1)), 1009),
        (TestInput.frame(.text, [0xC3, 0x28]), 1007),
        (TestInput.raw([0x81, 0x02, 0x68, 0x69]), 1002),
    ]

    @Test("closes with the protocol's code for binary (1003), oversize (1009), bad UTF-8 (1007), unmasked (1002)",
          arguments: protocolViolations)
    func protocolErrors(input: TestInput, code: UInt16) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        try client.upgrade()
        client.send(input.bytes)
        #expect(try client.readCloseCode() == code)
        #expect(client.readsEndOfStream())
        #expect(server.handler.waitFor { $0.contains { if case .closed(_, code) = $0 { true } else { false } } })
    }

    @Test("sends one shared frame to many connections across loops, and server.close starts a close")
    func broadcastAndClose() throws {
        let server = try TestServer(handler: RecordingHandler(echo: false))
        defer { server.stop() }
        let clients = try (0..<6).map { _ in try TestClient(port: server.port) }
        for client in clients { try client.upgrade() }
        #expect(server.handler.waitFor { events in events.filter { if case .opened = $0 { true } else { false } }.count == 6 })
        let ids = server.handler.openedIDs
        server.server.send(OutboundFrame(text: Array("to all".utf8)), to: ids)
        for client in clients { #expect(try client.readFrame().payload == Array("to all".utf8)) }
        server.server.close(ids[0], code: .policyViolation)
        // The frame sent to the others still arrives; the closed one gets 1008 and nothing after it.
        server.server.send(OutboundFrame(text: Array("after".utf8)), to: ids)
        for client in clients.dropFirst() { #expect(try client.readFrame().payload == Array("after".utf8)) }
        #expect(try clients[0].readFrame().closeCode == 1008)
        #expect(server.handler.waitFor { $0.contains { if case .closed(ids[0], 1008) = $0 { true } else { false } } })
    }

    @Test("pings a quiet client and closes it with 1001 when it stays silent past the idle limit")
    func pingAndIdle() throws {
        let server = try TestServer { $0.pingIntervalMS = 200; $0.idleTimeoutMS = 700 }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        try client.upgrade()
        #expect(try client.readFrame().opcode == 0x9)
        #expect(try client.readCloseCode() == 1001)
        #expect(server.handler.waitFor { $0.contains { if case .closed(_, 1001) = $0 { true } else { false } } })
    }

    @Test("says 1001 to every open WebSocket on shutdown")
    func shutdown() throws {
        let server = try TestServer()
        let clients = try (0..<4).map { _ in try TestClient(port: server.port) }
        for client in clients { try client.upgrade() }
        #expect(server.handler.waitFor { $0.count == 4 })
        let stopper = Thread { server.stop() }
        stopper.start()
        for client in clients {
            #expect(try client.readCloseCode() == 1001)
            client.sendFrame(.close, [0x03, 0xE9])
        }
        for client in clients { #expect(client.readsEndOfStream()) }
    }

    @Test("closes a client that stops reading with 1008 once its queue passes the cap, leaving others alone")
    func slowReader() throws {
        let server = try TestServer({ $0.maxQueuedBytes = 256 * 1024 }, handler: RecordingHandler(echo: false))
        defer { server.stop() }
        let slow = try TestClient(port: server.port)
        let healthy = try TestClient(port: server.port)
        try slow.upgrade()
        try healthy.upgrade()
        #expect(server.handler.waitFor { $0.count == 2 })
        let (slowID, healthyID) = (server.handler.openedIDs[0], server.handler.openedIDs[1])
        let chunk = OutboundFrame(text: [UInt8](repeating: 0x61, count: 32 * 1024))
        // Far more than the socket buffers and the cap hold together.
        for _ in 0..<2000 { server.server.send(chunk, to: slowID) }
        #expect(server.handler.waitFor { $0.contains { if case .closed(slowID, 1008) = $0 { true } else { false } } })
        server.server.send(OutboundFrame(text: Array("still here".utf8)), to: healthyID)
        #expect(try healthy.readFrame().payload == Array("still here".utf8))
        #expect(try slow.readCloseCode() == 1008)
    }
}

/// Bytes a test client sends after the handshake.
struct TestInput: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let testDescription: String

    static func frame(_ opcode: WSOpcode, _ payload: [UInt8]) -> TestInput {
        TestInput(bytes: ClientFrames.make(opcode, payload), testDescription: "\(opcode) frame of \(payload.count) bytes")
    }

    static func raw(_ bytes: [UInt8]) -> TestInput {
        TestInput(bytes: bytes, testDescription: "raw \(bytes)")
    }
}

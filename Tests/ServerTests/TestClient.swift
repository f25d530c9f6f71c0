import Glibc
import HTTP
import TestSupport
import WebSocket

/// A blocking loopback client for server tests: raw bytes, HTTP responses, and WebSocket frames, with a
/// receive timeout so a broken server fails a test instead of hanging it.
final class TestClient {
    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    struct Frame: Equatable {
        var opcode: UInt8
        var payload: [UInt8]
        var closeCode: UInt16? { opcode == 0x8 && payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil }
    }

    enum Failure: Error { case connect(Int32), closed, timeout, malformed }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 10, receiveBuffer: Int32? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer { setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            let code = errno
            Glibc.close(fd)
            throw Failure.connect(code)
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return }
            sent += count
        }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Half-closes: the server sees end of input, and may still answer.
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer += chunk[..<count]
            return true
        }
        if count == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure.timeout }
        return false
    }

    private func take(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { guard try fill() else { throw Failure.closed } }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    /// One HTTP response; the body by `Content-Length` (none for HEAD when `headOnly`).
    func readResponse(headOnly: Bool = false) throws -> Response {
        while true {
            if let end = headEnd() {
                let head = String(decoding: try take(end), as: UTF8.self)
                var lines = head.split(separator: "\r\n")
                let statusLine = lines.removeFirst().split(separator: " ")
                guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed }
                var headers = HTTPHeaders()
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers.add(name: String(line[..<colon]), value: String(line[line.index(after: colon)...].drop { $0 == " " }))
                }
                let length = headOnly || status == 304 || status == 101 || status == 100 ? 0 : Int(headers["Content-Length"] ?? "0") ?? 0
                return Response(status: status, headers: headers, body: try take(length))
            }
            guard try fill() else { throw Failure.closed }
        }
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    /// `GET path` over HTTP/1.1 with extra header lines.
    func get(_ path: String, _ headers: [String] = [], method: String = "GET") throws -> Response {
        send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n")
        return try readResponse(headOnly: method == "HEAD")
    }

    /// Performs the opening handshake; returns the response (101 on success).
    @discardableResult
    func upgrade(path: String = "/ws", _ extra: [String] = []) throws -> Response {
        try get(path, ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                       "Sec-WebSocket-Version: 13"] + extra)
    }

    func sendFrame(_ opcode: WSOpcode, _ payload: [UInt8], fin: Bool = true) {
        send(ClientFrames.make(opcode, payload, fin: fin))
    }

    /// One server frame (unmasked).
    func readFrame() throws -> Frame {
        let header = try take(2)
        var length = Int(header[1] & 0x7F)
        if length == 126 {
            let bytes = try take(2)
            length = Int(bytes[0]) << 8 | Int(bytes[1])
        } else if length == 127 {
            length = try take(8).reduce(0) { $0 << 8 | Int($1) }
        }
        return Frame(opcode: header[0] & 0x0F, payload: try take(length))
    }

    /// Reads frames until a close frame and returns its code.
    func readCloseCode(skippingUpTo limit: Int = 100_000) throws -> UInt16? {
        for _ in 0..<limit {
            let frame = try readFrame()
            if frame.opcode == 0x8 { return frame.closeCode }
        }
        return nil
    }

    /// True when the server closes the TCP connection (after any unread bytes).
    func readsEndOfStream() -> Bool {
        buffer.removeAll()
        while true {
            do {
                if try !fill() { return true }
                buffer.removeAll()
            } catch {
                return false
            }
        }
    }
}

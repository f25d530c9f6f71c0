/// Reads HTTP/1.x requests from the caller's bytes as they arrive, one request at a time.
///
/// The parser owns no buffer. The caller keeps the unread bytes of the connection and passes all of them on
/// every call; the parser remembers how far it has already looked for the end of the head, so bytes arriving one
/// at a time cost O(n) in total, not O(n²). When a whole request (head, and body by `Content-Length`) is present
/// it returns the request and how many bytes it used; the caller drops those and calls again for pipelined
/// requests. After a thrown error the connection is beyond repair: answer `error.status` and close.
public struct HTTPRequestParser: Sendable {
    private enum State: Sendable {
        /// Looking for the blank line; `start` skips empty lines before the request line (RFC 9112 §2.2),
        /// `scanned` is where the search resumes.
        case head(start: Int, scanned: Int)
        /// The head is parsed; waiting until `headLength + bodyLength` bytes are present.
        case body(head: HTTPRequestHead, headLength: Int, bodyLength: Int)
    }

    private var state: State = .head(start: 0, scanned: 0)
    /// The limits every request is held to.
    public let limits: HTTPRequestLimits

    /// A parser for one connection, holding every request to `limits`.
    public init(limits: HTTPRequestLimits = HTTPRequestLimits()) {
        self.limits = limits
    }

    /// The head of a request whose body is still arriving, so the server can answer `Expect: 100-continue`.
    public var headAwaitingBody: HTTPRequestHead? {
        if case .body(let head, _, _) = state { return head }
        return nil
    }

    /// Reads from the front of `bytes` (every unread byte of the connection, from the start of the current
    /// request). Returns `nil` when more bytes are needed, else the request and the bytes it spans.
    public mutating func parse(_ bytes: Span<UInt8>) throws(HTTPParseError) -> (consumed: Int, request: HTTPRequest)? {
        if case .head(let start, let scanned) = state {
            guard let (headStart, headEnd) = try findHead(bytes, start: start, scanned: scanned) else { return nil }
            let head = try HTTPHeadParser.parse(bytes, range: headStart..<headEnd, limits: limits)
            state = .body(head: head, headLength: headEnd, bodyLength: try Self.bodyLength(of: head, limits: limits))
        }
        guard case .body(let head, let headLength, let bodyLength) = state else { return nil }
        guard bytes.count >= headLength + bodyLength else { return nil }
        let body = bodyLength == 0 ? [] : bytes.extracting(headLength..<(headLength + bodyLength)).withUnsafeBufferPointer { Array($0) }
        state = .head(start: 0, scanned: 0)
        return (headLength + bodyLength, HTTPRequest(head: head, body: body))
    }

    /// Finds the blank line ending the head: `LF CR LF` or `LF LF` (a bare LF ends a line, RFC 9112 §2.2).
    private mutating func findHead(_ bytes: Span<UInt8>, start: Int, scanned: Int) throws(HTTPParseError) -> (Int, Int)? {
        let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var start = start
        var index = max(scanned, start)
        if start == index {
            while start < bytes.count, bytes[start] == cr || bytes[start] == lf { start += 1 }
            index = start
        }
        while index < bytes.count {
            guard bytes[index] == lf else { index += 1; continue }
            guard index + 1 < bytes.count else { break }
            if bytes[index + 1] == lf { return try checked(start, index + 2) }
            if bytes[index + 1] == cr {
                guard index + 2 < bytes.count else { break }
                if bytes[index + 2] == lf { return try checked(start, index + 3) }
            }
            index += 1
        }
        if bytes.count - start > limits.maxHeadBytes { throw .headTooLarge(limit: limits.maxHeadBytes) }
        state = .head(start: start, scanned: index)
        return nil
    }

    private func checked(_ start: Int, _ end: Int) throws(HTTPParseError) -> (Int, Int) {
        if end - start > limits.maxHeadBytes { throw .headTooLarge(limit: limits.maxHeadBytes) }
        return (start, end)
    }

    /// The body length the head announces, checked against the limit before any body byte is buffered.
    static func bodyLength(of head: HTTPRequestHead, limits: HTTPRequestLimits) throws(HTTPParseError) -> Int {
        let lengths = head.headers.values("Content-Length")
        if !head.headers.values("Transfer-Encoding").isEmpty {
            throw lengths.isEmpty ? .transferEncodingNotSupported : .contentLengthWithTransferEncoding
        }
        guard !lengths.isEmpty else { return 0 }
        // RFC 9112 §6.3: a list of identical values may be read as one value; anything else is an error.
        var length: Int?
        for field in lengths {
            for item in field.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = HTTPHeaders.trimmed(item)
                guard !digits.isEmpty, digits.utf8.count <= 18, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                      let value = Int(digits), length == nil || length == value
                else { throw .invalidContentLength }
                length = value
            }
        }
        let value = length ?? 0
        if value > limits.maxBodyBytes { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
        return value
    }
}

/// A complete response: status, header fields and body, encoded in one go.
public struct HTTPResponse: Sendable, Equatable {
    /// The status line's code.
    public var status: HTTPStatus
    /// Header fields, written in order.
    public var headers: HTTPHeaders
    /// The body; `Content-Length` is added from it unless set.
    public var body: [UInt8]

    /// A response from its parts.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The status line and header fields, ending with the blank line. Adds `Content-Length` when absent
    /// (except for 1xx, 204 and 304, which carry no body).
    public func encodeHead() -> [UInt8] {
        var text = "HTTP/1.1 \(status.rawValue) \(status.reasonPhrase)\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        let bodyless = status.rawValue < 200 || status == .noContent || status == .notModified
        if !bodyless && headers["Content-Length"] == nil { text += "Content-Length: \(body.count)\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// Head and body together, ready to write. `includeBody: false` for `HEAD` requests.
    public func encode(includeBody: Bool = true) -> [UInt8] {
        includeBody ? encodeHead() + body : encodeHead()
    }
}

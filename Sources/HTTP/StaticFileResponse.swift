/// What the server knows about a file it found under the web root (from `stat`).
public struct StaticFileMetadata: Sendable, Equatable {
    /// File size in bytes.
    public var size: Int
    /// Modification time in nanoseconds since the epoch; only ever compared, never shown.
    public var modifiedNanoseconds: Int64

    /// Metadata from `stat`.
    public init(size: Int, modifiedNanoseconds: Int64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// A validator that changes whenever the file is rewritten: size and modification time, in hex.
    public var entityTag: String {
        "\"\(String(size, radix: 16))-\(String(modifiedNanoseconds, radix: 16))\""
    }
}

/// Responses to `GET`/`HEAD` for static files, decided without touching the disk.
public enum StaticFileResponse {
    /// The methods a static file answers to, for `Allow` on 405.
    public static let allowedMethods = "GET, HEAD"

    /// 304 when `If-None-Match` matches the file's tag, else 200 whose `Content-Length` is the file size.
    /// The body is left empty: the caller reads the file only when `needsBody` says so.
    public static func response(for head: HTTPRequestHead, path: String, metadata: StaticFileMetadata) -> (response: HTTPResponse, needsBody: Bool) {
        let tag = metadata.entityTag
        var headers = HTTPHeaders()
        headers.add(name: "ETag", value: tag)
        // Revalidate every time: the ETag makes that a cheap 304, and a new deploy is seen at once.
        headers.add(name: "Cache-Control", value: "no-cache")
        if let condition = head.headers["If-None-Match"], matches(condition, tag: tag) {
            return (HTTPResponse(status: .notModified, headers: headers), false)
        }
        headers.add(name: "Content-Type", value: MIMEType.forPath(path))
        headers.add(name: "Content-Length", value: String(metadata.size))
        return (HTTPResponse(status: .ok, headers: headers), head.method != "HEAD")
    }

    /// The refusal for a method other than GET or HEAD on a static path (RFC 9110 §15.5.6: `Allow` is required).
    public static func methodNotAllowed() -> HTTPResponse {
        var response = HTTPResponse.plainText(.methodNotAllowed, "Only GET and HEAD are served here.\n")
        response.headers.add(name: "Allow", value: allowedMethods)
        return response
    }

    /// RFC 9110 §13.1.2: `*` or a list of tags compared weakly (a `W/` prefix is ignored).
    static func matches(_ condition: String, tag: String) -> Bool {
        for item in condition.split(separator: ",") {
            var candidate = HTTPHeaders.trimmed(item)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate = candidate.dropFirst(2) }
            if candidate == tag { return true }
        }
        return false
    }
}

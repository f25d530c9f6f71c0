/// Why a request could not be read. Each case names the broken rule; `status` is its only answer.
public enum HTTPParseError: Error, Equatable, Sendable {
    /// Request line and header fields exceed the head limit (RFC 6585 §5).
    case headTooLarge(limit: Int)
    /// More header fields than allowed.
    case tooManyHeaderFields(limit: Int)
    /// `Content-Length` exceeds the body limit.
    case bodyTooLarge(limit: Int)
    /// The request line is not `method SP request-target SP HTTP-version` (RFC 9112 §3).
    case malformedRequestLine
    /// The request-target is neither origin-form, absolute-form nor `*` (RFC 9112 §3.2).
    case malformedTarget
    /// A field line is not `name ":" OWS value OWS`, or is an obsolete line folding (RFC 9112 §5).
    case malformedHeaderField
    /// HTTP/1.1 requires exactly one `Host` field (RFC 9112 §3.2).
    case missingOrRepeatedHost
    /// `Content-Length` is not one non-negative decimal number (RFC 9112 §6.3).
    case invalidContentLength
    /// Both framings at once is a request-smuggling signal (RFC 9112 §6.3 rule 3).
    case contentLengthWithTransferEncoding
    /// Chunked (or any transfer-coded) request bodies are not accepted.
    case transferEncodingNotSupported
    /// Well-formed, but not HTTP/1.0 or HTTP/1.1.
    case unsupportedVersion

    /// The response status this error is answered with.
    public var status: HTTPStatus {
        switch self {
        case .headTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .malformedRequestLine, .malformedTarget, .malformedHeaderField, .missingOrRepeatedHost,
             .invalidContentLength, .contentLengthWithTransferEncoding:
            .badRequest
        case .transferEncodingNotSupported: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        }
    }
}

/// Why a request path cannot name a file under the web root. Each case names the trick it refuses.
public enum StaticFileRefusal: Error, Equatable, Sendable {
    /// A `%` not followed by two hex digits.
    case malformedPercentEncoding
    /// `%2e`, `%2f` or `%5c`: an encoded dot, slash or backslash is only ever used to sneak past a check.
    case encodedSeparatorOrDot
    /// A `.` or `..` segment.
    case dotSegment
    /// A backslash, which some file systems treat as a separator.
    case backslash
    /// NUL or another control byte, raw or percent-encoded.
    case controlByte
    /// The decoded path is not valid UTF-8.
    case invalidUTF8
    /// A segment starting with `.` (such as `.git`): not served, and not admitted to exist.
    case hiddenFile
    /// Not an origin-form path.
    case notAPath

    /// The answer: 404 for hidden files (nothing to see), 400 for everything else (no honest client sends it).
    public var status: HTTPStatus {
        self == .hiddenFile ? .notFound : .badRequest
    }
}

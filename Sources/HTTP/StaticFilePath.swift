/// Maps a request path to a file path relative to the web root, refusing anything that could step outside it.
///
/// The check is lexical and strict: percent-decoding happens once, and the encoded forms of `.`, `/` and `\`
/// are refused outright rather than decoded, so no later layer can see a different path than the one
/// checked here. Symbolic links are the server's job (it resolves the real path and checks the prefix).
public enum StaticFilePath {
    /// `/` → `index.html`, `/a/b.css` → `a/b.css`, `/docs/` → `docs/index.html`.
    public static func resolve(_ path: Substring) throws(StaticFileRefusal) -> String {
        let raw = Array(path.utf8)
        guard raw.first == 0x2F else { throw .notAPath }
        let decoded = try percentDecoded(raw)
        guard let text = String(validating: decoded, as: UTF8.self) else { throw .invalidUTF8 }
        var segments: [Substring] = []
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." || segment == ".." { throw .dotSegment }
            if segment.hasPrefix(".") { throw .hiddenFile }
            segments.append(segment)
        }
        if text.hasSuffix("/") { segments.append("index.html") }
        return segments.joined(separator: "/")
    }

    private static func percentDecoded(_ raw: [UInt8]) throws(StaticFileRefusal) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            var byte = raw[index]
            if byte == 0x5C { throw .backslash }
            if byte == 0x25 {
                guard index + 2 < raw.count, let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2])
                else { throw .malformedPercentEncoding }
                byte = high << 4 | low
                if byte == 0x2E || byte == 0x2F || byte == 0x5C { throw .encodedSeparatorOrDot }
                index += 2
            }
            if byte < 0x20 || byte == 0x7F { throw .controlByte }
            output.append(byte)
            index += 1
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

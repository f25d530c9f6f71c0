/// Turns the bytes of one complete request head (request line, field lines, blank line) into an
/// `HTTPRequestHead`, strictly: anything RFC 9112 calls invalid is refused rather than guessed at.
enum HTTPHeadParser {
    static func parse(_ bytes: Span<UInt8>, range: Range<Int>, limits: HTTPRequestLimits) throws(HTTPParseError) -> HTTPRequestHead {
        let text = bytes.extracting(range).withUnsafeBufferPointer { Array($0) }
        var lines = try splitLines(text)
        guard !lines.isEmpty else { throw .malformedRequestLine }
        var head = try parseRequestLine(text[lines.removeFirst()])
        guard lines.count <= limits.maxHeaderFields else { throw .tooManyHeaderFields(limit: limits.maxHeaderFields) }
        for line in lines {
            let (name, value) = try parseField(text[line])
            head.headers.add(name: name, value: value)
        }
        if head.minorVersion == 1 && head.headers.values("Host").count != 1 { throw .missingOrRepeatedHost }
        return head
    }

    /// Non-empty lines, without their CR LF (or bare LF). A CR anywhere else is refused (RFC 9112 §2.2).
    private static func splitLines(_ text: [UInt8]) throws(HTTPParseError) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var lineStart = 0
        for index in text.indices where text[index] == 0x0A {
            var end = index
            if end > lineStart && text[end - 1] == 0x0D { end -= 1 }
            if end > lineStart { lines.append(lineStart..<end) }
            lineStart = index + 1
        }
        for line in lines where text[line].contains(0x0D) { throw .malformedHeaderField }
        return lines
    }

    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPRequestHead {
        let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw .malformedRequestLine }
        let minor = try parseVersion(parts[2])
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = try originForm(String(decoding: parts[1], as: UTF8.self), method: method)
        return HTTPRequestHead(method: method, target: target, minorVersion: minor)
    }

    /// `HTTP/1.0` or `HTTP/1.1` gives the minor version; another `HTTP/d.d` is 505, anything else 400.
    private static func parseVersion(_ version: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
        let bytes = Array(version)
        guard bytes.count == 8, bytes[0...4].elementsEqual("HTTP/".utf8), isDigit(bytes[5]), bytes[6] == 0x2E,
              isDigit(bytes[7])
        else { throw .malformedRequestLine }
        guard bytes[5] == 0x31, bytes[7] == 0x30 || bytes[7] == 0x31 else { throw .unsupportedVersion }
        return Int(bytes[7] - 0x30)
    }

    /// Origin-form (`/path?query`) as is; `*` only for OPTIONS; absolute-form (`http://host/path`, which a
    /// server must accept, RFC 9112 §3.2.2) reduced to its origin-form so routing sees one shape.
    private static func originForm(_ target: String, method: String) throws(HTTPParseError) -> String {
        if target.utf8.first == 0x2F { return target }
        if target == "*" && method == "OPTIONS" { return target }
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            let path = rest[slash...]
            return path.first == "?" ? "/" + path : String(path)
        }
        throw .malformedTarget
    }

    /// `name ":" OWS value OWS`; no space before the colon, no obsolete folding, no control bytes in the value.
    private static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> (String, String) {
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
              line[line.startIndex..<colon].allSatisfy(isTokenByte)
        else { throw .malformedHeaderField }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
        guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else { throw .malformedHeaderField }
        return (String(decoding: line[line.startIndex..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// RFC 9110 §5.6.2 tchar.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: true
        default: false
        }
    }
}

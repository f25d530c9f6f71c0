extension WSHandshake {
    /// protocol.md §1: a browser page may connect from this server's own origin or an allow-listed one.
    ///
    /// Same origin compares the Origin's authority (`host[:port]`) with the `Host` header, ignoring the
    /// scheme (the server cannot tell whether TLS was ended in front of it) and the scheme's default port.
    /// Allow-list entries are exact origins compared without regard to ASCII case or a trailing slash.
    static func originAllowed(_ origin: String, host: String, allowList: [String]) -> Bool {
        let origin = trimmed(origin).lowercased()
        if allowList.contains(where: { normalisedOrigin(trimmed($0).lowercased()) == normalisedOrigin(origin) }) {
            return true
        }
        guard let (scheme, authority) = split(origin) else { return false }
        let defaultPort = scheme == "https" || scheme == "wss" ? ":443" : ":80"
        return stripping(defaultPort, from: authority) == stripping(defaultPort, from: trimmed(host).lowercased())
    }

    private static func split(_ origin: String) -> (scheme: Substring, authority: String)? {
        guard let range = origin.firstRange(of: "://") else { return nil }
        let scheme = origin[..<range.lowerBound]
        var authority = origin[range.upperBound...]
        if let slash = authority.firstIndex(of: "/") { authority = authority[..<slash] }
        guard !scheme.isEmpty, !authority.isEmpty, !authority.contains("@") else { return nil }
        return (scheme, String(authority))
    }

    private static func normalisedOrigin(_ origin: String) -> String {
        origin.hasSuffix("/") ? String(origin.dropLast()) : origin
    }

    private static func stripping(_ suffix: String, from authority: String) -> String {
        authority.hasSuffix(suffix) ? String(authority.dropLast(suffix.count)) : authority
    }
}

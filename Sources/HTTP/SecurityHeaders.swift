/// The header fields every response carries (protocol §11), so no route can forget them.
///
/// `default-src 'self'` also covers same-origin `ws:`/`wss:` connections in CSP Level 3 browsers (checked with
/// headless Chromium, see docs/ARCHITECTURE.md); `base-uri`, `form-action` and `frame-ancestors` do not
/// fall back to `default-src`, so they are spelled out to refuse framing and base-tag tricks.
public enum SecurityHeaders {
    /// The fields, in the order they are written.
    public static let fields: [(name: String, value: String)] = [
        ("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ]

    /// Adds each field the headers do not already set.
    public static func apply(to headers: inout HTTPHeaders) {
        for field in fields where headers[field.name] == nil {
            headers.add(name: field.name, value: field.value)
        }
    }
}

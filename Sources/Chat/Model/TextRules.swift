/// The protocol's rules for people's words: trimming, names, topics, lengths. "Characters" are
/// Unicode scalars throughout: cheap to count, and never more than a browser's UTF-16 `length`.
enum TextRules {
    /// `text` without leading and trailing whitespace (Unicode White_Space); no copy when none.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, isPrintableASCII(first), isPrintableASCII(last) { return text }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// ASCII that is neither whitespace nor a control character: the common case, decided without
    /// a Unicode property lookup.
    static func isPrintableASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// True when `text` has at most `limit` characters; counts only when the byte length says it might not.
    static func fits(_ text: String, limit: Int) -> Bool {
        text.utf8.count <= limit || text.unicodeScalars.count <= limit
    }

    /// A valid display name: 1–32 characters after trimming, with no control characters, line or
    /// paragraph separators, or bidirectional overrides (which could disguise a name).
    static func validName(_ raw: String) -> String? {
        let name = trimmed(raw)
        guard !name.isEmpty, fits(name, limit: 32) else { return nil }
        for scalar in name.unicodeScalars {
            if scalar.properties.generalCategory == .control { return nil }
            switch scalar.value {
            case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return nil
            default: continue
            }
        }
        return name
    }

    /// Topics trimmed, lowercased and de-duplicated (order kept), or nil when there are too many,
    /// one is empty, too long, or holds control characters.
    static func normalizedTopics(_ raw: [String], maxCount: Int, maxLength: Int) -> [String]? {
        guard raw.count <= maxCount else { return nil }
        var topics: [String] = []
        for topic in raw {
            let normal = trimmed(topic).lowercased()
            guard !normal.isEmpty, fits(normal, limit: maxLength),
                  !normal.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { return nil }
            if !topics.contains(normal) { topics.append(normal) }
        }
        return topics
    }

    /// A message body: trimmed, 1–`limit` characters. Empty is `bad_request`, too long is `too_long`.
    static func messageText(_ raw: String, limit: Int) throws(Refusal) -> String {
        let text = trimmed(raw)
        guard !text.isEmpty else { throw Refusal(.badRequest, "The message is empty.") }
        guard fits(text, limit: limit) else { throw Refusal(.tooLong, "Messages can be up to \(limit) characters.") }
        return text
    }
}

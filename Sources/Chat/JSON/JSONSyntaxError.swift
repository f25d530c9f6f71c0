/// Why a byte sequence is not one valid JSON text. Every case maps to the wire code `bad_json`.
public enum JSONSyntaxError: Error, Sendable, Equatable {
    /// The input ended inside a value.
    case unexpectedEnd
    /// A byte that cannot start or continue a value here.
    case unexpectedByte(UInt8, offset: Int)
    /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
    case invalidEscape(offset: Int)
    /// A raw control character (below U+0020) inside a string; RFC 8259 §7 requires it escaped.
    case controlCharacterInString(offset: Int)
    /// Bytes that are not well-formed UTF-8.
    case invalidUTF8(offset: Int)
    /// A number that does not follow the RFC 8259 §6 grammar (leading zeros, a lone `-`, `1.`, `.5`, …).
    case invalidNumber(offset: Int)
    /// Arrays and objects nested deeper than the limit (a guard against stack exhaustion).
    case tooDeep(limit: Int)
    /// Something other than whitespace after the value.
    case trailingBytes(offset: Int)

    /// A short, human-readable explanation for the `error` message.
    public var explanation: String {
        switch self {
        case .unexpectedEnd: return "The JSON ended too early."
        case .unexpectedByte(_, let offset): return "Unexpected character at byte \(offset)."
        case .invalidEscape(let offset): return "Invalid escape in a string at byte \(offset)."
        case .controlCharacterInString(let offset): return "Unescaped control character in a string at byte \(offset)."
        case .invalidUTF8(let offset): return "Invalid UTF-8 at byte \(offset)."
        case .invalidNumber(let offset): return "Invalid number at byte \(offset)."
        case .tooDeep(let limit): return "JSON nested deeper than \(limit) levels."
        case .trailingBytes(let offset): return "Extra data after the JSON value at byte \(offset)."
        }
    }
}

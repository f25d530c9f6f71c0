/// A broken RFC 6455 rule found while reading a client's frames; each case names the rule.
///
/// The connection answers every case with one close frame whose code is `closeCode`; nothing else decides.
public enum WSProtocolError: Error, Equatable, Sendable {
    /// A client frame without the mask bit (RFC 6455 §5.1).
    case unmaskedClientFrame
    /// RSV1–3 set although no extension was negotiated (§5.2).
    case reservedBitsSet
    /// An opcode RFC 6455 reserves (3–7, 0xB–0xF).
    case reservedOpcode
    /// A close, ping or pong without FIN (§5.5).
    case fragmentedControlFrame
    /// A control frame with more than 125 payload bytes (§5.5).
    case controlPayloadTooLong
    /// A 64-bit payload length with its most significant bit set (§5.2).
    case invalidPayloadLength
    /// A continuation frame while no fragmented message is open (§5.4).
    case unexpectedContinuation
    /// A new text or binary frame while a fragmented message is still open (§5.4).
    case expectedContinuation
    /// A text message or close reason that is not valid UTF-8 (§8.1).
    case invalidUTF8
    /// A message whose assembled payload would exceed the limit.
    case messageTooLarge(limit: Int)
    /// A close frame carrying a code that may not appear on the wire (§7.4).
    case invalidCloseCode
    /// A close frame whose payload is a single byte (§5.5.1: a body starts with a two-byte code).
    case invalidClosePayload
    /// A binary message sent to an endpoint that only takes text (Withness protocol §1).
    case binaryNotAccepted

    /// The close code this error is answered with (1002, 1003, 1007 or 1009).
    public var closeCode: WSCloseCode {
        switch self {
        case .invalidUTF8: .invalidPayload
        case .messageTooLarge: .messageTooBig
        case .binaryNotAccepted: .unsupportedData
        case .unmaskedClientFrame, .reservedBitsSet, .reservedOpcode, .fragmentedControlFrame,
             .controlPayloadTooLong, .invalidPayloadLength, .unexpectedContinuation, .expectedContinuation,
             .invalidCloseCode, .invalidClosePayload:
            .protocolError
        }
    }
}

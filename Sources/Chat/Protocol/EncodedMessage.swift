/// One server message as UTF-8 JSON bytes, encoded once and shared by every recipient
/// (the glue wraps the same bytes in one WebSocket text frame for all of them).
public struct EncodedMessage: Sendable, Equatable {
    /// The JSON object, ready for a text frame.
    public let bytes: [UInt8]

    /// Wraps bytes that already hold one JSON object.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// This message with `"ref":…` added as its last field: the direct answer to a request.
    ///
    /// Costs one copy of the bytes, which is how a sender's copy of a broadcast differs from the
    /// shared one without encoding the whole message twice. Returns `self` when `ref` is nil.
    public func addingRef(_ ref: String?) -> EncodedMessage {
        guard let ref, bytes.last == UInt8(ascii: "}") else { return self }
        var writer = JSONWriter(capacity: bytes.count + ref.utf8.count + 12)
        writer.bytes.append(contentsOf: bytes.dropLast())
        writer.key("ref")
        writer.string(ref)
        writer.endObject()
        return EncodedMessage(bytes: writer.bytes)
    }

    /// The bytes as text (tests and debugging; never logged, it may hold message text).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

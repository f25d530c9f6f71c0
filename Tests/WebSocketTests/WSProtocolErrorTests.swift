import Testing
import TestSupport
import WebSocket

@Suite("WSProtocolError")
struct WSProtocolErrorTests {
    /// The error `input` stops the reader with, checked to be the same for every split.
    func error(_ input: [UInt8], maxMessageBytes: Int = 1 << 20, acceptsBinary: Bool = true,
               sourceLocation: SourceLocation = #_sourceLocation) -> WSProtocolError? {
        let result = ParserVerifier.messageReader(maxMessageBytes: maxMessageBytes, acceptsBinary: acceptsBinary).verify(input)
        #expect(result.mismatches.isEmpty, "splits \(result.mismatches.first?.splits ?? [])", sourceLocation: sourceLocation)
        return result.outcome.error
    }

    static let cases: [(String, [UInt8], WSProtocolError, UInt16)] = [
        ("unmasked frame", [0x81, 0x02, 0x68, 0x69], .unmaskedClientFrame, 1002),
        ("RSV1 set", ClientFrames.make(firstByte: 0xC2), .reservedBitsSet, 1002),
        ("RSV3 set", ClientFrames.make(firstByte: 0x92), .reservedBitsSet, 1002),
        ("reserved data opcode 3", ClientFrames.make(firstByte: 0x83), .reservedOpcode, 1002),
        ("reserved control opcode 0xB", ClientFrames.make(firstByte: 0x8B), .reservedOpcode, 1002),
        ("fragmented ping", ClientFrames.make(.ping, [1], fin: false), .fragmentedControlFrame, 1002),
        ("fragmented close", ClientFrames.make(.close, [], fin: false), .fragmentedControlFrame, 1002),
        ("ping of 126 bytes", ClientFrames.make(.ping, Array(repeating: 0, count: 126)), .controlPayloadTooLong, 1002),
        ("64-bit length with the top bit set", [0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 1], .invalidPayloadLength, 1002),
        ("continuation without a start", ClientFrames.make(.continuation, [1]), .unexpectedContinuation, 1002),
        ("text while a message is open", ClientFrames.make(.text, [0x61], fin: false) + ClientFrames.make(.text, [0x62]),
         .expectedContinuation, 1002),
        ("binary while a message is open", ClientFrames.make(.binary, [1], fin: false) + ClientFrames.make(.binary, [2]),
         .expectedContinuation, 1002),
        ("invalid UTF-8 text", ClientFrames.make(.text, [0x61, 0xFF]), .invalidUTF8, 1007),
        ("close with a 1-byte payload", ClientFrames.make(.close, [0x03]), .invalidClosePayload, 1002),
        ("close code 1005", ClientFrames.make(.close, ClientFrames.closePayload(1005)), .invalidCloseCode, 1002),
        ("close code 999", ClientFrames.make(.close, ClientFrames.closePayload(999)), .invalidCloseCode, 1002),
        ("close code 5000", ClientFrames.make(.close, ClientFrames.closePayload(5000)), .invalidCloseCode, 1002),
        ("close reason not UTF-8", ClientFrames.make(.close, ClientFrames.closePayload(1000, [0xC0, 0x80])), .invalidUTF8, 1007),
    ]

    @Test("each broken rule fails with its case and close code", arguments: cases)
    func brokenRule(name: String, input: [UInt8], expected: WSProtocolError, code: UInt16) {
        let found = error(input)
        #expect(found == expected, "\(name)")
        #expect(found?.closeCode.rawValue == code, "\(name)")
    }

    @Test("a broken rule is answered with exactly one close frame carrying its code")
    func closeBytes() {
        var machine = WSConnectionStateMachine(now: 0)
        #expect(machine.failed(.reservedBitsSet) == .sendAndCloseTransport([0x88, 0x02, 0x03, 0xEA]))
        var other = WSConnectionStateMachine(now: 0)
        #expect(other.failed(.invalidUTF8) == .sendAndCloseTransport([0x88, 0x02, 0x03, 0xEF]))
        var third = WSConnectionStateMachine(now: 0)
        #expect(third.failed(.messageTooLarge(limit: 10)) == .sendAndCloseTransport([0x88, 0x02, 0x03, 0xF1]))
    }

    @Test("fails on the header of an oversized frame, before any payload arrives")
    func oversizedFrameFailsAtHeader() {
        let header: [UInt8] = [0x82, 0xFE, 0x01, 0x00]  // 256 bytes announced, nothing else sent
        let found = error(header, maxMessageBytes: 255)
        #expect(found == .messageTooLarge(limit: 255))
        #expect(found?.closeCode == .messageTooBig)
    }

    @Test("fails when fragments together exceed the limit")
    func oversizedMessage() {
        let input = ClientFrames.make(.text, Array(repeating: 0x61, count: 60), fin: false)
            + ClientFrames.make(.continuation, Array(repeating: 0x61, count: 41))
        #expect(error(input, maxMessageBytes: 100) == .messageTooLarge(limit: 100))
        let exact = ClientFrames.make(.text, Array(repeating: 0x61, count: 60), fin: false)
            + ClientFrames.make(.continuation, Array(repeating: 0x61, count: 40))
        #expect(error(exact, maxMessageBytes: 100) == nil)
    }

    @Test("refuses binary with 1003 when binary is not accepted")
    func binaryRefused() {
        let found = error(ClientFrames.make(.binary, [1, 2]), acceptsBinary: false)
        #expect(found == .binaryNotAccepted)
        #expect(found?.closeCode == .unsupportedData)
    }

    @Test("fails on invalid UTF-8 in the first fragment without waiting for the rest")
    func failsFastInFragment() {
        let first = ClientFrames.make(.text, [0x61, 0xED, 0xA0, 0x80], fin: false)  // a surrogate, then nothing more
        #expect(error(first) == .invalidUTF8)
    }

    @Test("fails on invalid UTF-8 inside a frame whose payload has only partly arrived")
    func failsFastInPartialPayload() {
        let frame = ClientFrames.make(.text, [0x61, 0xF8] + Array(repeating: 0x61, count: 200))
        #expect(error(Array(frame.prefix(12))) == .invalidUTF8)
    }

    @Test("fails on a sequence cut off at the end of the final fragment")
    func truncatedAtEnd() {
        let input = ClientFrames.make(.text, [0x61, 0xE2, 0x82], fin: false) + ClientFrames.make(.continuation, [])
        #expect(error(input) == .invalidUTF8)
        #expect(error(ClientFrames.make(.text, [0xF0, 0x9F, 0x98])) == .invalidUTF8)
    }
}

@Suite("WSMessageReader limits")
struct WSMessageReaderLimitTests {
    @Test("an unbounded limit still refuses the largest 64-bit length instead of overflowing")
    func hugeLength() {
        let header: [UInt8] = [0x82, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4]
        let result = ParserVerifier.messageReader(maxMessageBytes: .max).verify(header)
        #expect(result.outcome.error == .messageTooLarge(limit: 1 << 56))
    }
}

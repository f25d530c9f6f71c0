import Testing
import TestSupport
import WebSocket

@Suite("WSFrameEncoder")
struct WSFrameEncoderTests {
    @Test("encodes RFC 6455 §5.7's unmasked \"Hello\"")
    func hello() {
        #expect(WSFrameEncoder.text(Array("Hello".utf8)) == [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f])
    }

    @Test("encodes RFC 6455 §5.7's masked \"Hello\" as a client would")
    func maskedHello() {
        let frame = WSFrameEncoder.encodeMasked(opcode: .text, payload: Array("Hello".utf8), maskingKey: (0x37, 0xfa, 0x21, 0x3d))
        #expect(frame == [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])
    }

    @Test("chooses the header length for each length form",
          arguments: [(0, 2), (125, 2), (126, 4), (65535, 4), (65536, 10)])
    func headerLengths(length: Int, expected: Int) {
        #expect(WSFrameEncoder.headerLength(payloadLength: length) == expected)
        let frame = WSFrameEncoder.encode(opcode: .binary, payload: Array(repeating: 7, count: length))
        #expect(frame.count == expected + length)
        #expect(frame[0] == 0x82)
    }

    @Test("writes 16- and 64-bit lengths in network order")
    func lengthBytes() {
        #expect(Array(WSFrameEncoder.encode(opcode: .binary, payload: Array(repeating: 0, count: 256)).prefix(4)) == [0x82, 126, 1, 0])
        #expect(Array(WSFrameEncoder.encode(opcode: .text, payload: Array(repeating: 0x61, count: 65536)).prefix(10))
            == [0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0])
    }

    @Test("writes a header in place for a caller-owned buffer")
    func headerInPlace() {
        var buffer = [UInt8](repeating: 0xEE, count: 4)
        let written = buffer.withUnsafeMutableBytes { WSFrameEncoder.writeHeader(opcode: .text, payloadLength: 300, into: $0) }
        #expect(written == 4)
        #expect(buffer == [0x81, 126, 0x01, 0x2C])
    }

    @Test("encodes a close with code and reason, cutting the reason at a character within 125 bytes")
    func close() {
        #expect(WSFrameEncoder.close(.normalClosure) == [0x88, 0x02, 0x03, 0xE8])
        let long = WSFrameEncoder.close(.goingAway, reason: String(repeating: "é", count: 100))
        #expect(long[1] == 124)  // 2 code bytes + 61 two-byte characters; a 62nd would make 126
        #expect(UTF8Validator.isValid(Array(long[4...])))
    }

    @Test("round-trips seeded random masked frames through the reader", arguments: [1, 2, 3, 4])
    func roundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<50 {
            let length = [Int.random(in: 0...130, using: &generator), Int.random(in: 0...70_000, using: &generator)]
                .randomElement(using: &generator) ?? 0
            let payload = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let key = (UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                       UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator))
            var frame = WSFrameEncoder.encodeMasked(opcode: .binary, payload: payload, maskingKey: key)
            var reader = WSMessageReader(maxMessageBytes: 1 << 20)
            let result = try frame.withUnsafeMutableBytes { try reader.read($0) }
            #expect(result.consumed == frame.count)
            #expect(result.event == .binary(payload))
        }
    }
}

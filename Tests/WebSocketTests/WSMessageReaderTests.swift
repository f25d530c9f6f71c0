import Testing
import TestSupport
import WebSocket

@Suite("WSMessageReader")
struct WSMessageReaderTests {
    let verifier = ParserVerifier.messageReader()

    /// Runs `input` through every split and returns the outcome, failing the test on any disagreement.
    func outcome(_ input: [UInt8], verifier: ParserVerifier<WSEvent, WSProtocolError>? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) -> ParserVerifier<WSEvent, WSProtocolError>.Outcome {
        let result = (verifier ?? self.verifier).verify(input)
        #expect(result.mismatches.isEmpty, "splits \(result.mismatches.first?.splits ?? [])", sourceLocation: sourceLocation)
        #expect(!result.outcome.stalled, sourceLocation: sourceLocation)
        return result.outcome
    }

    @Test("reads RFC 6455 §5.7's masked \"Hello\"")
    func maskedHello() {
        let input: [UInt8] = [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]
        let result = outcome(input)
        #expect(result.events == [.text(Array("Hello".utf8))])
        #expect(result.error == nil && result.unconsumed == 0)
    }

    @Test("assembles RFC 6455 §5.7's fragmented \"Hel\" + \"lo\"")
    func fragmentedHello() {
        let input = ClientFrames.make(.text, Array("Hel".utf8), fin: false) + ClientFrames.make(.continuation, Array("lo".utf8))
        #expect(outcome(input).events == [.text(Array("Hello".utf8))])
    }

    @Test("surfaces RFC 6455 §5.7's ping with its payload")
    func ping() {
        let input: [UInt8] = [0x89, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]
        #expect(outcome(input).events == [.ping(Array("Hello".utf8))])
    }

    @Test("surfaces a pong and an empty ping")
    func pongAndEmptyPing() {
        let input = ClientFrames.make(.pong, [1, 2, 3]) + ClientFrames.make(.ping, [])
        #expect(outcome(input).events == [.pong([1, 2, 3]), .ping([])])
    }

    @Test("reads every payload length form", arguments: [0, 1, 125, 126, 127, 65535, 65536, 70000])
    func lengths(length: Int) {
        var generator = SeededGenerator(seed: UInt64(length))
        let payload = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let frame = ClientFrames.make(.binary, payload)
        let headerLength = length < 126 ? 6 : length < 65536 ? 8 : 14
        #expect(frame.count == headerLength + length)
        // Exhaustive splits are too slow for 64 KiB inputs; whole, byte by byte and seeded splits still run.
        #expect(outcome(frame).events == [.binary(payload)])
    }

    @Test("accepts a 16-bit length written in the 64-bit form (RFC allows non-minimal lengths)")
    func nonMinimalLength() {
        let payload: [UInt8] = [9, 8, 7]
        var frame: [UInt8] = [0x82, 0xFF, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0]
        frame += payload
        #expect(outcome(frame).events == [.binary(payload)])
    }

    @Test("delivers control frames interleaved with fragments, then the message")
    func interleavedControl() {
        let input = ClientFrames.make(.text, Array("a".utf8), fin: false)
            + ClientFrames.make(.ping, [7])
            + ClientFrames.make(.continuation, Array("b".utf8), fin: false)
            + ClientFrames.make(.pong, [])
            + ClientFrames.make(.continuation, Array("c".utf8))
        #expect(outcome(input).events == [.ping([7]), .pong([]), .text(Array("abc".utf8))])
    }

    @Test("accepts empty fragments and an empty text message")
    func emptyFragments() {
        let input = ClientFrames.make(.binary, [], fin: false) + ClientFrames.make(.continuation, [1], fin: false)
            + ClientFrames.make(.continuation, []) + ClientFrames.make(.text, [])
        #expect(outcome(input).events == [.binary([1]), .text([])])
    }

    @Test("keeps a UTF-8 character split across fragments")
    func characterAcrossFragments() {
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        let input = ClientFrames.make(.text, [euro[0]], fin: false) + ClientFrames.make(.continuation, [euro[1]], fin: false)
            + ClientFrames.make(.continuation, [euro[2]])
        #expect(outcome(input).events == [.text(euro)])
    }

    @Test("reads a close with a code and reason, and an empty close")
    func closes() {
        let reason = Array("bye ✓".utf8)
        #expect(outcome(ClientFrames.make(.close, ClientFrames.closePayload(1000, reason))).events
            == [.close(code: .normalClosure, reason: reason)])
        #expect(outcome(ClientFrames.make(.close, [])).events == [.close(code: nil, reason: [])])
        #expect(outcome(ClientFrames.make(.close, ClientFrames.closePayload(4321))).events
            == [.close(code: WSCloseCode(rawValue: 4321), reason: [])])
    }

    @Test("leaves an incomplete header or control frame with the caller")
    func incompleteTail() {
        let text = ClientFrames.make(text: "hi")
        #expect(outcome(text + [0x81, 0x85, 0x37]).unconsumed == 3)
        let ping = ClientFrames.make(.ping, [1, 2, 3])
        #expect(outcome(text + ping.dropLast()).unconsumed == ping.count - 1)
    }

    @Test("consumes a data payload as it arrives and returns to an empty idle state")
    func streamsPayload() throws {
        var reader = WSMessageReader(maxMessageBytes: 1 << 20)
        var frame = ClientFrames.make(.binary, Array(repeating: 0x55, count: 1000))
        let first = try frame.withUnsafeMutableBytes { try reader.read(UnsafeMutableRawBufferPointer(rebasing: $0[..<500])) }
        #expect(first.consumed == 500 && first.event == nil && !reader.isIdle)
        let second = try frame.withUnsafeMutableBytes { try reader.read(UnsafeMutableRawBufferPointer(rebasing: $0[500...])) }
        #expect(second.consumed == frame.count - 500)
        #expect(second.event == .binary(Array(repeating: 0x55, count: 1000)))
        #expect(reader.isIdle)
    }

    @Test("unmasks in place in the caller's buffer")
    func unmasksInPlace() throws {
        var reader = WSMessageReader(maxMessageBytes: 100)
        var input: [UInt8] = [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]
        _ = try input.withUnsafeMutableBytes { try reader.read($0) }
        #expect(Array(input[6...]) == Array("Hello".utf8))
    }

    @Test("round-trips seeded random messages split into random fragments")
    func seededRoundTrips() {
        var generator = SeededGenerator(seed: 6455)
        for _ in 0..<40 {
            let length = Int.random(in: 0...3000, using: &generator)
            let payload = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let key = (UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                       UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator))
            var input: [UInt8] = []
            var start = 0
            repeat {
                let end = min(length, start + Int.random(in: 0...800, using: &generator))
                input += ClientFrames.make(start == 0 ? .binary : .continuation, Array(payload[start..<end]),
                                           fin: end == length, key: key)
                start = end
            } while start < length
            let result = ParserVerifier.messageReader().verify(input, seed: generator.next(), randomRuns: 4, exhaustiveLimit: 0)
            #expect(result.mismatches.isEmpty)
            #expect(result.outcome.events == [.binary(payload)])
        }
    }
}

@Suite("WSMessageReader footprint")
struct WSMessageReaderFootprintTests {
    @Test("keeps a few dozen bytes of state and no heap storage when idle")
    func idleFootprint() throws {
        #expect(MemoryLayout<WSMessageReader>.size <= 48)
        var reader = WSMessageReader(maxMessageBytes: 1 << 20)
        #expect(reader.retainedBytes == 0 && reader.isIdle)
        var input = ClientFrames.make(.text, Array(repeating: 0x61, count: 5000), fin: false)
        let first = try input.withUnsafeMutableBytes { try reader.read($0) }
        #expect(first.event == nil && reader.retainedBytes >= 5000 && !reader.isIdle)
        var last = ClientFrames.make(.continuation, Array(repeating: 0x62, count: 10))
        let second = try last.withUnsafeMutableBytes { try reader.read($0) }
        #expect(second.event == .text(Array(repeating: 0x61, count: 5000) + Array(repeating: 0x62, count: 10)))
        #expect(reader.retainedBytes == 0 && reader.isIdle)
    }

    @Test("delivers a whole unfragmented frame without buffering it")
    func fastPathBuffersNothing() throws {
        var reader = WSMessageReader(maxMessageBytes: 1 << 20)
        var input = ClientFrames.make(.text, Array(repeating: 0x61, count: 3000))
        let result = try input.withUnsafeMutableBytes { try reader.read($0) }
        #expect(result.consumed == input.count)
        #expect(result.event == .text(Array(repeating: 0x61, count: 3000)))
        #expect(reader.retainedBytes == 0)
    }
}

import Testing
import WebSocket

@Suite("WSCloseCode")
struct WSCloseCodeTests {
    @Test("accepts the codes a peer may send", arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 4999])
    func validOnWire(code: UInt16) {
        #expect(WSCloseCode(rawValue: code).isValidOnWire)
    }

    @Test("refuses reserved, local-only and unassigned codes", arguments: [0, 999, 1004, 1005, 1006, 1012, 1015, 1016, 2999, 5000, 65535])
    func invalidOnWire(code: UInt16) {
        #expect(!WSCloseCode(rawValue: code).isValidOnWire)
    }

    @Test("names carry their RFC 6455 values")
    func values() {
        #expect([WSCloseCode.normalClosure, .goingAway, .protocolError, .unsupportedData, .invalidPayload,
                 .policyViolation, .messageTooBig, .internalError].map(\.rawValue)
            == [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1011])
    }

    @Test("every opcode round-trips through its wire value and reserved ones do not")
    func opcodes() {
        for opcode in [WSOpcode.continuation, .text, .binary, .close, .ping, .pong] {
            #expect(WSOpcode(wire: opcode.rawValue) == opcode)
        }
        for reserved: UInt8 in [3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF] { #expect(WSOpcode(wire: reserved) == nil) }
    }
}

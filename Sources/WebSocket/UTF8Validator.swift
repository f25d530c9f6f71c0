/// Incremental UTF-8 validation (RFC 3629) that can stop at any byte and resume with the next chunk.
///
/// One byte of state: how many continuation bytes are still owed and, for the second byte of E0, ED, F0
/// and F4 sequences, the narrowed range that rules out overlong forms, UTF-16 surrogates (U+D800–DFFF)
/// and code points above U+10FFFF. A bad byte is reported the moment it is seen, so a message that
/// goes wrong in its first fragment fails before the rest arrives.
public struct UTF8Validator: Sendable, Equatable {
    /// 0 = between characters; 1–3 = that many continuation bytes (80–BF) owed;
    /// 4 = after E0 (A0–BF next); 5 = after ED (80–9F); 6 = after F0 (90–BF); 7 = after F4 (80–8F).
    private var state: UInt8 = 0

    /// A validator at the start of a message.
    public init() {}

    /// True when the bytes so far end on a character boundary (no sequence left open).
    public var isComplete: Bool { state == 0 }

    /// Checks the next chunk; `false` as soon as a byte cannot continue valid UTF-8.
    public mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            if state == 0 {
                // ASCII runs are the common case: skip eight bytes at a time while no high bit is set.
                while index + 8 <= count,
                      bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                if index == count { break }
            }
            guard step(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    /// Checks a whole array from a fresh state: valid UTF-8 that ends on a character boundary.
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        var validator = UTF8Validator()
        return bytes.withUnsafeBytes { validator.validate($0) } && validator.isComplete
    }

    private mutating func step(_ byte: UInt8) -> Bool {
        switch state {
        case 0:
            switch byte {
            case 0x00...0x7F: state = 0
            case 0xC2...0xDF: state = 1
            case 0xE0: state = 4
            case 0xE1...0xEC, 0xEE...0xEF: state = 2
            case 0xED: state = 5
            case 0xF0: state = 6
            case 0xF1...0xF3: state = 3
            case 0xF4: state = 7
            default: return false  // 80–C1 (stray continuation, overlong lead), F5–FF (beyond U+10FFFF)
            }
        case 1, 2, 3:
            guard byte & 0xC0 == 0x80 else { return false }
            state -= 1
        case 4:
            guard (0xA0...0xBF).contains(byte) else { return false }
            state = 1
        case 5:
            guard (0x80...0x9F).contains(byte) else { return false }
            state = 1
        case 6:
            guard (0x90...0xBF).contains(byte) else { return false }
            state = 2
        default:
            guard (0x80...0x8F).contains(byte) else { return false }
            state = 2
        }
        return true
    }
}

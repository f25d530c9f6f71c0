/// Builds the plaintext of a sealed blob: fixed-width big-endian integers and length-prefixed strings.
///
/// A tiny format of our own instead of JSON keeps Foundation out of the store and makes the bytes that
/// get encrypted (and the audit chain's canonical form) exactly defined.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: String) { write(Array(value.utf8)) }

    mutating func write(_ value: [UInt8]) {
        write(UInt32(truncatingIfNeeded: value.count))
        bytes.append(contentsOf: value)
    }
}

/// Reads what `BinaryWriter` wrote; every read is bounds-checked and fails with a data error.
struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// True once every byte has been read (a decoder checks this to reject trailing garbage).
    var isAtEnd: Bool { offset == bytes.count }

    mutating func readByte() throws(StoreError) -> UInt8 {
        guard offset < bytes.count else { throw StoreError.corrupt("sealed record is truncated") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readBool() throws(StoreError) -> Bool { try readByte() != 0 }

    mutating func readUInt32() throws(StoreError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 { value = value << 8 | UInt32(try readByte()) }
        return value
    }

    mutating func readInt64() throws(StoreError) -> Int64 {
        var value: UInt64 = 0
        for _ in 0..<8 { value = value << 8 | UInt64(try readByte()) }
        return Int64(bitPattern: value)
    }

    mutating func readBytes() throws(StoreError) -> [UInt8] {
        let count = Int(try readUInt32())
        guard count <= bytes.count - offset else { throw StoreError.corrupt("sealed record is truncated") }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func readString() throws(StoreError) -> String { String(decoding: try readBytes(), as: UTF8.self) }

    /// A count of items that follow, bounded by the bytes left so a corrupt count cannot allocate wildly.
    mutating func readCount() throws(StoreError) -> Int {
        let count = Int(try readUInt32())
        guard count <= bytes.count - offset else { throw StoreError.corrupt("sealed record is truncated") }
        return count
    }
}

/// Every word the rules know, in one open-addressing hash table over normalised UTF-8 bytes.
///
/// A token's bytes are hashed while they are normalised, so finding its word costs one probe and one byte
/// comparison, with no `String` made. An entry is either a canonical word (its id is the entry index) or an
/// alias ("u" → "you", "kms" → "kill myself") whose expansion is a run of canonical word ids.
struct Lexicon: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var keyHash: [UInt64] = []
    private var expansionStart: [Int32] = []
    private var expansionCount: [Int32] = []
    private var expansions: [Int32] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    /// The number of entries (canonical words and aliases); word ids are below this.
    var count: Int { keyStart.count }

    /// FNV-1a, fed a byte at a time by the tokenizer.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var value = hashSeed
        for byte in bytes { value = hash(value, byte) }
        return value
    }

    /// The entry for `bytes` (already normalised), or -1.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return -1 }
            while true {
                let entry = slots[slot]
                if entry < 0 { return -1 }
                let index = Int(entry)
                if keyHash[index] == hash, Int(keyLength[index]) == bytes.count {
                    let start = Int(keyStart[index])
                    if memoryEqual(base + start, bytes.baseAddress, bytes.count) { return entry }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The entry for a normalised word given as text, or -1.
    func lookup(_ word: String) -> Int32 {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { lookup($0, hash: Self.hash(bytes)) }
    }

    /// The bytes of an entry's key.
    func key(_ entry: Int32) -> ArraySlice<UInt8> {
        let start = Int(keyStart[Int(entry)])
        return keyBytes[start..<start + Int(keyLength[Int(entry)])]
    }

    /// The FNV-1a hash of an entry's key bytes (what `hash(_:)` gives for them), kept from interning.
    func keyHash(_ entry: Int32) -> UInt64 { keyHash[Int(entry)] }

    /// The canonical words an alias stands for; empty for a canonical word.
    func expansion(_ entry: Int32) -> ArraySlice<Int32> {
        let start = Int(expansionStart[Int(entry)])
        return expansions[start..<start + Int(expansionCount[Int(entry)])]
    }

    /// The id of `word`, adding it when new.
    mutating func intern<C: Collection<UInt8>>(_ word: C) -> Int32 {
        let bytes = Array(word)
        let hash = Self.hash(bytes)
        let found = bytes.withUnsafeBufferPointer { lookup($0, hash: hash) }
        if found >= 0 { return found }
        let entry = Int32(count)
        keyStart.append(Int32(keyBytes.count))
        keyLength.append(Int32(bytes.count))
        keyHash.append(hash)
        keyBytes.append(contentsOf: bytes)
        expansionStart.append(Int32(expansions.count))
        expansionCount.append(0)
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(entry, hash: hash) }
        return entry
    }

    /// Makes `surface` stand for the canonical `words` (replacing any earlier expansion).
    mutating func alias<C: Collection<UInt8>>(_ surface: C, to words: [Int32]) {
        let entry = Int(intern(surface))
        expansionStart[entry] = Int32(expansions.count)
        expansionCount[entry] = Int32(words.count)
        expansions.append(contentsOf: words)
    }

    private mutating func place(_ entry: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        for entry in 0..<count { place(Int32(entry), hash: keyHash[entry]) }
    }
}

@inline(__always) func memoryEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let rhs else { return count == 0 }
    var index = 0
    while index < count {
        if lhs[index] != rhs[index] { return false }
        index += 1
    }
    return true
}

/// The learned weights, found by feature hash: one open-addressing probe per n-gram of a message.
///
/// Kept small so that it shares the cache with the rules' tables: a slot is one `UInt64` (40 bits of the
/// hash as a fingerprint, 24 bits of row), and a row is one `Int8` per family, scaled by `scale`. Rounding
/// a weight to 1/127 of the largest moves a message's score by well under 0.01.
struct WeightTable: Sendable {
    let width: Int
    /// Multiply a row's bytes by this to get the weights.
    let scale: Float
    private let slots: [UInt64]
    private let weights: [Int8]
    /// Per row: a bit per family for which the row's word is a cue (see `LearnedModel.cues`).
    private let cueBits: [UInt64]

    /// Builds the table from n-gram hashes and weight rows (a repeated hash adds its rows) and cue marks.
    init(width: Int, rows: [(hash: UInt64, weights: [Float])], cues: [(hash: UInt64, family: Int)]) {
        self.width = width
        var rowOfHash: [UInt64: Int] = [:]
        var floats: [Float] = []
        var bits: [UInt64] = []
        func row(_ hash: UInt64) -> Int {
            if let row = rowOfHash[hash] { return row }
            rowOfHash[hash] = bits.count
            floats += Array(repeating: 0, count: width)
            bits.append(0)
            return bits.count - 1
        }
        for (hash, weights) in rows {
            let base = row(hash) * width
            for family in 0..<width { floats[base + family] += weights[family] }
        }
        for (hash, family) in cues { bits[row(hash)] |= 1 << UInt64(family) }
        let largest = floats.reduce(Float(0)) { max($0, abs($1)) }
        let step = largest > 0 ? largest / 127 : 1
        scale = step
        weights = floats.map { Int8(max(-127, min(127, ($0 / step).rounded()))) }
        cueBits = bits
        var count = 16
        while count * 3 < bits.count * 5 { count *= 2 }
        var slots = [UInt64](repeating: 0, count: count)
        for (hash, row) in rowOfHash {
            var slot = Int(truncatingIfNeeded: hash) & (count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (count - 1) }
            slots[slot] = Self.fingerprint(hash) | UInt64(row + 1)
        }
        self.slots = slots
    }

    /// The low 24 bits of a slot hold its row + 1 (0: empty); the rest of the hash is the fingerprint.
    static let rowBits: UInt64 = 0xFF_FFFF

    @inline(__always) static func fingerprint(_ hash: UInt64) -> UInt64 { hash & ~rowBits }

    /// The tables as raw buffers for one message's scoring (no reference counting or bounds checks per n-gram).
    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            weights.withUnsafeBufferPointer { weights in
                cueBits.withUnsafeBufferPointer { cueBits in
                    body(Lookup(slots: slots, weights: weights, cueBits: cueBits))
                }
            }
        }
    }

    /// Borrowed views of the tables, valid inside `withLookup`.
    struct Lookup {
        let slots: UnsafeBufferPointer<UInt64>
        let weights: UnsafeBufferPointer<Int8>
        let cueBits: UnsafeBufferPointer<UInt64>

        /// The row of `hash`, or -1 when the model has no such feature.
        @inline(__always) func row(_ hash: UInt64) -> Int {
            let mask = slots.count - 1
            let wanted = WeightTable.fingerprint(hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return -1 }
                if WeightTable.fingerprint(entry) == wanted { return Int(entry & WeightTable.rowBits) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// The learned weights, found by feature hash: one open-addressing probe per n-gram of a message.
///
/// Rows are `width` floats (one per family) in one flat array, so scoring a message touches no `String`
/// and allocates nothing.
struct WeightTable: Sendable {
    let width: Int
    private var keys: [UInt64]
    private var rowOfSlot: [Int32]
    private(set) var weights: [Float] = []
    /// Per row: a bit per family for which the row's word is a cue (see `LearnedModel.cues`).
    private(set) var cueBits: [UInt64] = []

    init(width: Int, capacity: Int) {
        self.width = width
        var slots = 16
        while slots < capacity * 2 { slots *= 2 }
        keys = Array(repeating: 0, count: slots)
        rowOfSlot = Array(repeating: -1, count: slots)
    }

    /// Adds (or, for a hash seen before, adds to) the row for `hash`.
    mutating func add(_ hash: UInt64, row: [Float]) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while rowOfSlot[slot] >= 0 {
            if keys[slot] == hash {
                let base = Int(rowOfSlot[slot]) * width
                for family in 0..<width { weights[base + family] += row[family] }
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = hash
        rowOfSlot[slot] = Int32(weights.count / width)
        weights.append(contentsOf: row)
        cueBits.append(0)
    }

    /// Marks `hash`'s word as a cue for the family in column `family` (adding a zero-weight row if needed).
    mutating func markCue(_ hash: UInt64, family: Int) {
        if rowStart(hash) < 0 { add(hash, row: Array(repeating: 0, count: width)) }
        cueBits[rowStart(hash) / width] |= 1 << UInt64(family)
    }

    /// The tables as raw buffers for one message's scoring (no reference counting or bounds checks per n-gram).
    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        keys.withUnsafeBufferPointer { keys in
            rowOfSlot.withUnsafeBufferPointer { rows in
                weights.withUnsafeBufferPointer { weights in
                    cueBits.withUnsafeBufferPointer { cueBits in
                        body(Lookup(keys: keys, rowOfSlot: rows, weights: weights, cueBits: cueBits))
                    }
                }
            }
        }
    }

    /// Borrowed views of the tables, valid inside `withLookup`.
    struct Lookup {
        let keys: UnsafeBufferPointer<UInt64>
        let rowOfSlot: UnsafeBufferPointer<Int32>
        let weights: UnsafeBufferPointer<Float>
        let cueBits: UnsafeBufferPointer<UInt64>

        /// The row of `hash`, or -1 when the model has no such feature.
        @inline(__always) func row(_ hash: UInt64) -> Int {
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let row = rowOfSlot[slot]
                if row < 0 { return -1 }
                if keys[slot] == hash { return Int(row) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Where `hash`'s row starts in `weights`, or -1 when the model has no such feature.
    func rowStart(_ hash: UInt64) -> Int {
        let row = withLookup { $0.row(hash) }
        return row < 0 ? -1 : row * width
    }
}

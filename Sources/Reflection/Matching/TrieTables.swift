/// The phrase tries of a program, borrowed for one analysis.
struct TrieTables {
    let childStart: UnsafeBufferPointer<Int32>
    let childWords: UnsafeBufferPointer<Int32>
    let childNodes: UnsafeBufferPointer<Int32>
    let terminal: UnsafeBufferPointer<Bool>

    /// The child of `node` reached by `word`, found by binary search over the sorted children.
    @inline(__always) func child(of node: Int, word: Int32) -> Int? {
        guard word >= 0 else { return nil }
        var low = Int(childStart[node])
        var high = Int(childStart[node + 1])
        while low < high {
            let middle = (low + high) >> 1
            let found = childWords[middle]
            if found == word { return Int(childNodes[middle]) }
            if found < word { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

extension Program {
    /// Runs `body` with the program's tables borrowed as buffers (no bounds checks on the hot path).
    func withTables<Result>(_ body: (UnsafeBufferPointer<Step>, UnsafeBufferPointer<UInt64>, TrieTables) -> Result) -> Result {
        steps.withUnsafeBufferPointer { steps in
            sets.withUnsafeBufferPointer { sets in
                trieChildStart.withUnsafeBufferPointer { childStart in
                    trieChildWords.withUnsafeBufferPointer { childWords in
                        trieChildNodes.withUnsafeBufferPointer { childNodes in
                            trieTerminal.withUnsafeBufferPointer { terminal in
                                body(steps, sets, TrieTables(childStart: childStart, childWords: childWords,
                                                             childNodes: childNodes, terminal: terminal))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Builds phrase tries from word sequences and lays them out flat in a `Program`.
struct TrieBuilder {
    private var children: [[Int32: Int32]] = []
    private var terminal: [Bool] = []

    /// Adds a trie holding `phrases` and returns its root node (numbered within this builder).
    mutating func add(_ phrases: [[Int32]]) -> Int32 {
        let root = newNode()
        for phrase in phrases {
            var node = root
            for word in phrase {
                if let next = children[Int(node)][word] {
                    node = next
                } else {
                    let next = newNode()
                    children[Int(node)][word] = next
                    node = next
                }
            }
            terminal[Int(node)] = true
        }
        return root
    }

    /// The words a trie's root can start with.
    func firstWords(_ root: Int32) -> [Int32] { Array(children[Int(root)].keys) }

    private mutating func newNode() -> Int32 {
        children.append([:])
        terminal.append(false)
        return Int32(children.count - 1)
    }

    /// Writes the tries into `program` with each node's children sorted by word.
    func write(into program: inout Program) {
        program.trieChildStart = []
        program.trieChildWords = []
        program.trieChildNodes = []
        for node in children {
            program.trieChildStart.append(Int32(program.trieChildWords.count))
            for (word, child) in node.sorted(by: { $0.key < $1.key }) {
                program.trieChildWords.append(word)
                program.trieChildNodes.append(child)
            }
        }
        program.trieChildStart.append(Int32(program.trieChildWords.count))
        program.trieTerminal = terminal
    }
}

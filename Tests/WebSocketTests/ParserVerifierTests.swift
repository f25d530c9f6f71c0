import Testing
import TestSupport

@Suite("ParserVerifier")
struct ParserVerifierTests {
    /// A parser with a split-dependent bug: it reports each call's bytes as one event.
    let chunkEcho = ParserVerifier<[UInt8], Never> {
        { (buffer: UnsafeMutableRawBufferPointer) in (buffer.count, buffer.isEmpty ? nil : Array(buffer)) }
    }

    @Test("reports the splits on which a split-sensitive parser disagrees")
    func catchesSplitBugs() {
        let result = chunkEcho.verify([1, 2, 3, 4])
        #expect(result.outcome.events == [[1, 2, 3, 4]])
        #expect(result.mismatches.contains { $0.splits == [2] && $0.outcome.events == [[1, 2], [3, 4]] })
        #expect(result.runs > 4)
    }

    @Test("flags a parser that neither consumes nor finishes")
    func catchesStalls() {
        let spinning = ParserVerifier<Int, Never> { { (_: UnsafeMutableRawBufferPointer) in (0, 1) } }
        #expect(spinning.feed([1, 2], splitAt: []).stalled)
    }
}

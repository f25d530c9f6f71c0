import WebSocket

/// Feeds one input to a fresh incremental parser in many different splits and reports any split whose
/// outcome differs from feeding it whole (NIO's `ByteToMessageDecoderVerifier`).
///
/// The parser is driven the way a connection drives it: new bytes are appended to the unread ones, the
/// parser is called while it returns an event or consumes bytes, and consumed bytes are dropped. Splits
/// tried: whole, byte by byte, every two-piece split for inputs up to `exhaustiveLimit` bytes, and
/// `randomRuns` seeded random splits.
public struct ParserVerifier<Event: Equatable, Failure: Error & Equatable> {
    /// One step of a parser over the caller's unread bytes, as `WSMessageReader.read` has it.
    public typealias Step = (UnsafeMutableRawBufferPointer) throws(Failure) -> (consumed: Int, event: Event?)

    /// What a parser made of an input: its events in order, the error that stopped it, and the bytes it
    /// left unconsumed at the end (an incomplete frame).
    public struct Outcome: Equatable {
        /// Events in the order the parser produced them.
        public var events: [Event]
        /// The error that stopped the parser, if any.
        public var error: Failure?
        /// Bytes still unread after the last chunk (0 when an error stopped the run).
        public var unconsumed: Int
        /// True when the parser kept returning without progress or events (a bug in its loop contract).
        public var stalled: Bool
    }

    /// The reference outcome (input fed whole) and every split that disagreed with it.
    public struct Verification {
        /// What the parser made of the input fed whole.
        public var outcome: Outcome
        /// Each split (cut offsets) whose outcome differed, with that outcome.
        public var mismatches: [(splits: [Int], outcome: Outcome)]
        /// How many different splits were tried.
        public var runs: Int
    }

    private let makeStep: () -> Step

    /// A verifier that builds a fresh parser for every run with `makeStep`.
    public init(makeStep: @escaping () -> Step) { self.makeStep = makeStep }

    /// Runs every split of `input` and compares each outcome with feeding it whole.
    public func verify(_ input: [UInt8], seed: UInt64 = 0x5EED, randomRuns: Int = 24, exhaustiveLimit: Int = 64) -> Verification {
        let whole = feed(input, splitAt: [])
        var plans: [[Int]] = [Array(0..<input.count)]
        if input.count <= exhaustiveLimit { plans += (1..<max(1, input.count)).map { [$0] } }
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<randomRuns where input.count > 1 {
            let pieces = Int.random(in: 1...min(input.count - 1, 16), using: &generator)
            plans.append(Set((0..<pieces).map { _ in Int.random(in: 1..<input.count, using: &generator) }).sorted())
        }
        var mismatches: [(splits: [Int], outcome: Outcome)] = []
        for plan in plans {
            let outcome = feed(input, splitAt: plan)
            if outcome != whole { mismatches.append((plan, outcome)) }
        }
        return Verification(outcome: whole, mismatches: mismatches, runs: plans.count + 1)
    }

    /// Feeds `input` cut at the given offsets (ascending) and returns what the parser made of it.
    public func feed(_ input: [UInt8], splitAt offsets: [Int]) -> Outcome {
        let step = makeStep()
        var pending: [UInt8] = []
        var outcome = Outcome(events: [], error: nil, unconsumed: 0, stalled: false)
        let bounds = [0] + offsets.filter { $0 > 0 && $0 < input.count } + [input.count]
        chunks: for (start, end) in zip(bounds, bounds.dropFirst()) where start < end {
            pending.append(contentsOf: input[start..<end])
            var calls = 0
            while true {
                calls += 1
                if calls > pending.count + 64 { outcome.stalled = true; break chunks }
                let result: Result<(consumed: Int, event: Event?), Failure> = pending.withUnsafeMutableBytes { buffer in
                    do throws(Failure) { return .success(try step(buffer)) } catch { return .failure(error) }
                }
                switch result {
                case .failure(let error):
                    outcome.error = error
                    break chunks
                case .success(let (consumed, event)):
                    pending.removeFirst(consumed)
                    if let event { outcome.events.append(event) }
                    if event == nil && consumed == 0 { continue chunks }
                }
            }
        }
        // After an error the rest of the input was never offered, so only a clean end has a comparable remainder.
        outcome.unconsumed = outcome.error == nil ? pending.count : 0
        return outcome
    }
}

extension ParserVerifier where Event == WSEvent, Failure == WSProtocolError {
    /// A verifier over fresh `WSMessageReader`s with these settings.
    public static func messageReader(maxMessageBytes: Int = 1 << 20, acceptsBinary: Bool = true) -> ParserVerifier {
        ParserVerifier {
            var reader = WSMessageReader(maxMessageBytes: maxMessageBytes, acceptsBinary: acceptsBinary)
            return { (buffer: UnsafeMutableRawBufferPointer) throws(WSProtocolError) in try reader.read(buffer) }
        }
    }
}

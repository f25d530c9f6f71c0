#if canImport(Glibc)
import TestSupport
import Glibc
#endif
import Testing
@testable import Chat

@Suite("Fan-out throughput")
struct FanOutBenchmarkTests {
    /// One timed run: `rounds` says into a standing room of `members`, with or without reflection.
    struct Run {
        var seconds: Double
        var rounds: Int
        var deliveries: Int
        var frames: Int
        var says: Double { Double(rounds) / seconds }
    }

    static func run(members: Int, reflection: ReflectionMode, text: String) -> Run {
        var config = ChatConfiguration()
        config.ratePerSecond = 0
        config.standingRooms = [StandingRoom(id: RoomID("hall"), title: "Hall")]
        config.reflection = reflection
        var lobby = Lobby(configuration: config)
        var rng = SeededGenerator(seed: 1)
        let now = ChatTime(monotonic: 1, wall: 0)
        for index in 0..<members {
            let client = ClientID(UInt64(index))
            _ = lobby.handle(.connected(client), now: now, rng: &rng)
            _ = lobby.handle(.received(client, Array(#"{"type":"hello","name":"P\#(index)"}"#.utf8)), now: now, rng: &rng)
            _ = lobby.handle(.received(client, Array(#"{"type":"join","room":"hall"}"#.utf8)), now: now, rng: &rng)
        }
        let say = Array(#"{"type":"say","room":"hall","text":"\#(text)","ref":"c1"}"#.utf8)
        var result = Run(seconds: 0, rounds: 100_000 / members + 100, deliveries: 0, frames: 0)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for round in 0..<result.rounds {
                let effects = lobby.handle(.received(ClientID(UInt64(round % members)), say), now: now, rng: &rng)
                for case .send(_, let to) in effects {
                    result.deliveries += to.count
                    result.frames += 1
                }
            }
        }
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return result
    }

    static let plainText = "Thank you for saying that; it helps to hear it."

    /// The `say` → `message` path in rooms of 2, 50 and 1,000: decode once, encode once, one shared
    /// `send` for the other members plus the sender's copy. Asserts the shape and a bound generous enough
    /// for a loaded debug build; `WITHNESS_BENCH=1 swift test -c release …` prints the real figure.
    @Test("a say is one shared encoding for the room, fast", arguments: [2, 50, 1000])
    func fanOut(members: Int) {
        let run = Self.run(members: members, reflection: .off, text: Self.plainText)
        #expect(run.deliveries == run.rounds * members)
        #expect(run.frames == run.rounds * 2)
        #expect(run.says > 2000, "says per second: \(Int(run.says))")
        if Environment.bench {
            print("fan-out: \(Int(Double(run.deliveries) / run.seconds)) deliveries/s, \(Int(run.says)) says/s (\(members) members)")
        }
    }

    /// The same path with the reflection engine and coach on: one `analyse` per say. Prints the
    /// engine's share of the time per say when benchmarking (debug builds run the engine far slower
    /// than release, so no bound is asserted); asserts that a message with nothing to suggest adds no frames.
    @Test("reflection adds one analysis per say and no frames for a plain message", arguments: [2, 50, 1000])
    func reflectionShare(members: Int) throws {
        let setup = try ReflectionFixture.configuration().reflection
        let off = Self.run(members: members, reflection: .off, text: Self.plainText)
        let on = Self.run(members: members, reflection: setup, text: Self.plainText)
        #expect(on.frames == on.rounds * 2, "no reflection, support or prompt frames for a plain message")
        let perSayOff = off.seconds / Double(off.rounds)
        let perSayOn = on.seconds / Double(on.rounds)
        let share = max(0, perSayOn - perSayOff) / perSayOn
        if Environment.bench {
            let engineOnly = Self.run(members: members, reflection: try ReflectionFixture.configuration(roomPrompts: false).reflection,
                                      text: Self.plainText)
            let micro = { (seconds: Double, rounds: Int) -> String in
                let tenths = Int((seconds / Double(rounds) * 1e7).rounded())
                return "\(tenths / 10).\(tenths % 10)"
            }
            print("reflection: \(micro(off.seconds, off.rounds)) µs/say off, \(micro(engineOnly.seconds, engineOnly.rounds)) engine only, "
                  + "\(micro(on.seconds, on.rounds)) engine and coach; share \(Int(share * 100))% (\(members) members)")
        }
    }
}

enum Environment {
    static var bench: Bool {
        guard let value = getenv("WITHNESS_BENCH") else { return false }
        return String(cString: value) == "1"
    }
}

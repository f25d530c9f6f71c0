#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Chat

@Suite("Fan-out throughput")
struct FanOutBenchmarkTests {
    /// The `say` → `message` path in rooms of 2, 50 and 1,000: decode once, encode once, one shared
    /// `send` for the other members plus the sender's copy. Asserts the shape and a bound generous enough
    /// for a loaded debug build; `WITHNESS_BENCH=1 swift test -c release …` prints the real figure.
    @Test("a say is one shared encoding for the room, fast", arguments: [2, 50, 1000])
    func fanOut(members: Int) {
        var config = ChatConfiguration()
        config.ratePerSecond = 0
        config.standingRooms = [StandingRoom(id: RoomID("hall"), title: "Hall")]
        var lobby = Lobby(configuration: config)
        var rng = SeededGenerator(seed: 1)
        let now = ChatTime(monotonic: 1, wall: 0)
        for index in 0..<members {
            let client = ClientID(UInt64(index))
            _ = lobby.handle(.connected(client), now: now, rng: &rng)
            _ = lobby.handle(.received(client, Array(#"{"type":"hello","name":"P\#(index)"}"#.utf8)), now: now, rng: &rng)
            _ = lobby.handle(.received(client, Array(#"{"type":"join","room":"hall"}"#.utf8)), now: now, rng: &rng)
        }
        let say = Array(#"{"type":"say","room":"hall","text":"Thank you for saying that; it helps to hear it.","ref":"c1"}"#.utf8)
        let rounds = 100_000 / members + 100
        var deliveries = 0
        var frames = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for round in 0..<rounds {
                let effects = lobby.handle(.received(ClientID(UInt64(round % members)), say), now: now, rng: &rng)
                for case .send(_, let to) in effects {
                    deliveries += to.count
                    frames += 1
                }
            }
        }
        #expect(deliveries == rounds * members)
        #expect(frames == rounds * 2)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(deliveries) / seconds
        let says = Double(rounds) / seconds
        #expect(says > 2000, "says per second: \(Int(says))")
        if Environment.bench { print("fan-out: \(Int(rate)) deliveries/s, \(Int(says)) says/s (\(members) members)") }
    }
}

enum Environment {
    static var bench: Bool {
        guard let value = getenv("WITHNESS_BENCH") else { return false }
        return String(cString: value) == "1"
    }
}

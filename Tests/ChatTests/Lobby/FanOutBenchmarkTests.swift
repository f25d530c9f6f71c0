#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Chat

@Suite("Fan-out throughput")
struct FanOutBenchmarkTests {
    /// The `say` → `message` path in a 1,000-member room: decode once, encode once, one shared
    /// `send` for 999 members plus the sender's copy. Asserts the shape and a bound generous enough
    /// for a loaded debug build; `WITHNESS_BENCH=1 swift test -c release …` prints the real figure.
    @Test("a say to a big room is one shared encoding, fast")
    func fanOut() {
        var config = ChatConfiguration()
        config.ratePerSecond = 0
        config.standingRooms = [StandingRoom(id: RoomID("hall"), title: "Hall")]
        var lobby = Lobby(configuration: config)
        var rng = SeededGenerator(seed: 1)
        let now = ChatTime(monotonic: 1, wall: 0)
        let members = 1000
        for index in 0..<members {
            let client = ClientID(UInt64(index))
            _ = lobby.handle(.connected(client), now: now, rng: &rng)
            _ = lobby.handle(.received(client, Array(#"{"type":"hello","name":"P\#(index)"}"#.utf8)), now: now, rng: &rng)
            _ = lobby.handle(.received(client, Array(#"{"type":"join","room":"hall"}"#.utf8)), now: now, rng: &rng)
        }
        let say = Array(#"{"type":"say","room":"hall","text":"Thank you for saying that; it helps to hear it.","ref":"c1"}"#.utf8)
        let rounds = 2000
        var deliveries = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for round in 0..<rounds {
                let effects = lobby.handle(.received(ClientID(UInt64(round % members)), say), now: now, rng: &rng)
                for case .send(_, let to) in effects { deliveries += to.count }
            }
        }
        #expect(deliveries == rounds * members)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(deliveries) / seconds
        #expect(rate > 200_000, "deliveries per second: \(Int(rate))")
        if Environment.bench { print("fan-out: \(Int(rate)) deliveries/s, \(Int(Double(rounds) / seconds)) says/s (1000 members)") }
    }
}

enum Environment {
    static var bench: Bool {
        guard let value = getenv("WITHNESS_BENCH") else { return false }
        return String(cString: value) == "1"
    }
}

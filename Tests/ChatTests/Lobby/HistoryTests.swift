import Testing
@testable import Chat

@Suite("History")
struct HistoryTests {
    static func roomWith(messages count: Int) -> (ChatHarness, [Session]) {
        var config = ChatConfiguration()
        config.ratePerSecond = 0
        var (chat, people) = MessageTests.group(2, config: config)
        for index in 1...max(count, 1) where count > 0 {
            chat.send(people[0].client, #"{"type":"say","room":"lobby","text":"m\#(index)"}"#)
        }
        for person in people { _ = chat.take(person.client) }
        return (chat, people)
    }

    @Test("after, limit and more page through the kept messages", arguments: [
        (10, 0, 100, Array(1...10), false),
        (10, 0, 3, [1, 2, 3], true),
        (10, 7, 100, [8, 9, 10], false),
        (10, 7, 3, [8, 9, 10], false),
        (10, 10, 5, [], false),
        (10, 99, 5, [], false),
        (0, 0, 5, [], false),
        (250, 0, 1000, Array(1...100), true),
        (700, 0, 100, Array(201...300), true),
        (700, 650, 100, Array(651...700), false),
    ])
    func paging(count: Int, after: Int, limit: Int, expected: [Int], more: Bool) throws {
        var (chat, people) = Self.roomWith(messages: count)
        chat.send(people[1].client, #"{"type":"history","room":"lobby","after":\#(after),"limit":\#(limit),"ref":"h"}"#)
        let reply = try #require(chat.take(people[1].client).first)
        #expect(reply.string("type") == "history")
        #expect(reply.string("ref") == "h")
        let messages = reply.array("messages").compactMap(\.objectValue)
        #expect(messages.compactMap { $0.int("seq") } == expected)
        #expect(reply.bool("more") == more)
        if let first = messages.first { #expect(first.string("type") == "message") }
    }

    @Test("at least the last 500 messages are kept")
    func ringKeeps500() throws {
        var (chat, people) = Self.roomWith(messages: 600)
        var seqs: [Int] = []
        var after = 0
        while true {
            chat.send(people[1].client, #"{"type":"history","room":"lobby","after":\#(after)}"#)
            let reply = try #require(chat.take(people[1].client).first)
            let page = reply.array("messages").compactMap { $0.objectValue?.int("seq") }
            seqs += page
            guard reply.bool("more") == true, let last = page.last else { break }
            after = last
        }
        #expect(seqs == Array(101...600))
    }

    @Test("bad paging values are bad_request", arguments: [
        #""after":-1"#, #""limit":0"#, #""limit":-5"#, #""after":"x""#,
    ])
    func badValues(fields: String) {
        var (chat, people) = Self.roomWith(messages: 3)
        chat.send(people[1].client, #"{"type":"history","room":"lobby",\#(fields)}"#)
        #expect(chat.errorCode(people[1].client) == "bad_request")
    }

    @Test("a deleted message appears as seq and deleted")
    func deleted() throws {
        var (chat, people) = Self.roomWith(messages: 3)
        let updated = chat.lobby.rooms[RoomID("lobby")]?.history.update(seq: 2) { $0.deleted = true }
        #expect(updated == true)
        chat.send(people[1].client, #"{"type":"history","room":"lobby"}"#)
        let reply = try #require(chat.take(people[1].client).first)
        let second = try #require(reply.array("messages")[1].objectValue)
        #expect(second == JSONObject([JSONMember(key: "seq", value: .number(.integer(2))),
                                      JSONMember(key: "deleted", value: .bool(true))]))
    }

    @Test("the ring keeps contiguous seqs and finds any kept one")
    func ring() {
        var ring = MessageRing(capacity: 5)
        for seq in 1...12 {
            ring.append(ChatMessage(room: RoomID("r"), seq: seq, from: PeerID("p"), name: "n", role: .member, text: "\(seq)", at: 0))
        }
        #expect(ring.count == 5)
        #expect(ring.firstSeq == 8)
        #expect(ring.message(seq: 7) == nil)
        #expect(ring.message(seq: 10)?.text == "10")
        #expect(ring.all.map(\.seq) == [8, 9, 10, 11, 12])
        #expect(ring.page(after: 9, limit: 2).messages.map(\.seq) == [10, 11])
        #expect(ring.page(after: 9, limit: 2).more)
    }
}

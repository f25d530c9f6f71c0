"""Protocol §4 and §10 (block) over a real WebSocket: the match queue, pair rooms, leaving and blocking."""
import pytest

from chat_client import Chat, pair


@pytest.fixture
def server(start_chat):
    return start_chat("--rate-limit", "0", "--room", "lobby:Open circle")


def test_match_queues_then_unmatch_unqueues(server):
    river = Chat(server, "River")
    queued = river.request({"type": "match", "topics": ["grief"], "ref": "m1"})
    assert queued == {"type": "queued", "position": 1, "ref": "m1"}
    river.error({"type": "match"}, "already_queued")
    assert river.request({"type": "unmatch", "ref": "u1"}) == {"type": "unqueued", "ref": "u1"}
    river.error({"type": "unmatch"}, "not_queued")
    assert river.usable()


def test_two_waiting_peers_are_paired_into_a_new_pair_room(server):
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    assert river.request({"type": "match"})["position"] == 1
    # docs/PROTOCOL.md: match is always answered with queued, even when a partner is found at once.
    assert ash.request({"type": "match"})["type"] == "queued"
    for me, other in [(river, ash), (ash, river)]:
        joined = me.next("joined")
        assert joined["kind"] == "pair" and joined["room"].startswith("r_")
        assert joined["title"] is None and joined["topics"] == [] and joined["agreement"] is None
        assert joined["seq"] == 0 and joined["you"] == {"role": "member"}
        members = {m["peer"]: m for m in joined["members"]}
        assert set(members) == {river.peer, ash.peer}
        assert members[other.peer]["name"] == other.welcome["name"]
        assert all(m["role"] == "member" and m["consent"] is False and m["state"] == "here" for m in members.values())
    river.error({"type": "match"}, "already_paired")
    ash.error({"type": "match"}, "already_paired")


def test_pair_room_topics_are_the_shared_ones_normalized(server):
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    river.request({"type": "match", "topics": [" Grief ", "work"]})
    ash.request({"type": "match", "topics": ["grief", "sleep"]})
    assert river.next("joined")["topics"] == ["grief"]


@pytest.mark.parametrize("topics", [["a", "b", "c", "d", "e", "f"], ["x" * 33], [""], "grief", [1]])
def test_invalid_topics_are_bad_request(server, topics):
    river = Chat(server, "River")
    river.error({"type": "match", "topics": topics}, "bad_request")
    assert river.request({"type": "match", "topics": ["a", "b", "c", "d", "x" * 32]})["type"] == "queued"


def test_a_shared_topic_is_preferred_over_an_earlier_arrival(server):
    early, later, arrival = Chat(server, "Early"), Chat(server, "Later"), Chat(server, "Arrival")
    # Only a block lets two people wait at once (everyone is flexible by default), so Early blocks Later.
    early.request({"type": "block", "peer": later.peer})
    assert early.request({"type": "match", "topics": ["y"]})["position"] == 1
    assert later.request({"type": "match", "topics": ["x"]})["position"] == 2
    arrival.request({"type": "match", "topics": ["x"]})
    joined = arrival.next("joined")
    assert {m["peer"] for m in joined["members"]} == {later.peer, arrival.peer}
    assert joined["topics"] == ["x"]
    assert later.next("joined")["room"] == joined["room"]
    assert early.request({"type": "unmatch"})["type"] == "unqueued", "Early is still waiting"


def test_messages_in_a_pair_room_are_numbered_once_and_seen_in_the_same_order(server):
    river, ash, room = pair(server)
    first = river.request({"type": "say", "room": room, "text": "hello there", "ref": "c1"})
    assert first["type"] == "message" and first["ref"] == "c1" and first["seq"] == 1
    assert first["from"] == river.peer and first["name"] == "River" and first["role"] == "member"
    theirs = ash.next("message", room=room)
    assert "ref" not in theirs, "the ref goes only to the sender"
    assert {k: v for k, v in first.items() if k != "ref"} == theirs
    # Both send at once without waiting: everyone sees one order with seq rising by exactly 1.
    for index in range(10):
        river.send({"type": "say", "room": room, "text": f"r{index}", "ref": f"r{index}"})
        ash.send({"type": "say", "room": room, "text": f"a{index}", "ref": f"a{index}"})
    seen = {}
    for who in (river, ash):
        messages = [who.next("message", room=room) for _ in range(20)]
        seen[who.peer] = [(m["seq"], m["from"], m["text"]) for m in messages]
        own = [m for m in messages if m["from"] == who.peer]
        assert all(m["ref"] == m["text"] for m in own)
        assert all("ref" not in m for m in messages if m["from"] != who.peer)
    assert seen[river.peer] == seen[ash.peer]
    assert [s for s, _, _ in seen[river.peer]] == list(range(2, 22))
    assert [t for _, f, t in seen[river.peer] if f == river.peer] == [f"r{i}" for i in range(10)]


def test_leaving_a_pair_room_closes_it_for_the_other(server):
    river, ash, room = pair(server)
    assert river.request({"type": "leave", "room": room, "ref": "l"}) == {"type": "left", "room": room, "ref": "l"}
    assert ash.next("closed", room=room)["reason"] == "peer_left"
    ash.error({"type": "say", "room": room, "text": "still there?"}, "not_in_room")
    river.error({"type": "leave", "room": room}, "not_in_room")
    # Both may be matched again, and are, with each other.
    river.request({"type": "match"})
    ash.request({"type": "match"})
    assert river.next("joined")["room"] != room


def test_a_block_closes_the_pair_room_and_they_are_never_matched_again(server):
    river, ash, room = pair(server)
    answer = river.request({"type": "block", "peer": ash.peer, "ref": "b"})
    assert answer == {"type": "blocked", "peer": ash.peer, "ref": "b"}
    assert river.next("left")["room"] == room
    assert ash.next("closed", room=room)["reason"] == "peer_left"
    assert river.request({"type": "match"})["position"] == 1
    assert ash.request({"type": "match"})["position"] == 2, "blocked people wait rather than pair"
    # The one blocked cannot be paired with the blocker either way round; a third person takes the earliest.
    kim = Chat(server, "Kim")
    kim.request({"type": "match"})
    assert {m["peer"] for m in kim.next("joined")["members"]} == {river.peer, kim.peer}
    assert ash.request({"type": "unmatch"})["type"] == "unqueued"


def test_blocking_yourself_is_bad_request(server):
    river = Chat(server, "River")
    river.error({"type": "block", "peer": river.peer}, "bad_request")
    river.error({"type": "block"}, "bad_request")
    assert river.usable()


def test_a_lost_connection_leaves_the_queue(server):
    river, watcher = Chat(server, "River"), Chat(server, "Watcher")
    river.join("lobby")
    watcher.join("lobby")
    river.request({"type": "match"})
    river.close()
    watcher.next("presence", peer=river.peer, state="away")  # the server has seen the connection go
    ash = Chat(server, "Ash")
    assert ash.request({"type": "match"})["position"] == 1


def test_someone_else_cannot_enter_a_pair_room(server):
    _, _, room = pair(server)
    kim = Chat(server, "Kim")
    kim.error({"type": "join", "room": room}, "forbidden")
    kim.error({"type": "say", "room": room, "text": "hi"}, "not_in_room")


def test_pair_rooms_are_not_listed_and_consent_is_told_to_both(server):
    river, ash, room = pair(server)
    assert room not in {r["room"] for r in river.request({"type": "rooms"})["rooms"]}
    answer = river.request({"type": "consent", "room": room, "transcript": True, "ref": "c"})
    assert answer == {"type": "consent", "room": room, "peer": river.peer, "transcript": True, "ref": "c"}
    assert ash.next("consent") == {"type": "consent", "room": room, "peer": river.peer, "transcript": True}
    river.error({"type": "consent", "room": room}, "bad_request")
    Chat(server, "Kim").error({"type": "consent", "room": room, "transcript": True}, "not_in_room")

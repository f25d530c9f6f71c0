"""Protocol §5 and §6 over a real WebSocket: group rooms, presence, messages, limits, history and typing."""
import time

import pytest

from chat_client import Chat


@pytest.fixture
def server(start_chat):
    return start_chat("--room", "lobby:Open circle", "--room", "quiet:Quiet room", "--rate-limit", "0")


def listing(chat):
    answer = chat.request({"type": "rooms", "ref": "ls"})
    assert answer["type"] == "rooms" and answer["ref"] == "ls"
    return {room["room"]: room for room in answer["rooms"]}


def test_rooms_lists_the_standing_rooms_in_order(server):
    river = Chat(server, "River")
    answer = river.request({"type": "rooms"})
    assert [room["room"] for room in answer["rooms"]] == ["lobby", "quiet"]
    assert answer["rooms"][0] == {"room": "lobby", "title": "Open circle", "topics": [], "members": 0,
                                  "capacity": None, "locked": False, "agreement": False}
    river.join("lobby")
    assert listing(river)["lobby"]["members"] == 1


def test_joining_a_standing_room_gives_its_state_and_others_see_presence(server):
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    joined = river.request({"type": "join", "room": "lobby", "ref": "j"})
    assert joined["type"] == "joined" and joined["ref"] == "j"
    assert joined["room"] == "lobby" and joined["kind"] == "group" and joined["title"] == "Open circle"
    assert joined["topics"] == [] and joined["agreement"] is None and joined["seq"] == 0
    assert joined["you"] == {"role": "member"}
    assert joined["members"] == [{"peer": river.peer, "name": "River", "role": "member", "consent": False,
                                  "state": "here"}]
    river.say("lobby", "welcome")
    second = ash.join("lobby")
    assert [m["peer"] for m in second["members"]] == [river.peer, ash.peer] and second["seq"] == 1
    presence = river.next("presence", state="joined")
    assert presence == {"type": "presence", "room": "lobby", "peer": ash.peer, "name": "Ash", "state": "joined"}
    assert ash.join("lobby")["members"] == second["members"], "joining again answers joined again"
    assert ash.request({"type": "leave", "room": "lobby", "ref": "l"}) == {"type": "left", "room": "lobby", "ref": "l"}
    left = river.next("presence", state="left")
    assert left["peer"] == ash.peer and left["name"] == "Ash"
    assert listing(river)["lobby"]["members"] == 1


def test_joining_an_unknown_room_without_open_rooms_is_no_such_room(server):
    river = Chat(server, "River")
    river.error({"type": "join", "room": "kind-words"}, "no_such_room")
    assert "kind-words" not in listing(river)


def test_open_rooms_are_created_by_joining_and_disappear_when_empty(start_chat):
    server = start_chat("--open-rooms")
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    joined = river.join("kind-words")
    assert joined["kind"] == "group" and joined["you"] == {"role": "member"}
    listed = listing(ash)["kind-words"]
    assert listed["members"] == 1 and listed["locked"] is False and listed["agreement"] is False
    ash.join("kind-words")
    river.say("kind-words", "hello")
    assert ash.next("message", room="kind-words")["text"] == "hello"
    river.request({"type": "leave", "room": "kind-words"})
    assert listing(ash)["kind-words"]["members"] == 1
    ash.request({"type": "leave", "room": "kind-words"})
    assert "kind-words" not in listing(ash)
    # It starts afresh when joined again.
    assert river.join("kind-words")["seq"] == 0


@pytest.mark.parametrize("room", ["g_made-up", "r_abc", "p_abc", "t_abc", "rep_abc", "has space", "x" * 65, ""])
def test_open_rooms_refuse_reserved_and_malformed_ids(start_chat, room):
    server = start_chat("--open-rooms")
    river = Chat(server, "River")
    river.error({"type": "join", "room": room}, "no_such_room")
    assert river.usable()


def test_requests_for_a_room_you_are_not_in_are_not_in_room(server):
    river = Chat(server, "River")
    river.error({"type": "say", "room": "lobby", "text": "hi", "ref": "s"}, "not_in_room")
    river.error({"type": "history", "room": "lobby"}, "not_in_room")
    river.error({"type": "typing", "room": "lobby"}, "not_in_room")
    river.error({"type": "leave", "room": "lobby"}, "not_in_room")
    river.error({"type": "say", "room": "nowhere", "text": "hi"}, "not_in_room")
    assert river.usable()


def test_text_is_trimmed_and_limited_to_4000_characters(server):
    river = Chat(server, "River")
    river.join("lobby")
    assert river.say("lobby", "  padded\n ")["text"] == "padded"
    assert len(river.say("lobby", "x" * 4000)["text"]) == 4000
    assert river.say("lobby", "\U0001F600" * 4000)["text"] == "\U0001F600" * 4000
    river.error({"type": "say", "room": "lobby", "text": "x" * 4001}, "too_long")
    river.error({"type": "say", "room": "lobby", "text": ""}, "bad_request")
    river.error({"type": "say", "room": "lobby", "text": " \n\t "}, "bad_request")
    # Refused messages take no seq.
    assert river.say("lobby", "after")["seq"] == 4


def test_the_rate_limit_refuses_and_does_not_deliver(start_chat):
    server = start_chat("--room", "lobby:Open circle", "--rate-limit", "1")
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    river.join("lobby")
    ash.join("lobby")
    started = time.monotonic()
    for index in range(8):
        river.send({"type": "say", "room": "lobby", "text": f"m{index}", "ref": f"m{index}"})
    answers = [river.next(ref=f"m{index}") for index in range(8)]
    elapsed = time.monotonic() - started
    delivered = [a["text"] for a in answers if a["type"] == "message"]
    refused = [a for a in answers if a["type"] == "error"]
    assert delivered, answers
    assert refused and all(a["code"] == "rate_limited" for a in refused), answers
    # Burst 2, then 1 per second.
    assert 1 <= len(delivered) <= 2 + int(elapsed) + 1, (delivered, elapsed)
    seen = [m["text"] for m in ash.until("message", text=delivered[-1]) if m.get("type") == "message"]
    assert seen == delivered, "the other member receives exactly the delivered messages"


def test_history_pages_through_the_room(server):
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    river.join("lobby")
    for index in range(1, 31):
        river.send({"type": "say", "room": "lobby", "text": f"n{index}", "ref": f"n{index}"})
    river.next(ref="n30")
    ash.join("lobby")
    first = ash.request({"type": "history", "room": "lobby", "after": 0, "limit": 10, "ref": "h"})
    assert first["type"] == "history" and first["room"] == "lobby" and first["ref"] == "h"
    assert [m["seq"] for m in first["messages"]] == list(range(1, 11)) and first["more"] is True
    assert first["messages"][0]["text"] == "n1" and first["messages"][0]["from"] == river.peer
    assert first["messages"][0]["type"] == "message" and first["messages"][0]["room"] == "lobby"
    rest = ash.request({"type": "history", "room": "lobby", "after": 10, "limit": 100})
    assert [m["seq"] for m in rest["messages"]] == list(range(11, 31)) and rest["more"] is False
    tail = ash.request({"type": "history", "room": "lobby", "after": 25})
    assert [m["text"] for m in tail["messages"]] == [f"n{i}" for i in range(26, 31)] and tail["more"] is False
    clamped = ash.request({"type": "history", "room": "lobby", "limit": 1000})
    assert len(clamped["messages"]) == 30 and clamped["more"] is False
    assert ash.request({"type": "history", "room": "lobby", "after": 30})["messages"] == []
    ash.error({"type": "history", "room": "lobby", "limit": 0}, "bad_request")
    ash.error({"type": "history", "room": "lobby", "after": -1}, "bad_request")


def test_history_keeps_at_least_the_last_500_messages(server):
    river = Chat(server, "River")
    river.join("lobby")
    for index in range(1, 521):
        river.send({"type": "say", "room": "lobby", "text": f"n{index}", "ref": f"n{index}"})
    river.next(ref="n520")
    page = river.request({"type": "history", "room": "lobby", "after": 20, "limit": 100})
    assert [m["seq"] for m in page["messages"]] == list(range(21, 121)) and page["more"] is True


def test_typing_reaches_the_others_at_most_once_per_two_seconds(server):
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    river.join("lobby")
    ash.join("lobby")
    for _ in range(3):
        river.send({"type": "typing", "room": "lobby"})
    river.say("lobby", "marker one")
    seen = ash.until("message", text="marker one")
    handled = time.monotonic()  # the first notice was handled before this
    typing = [m for m in seen if m["type"] == "typing"]
    assert typing == [{"type": "typing", "room": "lobby", "peer": river.peer}]
    # After the interval a new notice goes out.
    time.sleep(max(0.0, 2.3 - (time.monotonic() - handled)))
    river.send({"type": "typing", "room": "lobby"})
    river.say("lobby", "marker two")
    seen = ash.until("message", text="marker two")
    assert [m["type"] for m in seen].count("typing") == 1


def test_the_typist_does_not_get_their_own_typing_notice(server):
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    river.join("lobby")
    ash.join("lobby")
    river.send({"type": "typing", "room": "lobby"})
    river.say("lobby", "marker")
    assert ash.next("typing")["peer"] == river.peer
    assert not [m for m in river.pending if m["type"] == "typing"]
    assert river.usable() and not [m for m in river.pending if m["type"] == "typing"]


def test_a_blocker_stops_receiving_the_blocked_persons_group_messages(server):
    river, ash, kim = Chat(server, "River"), Chat(server, "Ash"), Chat(server, "Kim")
    for chat in (river, ash, kim):
        chat.join("lobby")
    ash.say("lobby", "before the block")
    river.request({"type": "block", "peer": ash.peer})
    ash.send({"type": "typing", "room": "lobby"})
    ash.say("lobby", "after the block")
    kim.say("lobby", "marker")
    seen = [m for m in river.until("message", text="marker") if m.get("text") != "before the block"]
    assert not [m for m in seen if m.get("from") == ash.peer or m.get("peer") == ash.peer and m["type"] == "typing"]
    assert kim.next("message", text="after the block")["from"] == ash.peer
    texts = [m["text"] for m in river.request({"type": "history", "room": "lobby"})["messages"]]
    assert texts == ["marker"], "history leaves out the blocked person"


def test_a_draft_check_is_always_answered(server):
    river = Chat(server, "River")
    answer = river.request({"type": "reflect", "text": "What's wrong with you?", "ref": "d1"})
    assert answer["type"] == "reflection" and answer["ref"] == "d1" and isinstance(answer["suggestions"], list)
    river.error({"type": "reflect", "text": "x", "room": "lobby"}, "not_in_room")
    river.error({"type": "reflect"}, "bad_request")

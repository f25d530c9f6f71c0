"""Protocol §1–§3 over a real WebSocket: hello/welcome, name rules, resume, envelope errors and framing limits."""
import json
import re

import pytest

import wsraw
from chat_client import Chat, pair

ISO_MS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture
def server(start_chat):
    return start_chat("--room", "lobby:Open circle")


def test_welcome_carries_the_session_and_the_limits(server):
    chat = Chat(server, hello=False)
    welcome = chat.request({"type": "hello", "name": "River", "ref": "h1"})
    assert welcome["type"] == "welcome" and welcome["ref"] == "h1"
    assert welcome["peer"].startswith("p_") and welcome["name"] == "River"
    assert welcome["role"] == "peer" and welcome["resumed"] is False and welcome["protocol"] == 1
    assert isinstance(welcome["resume"], str) and len(welcome["resume"]) >= 16
    assert welcome["limits"] == {"text": 4000, "message": 65536}


def test_names_are_trimmed_and_32_characters_is_the_longest(server):
    assert Chat(server, "  River \t").welcome["name"] == "River"
    assert Chat(server, "x" * 32).welcome["name"] == "x" * 32
    # Characters are Unicode scalars: 32 emoji are 32 characters (docs/PROTOCOL.md).
    assert Chat(server, "\U0001F600" * 32).welcome["name"] == "\U0001F600" * 32


@pytest.mark.parametrize("name", ["x" * 33, "", "   ", "Ri\x07ver", "Ri\nver", "Ri\x00ver", "Ri\x7fver",
                                  "Ri\u2028ver", "Ri\u202ever"])
def test_invalid_names_get_name_invalid_and_the_connection_stays_usable(server, name):
    chat = Chat(server, hello=False)
    chat.error({"type": "hello", "name": name}, "name_invalid")
    assert chat.request({"type": "hello", "name": "River"})["type"] == "welcome"
    assert chat.usable()


def test_a_peer_without_a_name_gets_name_invalid(server):
    Chat(server, hello=False).error({"type": "hello"}, "name_invalid")


def test_nothing_but_hello_before_hello(server):
    chat = Chat(server, hello=False)
    chat.error({"type": "rooms"}, "not_ready")
    chat.error({"type": "say", "room": "lobby", "text": "hi"}, "not_ready")
    # A known type with bad fields is still not_ready before hello; an unknown type is unknown_type.
    chat.error({"type": "say"}, "not_ready")
    chat.error({"type": "dance"}, "unknown_type")
    assert chat.request({"type": "hello", "name": "River"})["type"] == "welcome"
    assert chat.usable()


def test_a_second_hello_is_already_hello(server):
    chat = Chat(server, "River")
    answer = chat.error({"type": "hello", "name": "Ash", "ref": "again"}, "already_hello")
    assert answer["ref"] == "again"
    assert chat.usable()


def test_an_invalid_staff_token_is_unauthorized(server):
    chat = Chat(server, hello=False)
    chat.error({"type": "hello", "name": "River", "auth": "not-a-token"}, "unauthorized")
    assert chat.request({"type": "hello", "name": "River"})["type"] == "welcome"


def test_resume_within_grace_keeps_the_peer_and_its_rooms(server):
    river, ash = Chat(server, "River"), Chat(server, "Ash")
    river.join("lobby")
    ash.join("lobby")
    river.request({"type": "match"})
    ash.request({"type": "match"})
    pair = river.next("joined", kind="pair")["room"]
    ash.next("joined", room=pair)
    old_peer, old_token = river.peer, river.token
    river.close()
    away = ash.next("presence", room="lobby", peer=old_peer, state="away")
    assert away["name"] == "River"
    ash.next("presence", room=pair, peer=old_peer, state="away")
    ash.say("lobby", "while you were gone")

    back = Chat(server, "Ignored", resume=old_token)
    assert back.welcome["resumed"] is True and back.peer == old_peer and back.welcome["name"] == "River"
    assert back.token != old_token, "every welcome carries a new resume token"
    rejoined = {back.next("joined")["room"], back.next("joined")["room"]}
    assert rejoined == {"lobby", pair}
    ash.next("presence", room="lobby", peer=old_peer, state="back")
    ash.next("presence", room=pair, peer=old_peer, state="back")
    missed = back.request({"type": "history", "room": "lobby", "after": 0})
    assert [m["text"] for m in missed["messages"]] == ["while you were gone"]
    # The resumed session works in the pair room as before.
    said = back.say(pair, "I'm back")
    assert ash.next("message", room=pair)["from"] == old_peer and said["seq"] == 1


def test_a_bad_or_used_resume_token_gives_a_fresh_session(server):
    river = Chat(server, "River")
    fresh = Chat(server, "River", resume="not-a-real-token")
    assert fresh.welcome["resumed"] is False and fresh.peer != river.peer
    token = river.token
    river.close()
    resumed = Chat(server, "River", resume=token)
    assert resumed.welcome["resumed"] is True
    reused = Chat(server, "River", resume=token)
    assert reused.welcome["resumed"] is False and reused.peer != river.peer


def test_resuming_while_connected_moves_the_session_and_closes_the_old_connection(server):
    river = Chat(server, "River")
    moved = Chat(server, "River", resume=river.token)
    assert moved.welcome["resumed"] is True and moved.peer == river.peer
    assert river.close_code() == 1008
    assert moved.usable()


def test_bad_json_is_answered_and_the_connection_stays_usable(server):
    chat = Chat(server, "River")
    for text in ["not json", "[1,2]", '{"type":"rooms"', '"hello"', "{}}"]:
        chat.send(text)
        answer = chat.next("error")
        assert answer["code"] == "bad_json", (text, answer)
        assert "ref" not in answer
    assert chat.usable()


def test_unknown_type_and_bad_request_echo_the_ref(server):
    chat = Chat(server, "River")
    assert chat.error({"type": "dance", "ref": "u1"}, "unknown_type")["ref"] == "u1"
    assert chat.error({"type": "say", "room": "lobby", "ref": "b1"}, "bad_request")["ref"] == "b1"
    chat.error({"type": "join"}, "bad_request")
    chat.error({"type": "say", "room": "lobby", "text": 5}, "bad_request")
    chat.error({"type": "history", "room": "lobby", "after": "x"}, "bad_request")
    chat.error({"ref": "no-type"}, "bad_request")
    chat.send(json.dumps({"type": "rooms", "ref": "r" * 65}))
    long_ref = chat.next("error")
    assert long_ref["code"] == "bad_request" and "ref" not in long_ref
    assert chat.usable()


def test_unknown_fields_are_ignored(server):
    chat = Chat(server, "River")
    assert chat.request({"type": "rooms", "colour": "green", "nested": {"a": [1]}})["type"] == "rooms"


def test_a_binary_frame_closes_with_1003(server):
    chat = Chat(server, "River")
    chat.send(b"\x01\x02\x03")
    assert chat.close_code() == 1003


def test_a_message_over_64_kib_closes_with_1009_but_64_kib_is_answered(server):
    chat = Chat(server, "River", max_size=None)
    prefix = '{"type":"rooms","ref":"big","pad":"'
    exact = prefix + "x" * (65536 - len(prefix) - 2) + '"}'
    assert len(exact.encode()) == 65536
    chat.send(exact)
    assert chat.next("rooms")["ref"] == "big"
    chat.send(prefix + "x" * 65536 + '"}')
    assert chat.close_code() == 1009


def test_invalid_utf8_closes_with_1007(server):
    sock = wsraw.handshake(server.port, "/ws")
    try:
        sock.sendall(wsraw.frame(0x1, b'{"type":"hello","name":"River"}'))
        opcode, payload = wsraw.read_frame(sock)
        assert opcode == 0x1 and json.loads(payload)["type"] == "welcome"
        sock.sendall(wsraw.frame(0x1, b'{"type":"say","text":"\xff\xfe"}'))
        assert wsraw.read_close_code(sock) == 1007
    finally:
        sock.close()


def test_invalid_utf8_split_across_fragments_closes_with_1007(server):
    sock = wsraw.handshake(server.port, "/ws")
    try:
        first = wsraw.frame(0x1, b'{"type":"hello","name":"\xe2\x82')
        sock.sendall(bytes([first[0] & 0x7F]) + first[1:])  # FIN clear: a first fragment
        sock.sendall(wsraw.frame(0x0, b'\x28"}'))  # continuation: 0x28 cannot follow E2 82
        assert wsraw.read_close_code(sock) == 1007
    finally:
        sock.close()


def test_times_in_messages_are_iso_utc_with_milliseconds(server):
    chat = Chat(server, "River")
    chat.join("lobby")
    assert ISO_MS.match(chat.say("lobby", "hello")["at"])


def test_a_pair_room_that_closed_while_away_is_reported_after_the_resume_welcome(server):
    river, ash, room = pair(server)
    token = river.token
    river.close()
    ash.next("presence", room=room, state="away")
    ash.request({"type": "leave", "room": room})
    back = Chat(server, "River", resume=token)
    assert back.welcome["resumed"] is True
    assert back.next() == {"type": "closed", "room": room, "reason": "peer_left"}
    back.error({"type": "say", "room": room, "text": "hello?"}, "not_in_room")

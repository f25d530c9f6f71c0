"""The promise of protocol §8, checked on a real server process and its real data folder:
nothing from a conversation is on disk without consent (not in the database, its WAL or any journal),
what is kept with consent is not readable as text, and once a participant has been handed a receipt
the transcript survives `kill -9`."""
import os
import signal

from chat_client import Chat, http, pair
from wire_support import WEB

WORDS = ["marmalade-lighthouse-4417", "quietly-orbiting-teacups"]


def files_under(folder):
    for root, _, names in os.walk(folder):
        for name in names:
            yield os.path.join(root, name)


def files_containing(folder, needle):
    found = []
    for path in files_under(folder):
        with open(path, "rb") as handle:
            if needle.encode() in handle.read():
                found.append(path)
    return found


def talk(a, b, room):
    a.say(room, f"I keep thinking about {WORDS[0]}")
    b.next("message", room=room, text=f"I keep thinking about {WORDS[0]}")
    b.say(room, f"Me too, and {WORDS[1]}")
    a.next("message", room=room, text=f"Me too, and {WORDS[1]}")


def data_folder(server):
    return server.process.args[server.process.args.index("--data") + 1]


def test_a_conversation_without_consent_leaves_no_trace_in_the_data_folder(start_chat):
    server = start_chat()
    a, b, room = pair(server, "Rowan7731", "Aspen9920")
    talk(a, b, room)
    # Only one of the two consents: a pair room needs both, so nothing may be kept.
    a.send({"type": "consent", "room": room, "transcript": True})
    b.next("consent", room=room)
    a.request({"type": "leave", "room": room})
    b.next("closed", room=room)
    # A standing-room conversation with nobody consenting, too.
    group = start_chat("--room", "lobby:Open circle")
    c, d = Chat(group, "Cedar5512"), Chat(group, "Dune3308")
    c.join("lobby")
    d.join("lobby")
    c.say("lobby", f"in the circle: {WORDS[0]}")
    d.next("message", room="lobby")
    c.request({"type": "leave", "room": "lobby"})
    d.request({"type": "leave", "room": "lobby"})
    for instance in (server, group):
        assert instance.stop() == 0  # a clean shutdown flushes whatever would be flushed
        folder = data_folder(instance)
        assert list(files_under(folder)), "the data folder exists (database, WAL, key)"
        for word in WORDS + ["Rowan7731", "Aspen9920", "Cedar5512", "Dune3308"]:
            assert files_containing(folder, word) == [], f"{word!r} reached the disk without consent"


def test_a_receipted_transcript_survives_kill_9_and_is_not_stored_as_text(start_chat, start_withness):
    server = start_chat()
    a, b, room = pair(server)
    for peer in (a, b):
        peer.send({"type": "consent", "room": room, "transcript": True})
    a.next("consent", room=room, peer=b.peer)
    talk(a, b, room)
    a.request({"type": "leave", "room": room})
    receipt = a.next("transcript", room=room)
    assert receipt["messages"] == 2 and receipt["transcript"].startswith("t_")

    # The moment the receipt was sent, the transcript is on disk: kill the server without warning.
    folder = data_folder(server)
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=10)
    for word in WORDS:
        assert files_containing(folder, word) == [], f"{word!r} is stored as readable text"

    restarted = start_withness("serve", "--web", str(WEB), "--data", folder)
    status, _, body = http(restarted, "GET", f"/api/receipts/{receipt['receipt']}")
    assert status == 200, body
    texts = [m.get("text") for m in body["transcript"]["messages"]]
    assert texts == [f"I keep thinking about {WORDS[0]}", f"Me too, and {WORDS[1]}"]
    assert body["transcript"]["transcript"] == receipt["transcript"]

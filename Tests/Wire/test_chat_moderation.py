"""Protocol §9 over a real WebSocket: staff sessions, facilitated rooms and every moderation action."""
from datetime import datetime, timedelta, timezone

import pytest

from chat_client import Chat, create, staff

AGREEMENT = "We listen without fixing."


@pytest.fixture(scope="module")
def server(staffed_server):
    return staffed_server


def moderate(actor, watchers, message):
    """Sends a moderation request; asserts the actor's answer and every watcher's copy; returns the notice."""
    answer = actor.request(message)
    assert answer["type"] == "moderation", answer
    notice = {k: v for k, v in answer.items() if k != "ref"}
    assert notice["room"] == message["room"] and notice["action"] == message["type"] and notice["by"] == actor.peer
    if "peer" in message:
        assert notice["peer"] == message["peer"]
    for watcher in watchers:
        assert watcher.next("moderation", action=message["type"]) == notice
    return notice


def test_a_staff_token_in_hello_gives_the_staff_role(server):
    fran = staff(server, "fran")
    assert fran.welcome["role"] == "facilitator" and fran.welcome["name"] == "fran"
    assert staff(server, "fran", name="Fran").welcome["name"] == "Fran"
    assert staff(server, "wendy").welcome["role"] == "worker"
    assert staff(server, "adam").welcome["role"] == "admin"


def test_create_room_answers_room_created_then_joined_as_facilitator(server):
    fran = staff(server, "fran")
    created = fran.request({"type": "create_room", "title": " Tuesday circle ", "agreement": AGREEMENT,
                            "capacity": 12, "topics": ["Grief"], "ref": "c"})
    assert created == {"type": "room_created", "room": created["room"], "ref": "c"}
    joined = fran.next("joined")
    assert joined["room"] == created["room"] and joined["kind"] == "group" and joined["title"] == "Tuesday circle"
    assert joined["agreement"] == AGREEMENT and joined["topics"] == ["grief"] and joined["seq"] == 0
    assert joined["you"] == {"role": "facilitator"}
    assert joined["members"] == [{"peer": fran.peer, "name": "fran", "role": "facilitator", "consent": False,
                                  "state": "here"}]
    listed = {r["room"]: r for r in Chat(server, "River").request({"type": "rooms"})["rooms"]}[created["room"]]
    assert listed == {"room": created["room"], "title": "Tuesday circle", "topics": ["grief"], "members": 1,
                      "capacity": 12, "locked": False, "agreement": True}


@pytest.mark.parametrize("fields", [{"title": ""}, {"title": "x" * 65}, {"title": "t", "capacity": 1},
                                    {"title": "t", "capacity": 501}, {"title": "t", "topics": ["a"] * 6}, {}])
def test_create_room_checks_its_fields(server, fields):
    fran = staff(server, "fran")
    fran.error({"type": "create_room", **fields}, "bad_request")
    assert fran.usable()


def test_only_facilitators_and_admins_create_rooms(server):
    Chat(server, "River").error({"type": "create_room", "title": "Mine"}, "forbidden")
    staff(server, "wendy").error({"type": "create_room", "title": "Mine"}, "forbidden")
    assert create(staff(server, "adam"))[1]["you"] == {"role": "facilitator"}


def test_joining_a_room_with_an_agreement_needs_agree(server):
    fran = staff(server, "fran")
    room, _ = create(fran, agreement=AGREEMENT)
    river = Chat(server, "River")
    refusal = river.error({"type": "join", "room": room, "ref": "j"}, "agreement_required")
    assert refusal["agreement"] == AGREEMENT and refusal["ref"] == "j"
    river.error({"type": "join", "room": room, "agree": False}, "agreement_required")
    joined = river.join(room, agree=True)
    assert joined["agreement"] == AGREEMENT and joined["you"] == {"role": "member"}
    assert fran.next("presence", state="joined")["peer"] == river.peer
    assert river.say(room, "glad to be here")["role"] == "member"


def test_a_full_room_refuses_members_but_not_facilitators(server):
    fran = staff(server, "fran")
    room, _ = create(fran, capacity=2)
    Chat(server, "River").join(room)
    Chat(server, "Ash").error({"type": "join", "room": room}, "room_full")
    assert staff(server, "faye").join(room)["you"] == {"role": "facilitator"}


def test_mute_refuses_say_until_unmute(circle):
    fran, river, ash, room = circle
    notice = moderate(fran, [river, ash], {"type": "mute", "room": room, "peer": river.peer, "minutes": 5})
    until = datetime.strptime(notice["until"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    assert abs(until - datetime.now(timezone.utc) - timedelta(minutes=5)) < timedelta(minutes=1)
    river.error({"type": "say", "room": room, "text": "can you hear me"}, "muted")
    assert ash.say(room, "others still talk")["seq"] == 1
    moderate(fran, [river, ash], {"type": "unmute", "room": room, "peer": river.peer})
    assert river.say(room, "thank you")["seq"] == 2


def test_mute_minutes_are_checked(circle):
    fran, river, _, room = circle
    fran.error({"type": "mute", "room": room, "peer": river.peer, "minutes": 0}, "bad_request")
    fran.error({"type": "mute", "room": room, "peer": river.peer, "minutes": 10081}, "bad_request")
    assert "until" in moderate(fran, [river], {"type": "mute", "room": room, "peer": river.peer})


def test_remove_closes_the_room_for_that_person_who_may_come_back(circle):
    fran, river, ash, room = circle
    moderate(fran, [river, ash], {"type": "remove", "room": room, "peer": river.peer})
    assert river.next("closed", room=room)["reason"] == "removed"
    assert ash.next("presence", peer=river.peer)["state"] == "left"
    river.error({"type": "say", "room": room, "text": "hello?"}, "not_in_room")
    river.join(room)


def test_ban_removes_and_refuses_rejoining_until_unban(circle):
    fran, river, ash, room = circle
    moderate(fran, [river, ash], {"type": "ban", "room": room, "peer": river.peer})
    assert river.next("closed", room=room)["reason"] == "removed"
    river.error({"type": "join", "room": room}, "banned")
    moderate(fran, [ash], {"type": "unban", "room": room, "peer": river.peer})
    river.join(room)


def test_delete_shows_the_message_as_deleted_in_history(circle):
    fran, river, ash, room = circle
    river.say(room, "something hurtful")
    ash.say(room, "something kind")
    notice = moderate(fran, [river, ash], {"type": "delete", "room": room, "seq": 1})
    assert notice["seq"] == 1
    history = ash.request({"type": "history", "room": room})["messages"]
    assert history[0] == {"seq": 1, "deleted": True}
    assert history[1]["text"] == "something kind"
    fran.error({"type": "delete", "room": room, "seq": 99}, "bad_request")


def test_lock_refuses_new_members_until_unlock(circle, server):
    fran, river, ash, room = circle
    moderate(fran, [river, ash], {"type": "lock", "room": room})
    kim = Chat(server, "Kim")
    kim.error({"type": "join", "room": room}, "room_locked")
    rooms = {r["room"]: r for r in kim.request({"type": "rooms"})["rooms"]}
    assert rooms[room]["locked"] is True
    assert river.say(room, "we can still talk")["seq"] == 1
    moderate(fran, [river, ash], {"type": "unlock", "room": room})
    kim.join(room)


def test_slow_mode_spaces_out_each_members_messages(circle):
    fran, river, ash, room = circle
    notice = moderate(fran, [river, ash], {"type": "slow", "room": room, "seconds": 600})
    assert notice["seconds"] == 600
    river.say(room, "first")
    river.error({"type": "say", "room": room, "text": "second"}, "rate_limited")
    ash.say(room, "mine is separate")
    fran.say(room, "facilitators are not slowed")
    fran.say(room, "at all")
    fran.error({"type": "slow", "room": room, "seconds": 3601}, "bad_request")
    moderate(fran, [river, ash], {"type": "slow", "room": room, "seconds": 0})
    river.say(room, "second")


def test_announce_is_a_facilitator_message_marked_as_an_announcement(circle):
    fran, river, ash, room = circle
    answer = fran.request({"type": "announce", "room": room, "text": " We close in ten minutes. ", "ref": "a"})
    assert answer["type"] == "message" and answer["ref"] == "a"
    assert answer["announcement"] is True and answer["role"] == "facilitator" and answer["from"] == fran.peer
    assert answer["text"] == "We close in ten minutes." and answer["seq"] == 1
    for member in (river, ash):
        copy = member.next("message", room=room)
        assert copy == {k: v for k, v in answer.items() if k != "ref"}
    river.say(room, "ok")
    assert not [m for m in river.pending if m["type"] == "moderation"], "announce is not told as moderation"


def test_set_agreement_must_be_accepted_before_the_next_say(circle, server):
    fran, river, ash, room = circle
    moderate(fran, [river, ash], {"type": "set_agreement", "room": room, "agreement": AGREEMENT})
    for member in (fran, river, ash):
        assert member.next("agreement", room=room) == {"type": "agreement", "room": room, "agreement": AGREEMENT}
    refusal = river.error({"type": "say", "room": room, "text": "hi"}, "agreement_required")
    assert refusal["agreement"] == AGREEMENT
    assert river.request({"type": "agree", "room": room, "ref": "ok"}) == {"type": "agreed", "room": room, "ref": "ok"}
    river.say(room, "agreed and here")
    ash.error({"type": "say", "room": room, "text": "me too"}, "agreement_required")
    assert fran.say(room, "the one who set it need not agree")["role"] == "facilitator"
    newcomer = Chat(server, "Kim")
    assert newcomer.error({"type": "join", "room": room}, "agreement_required")["agreement"] == AGREEMENT


def test_close_room_closes_it_for_everyone(circle, server):
    fran, river, ash, room = circle
    moderate(fran, [river, ash], {"type": "close_room", "room": room})
    for member in (fran, river, ash):
        assert member.next("closed", room=room)["reason"] == "closed"
    assert room not in {r["room"] for r in river.request({"type": "rooms"})["rooms"]}
    river.error({"type": "join", "room": room}, "no_such_room")


ACTIONS = [
    ("mute", {"minutes": 5}), ("unmute", {}), ("remove", {}), ("ban", {}), ("unban", {}), ("delete", {"seq": 1}),
    ("lock", {}), ("unlock", {}), ("slow", {"seconds": 5}), ("close_room", {}), ("announce", {"text": "hi"}),
    ("set_agreement", {"agreement": "New rules."}),
]


@pytest.mark.parametrize("action,fields", ACTIONS, ids=[a for a, _ in ACTIONS])
def test_members_and_other_rooms_facilitators_get_forbidden(circle, server, action, fields):
    fran, river, ash, room = circle
    ash.say(room, "a message to act on")
    message = {"type": action, "room": room, **fields}
    if action in ("mute", "unmute", "remove", "ban", "unban"):
        message["peer"] = ash.peer
    river.error(message, "forbidden")
    faye = staff(server, "faye")
    faye.error(message, "forbidden")
    staff(server, "wendy").error(message, "forbidden")
    assert river.say(room, "still here")["type"] == "message"
    # The room's own facilitator may.
    assert fran.request(message)["type"] in ("moderation", "message")


def test_an_admin_may_moderate_any_group_room(circle, server):
    _, river, ash, room = circle
    adam = staff(server, "adam")
    moderate(adam, [river, ash], {"type": "mute", "room": room, "peer": river.peer, "minutes": 1})


def test_moderation_of_someone_not_in_the_room_is_bad_request(circle, server):
    fran, _, _, room = circle
    kim = Chat(server, "Kim")
    fran.error({"type": "mute", "room": room, "peer": kim.peer}, "bad_request")
    fran.error({"type": "remove", "room": room, "peer": kim.peer}, "bad_request")
    fran.error({"type": "mute", "room": "g_nothing", "peer": kim.peer}, "no_such_room")

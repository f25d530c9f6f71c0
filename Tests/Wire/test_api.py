"""The HTTP API of protocol §11 (shapes in SEAM-API.md): sign-in, throttling, roles on every endpoint, errors."""
import threading
import time
from datetime import datetime, timezone

import pytest

from chat_client import STAFF, STAFF_PASSWORD, Chat, http, login, pair

SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


@pytest.fixture(scope="module")
def server(staffed_server):
    """Shared by the tests that leave no state behind that another could trip over."""
    return staffed_server


@pytest.fixture
def fresh_server(start_chat):
    return start_chat(staff=STAFF)


def parse_time(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


def assert_api_error(answer, status, code):
    got_status, headers, body = answer
    assert got_status == status, answer
    assert headers["Content-Type"].startswith("application/json")
    assert body["error"] == code and isinstance(body["message"], str) and body["message"], body


def timed_login(server, username, password):
    started = time.monotonic()
    answer = http(server, "POST", "/api/login", {"username": username, "password": password})
    return answer, time.monotonic() - started


def test_login_gives_a_token_with_role_name_and_expiry(server):
    status, headers, body = http(server, "POST", "/api/login", {"username": "fran", "password": STAFF_PASSWORD})
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert isinstance(body["token"], str) and len(body["token"]) >= 32
    assert body["role"] == "facilitator" and body["name"] == "fran"
    assert parse_time(body["expires"]) > datetime.now(timezone.utc)
    assert http(server, "POST", "/api/login", {"username": "wendy", "password": STAFF_PASSWORD})[2]["role"] == "worker"
    assert http(server, "POST", "/api/login", {"username": "adam", "password": STAFF_PASSWORD})[2]["role"] == "admin"


@pytest.mark.parametrize("username,password", [("fran", "not-the-password"), ("nobody", STAFF_PASSWORD),
                                               ("fran", "")])
def test_wrong_credentials_are_401(server, username, password):
    assert_api_error(http(server, "POST", "/api/login", {"username": username, "password": password}),
                     401, "unauthorized")


def test_repeated_failures_are_slowed_then_refused_with_retry_after(fresh_server):
    server = fresh_server
    for _ in range(3):
        answer, _ = timed_login(server, "fran", "wrong-guess")
        assert_api_error(answer, 401, "unauthorized")
    answer, fourth = timed_login(server, "fran", "wrong-guess")
    assert_api_error(answer, 401, "unauthorized")
    assert fourth >= 1.0, f"the 4th failure was answered after {fourth:.2f} s"
    answer, fifth = timed_login(server, "fran", "wrong-guess")
    assert fifth >= 2.0, f"the 5th failure was answered after {fifth:.2f} s"
    # The 6th to 10th at once (the attempt is counted before the password is checked): slowed, 4–8 s each.
    results = []
    threads = [threading.Thread(target=lambda: results.append(timed_login(server, "fran", "wrong-guess")))
               for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [answer[0] for answer, _ in results] == [401] * 5
    assert min(seconds for _, seconds in results) >= 4.0
    status, headers, body = http(server, "POST", "/api/login", {"username": "fran", "password": "wrong-guess"})
    assert_api_error((status, headers, body), 429, "rate_limited")
    assert int(headers["Retry-After"]) >= 1
    # Refused even with the right password, and for the name in another case.
    assert http(server, "POST", "/api/login", {"username": "fran", "password": STAFF_PASSWORD})[0] == 429
    assert http(server, "POST", "/api/login", {"username": "FRAN", "password": STAFF_PASSWORD})[0] == 429
    # Other accounts are not refused.
    assert http(server, "POST", "/api/login", {"username": "wendy", "password": STAFF_PASSWORD})[0] == 200


def test_logout_ends_the_token(server):
    token = login(server, "fran")
    assert http(server, "GET", "/api/me", token=token)[0] == 200
    status, _, body = http(server, "POST", "/api/logout", token=token)
    assert status == 204 and body is None
    assert_api_error(http(server, "GET", "/api/me", token=token), 401, "unauthorized")
    assert_api_error(http(server, "GET", "/api/reports", token=token), 401, "unauthorized")
    Chat(server, hello=False).error({"type": "hello", "auth": token}, "unauthorized")
    assert_api_error(http(server, "POST", "/api/logout"), 401, "unauthorized")


def test_me_names_the_signed_in_staff_member(server):
    status, _, body = http(server, "GET", "/api/me", token=login(server, "wendy"))
    assert status == 200 and body["name"] == "wendy" and body["role"] == "worker"


@pytest.mark.xfail(strict=True, reason="GET /api/me answers only name and role; SEAM-API.md has name, role, expires")
def test_me_says_when_the_token_expires(server):
    _, _, body = http(server, "GET", "/api/me", token=login(server, "wendy"))
    assert parse_time(body["expires"]) > datetime.now(timezone.utc)


ENDPOINTS = [("GET", "/api/me"), ("POST", "/api/logout"), ("GET", "/api/reports"),
             ("POST", "/api/reports/rep_none/resolve"), ("GET", "/api/transcripts"),
             ("GET", "/api/transcripts/t_none"), ("GET", "/api/audit")]
# What each role gets; 404 means "allowed, but there is no such thing".
EXPECTED = {
    "facilitator": {"/api/me": 200, "/api/reports": 200, "/api/reports/rep_none/resolve": 404,
                    "/api/transcripts": 403, "/api/transcripts/t_none": 403, "/api/audit": 403, "/api/logout": 204},
    "worker": {"/api/me": 200, "/api/reports": 200, "/api/reports/rep_none/resolve": 403,
               "/api/transcripts": 200, "/api/transcripts/t_none": 404, "/api/audit": 403, "/api/logout": 204},
    "admin": {"/api/me": 200, "/api/reports": 200, "/api/reports/rep_none/resolve": 404,
              "/api/transcripts": 200, "/api/transcripts/t_none": 404, "/api/audit": 200, "/api/logout": 204},
}


def request_endpoint(server, method, path, token=None):
    body = {"outcome": "Handled."} if path.endswith("/resolve") else None
    return http(server, method, path, body, token=token)


@pytest.mark.parametrize("method,path", ENDPOINTS)
def test_every_staff_endpoint_needs_a_valid_token(server, method, path):
    assert_api_error(request_endpoint(server, method, path), 401, "unauthorized")
    if path == "/api/logout":
        # Logging out is idempotent: a token that is unknown or already ended is simply gone (204).
        assert request_endpoint(server, method, path, token="not-a-token")[0] == 204
    else:
        assert_api_error(request_endpoint(server, method, path, token="not-a-token"), 401, "unauthorized")
    assert_api_error(http(server, method, path, {"outcome": "x"}, headers={"Authorization": "Basic Zm9vOmJhcg=="}),
                     401, "unauthorized")


@pytest.mark.parametrize("role,name", [("facilitator", "fran"), ("worker", "wendy"), ("admin", "adam")])
def test_roles_on_every_endpoint(server, role, name):
    for method, path in ENDPOINTS:
        token = login(server, name)  # fresh each time: logout ends it
        status, headers, body = request_endpoint(server, method, path, token)
        assert status == EXPECTED[role][path], (role, method, path, status, body)
        if status == 403:
            assert body["error"] == "forbidden"
        if status == 404:
            assert body["error"] == "not_found"


def test_the_answers_staff_read_have_their_shapes(server):
    admin = login(server, "adam")
    status, _, body = http(server, "GET", "/api/audit", token=admin)
    assert status == 200 and isinstance(body["entries"], list) and body["verified"] is True
    status, _, body = http(server, "GET", "/api/transcripts", token=admin)
    assert status == 200 and isinstance(body["transcripts"], list)
    status, _, body = http(server, "GET", "/api/reports", token=admin)
    assert status == 200 and isinstance(body["reports"], list)


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_an_unknown_receipt_is_404_invalid_receipt(server, method):
    assert_api_error(http(server, method, "/api/receipts/not-a-receipt"), 404, "invalid_receipt")


@pytest.mark.parametrize("method,path,allowed", [
    ("GET", "/api/login", "POST"), ("GET", "/api/logout", "POST"), ("POST", "/api/me", "GET"),
    ("PUT", "/api/reports", "GET"), ("GET", "/api/reports/rep_x/resolve", "POST"),
    ("DELETE", "/api/transcripts", "GET"), ("POST", "/api/audit", "GET"), ("POST", "/api/receipts/abc", "GET, DELETE"),
])
def test_other_methods_are_405_with_allow(server, method, path, allowed):
    status, headers, body = http(server, method, path, raw=b"{}" if method in ("POST", "PUT") else None)
    assert status == 405 and headers["Allow"] == allowed, (status, dict(headers))
    assert isinstance(body["error"], str) and body["message"]


@pytest.mark.parametrize("raw", [b"{not json", b"", b"[]", b'{"username":"fran"}', b'{"username":5,"password":"x"}',
                                 b'{"username":"","password":"x"}'])
def test_a_malformed_login_body_is_400(server, raw):
    assert_api_error(http(server, "POST", "/api/login", raw=raw), 400, "bad_request")


def test_a_malformed_resolve_body_is_400(server):
    token = login(server, "fran")
    for raw in [b"{not json", b"{}", b'{"outcome":""}', b'{"outcome":7}']:
        assert_api_error(http(server, "POST", "/api/reports/rep_x/resolve", raw=raw, token=token), 400, "bad_request")


def test_unknown_api_paths_are_404_json(server):
    assert_api_error(http(server, "GET", "/api/nothing"), 404, "not_found")
    assert_api_error(http(server, "GET", "/api/reports/rep_x"), 404, "not_found")


def test_api_answers_carry_the_security_headers(server):
    token = login(server, "adam")
    answers = [http(server, "POST", "/api/login", {"username": "adam", "password": STAFF_PASSWORD}),
               http(server, "GET", "/api/audit", token=token), http(server, "GET", "/api/me"),
               http(server, "GET", "/api/receipts/none"), http(server, "GET", "/api/login"),
               http(server, "POST", "/api/login", raw=b"{")]
    for status, headers, _ in answers:
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value, (status, name)
        assert "default-src 'self'" in headers["Content-Security-Policy"], status
        assert headers["Cache-Control"] == "no-store", status


def test_a_staff_token_in_hello_makes_a_facilitator_who_may_create_rooms(server):
    fran = Chat(server, auth=login(server, "fran"))
    assert fran.welcome["role"] == "facilitator" and fran.welcome["name"] == "fran"
    created = fran.request({"type": "create_room", "title": "Evening circle"})
    assert created["type"] == "room_created"
    assert fran.next("joined", room=created["room"])["you"] == {"role": "facilitator"}
    river = Chat(server, "River")
    assert river.welcome["role"] == "peer"
    river.error({"type": "create_room", "title": "Mine"}, "forbidden")


@pytest.mark.xfail(strict=True, reason="StoreEffectSink.roomEnded is empty: when a room ends with consent no "
                                       "transcript is saved and no `transcript` receipt is sent (protocol §8)")
def test_a_consented_pair_transcript_is_readable_by_receipt_and_audited(server):
    river, ash, room = pair(server)
    for chat in (river, ash):
        chat.request({"type": "consent", "room": room, "transcript": True})
    river.say(room, "a line worth keeping")
    river.request({"type": "leave", "room": room})
    receipt = river.next("transcript", timeout=5)
    assert receipt["room"] == room and receipt["messages"] == 1 and receipt["transcript"].startswith("t_")
    worker = login(server, "wendy")
    status, _, body = http(server, "GET", f"/api/transcripts/{receipt['transcript']}", token=worker)
    assert status == 200 and [m["text"] for m in body["messages"]] == ["a line worth keeping"]
    status, _, view = http(server, "GET", f"/api/receipts/{receipt['receipt']}")
    assert status == 200 and [a["name"] for a in view["access"]] == ["wendy"]
    status, _, revoked = http(server, "DELETE", f"/api/receipts/{receipt['receipt']}")
    assert status == 200 and revoked == {"revoked": True, "transcript": receipt["transcript"], "scope": "transcript"}
    assert_api_error(http(server, "GET", f"/api/receipts/{receipt['receipt']}"), 404, "invalid_receipt")

"""A small chat client over `websockets` for the protocol tests, plus staff and HTTP helpers.

`Chat` keeps every message it read but has not handed out yet, so waiting for one kind of message never
loses another: `next(type, **fields)` looks at what is already buffered first, then reads the socket.
Absence is checked with a barrier (`until`): the server handles one connection's requests in order and
delivers to one connection in order, so "nothing of kind X before the marker" needs no sleep.
"""
import itertools
import json
import subprocess
import urllib.error
import urllib.request

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from wire_support import WEB, binary

TIMEOUT = 30
STAFF_PASSWORD = "a-long-staff-password-4711"
_refs = itertools.count(1)


class Chat:
    """One WebSocket connection to `/ws`; `hello` is sent when `name`, `auth` or `resume` is given."""

    def __init__(self, server, name=None, *, auth=None, resume=None, hello=True, **connect_options):
        self.ws = connect(f"{server.ws}/ws", open_timeout=TIMEOUT, close_timeout=5, legacy=True, **connect_options)
        self.pending = []
        self.welcome = None
        if hello and (name is not None or auth is not None or resume is not None):
            message = {"type": "hello"}
            for key, value in (("name", name), ("auth", auth), ("resume", resume)):
                if value is not None:
                    message[key] = value
            self.welcome = self.request(message)
            assert self.welcome["type"] == "welcome", self.welcome

    @property
    def peer(self):
        return self.welcome["peer"]

    @property
    def token(self):
        return self.welcome["resume"]

    def send(self, message):
        self.ws.send(message if isinstance(message, (str, bytes)) else json.dumps(message))

    def _read(self, timeout):
        return json.loads(self.ws.recv(timeout=timeout))

    def next(self, type=None, timeout=TIMEOUT, **fields):
        """The first message (buffered or new) of this type whose fields equal `fields`."""
        return self.until(type, timeout=timeout, **fields)[-1]

    def until(self, type=None, timeout=TIMEOUT, **fields):
        """Every message up to and including the first match, in arrival order (buffered ones first);
        later buffered messages stay buffered."""
        def matches(message):
            return (type is None or message.get("type") == type) and all(
                message.get(key) == value for key, value in fields.items())

        seen = []
        while self.pending:
            message = self.pending.pop(0)
            seen.append(message)
            if matches(message):
                return seen
        while True:
            message = self._read(timeout)
            seen.append(message)
            if matches(message):
                return seen

    def request(self, message, timeout=TIMEOUT):
        """Sends `message` with a fresh `ref` and returns the answer carrying it; others stay buffered."""
        ref = message.get("ref") or f"t{next(_refs)}"
        self.send({**message, "ref": ref})
        while True:
            for index, seen in enumerate(self.pending):
                if seen.get("ref") == ref:
                    return self.pending.pop(index)
            self.pending.append(self._read(timeout))

    def error(self, message, code):
        """Sends `message`, asserts the answer is an `error` with `code`, and returns it."""
        answer = self.request(message)
        assert answer["type"] == "error" and answer["code"] == code, answer
        assert isinstance(answer.get("message"), str) and answer["message"], answer
        return answer

    def say(self, room, text):
        answer = self.request({"type": "say", "room": room, "text": text})
        assert answer["type"] == "message", answer
        return answer

    def join(self, room, **extra):
        answer = self.request({"type": "join", "room": room, **extra})
        assert answer["type"] == "joined", answer
        return answer

    def usable(self):
        """True when the connection still answers a request (after an error)."""
        return self.request({"type": "rooms"})["type"] == "rooms"

    def close_code(self, timeout=TIMEOUT):
        """Waits for the server to close the connection; returns the close code."""
        try:
            while True:
                self.ws.recv(timeout=timeout)
        except ConnectionClosed:
            pass
        return self.ws.close_code

    def close(self):
        self.ws.close()


def pair(server, first="River", second="Ash", topics=None):
    """Two new peers matched into a pair room; returns (a, b, room)."""
    a, b = Chat(server, first), Chat(server, second)
    extra = {"topics": topics} if topics else {}
    assert a.request({"type": "match", **extra})["type"] == "queued"
    assert b.request({"type": "match", **extra})["type"] == "queued"
    room = a.next("joined")["room"]
    assert b.next("joined")["room"] == room
    return a, b, room


def add_staff(data, name, role):
    result = subprocess.run([binary(), "staff", "add", name, "--role", role, "--data", str(data)],
                            input=STAFF_PASSWORD + "\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def http(server, method, path, body=None, token=None, raw=None, headers=None):
    """(status, headers, parsed JSON or None) of one request."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(f"{server.base}{path}", data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            status, head, payload = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, payload = error.code, error.headers, error.read()
    return status, head, (json.loads(payload) if payload else None)


def login(server, name, password=STAFF_PASSWORD):
    status, _, body = http(server, "POST", "/api/login", {"username": name, "password": password})
    assert status == 200, (status, body)
    return body["token"]


def serve_args(data, *extra):
    return ["--web", str(WEB), "--data", str(data), *extra]


STAFF = {"fran": "facilitator", "wendy": "worker", "adam": "admin", "faye": "facilitator"}
_tokens = {}


def token(server, who):
    """A staff token, signed in once per server (each login costs a password hash)."""
    key = (server.port, server.process.pid, who)
    if key not in _tokens:
        _tokens[key] = login(server, who)
    return _tokens[key]


def staff(server, who, **hello):
    """A chat session for a staff account of `STAFF`, signed in with `hello.auth`."""
    return Chat(server, auth=token(server, who), **hello)


def create(facilitator, **fields):
    """Creates a room; returns (room id, joined)."""
    created = facilitator.request({"type": "create_room", "title": "Tuesday circle", **fields})
    assert created["type"] == "room_created" and created["room"].startswith("g_"), created
    return created["room"], facilitator.next("joined", room=created["room"])

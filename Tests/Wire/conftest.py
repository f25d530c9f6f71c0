"""Fixtures for the wire tests: `$WITHNESS_BIN serve` or `echo` on a free loopback port.

`start_withness(command, *args)` starts the binary, waits until GET /healthz answers 200 (over TLS when
`tls=True`), and stops it (SIGTERM, then SIGKILL after 10 s) at the end of the test. Every wait is generous:
these tests run on a loaded 2-core machine.
"""
import ssl
import subprocess
import time
import urllib.request

import pytest

from wire_support import REPO, WEB, Withness, binary, free_port  # noqa: F401


def _healthy(instance, context, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{instance.base}/healthz", timeout=2, context=context) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


def _starter(log_dir, started):
    def start(command, *args, tls=None, wait=True):
        """`tls`: (cert, key) paths to serve https/wss. Returns a `Withness`."""
        port = free_port()
        log = log_dir / f"{command}-{port}.log"
        argv = [binary(), command, "--host", "127.0.0.1", "--port", str(port), *args]
        if tls:
            argv += ["--tls-cert", str(tls[0]), "--tls-key", str(tls[1])]
        with open(log, "w") as sink:
            process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT)
        instance = Withness(process, port, log, "https" if tls else "http")
        started.append(instance)
        if wait:
            context = None
            if tls:
                context = ssl.create_default_context(cafile=str(tls[0]))
                context.check_hostname = False
            assert _healthy(instance, context, 60), f"{command} did not become healthy: {instance.log_text()[-800:]}"
        return instance

    return start


@pytest.fixture
def start_withness(tmp_path):
    started = []
    yield _starter(tmp_path, started)
    for instance in started:
        instance.stop()


@pytest.fixture
def echo_server(start_withness):
    return start_withness("echo")


@pytest.fixture
def serve_server(start_withness, tmp_path):
    return start_withness("serve", "--web", str(WEB), "--data", str(tmp_path / "data"))


@pytest.fixture
def tls_files(tmp_path):
    """A throwaway self-signed certificate for 127.0.0.1, made with `openssl req -x509` for this test."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60)
    return cert, key


def _chat_starter(start_withness, folder):
    from chat_client import add_staff, serve_args

    count = iter(range(1_000_000))

    def start(*flags, staff=None):
        data = folder / f"chat-data-{next(count)}"
        for name, role in (staff or {}).items():
            add_staff(data, name, role)
        return start_withness("serve", *serve_args(data, *flags))

    return start


@pytest.fixture
def start_chat(start_withness, tmp_path):
    """`start_chat(*serve_flags, staff={"fran": "facilitator"})`: `withness serve` with the web client and a
    fresh data folder, the given staff accounts made first (password `chat_client.STAFF_PASSWORD`)."""
    return _chat_starter(start_withness, tmp_path)


@pytest.fixture(scope="module")
def start_module_chat(tmp_path_factory):
    """`start_chat` for one server shared by a module's tests (for tests whose state cannot leak)."""
    started = []
    folder = tmp_path_factory.mktemp("module-chat")
    yield _chat_starter(_starter(folder, started), folder)
    for instance in started:
        instance.stop()


@pytest.fixture(scope="module")
def staffed_server(start_module_chat):
    """One server per module with the `chat_client.STAFF` accounts, a standing `lobby` and no rate limit.
    Tests sharing it make their own rooms and people, so nothing leaks between them."""
    from chat_client import STAFF

    return start_module_chat("--room", "lobby:Open circle", "--rate-limit", "0", staff=STAFF)


@pytest.fixture
def circle(staffed_server):
    """A facilitator's room with two members: (fran, river, ash, room)."""
    from chat_client import Chat, create, staff

    fran = staff(staffed_server, "fran")
    room, _ = create(fran)
    river, ash = Chat(staffed_server, "River"), Chat(staffed_server, "Ash")
    river.join(room)
    ash.join(room)
    fran.next("presence", peer=ash.peer, state="joined")
    return fran, river, ash, room

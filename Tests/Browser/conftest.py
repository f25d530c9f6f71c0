"""Fixtures for the browser tests: the real server on a free port, and headless Chromium drivers.

Every test that needs the chat asks for `chat_server`; it skips (with the reason) until
`$WITHNESS_BIN serve` answers a `hello` with a `welcome` on /ws, so the probe lives in one place.
Tests that need staff accounts ask for `staff_server`: it makes the accounts with
`withness staff add` in the server's data folder first, and skips while the server has no staff
sign-in yet (probed once per session).
"""
import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WEB = REPO / "web"
ARTIFACTS = REPO / "artifacts"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(base, process, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


def _binary():
    binary = os.environ.get("WITHNESS_BIN", "")
    if not binary or not (Path(binary).is_file() and os.access(binary, os.X_OK)):
        pytest.skip(f"WITHNESS_BIN is not an executable ({binary!r}); build withness first")
    return binary


@contextlib.contextmanager
def _serving(data_dir, log_path):
    """`withness serve` with the standing room `lobby` and no rate limit; yields its base URL."""
    binary = _binary()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(log_path, "w+")
    process = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--web", str(WEB),
         "--data", str(data_dir), "--room", "lobby:Open circle", "--rate-limit", "0"],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        if not _wait_healthy(base, process):
            log.seek(0)
            pytest.skip(f"`withness serve` did not answer GET /healthz: {log.read()[-400:]!r}")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _skip_unless_chat(base):
    """Skip unless hello on /ws gets a welcome within 2 s (the chat service is wired)."""
    from websockets.sync.client import connect

    url = base.replace("http://", "ws://") + "/ws"
    try:
        with connect(url, open_timeout=2, close_timeout=1) as ws:
            ws.send(json.dumps({"type": "hello", "name": "Probe"}))
            reply = json.loads(ws.recv(timeout=2))
    except Exception as error:  # noqa: BLE001 - any failure means "not wired yet"
        pytest.skip(f"the server does not speak the chat protocol on /ws yet ({error!r})")
    if reply.get("type") != "welcome":
        pytest.skip(f"hello on /ws got {reply!r}, not a welcome; chat service not wired yet")


@pytest.fixture
def data_dir(tmp_path):
    """The server's --data folder (staff accounts are added here before it starts)."""
    return tmp_path / "data"


@pytest.fixture
def server(data_dir, tmp_path):
    """`withness serve` with the standing room `lobby` and no rate limit; yields its base URL."""
    with _serving(data_dir, tmp_path / "server.log") as base:
        yield base


@pytest.fixture
def chat_server(server):
    """The server, once it speaks the chat protocol: hello on /ws must get a welcome within 2 s."""
    _skip_unless_chat(server)
    return server


# Staff accounts the staff tests sign in with: role → (name, password).
STAFF = {
    "facilitator": ("Sam", "quiet-river-stone-42"),
    "worker": ("Ash", "green-field-lantern-17"),
    "admin": ("Noor", "open-window-morning-63"),
}

# What was learned about the binary and server once per session (a missing feature skips every test the same way).
_PROBES = {}


def _probe_staff_cli(binary):
    """None when `withness staff add` exists, else why not."""
    if "cli" not in _PROBES:
        try:
            done = subprocess.run([binary, "staff", "add", "--help"], capture_output=True, text=True, timeout=20)
            _PROBES["cli"] = None if done.returncode == 0 else (
                f"`withness staff add` is not a known command yet (exit {done.returncode}: {(done.stderr or done.stdout)[-200:]!r})")
        except (OSError, subprocess.TimeoutExpired) as error:
            _PROBES["cli"] = f"`withness staff add --help` did not run ({error!r})"
    return _PROBES["cli"]


def _probe_login(base):
    """None when POST /api/login exists (a wrong password gets 401/400), else why not."""
    if "login" not in _PROBES:
        request = urllib.request.Request(
            f"{base}/api/login", method="POST", headers={"Content-Type": "application/json"},
            data=json.dumps({"username": "probe-nobody", "password": "not-a-password"}).encode())
        try:
            urllib.request.urlopen(request, timeout=5).close()
            _PROBES["login"] = "POST /api/login accepted an account that does not exist"
        except urllib.error.HTTPError as error:
            _PROBES["login"] = None if error.code in (400, 401, 429) else (
                f"the server has no staff sign-in yet (POST /api/login answered {error.code})")
        except OSError as error:
            _PROBES["login"] = f"POST /api/login failed ({error!r})"
    return _PROBES["login"]


def add_staff(data_dir, name, role, password):
    """`withness staff add NAME --role ROLE --data DIR`, the password on standard input (one line)."""
    done = subprocess.run([_binary(), "staff", "add", name, "--role", role, "--data", str(data_dir)],
                          input=password + "\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"staff add {name} failed: {done.stdout}{done.stderr}"


@dataclass
class StaffServer:
    base: str
    accounts: dict  # role → (name, password)
    data_dir: Path


@pytest.fixture
def staff_server(data_dir, tmp_path):
    """The server with a facilitator, a worker and an admin account (made before it starts).

    Skips with the reason while `staff add` or `POST /api/login` doesn't exist yet."""
    reason = _probe_staff_cli(_binary())
    if reason:
        pytest.skip(reason)
    data_dir.mkdir(parents=True, exist_ok=True)
    for role, (name, password) in STAFF.items():
        add_staff(data_dir, name, role, password)
    with _serving(data_dir, tmp_path / "server.log") as base:
        _skip_unless_chat(base)
        reason = _probe_login(base)
        if reason:
            pytest.skip(reason)
        yield StaffServer(base, dict(STAFF), data_dir)


@pytest.fixture
def make_driver():
    """Factory for headless Chromium drivers; all are quit after the test."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (shutil.which("chromium") and Path("/usr/bin/chromedriver").exists()):
        pytest.skip("chromium and chromium-driver are not installed (make test-deps)")
    drivers = []

    def make():
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(20)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()


@pytest.fixture
def artifacts():
    """Folder for screenshots (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

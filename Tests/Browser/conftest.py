"""Fixtures for the browser tests: the real server on a free port, and headless Chromium drivers.

Every test that needs the chat asks for `chat_server`; it skips (with the reason) until
`$WITHNESS_BIN serve` answers a `hello` with a `welcome` on /ws, so the probe lives in one place.
"""
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
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


@pytest.fixture
def server(tmp_path):
    """`withness serve` with the standing room `lobby` and no rate limit; yields its base URL."""
    binary = os.environ.get("WITHNESS_BIN", "")
    if not binary or not (Path(binary).is_file() and os.access(binary, os.X_OK)):
        pytest.skip(f"WITHNESS_BIN is not an executable ({binary!r}); build withness first")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "server.log", "w+")
    process = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--web", str(WEB),
         "--data", str(tmp_path / "data"), "--room", "lobby:Open circle", "--rate-limit", "0"],
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


@pytest.fixture
def chat_server(server):
    """The server, once it speaks the chat protocol: hello on /ws must get a welcome within 2 s."""
    from websockets.sync.client import connect

    url = server.replace("http://", "ws://") + "/ws"
    try:
        with connect(url, open_timeout=2, close_timeout=1) as ws:
            ws.send(json.dumps({"type": "hello", "name": "Probe"}))
            reply = json.loads(ws.recv(timeout=2))
    except Exception as error:  # noqa: BLE001 - any failure means "not wired yet"
        pytest.skip(f"the server does not speak the chat protocol on /ws yet ({error!r})")
    if reply.get("type") != "welcome":
        pytest.skip(f"hello on /ws got {reply!r}, not a welcome; chat service not wired yet")
    return server


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

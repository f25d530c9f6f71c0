"""Fixtures for the wire tests: `$WITHNESS_BIN serve` or `echo` on a free loopback port.

`start_withness(command, *args)` starts the binary, waits until GET /healthz answers 200 (over TLS when
`tls=True`), and stops it (SIGTERM, then SIGKILL after 10 s) at the end of the test. Every wait is generous:
these tests run on a loaded 2-core machine.
"""
import os
import signal
import socket
import ssl
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WEB = REPO / "web"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def binary():
    path = os.environ.get("WITHNESS_BIN", str(REPO / ".build/debug/withness"))
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.skip(f"WITHNESS_BIN is not an executable ({path!r}); build withness first")
    return path


def rss_kib(pid):
    """Resident memory of a process in KiB (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


@dataclass
class Withness:
    process: subprocess.Popen
    port: int
    log: Path
    scheme: str = "http"

    @property
    def base(self):
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def ws(self):
        return f"{'wss' if self.scheme == 'https' else 'ws'}://127.0.0.1:{self.port}"

    def log_text(self):
        return self.log.read_text(errors="replace")

    def stop(self, timeout=10):
        """SIGTERM and wait; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


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


@pytest.fixture
def start_withness(tmp_path):
    started = []

    def start(command, *args, tls=None, wait=True):
        """`tls`: (cert, key) paths to serve https/wss. Returns a `Withness`."""
        port = free_port()
        log = tmp_path / f"{command}-{port}.log"
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

    yield start
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

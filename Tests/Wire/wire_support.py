"""Helpers shared by the wire tests (a module with a unique name, so `Tests/Browser/conftest.py` never shadows it)."""
import os
import signal
import socket
import subprocess
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

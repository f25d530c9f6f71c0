"""Connection caps answer 503 and running out of file descriptors neither crashes nor spins the server."""
import resource
import socket
import subprocess
import time
import urllib.request

import wsraw
from wire_support import binary, free_port


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


def healthy(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                return response.status == 200
        except OSError:
            time.sleep(0.2)
    return False


def test_per_ip_cap_answers_503(start_withness):
    server = start_withness("echo", "--max-connections-per-ip", "3", "--cap-loopback-per-ip")
    # A completed upgrade proves each held connection was admitted before the extra one arrives.
    held = [wsraw.handshake(server.port) for _ in range(3)]
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as extra:
        reply = extra.recv(4096)
    assert reply.startswith(b"HTTP/1.1 503")
    for sock in held:
        sock.close()
    assert healthy(server.port)


def test_out_of_file_descriptors_pauses_accepting_without_spinning(tmp_path):
    port = free_port()
    log = open(tmp_path / "echo.log", "w")
    limit = lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (48, 48))  # noqa: E731
    process = subprocess.Popen([binary(), "echo", "--port", str(port), "--loops", "1"], stdout=log,
                               stderr=subprocess.STDOUT, preexec_fn=limit)
    try:
        assert healthy(port)
        clients = []
        for _ in range(80):
            clients.append(socket.create_connection(("127.0.0.1", port), timeout=30))
        time.sleep(1)
        before = cpu_seconds(process.pid)
        time.sleep(2)
        used = cpu_seconds(process.pid) - before
        assert process.poll() is None
        assert used < 0.5, f"server used {used:.2f} s of CPU in 2 s while out of descriptors"
        for sock in clients:
            sock.close()
        assert healthy(port)
        assert "out of file descriptors" in (tmp_path / "echo.log").read_text()
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
        log.close()

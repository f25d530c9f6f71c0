"""A client that never reads is closed with 1008 without hurting others or the server's memory (protocol §1),
and SIGTERM closes every WebSocket with 1001 and exits 0 (protocol §12)."""
import contextlib
import socket
import threading
import time

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

import wsraw
from wire_support import rss_kib


def test_slow_reader_is_closed_with_1008_and_others_are_unaffected(echo_server):
    pid = echo_server.process.pid
    before = rss_kib(pid)
    slow = wsraw.handshake(echo_server.port)
    slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
    message = wsraw.frame(0x2, b"\x5a" * (1024 * 1024))
    sent = 0
    try:
        # 96 MiB of echoes queued for a client that reads nothing: far past the cap and every socket buffer.
        for _ in range(96):
            slow.sendall(message)
            sent += 1
    except OSError:
        pass
    with connect(echo_server.ws, open_timeout=30) as healthy:
        healthy.send("still fine")
        assert healthy.recv(timeout=30) == "still fine"
    growth = rss_kib(pid) - before
    assert sent >= 8
    assert wsraw.read_close_code(slow) == 1008
    slow.close()
    # The queue cap (17 MiB for echo) plus one message being read bounds what one client can pin.
    assert growth < 120 * 1024, f"server grew by {growth} KiB"


def test_sigterm_closes_every_websocket_with_1001_and_exits_0(start_withness, tmp_path):
    server = start_withness("serve", "--web", "web", "--data", str(tmp_path / "data"))
    stack = contextlib.ExitStack()
    clients = [stack.enter_context(connect(f"{server.ws}/ws", open_timeout=30)) for _ in range(5)]
    codes = []

    def wait_close(ws):
        try:
            ws.recv(timeout=30)
        except ConnectionClosed:
            pass
        codes.append(ws.close_code)

    threads = [threading.Thread(target=wait_close, args=(ws,)) for ws in clients]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    assert server.stop(timeout=30) == 0
    for thread in threads:
        thread.join(30)
    stack.close()
    assert codes == [1001] * 5
    assert time.monotonic() - started < 15
    assert "stopped" in server.log_text()

"""`withness echo` with a real WebSocket client (protocol §1: any path, text and binary, up to 16 MiB)."""
import os

from websockets.sync.client import connect


def test_echoes_text_and_binary_on_any_path(echo_server):
    with connect(f"{echo_server.ws}/any/path?x=1", open_timeout=30) as ws:
        ws.send("héllo, withness")
        assert ws.recv(timeout=30) == "héllo, withness"
        ws.send(b"\x00\x01\xff")
        assert ws.recv(timeout=30) == b"\x00\x01\xff"


def test_answers_ping_with_pong(echo_server):
    with connect(echo_server.ws, open_timeout=30) as ws:
        assert ws.ping(b"are you there").wait(30)


def test_echoes_a_16_mib_message(echo_server):
    payload = os.urandom(16 * 1024 * 1024)
    with connect(echo_server.ws, open_timeout=30, max_size=None) as ws:
        ws.send(payload)
        assert ws.recv(timeout=120) == payload


def test_closes_a_message_over_16_mib_with_1009(echo_server):
    with connect(echo_server.ws, open_timeout=30, max_size=None) as ws:
        ws.send(b"x" * (16 * 1024 * 1024 + 1))
        try:
            ws.recv(timeout=120)
        except Exception:  # noqa: BLE001 - the close is the point
            pass
        assert ws.close_code == 1009

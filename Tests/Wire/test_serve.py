"""`withness serve` over real sockets: static files, health, metrics, and the /ws endpoint (protocol §1, §11)."""
import socket
import urllib.error
import urllib.request

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def raw_get(port, target):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1])


def test_serves_the_web_client_with_security_headers_and_etag(serve_server):
    status, headers, body = get(f"{serve_server.base}/")
    assert status == 200 and body.lstrip().lower().startswith(b"<!doctype html")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    status, _, body = get(f"{serve_server.base}/", {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


@pytest.mark.parametrize("target", ["/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift", "/index.html%00"])
def test_refuses_paths_out_of_the_web_folder(serve_server, target):
    assert raw_get(serve_server.port, target) in (400, 404)


def test_health_and_metrics(serve_server):
    assert get(f"{serve_server.base}/healthz")[0] == 200
    with connect(f"{serve_server.ws}/ws", open_timeout=30) as ws:
        ws.send('{"type":"hello","name":"River"}')
    status, headers, body = get(f"{serve_server.base}/metrics")
    text = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    for name in ["withness_connections_open", "withness_connections_accepted_total", "withness_bytes_in_total",
                 "withness_frames_in_total", "withness_handshake_failures_total"]:
        assert name in text, name


def test_ws_endpoint_selects_the_subprotocol_and_refuses_binary(serve_server):
    with connect(f"{serve_server.ws}/ws", subprotocols=["withness.v1"], open_timeout=30) as ws:
        assert ws.subprotocol == "withness.v1"
        ws.send(b"\x01\x02")
        with pytest.raises(Exception):
            ws.recv(timeout=30)
        assert ws.close_code == 1003


def test_ws_endpoint_closes_an_oversized_message_with_1009(serve_server):
    with connect(f"{serve_server.ws}/ws", open_timeout=30, max_size=None) as ws:
        ws.send("x" * (64 * 1024 + 1))
        with pytest.raises(Exception):
            ws.recv(timeout=30)
        assert ws.close_code == 1009


def test_ws_endpoint_refuses_a_foreign_origin(serve_server):
    with pytest.raises(InvalidStatus) as refusal:
        connect(f"{serve_server.ws}/ws", origin="https://elsewhere.example", open_timeout=30)
    assert refusal.value.response.status_code == 403

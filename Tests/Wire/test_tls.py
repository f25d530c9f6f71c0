"""https and wss through `--tls-cert/--tls-key`, with a certificate made by `openssl req` in the test."""
import ssl
import subprocess
import urllib.request

import pytest
from websockets.sync.client import connect

from wire_support import binary, free_port


def client_context(cert):
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False
    return context


def test_serves_https_and_wss(start_withness, tls_files, tmp_path):
    server = start_withness("serve", "--web", "web", "--data", str(tmp_path / "data"), tls=tls_files)
    with urllib.request.urlopen(f"{server.base}/healthz", context=client_context(tls_files[0]), timeout=30) as response:
        assert response.status == 200
    with connect(f"{server.ws}/ws", ssl=client_context(tls_files[0]), open_timeout=30) as ws:
        ws.send("{}")
        assert ws.ping().wait(30)


def test_echo_over_wss_with_a_large_message(start_withness, tls_files):
    server = start_withness("echo", tls=tls_files)
    payload = b"\xab" * (3 * 1024 * 1024 + 17)
    with connect(server.ws, ssl=client_context(tls_files[0]), open_timeout=30, max_size=None) as ws:
        for text in ["one", "two", "three"]:
            ws.send(text)
        assert [ws.recv(timeout=30) for _ in range(3)] == ["one", "two", "three"]
        ws.send(payload)
        assert ws.recv(timeout=120) == payload


def test_refuses_tls_older_than_1_2(start_withness, tls_files):
    """The client offers only TLS 1.1 (allowed on its side by SECLEVEL=0); the server answers with the
    protocol_version alert, proving the refusal is the server's."""
    server = start_withness("echo", tls=tls_files)
    result = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{server.port}", "-tls1_1",
                             "-cipher", "DEFAULT@SECLEVEL=0"], input=b"", capture_output=True, timeout=60)
    output = (result.stdout + result.stderr).decode(errors="replace")
    assert "alert protocol version" in output


def test_openssl_s_client_negotiates_tls_1_3(start_withness, tls_files):
    server = start_withness("echo", tls=tls_files)
    result = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{server.port}", "-brief", "-ign_eof"],
                            input=b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                            capture_output=True, timeout=60)
    output = (result.stdout + result.stderr).decode(errors="replace")
    assert "TLSv1.3" in output and "HTTP/1.1 200" in output


@pytest.mark.parametrize("problem", ["missing", "mismatch"])
def test_refuses_to_start_with_a_bad_certificate_or_key(tls_files, tmp_path, problem):
    cert, key = tls_files
    if problem == "missing":
        key = tmp_path / "nope.pem"
    else:
        other = tmp_path / "other-key.pem"
        subprocess.run(["openssl", "genrsa", "-out", str(other), "2048"], check=True, capture_output=True, timeout=60)
        key = other
    result = subprocess.run([binary(), "serve", "--port", str(free_port()), "--tls-cert", str(cert), "--tls-key", str(key)],
                            capture_output=True, timeout=60)
    message = (result.stdout + result.stderr).decode(errors="replace")
    assert result.returncode != 0
    assert str(key) in message
    assert ("does not match" in message) if problem == "mismatch" else ("No such file" in message)

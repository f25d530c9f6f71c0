"""`withness staff` and `withness audit verify` against the built binary (protocol §11, §12)."""
import os
import sqlite3
import stat
import subprocess

BIN = os.environ.get("WITHNESS_BIN", ".build/debug/withness")
PASSWORD = "a-distinctive-password-9137"


def withness(*args, stdin=None):
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_staff_add_reads_the_password_from_stdin_and_list_shows_the_account(tmp_path):
    data = tmp_path / "data"
    added = withness("staff", "add", "river", "--role", "facilitator", "--data", str(data), stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    listed = withness("staff", "list", "--data", str(data))
    assert listed.returncode == 0, listed.stderr
    rows = [line.split() for line in listed.stdout.splitlines()[1:]]
    assert [row[:2] for row in rows] == [["river", "facilitator"]]


def test_data_directory_is_private_and_holds_no_plain_password(tmp_path):
    data = tmp_path / "data"
    assert withness("staff", "add", "ash", "--role", "admin", "--data", str(data), stdin=PASSWORD + "\n").returncode == 0
    assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
    for name in os.listdir(data):
        path = data / name
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, name
        assert PASSWORD.encode() not in path.read_bytes(), name


def test_refusals_exit_non_zero(tmp_path):
    data = str(tmp_path / "data")
    assert withness("staff", "add", "river", "--role", "worker", "--data", data, stdin=PASSWORD + "\n").returncode == 0
    taken = withness("staff", "add", "River", "--role", "worker", "--data", data, stdin=PASSWORD + "\n")
    assert taken.returncode != 0 and "already" in taken.stderr
    short = withness("staff", "add", "kim", "--role", "worker", "--data", data, stdin="short\n")
    assert short.returncode != 0
    bad_role = withness("staff", "add", "kim", "--role", "boss", "--data", data, stdin=PASSWORD + "\n")
    assert bad_role.returncode != 0
    assert withness("staff", "remove", "nobody", "--data", data).returncode != 0


def test_passwd_and_remove(tmp_path):
    data = str(tmp_path / "data")
    assert withness("staff", "add", "river", "--role", "worker", "--data", data, stdin=PASSWORD + "\n").returncode == 0
    assert withness("staff", "passwd", "river", "--data", data, stdin="another-password\n").returncode == 0
    assert withness("staff", "remove", "river", "--data", data).returncode == 0
    assert "river" not in withness("staff", "list", "--data", data).stdout


def test_audit_verify_passes_then_fails_on_a_forged_entry(tmp_path):
    data = tmp_path / "data"
    assert withness("staff", "add", "river", "--role", "worker", "--data", str(data), stdin=PASSWORD + "\n").returncode == 0
    intact = withness("audit", "verify", "--data", str(data))
    assert intact.returncode == 0, intact.stderr
    with sqlite3.connect(data / "withness.sqlite3") as db:
        db.execute(
            "INSERT INTO audit_log (id, at_ms, actor_name, actor_role, action, subject, previous_hash, hash)"
            " VALUES (1, 0, 'someone', 'worker', 'read_transcript', 't_x', zeroblob(32), zeroblob(32))")
    broken = withness("audit", "verify", "--data", str(data))
    assert broken.returncode != 0
    assert "entry 1" in broken.stdout


def test_audit_verify_refuses_a_directory_without_data(tmp_path):
    assert withness("audit", "verify", "--data", str(tmp_path / "nothing-here")).returncode != 0

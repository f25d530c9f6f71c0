"""The built binary answers --help for every command (protocol §12)."""
import os
import subprocess

import pytest

BIN = os.environ.get("WITHNESS_BIN", ".build/debug/withness")


@pytest.mark.parametrize("args", [["--help"]])
def test_help_exits_zero(args):
    result = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0
    assert "withness" in (result.stdout + result.stderr).lower()

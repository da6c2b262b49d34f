"""A real editor: headless Neovim with its built-in LSP client runs the server,
opens a broken profile and reports the diagnostics it received."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "data" / "nvim" / "diagnostics.lua"
NVIM = shutil.which("nvim")

BROKEN = """\
; a broken profile: an unknown statement and a hot-standby distributor without a BACKUP
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
     DESTIP 192.0.2.1 PREFERRED
ENDVIPADYNAMIC
FROBNICATE 1
"""


@pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed: `make peers` or "
                                          "`apt-get install neovim` to run the real-editor test")
def test_neovim_shows_the_server_diagnostics(tmp_path: Path) -> None:
    assert NVIM is not None
    profile = tmp_path / "SYS9" / "PROFILE.TCPIP"
    profile.parent.mkdir()
    profile.write_text(BROKEN, encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    env = {**os.environ, "ZLINT_NVIM_PYTHON": sys.executable, "ZLINT_NVIM_FILE": str(profile),
           "ZLINT_NVIM_OUT": str(out), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    proc = subprocess.run([NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SCRIPT}"],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=90)
    assert out.exists(), f"Neovim wrote nothing (exit {proc.returncode}): {proc.stderr[-2000:]}"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "TIMEOUT" not in lines, lines
    got = {(code, int(line)) for code, line, *_ in (ln.split(" ", 4) for ln in lines)}
    assert got == {("TCP104", 4), ("SYN002", 7)}, lines
    severities = {ln.split(" ", 4)[0]: ln.split(" ", 4)[3] for ln in lines}
    assert severities == {"TCP104": "1", "SYN002": "1"}  # vim.diagnostic.severity.ERROR

"""Issue 13 item 3: zlint opens only regular files, and only up to a size limit.

Every case puts something that is not a regular file (a FIFO, a socket, a
character or block device) or a file over the size limit where zlint reads a
member: listed by the inventory, INCLUDEd, named on the command line (check
and parse), found by discovery. Each run must finish (a FIFO that is opened
blocks forever: the timeout catches it) with a diagnostic that says why the
file was not read."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "zosmf-ha"
HANG = 60  # seconds: only a hang takes that long


def _fifo(path: Path) -> str:
    os.mkfifo(path)
    return "a FIFO"


def _socket(path: Path) -> str:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(str(path))  # the socket file stays after close
    s.close()
    return "a socket"


def _char(path: Path) -> str:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero: a read never ends
    return "a character device"


def _block(path: Path) -> str:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, stat.S_IFBLK | 0o600, os.makedev(7, 0))
    return "a block device"


def _huge(path: Path) -> str:
    with open(path, "wb") as f:
        f.truncate((64 << 20) + 1)  # sparse: 64 MiB + 1 byte, written in no time
    return "over the size limit of 64 MiB"


MAKERS: dict[str, Callable[[Path], str]] = {"fifo": _fifo, "socket": _socket, "char-device": _char,
                                            "block-device": _block, "over-64-MiB": _huge}
# where the special file sits, and the command that must reach it
ROLES = ["inventory-profile", "inventory-izuprm", "include-member", "check-path", "parse-path",
         "discovered-member"]


def _setup(tmp: Path, role: str, make: Callable[[Path], str]) -> tuple[list[str], str]:
    plex = tmp / "plex"
    shutil.copytree(EXAMPLE, plex)
    target = {"inventory-profile": plex / "SYS2" / "PROFILE.TCPIP",
              "inventory-izuprm": plex / "SYS2" / "IZUPRM0B",
              "include-member": plex / "tcpparms" / "ZOSMFHA",
              "check-path": tmp / "alone" / "PROFILE.TCPIP",
              "parse-path": tmp / "alone" / "PROFILE.TCPIP",
              "discovered-member": tmp / "disc" / "SYS1" / "PROFILE.TCPIP"}[role]
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    why = make(target)
    if role == "parse-path":
        return ["parse", str(target)], why
    if role == "check-path":
        return ["check", str(target)], why
    if role == "discovered-member":
        (tmp / "disc" / "SYS2").mkdir()
        shutil.copy(EXAMPLE / "SYS2" / "IZUPRM0B", tmp / "disc" / "SYS2" / "IZUPRM0B")
        return ["check", str(tmp / "disc")], why
    return ["check", str(plex)], why


@pytest.mark.parametrize("kind", list(MAKERS))
@pytest.mark.parametrize("role", ROLES)
def test_only_regular_files_are_read(tmp_path: Path, role: str, kind: str) -> None:
    args, why = _setup(tmp_path, role, MAKERS[kind])
    try:
        out = subprocess.run([sys.executable, "-m", "zparse.cli", *args], capture_output=True, text=True,
                             timeout=HANG, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"zlint {' '.join(args)} hung on {kind}")
    text = out.stdout + out.stderr
    assert "Traceback" not in text and "internal error" not in text, text
    assert why in text, text
    assert ("not a regular file" in text) == (kind != "over-64-MiB"), text
    assert out.returncode in (1, 2), text


def test_max_file_size_comes_from_the_inventory(tmp_path: Path) -> None:
    plex = tmp_path / "plex"
    shutil.copytree(EXAMPLE, plex)
    toml = plex / "zlint.toml"
    toml.write_text(toml.read_text().replace('[lint]\n', '[lint]\nmax-file-size = "200 bytes"\n'))
    out = subprocess.run([sys.executable, "-m", "zparse.cli", "check", "--no-source", str(plex)],
                         capture_output=True, text=True, timeout=HANG, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "SYN013" in out.stdout, out.stdout
    assert "over the size limit of 200 bytes ([lint] max-file-size)" in out.stdout, out.stdout
    toml.write_text(toml.read_text().replace('"200 bytes"', '"a lot"'))
    out = subprocess.run([sys.executable, "-m", "zparse.cli", "check", str(plex)], capture_output=True, text=True,
                         timeout=HANG, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 2 and "lint.max-file-size" in out.stderr


def test_the_language_server_is_not_wedged_by_a_fifo(tmp_path: Path) -> None:
    """An inventory whose other system's profile is a FIFO, and a FIFO opened
    as a document: the server keeps answering and lints both documents."""
    from .test_lsp_framing import Peer

    plex = tmp_path / "plex"
    shutil.copytree(EXAMPLE, plex)
    (plex / "SYS2" / "PROFILE.TCPIP").unlink()
    os.mkfifo(plex / "SYS2" / "PROFILE.TCPIP")
    os.mkfifo(plex / "SYS1" / "PROFILE.OBEY")
    peer = Peer(tmp_path)
    try:
        peer.initialize(plex)
        uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
        peer.open(uri, (EXAMPLE / "SYS1" / "PROFILE.TCPIP").read_text())
        peer.open((plex / "SYS1" / "PROFILE.OBEY").as_uri(), "PORT 23 TCP INTCLIEN\n")
        obey = (plex / "SYS1" / "PROFILE.OBEY").as_uri()
        published: set[str] = set()
        while not {uri, obey} <= published:  # both linted: the FIFOs did not wedge the worker
            msg = peer.inbox.get(timeout=HANG)
            assert msg is not None
            if msg.get("method") == "textDocument/publishDiagnostics":
                published.add(msg["params"]["uri"])
        assert "result" in peer.symbols(uri)
    finally:
        _, log = peer.close()
    assert "Traceback" not in log, log[-3000:]

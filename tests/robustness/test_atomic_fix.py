"""Issue 13 item 2: ``zlint check --fix`` never leaves a member truncated.

Each case makes the rewrite fail at one step (a write cut off half way by
RLIMIT_FSIZE or by a failing ``write``, fsync, the rename); the original must
be byte for byte what it was, no temporary file may be left behind, and the
message must name the file and the reason. A fix that succeeds keeps the
file's mode and a symbolic link stays a link."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from zparse import cli
from zparse.outputs import fix as fixmod

ROOT = Path(__file__).resolve().parents[2]
FIXABLE = "TCPCONFIG RESTRICTLOWPORTS;glued comment\n"  # SYN009: a safe fix inserts a blank


def _member(folder: Path, lines: int = 2000) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "PROFILE.TCPIP"
    body = FIXABLE + "".join(f"PORT {1000 + i} TCP JOB{i:04d} ; a comment to give the file some size\n"
                             for i in range(lines))
    path.write_text(body)
    path.chmod(0o640)
    return path


def _half_write(real_open: Callable[..., Any]) -> Callable[..., Any]:
    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_open(file, mode, *args, **kwargs)
        if "w" not in mode:
            return fh
        write = fh.write

        def half(data: bytes) -> int:
            write(data[: len(data) // 2])
            fh.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        fh.write = half
        return fh
    return fake_open


def _fail(number: int) -> Callable[..., Any]:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise OSError(number, os.strerror(number))
    return boom


# (case, what breaks, the reason the message must give)
IN_PROCESS = [
    ("write-half-way", lambda mp: mp.setattr(fixmod, "open", _half_write(open), raising=False),
     os.strerror(errno.ENOSPC)),
    ("fsync", lambda mp: mp.setattr(os, "fsync", _fail(errno.EIO)), os.strerror(errno.EIO)),
    ("rename", lambda mp: mp.setattr(os, "replace", _fail(errno.EXDEV)), os.strerror(errno.EXDEV)),
    ("chmod", lambda mp: mp.setattr(os, "fchmod", _fail(errno.EPERM)), os.strerror(errno.EPERM)),
]


@pytest.mark.parametrize(("case", "breaks", "reason"), IN_PROCESS, ids=[c[0] for c in IN_PROCESS])
def test_a_failed_rewrite_leaves_the_original(case: str, breaks: Callable[[pytest.MonkeyPatch], None], reason: str,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = _member(tmp_path / "SYS1")
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)
    breaks(monkeypatch)
    code = cli.main(["check", "--fix", "SYS1"])
    err = capsys.readouterr().err
    assert path.read_bytes() == before  # cmp
    assert sorted(p.name for p in path.parent.iterdir()) == ["PROFILE.TCPIP"], "a temporary file was left behind"
    assert code == 2
    assert "PROFILE.TCPIP" in err and reason in err and "unchanged" in err, err


def test_a_write_cut_by_the_file_size_limit_leaves_the_original(tmp_path: Path) -> None:
    """The rewrite runs under RLIMIT_FSIZE smaller than the file: the write
    stops half way with EFBIG (SIGXFSZ ignored)."""
    path = _member(tmp_path / "SYS1")
    before = path.read_bytes()
    limit = len(before) // 2

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = subprocess.run([sys.executable, "-m", "zparse.cli", "check", "--fix", "SYS1"], cwd=tmp_path,
                         capture_output=True, text=True, preexec_fn=limited, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert path.read_bytes() == before, f"truncated to {path.stat().st_size} of {len(before)} bytes"
    assert sorted(p.name for p in path.parent.iterdir()) == ["PROFILE.TCPIP"]
    assert out.returncode == 2
    assert "SYS1/PROFILE.TCPIP" in out.stderr and os.strerror(errno.EFBIG) in out.stderr, out.stderr


def test_a_successful_fix_keeps_mode_and_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = _member(tmp_path / "SYS1").rename(tmp_path / "SYS1" / "member.data")
    (tmp_path / "SYS1" / "PROFILE.TCPIP").symlink_to("member.data")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--fix", "--quiet", "SYS1"]) in (0, 1)
    assert real.read_text().startswith("TCPCONFIG RESTRICTLOWPORTS ;glued comment\n")
    assert real.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "SYS1" / "PROFILE.TCPIP").is_symlink()
    assert sorted(p.name for p in real.parent.iterdir()) == ["PROFILE.TCPIP", "member.data"]

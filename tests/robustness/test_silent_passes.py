"""Issue 13 item 5: no silent pass.

``zlint check DIR`` on a folder that holds members but is no system of the
inventory containing it warns, naming the inventory, and never says "All
checks passed". A folder or file that cannot be reached is "permission
denied", never "not found", with or without an inventory. Permissions do not
bind root, so the denial is simulated (a PermissionError from the one system
call that would fail) and, when not root, also made real with chmod."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from zparse import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "zosmf-ha"


@pytest.fixture
def plex(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "plex"
    shutil.copytree(EXAMPLE, root)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("where", ["OTHER", "OTHER/SYSX", "tcpparms-copy"])
def test_a_folder_that_is_no_system_of_its_inventory_is_not_a_pass(plex: Path, where: str,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = plex / where
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLE / "SYS1" / "PROFILE.TCPIP", folder / "PROFILE.TCPIP")
    top = where.split("/")[0]
    code = cli.main(["check", top])
    out, err = capsys.readouterr()
    assert "All checks passed" not in out
    assert "zlint.toml" in err and "not a system of the inventory" in err and "PROFILE.TCPIP" in err, err
    assert code == 0


def _deny(target: str, calls: tuple[str, ...]) -> Callable[[pytest.MonkeyPatch], None]:
    """Make ``calls`` (os.stat, os.lstat, os.scandir, os.listdir) raise EACCES for paths ending in ``target``."""
    def apply(mp: pytest.MonkeyPatch) -> None:
        for name in calls:
            real = getattr(os, name)

            def denied(path: Any = ".", *args: Any, _real: Callable[..., Any] = real, **kwargs: Any) -> Any:
                p = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else ""
                if p.rstrip("/").endswith(target) or f"{target}/" in p:
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), p)
                return _real(path, *args, **kwargs)

            mp.setattr(os, name, denied)
    return apply


# (case, the folder made unreadable, what is denied, the path checked)
DENIED = [
    ("folder-without-inventory", "lonely", ("scandir", "listdir"), "lonely"),
    ("path-under-unsearchable-folder", "locked", ("stat", "lstat"), "locked/SYS1"),
    ("inventory-file-under-unsearchable-folder", "SYS2", ("stat", "lstat"), "."),
    ("system-folder-without-inventory", "lonely/SYS2", ("scandir", "listdir"), "lonely"),
]


@pytest.mark.parametrize(("case", "locked", "calls", "checked"), DENIED, ids=[d[0] for d in DENIED])
def test_permission_denied_is_not_not_found(plex: Path, case: str, locked: str, calls: tuple[str, ...],
                                            checked: str, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    if case in ("folder-without-inventory", "system-folder-without-inventory"):
        lonely = plex.parent / "lonely"
        for s in ("SYS1", "SYS2"):
            shutil.copytree(EXAMPLE / s, lonely / s)
        monkeypatch.chdir(plex.parent)
    elif case == "path-under-unsearchable-folder":
        shutil.copytree(EXAMPLE, plex / "locked")
        (plex / "locked" / "zlint.toml").unlink()
    _deny(locked, calls)(monkeypatch)
    code = cli.main(["check", "--no-source", checked])
    out, err = capsys.readouterr()
    text = (out + err).lower()
    assert "permission denied" in text, out + err
    assert "not found" not in text and "no such file" not in text, out + err
    assert "All checks passed" not in out
    assert code in (1, 2)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads through any mode")
def test_a_real_unreadable_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lonely = tmp_path / "lonely"
    shutil.copytree(EXAMPLE / "SYS1", lonely / "SYS1")
    lonely.chmod(0)
    try:
        assert cli.main(["check", str(lonely)]) == 2
        assert cli.main(["check", str(lonely / "SYS1")]) == 2
    finally:
        lonely.chmod(0o700)
    err = capsys.readouterr().err
    assert err.count("permission denied") == 2, err

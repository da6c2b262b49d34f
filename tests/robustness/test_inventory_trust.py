"""Issue 13 item 6: an inventory found by walking up that someone else may
have written is refused, with a message naming it and how to accept it.

Each case makes the inventory untrusted in one way (another user owns it,
everyone may write it, it lies in a folder everyone may write to) and checks
a member below it: zlint refuses (exit 2), names the file, ``--config`` and
ZLINT_SAFE_INVENTORY. Each way of accepting it then works: ``--config PATH``,
the environment variable (the file, its folder, or ``*``), naming the
inventory itself on the command line. The library refuses it too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import zparse.sysplex as sp

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "zosmf-ha"


def _foreign_owner(inv: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    os.chown(inv, 65534, 65534)


UNTRUSTED: dict[str, Callable[[Path], None]] = {
    "owned-by-another-user": _foreign_owner,
    "world-writable-file": lambda inv: inv.chmod(0o666),
    "world-writable-folder": lambda inv: inv.parent.chmod(0o777),
    "world-writable-sticky-folder": lambda inv: inv.parent.chmod(0o1777),  # like /tmp
}


def _zlint(*args: str, env: dict[str, str] | None = None, cwd: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "ZLINT_SAFE_INVENTORY"}
    return subprocess.run([sys.executable, "-m", "zparse.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**base, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.fixture(params=list(UNTRUSTED))
def untrusted(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    plex = tmp_path / "plex"
    shutil.copytree(EXAMPLE, plex)
    inv = plex / "zlint.toml"
    UNTRUSTED[request.param](inv)
    return inv


def test_an_untrusted_inventory_is_refused_with_the_way_out(untrusted: Path) -> None:
    out = _zlint("check", "SYS1/PROFILE.TCPIP", cwd=untrusted.parent)
    assert out.returncode == 2, out.stdout + out.stderr
    assert str(untrusted) in out.stderr and "--config" in out.stderr and "ZLINT_SAFE_INVENTORY" in out.stderr
    with pytest.raises(sp.InventoryError, match="ZLINT_SAFE_INVENTORY"):
        sp.load_sysplex(untrusted.parent / "SYS1")
    report = _zlint("report", "SYS1", cwd=untrusted.parent)
    assert report.returncode == 2 and str(untrusted) in report.stderr


@pytest.mark.parametrize("accept", ["--config", "env-file", "env-folder", "env-star", "named-inventory"])
def test_an_untrusted_inventory_can_be_accepted(untrusted: Path, accept: str) -> None:
    env = {"env-file": str(untrusted), "env-folder": str(untrusted.parent), "env-star": "*"}
    if accept == "--config":
        out = _zlint("check", "--config", str(untrusted), "SYS1/PROFILE.TCPIP", cwd=untrusted.parent)
    elif accept == "named-inventory":
        out = _zlint("check", str(untrusted), cwd=untrusted.parent)
    else:
        out = _zlint("check", "SYS1/PROFILE.TCPIP", cwd=untrusted.parent,
                     env={"ZLINT_SAFE_INVENTORY": env[accept]})
    assert out.returncode in (0, 1), out.stdout + out.stderr
    assert "ZLINT_SAFE_INVENTORY" not in out.stderr


def test_config_alone_checks_that_inventory(untrusted: Path) -> None:
    out = _zlint("check", "--config", str(untrusted), cwd=untrusted.parent.parent)
    assert out.returncode in (0, 1) and "All checks passed" in out.stdout, out.stdout + out.stderr


def test_a_trusted_inventory_needs_nothing(tmp_path: Path) -> None:
    plex = tmp_path / "plex"
    shutil.copytree(EXAMPLE, plex)
    assert _zlint("check", "SYS1", cwd=plex).returncode == 0

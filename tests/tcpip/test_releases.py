"""[lint] target-release (issue 14, class 5): the release table and its wiring."""

from __future__ import annotations

from pathlib import Path

import pytest

import zparse
from zparse.syntax.releases import NEWEST, RELEASES, ReleaseError, normalise_release, since
from zparse.workspace.config import InventoryError


def test_release_names() -> None:
    assert RELEASES[0] == "V2R1" and NEWEST == RELEASES[-1]
    assert normalise_release("v2r4") == normalise_release("2.4") == normalise_release("z/OS 2.4") == "V2R4"
    with pytest.raises(ReleaseError):
        normalise_release("V9R9")
    with pytest.raises(ValueError):
        zparse.parse("ARPAGE 5\n", target_release="V1R1")


def test_table_lookup() -> None:
    assert since("GLOBALCONFIG", "SMCD") == ("V2R2", "V2R2")
    assert since("GLOBALCONFIG", "SMCR") is None


def _sysplex(tmp_path: Path, lint: str) -> list[str]:
    (tmp_path / "SYS1").mkdir()
    (tmp_path / "tcpparms").mkdir()
    (tmp_path / "SYS1" / "PROFILE.TCPIP").write_text("GLOBALCONFIG SMCD\nINCLUDE USER.TCPPARMS(VIPAS)\n")
    (tmp_path / "tcpparms" / "VIPAS").write_text(
        "VIPADYNAMIC\n VIPARANGE DEFINE 255.255.255.255 10.1.2.5 ZCX\nENDVIPADYNAMIC\n")
    (tmp_path / "zlint.toml").write_text(
        '[sysplex]\nname = "P"\n[include]\n"USER.TCPPARMS" = "tcpparms"\n'
        f'[systems.SYS1]\ntcpip = "SYS1/PROFILE.TCPIP"\n[lint]\n{lint}\n')
    return [f"{d.code} {Path(d.span.path or '').name}" for d in zparse.lint(zparse.load_sysplex(str(tmp_path)))
            if d.code == "SYN014"]


def test_inventory_target_reaches_profile_and_includes(tmp_path: Path) -> None:
    assert _sysplex(tmp_path, 'target-release = "V2R1"') == ["SYN014 PROFILE.TCPIP", "SYN014 VIPAS"]


def test_inventory_without_target_is_quiet(tmp_path: Path) -> None:
    assert _sysplex(tmp_path, "select = [\"ALL\"]") == []


def test_unknown_target_is_an_inventory_error(tmp_path: Path) -> None:
    with pytest.raises(InventoryError, match="target-release"):
        _sysplex(tmp_path, 'target-release = "V7R7"')

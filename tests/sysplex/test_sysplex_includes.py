"""INCLUDE resolution through [include], and SYN007 for everything that may not be read."""

from __future__ import annotations

import builtins
import os
from pathlib import Path
from typing import Any

import pytest
from plexkit import where, write

import zparse
from zparse.sysplex import load_sysplex

SECRET = "SECRET-TOKEN-7f3a9c"
VIPAS = "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 198.51.100.10\nENDVIPADYNAMIC\n"
TOML = '[include]\n"USER.TCPPARMS" = "tcpparms"\n[systems.SYS1]\ntcpip = "SYS1/PROFILE.TCPIP"\n'


def _profile(*lines: str) -> str:
    return "IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1\n" + "".join(line + "\n" for line in lines)


def _syn007(root: Path) -> list[tuple[str, str]]:
    sp = load_sysplex(root)
    return [(d.span.text, d.message) for d in zparse.lint(sp) if d.code == "SYN007"]


@pytest.mark.parametrize(("include", "member_path"), [
    ("INCLUDE USER.TCPPARMS(VIPAS)", "tcpparms/VIPAS"),
    ("include user.tcpparms(vipas)", "tcpparms/VIPAS"),
    ("INCLUDE USER.TCPPARMS(VIPAS)", "tcpparms/vipas.txt"),
    ("INCLUDE 'USER.TCPPARMS(VIPAS)'", "tcpparms/VIPAS.tcpip"),
    ("INCLUDE USER.TCPPARMS.SYS1(VIPAS)", "tcpparms/SYS1/VIPAS"),
    ("INCLUDE USER.TCPPARMS.VIPAS", "tcpparms/VIPAS"),
])
def test_include_resolves_through_the_map(tmp_path: Path, include: str, member_path: str) -> None:
    write(tmp_path, {"zlint.toml": TOML, "SYS1/PROFILE.TCPIP": _profile(include), member_path: VIPAS})
    sp = load_sysplex(tmp_path)
    assert _syn007(tmp_path) == []
    system = sp.systems[0]
    assert system.profile is not None and [str(a) for a in system.profile.index.defined] == ["198.51.100.10"]
    assert system.include_paths == (str(tmp_path.joinpath(*member_path.split("/"))),)


def test_sequential_data_set_mapped_to_a_file(tmp_path: Path) -> None:
    toml = TOML.replace('"USER.TCPPARMS" = "tcpparms"', '"USER.TCPIP.VIPAS" = "shared/vipas.seq"')
    write(tmp_path, {"zlint.toml": toml, "SYS1/PROFILE.TCPIP": _profile("INCLUDE USER.TCPIP.VIPAS"),
                     "shared/vipas.seq": VIPAS})
    assert _syn007(tmp_path) == []


def test_longest_prefix_wins(tmp_path: Path) -> None:
    toml = TOML.replace('"USER.TCPPARMS" = "tcpparms"', '"USER" = "user"\n"USER.TCPPARMS" = "tcpparms"')
    write(tmp_path, {"zlint.toml": toml, "SYS1/PROFILE.TCPIP": _profile("INCLUDE USER.TCPPARMS(VIPAS)"),
                     "tcpparms/VIPAS": VIPAS, "user/TCPPARMS/VIPAS": "garbage that would not parse\n"})
    sp = load_sysplex(tmp_path)
    assert sp.systems[0].include_paths == (str(tmp_path / "tcpparms" / "VIPAS"),)


def test_positions_inside_an_included_member(tmp_path: Path) -> None:
    write(tmp_path, {"zlint.toml": TOML, "SYS1/PROFILE.TCPIP": _profile("INCLUDE USER.TCPPARMS(BAD)"),
                     "tcpparms/BAD": "; comment\nVIPADYNAMIC\n  VIPADEFINE 255.255.255.0 198.51.100.1O\nENDVIPADYNAMIC\n"})
    diags = [d for d in zparse.lint(load_sysplex(tmp_path)) if d.code.startswith("SYN")]
    assert diags and all(d.span.path == str(tmp_path / "tcpparms" / "BAD") for d in diags)
    assert diags[0].span.start_line_col()[0] == 3 and "198.51.100.1O" in diags[0].span.text


@pytest.mark.parametrize(("include", "files", "message"), [
    ("INCLUDE OTHER.TCPPARMS(VIPAS)", {}, "no [include] entry"),
    ("INCLUDE USER.TCPPARMS(NOPE)", {}, "no file NOPE in tcpparms/"),
    ("INCLUDE USER.TCPPARMS.SYS9(VIPAS)", {}, "no folder SYS9"),
    ("INCLUDE USER.TCPPARMS(..)", {}, "not a valid member name"),
    ("INCLUDE USER.TCPPARMS(../../SECRET)", {}, "z/OS UNIX path"),
    ("INCLUDE ../outside/SECRET", {}, "z/OS UNIX path"),
    ("INCLUDE /etc/passwd", {}, "z/OS UNIX path"),
    ("INCLUDE '/u/tcpip/profile'", {}, "z/OS UNIX path"),
    ("INCLUDE USER..TCPPARMS(VIPAS)", {}, "not a valid data set name"),
    ("INCLUDE USER.TCPPARMS(SELF)", {"tcpparms/SELF": "INCLUDE USER.TCPPARMS(SELF)\n"}, "cycle"),
    ("INCLUDE USER.TCPPARMS(A)", {"tcpparms/A": "INCLUDE USER.TCPPARMS(B)\n",
                                  "tcpparms/B": "INCLUDE USER.TCPPARMS(A)\n"}, "cycle"),
])
def test_include_problems_are_syn007(tmp_path: Path, include: str, files: dict[str, str], message: str) -> None:
    write(tmp_path, {"zlint.toml": TOML, "SYS1/PROFILE.TCPIP": _profile(include), "tcpparms/VIPAS": VIPAS,
                     **files})
    found = _syn007(tmp_path)
    assert len(found) == 1, found
    assert message in found[0][1]


def test_profile_including_itself_is_a_cycle(tmp_path: Path) -> None:
    toml = TOML.replace('"tcpparms"', '"SYS1"')
    write(tmp_path, {"zlint.toml": toml, "SYS1/PROFILE.TCPIP": _profile("INCLUDE USER.TCPPARMS(PROFILE)"),
                     "SYS1/PROFILE": "; a link would do the same\n"})
    os.remove(tmp_path / "SYS1" / "PROFILE")
    os.symlink(tmp_path / "SYS1" / "PROFILE.TCPIP", tmp_path / "SYS1" / "PROFILE")
    found = _syn007(tmp_path)
    assert found, "a profile that includes itself (through a link) must be stopped"
    assert all("cycle" in m or "nested more than" in m for _, m in found)


def test_include_nested_more_than_16_deep(tmp_path: Path) -> None:
    chain = {f"tcpparms/M{i}": f"INCLUDE USER.TCPPARMS(M{i + 1})\n" for i in range(20)}
    chain["tcpparms/M20"] = VIPAS
    write(tmp_path, {"zlint.toml": TOML, "SYS1/PROFILE.TCPIP": _profile("INCLUDE USER.TCPPARMS(M0)"), **chain})
    found = _syn007(tmp_path)
    assert len(found) == 1 and "nested more than 16" in found[0][1]


def test_symlink_leaving_the_folder_is_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside"
    write(outside, {"SECRET": f"VIPADYNAMIC\n VIPADEFINE 255.255.255.0 {SECRET}\nENDVIPADYNAMIC\n"})
    root = tmp_path / "plex"
    write(root, {"zlint.toml": TOML, "SYS1/PROFILE.TCPIP": _profile("INCLUDE USER.TCPPARMS(LEAK)",
                                                                      "INCLUDE USER.TCPPARMS(SUB)")})
    (root / "tcpparms").mkdir()
    os.symlink(outside / "SECRET", root / "tcpparms" / "LEAK")
    os.symlink(outside, root / "tcpparms" / "escape")
    write(root, {"tcpparms/SUB": "INCLUDE USER.TCPPARMS.ESCAPE(SECRET)\n"})
    opened: list[str] = []
    real_open = builtins.open

    def spy(file: Any, *args: Any, **kw: Any) -> Any:
        opened.append(os.path.realpath(str(file)))
        return real_open(file, *args, **kw)

    monkeypatch.setattr(builtins, "open", spy)
    sp = load_sysplex(root)
    diags = zparse.lint(sp)
    monkeypatch.setattr(builtins, "open", real_open)
    syn007 = [d for d in diags if d.code == "SYN007"]
    assert len(syn007) == 2 and all("outside" in d.message for d in syn007)
    assert str(outside / "SECRET") not in opened
    texts = [d.message + (d.help or "") for d in diags]
    texts += [f.result.source.text for f in sp.files if f.result]
    texts += [s.text for f in sp.files if f.result for s in f.result.includes]
    assert not any(SECRET in t for t in texts)


def test_discovered_systems_look_in_their_folder_then_the_root(tmp_path: Path) -> None:
    write(tmp_path, {
        "SYS1/PROFILE.TCPIP": _profile("INCLUDE SYS1.TCPPARMS(OWN)", "INCLUDE SYS1.TCPPARMS(COMMON)"),
        "SYS1/OWN": VIPAS, "COMMON": "PORT 443 TCP IZUSVR* NOAUTOLOG\n",
    })
    sp = load_sysplex(tmp_path)
    assert sp.mode == "discovered"
    assert _syn007(tmp_path) == []
    assert {Path(p).name for p in sp.systems[0].include_paths} == {"OWN", "COMMON"}


def test_discovered_system_missing_member(tmp_path: Path) -> None:
    write(tmp_path, {"SYS1/PROFILE.TCPIP": _profile("INCLUDE SYS1.TCPPARMS(NOPE)")})
    assert where(tmp_path, [d for d in zparse.lint(load_sysplex(tmp_path)) if d.code == "SYN007"]) == [
        "SYN007@SYS1/PROFILE.TCPIP:2"]

"""Loading a sysplex: zlint.toml, [tool.zlint], discovery, single files, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from plexkit import IZU_A, RECIPE, RECIPE_SYS1, RECIPE_SYS2, RECIPE_TOML, write

import zparse
from zparse.codes import Severity
from zparse.sysplex import InventoryError, find_inventory, load_sysplex, recognise


def test_zlint_toml_systems_sorted_dns_and_lint_config(tmp_path: Path) -> None:
    files = dict(RECIPE)
    files["zlint.toml"] = RECIPE_TOML.replace('[systems.SYS1]', '[systems.SYS9]') + (
        '[lint]\nselect = ["HA", "TCP104"]\nignore = ["HA307"]\nseverity = { HA304 = "error" }\n')
    write(tmp_path, files)
    sp = load_sysplex(tmp_path / "zlint.toml")
    assert sp.mode == "inventory" and sp.name == "PLEX1"
    assert [s.name for s in sp.systems] == ["SYS2", "SYS9"]
    assert sp.dns == {"zosmf.example.com": (__import__("ipaddress").ip_address("198.51.100.10"),)}
    assert sp.config.select == ("HA", "TCP104") and sp.config.ignore == ("HA307",)
    assert sp.config.severity_for("HA304") is Severity.ERROR
    assert sp.config.severity_for("HA305") is None
    sys9 = sp.system("SYS9")
    assert sys9 is not None and sys9.profile is not None and sys9.izuprm is not None
    assert sys9.izuprm.autostart_group == "IZUDFLA"
    assert sys9.tcpip_path == str(tmp_path / "SYS1" / "PROFILE.TCPIP")
    assert all(f.status == "clean" for f in sp.files)


def test_found_by_walking_up_from_a_member_and_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path, RECIPE)
    assert find_inventory(tmp_path / "SYS1" / "PROFILE.TCPIP") == tmp_path / "zlint.toml"
    for start in (tmp_path / "SYS1", tmp_path / "SYS1" / "PROFILE.TCPIP", tmp_path):
        sp = zparse.load_sysplex(str(start))
        assert sp.mode == "inventory" and [s.name for s in sp.systems] == ["SYS1", "SYS2"]


def test_pyproject_tool_zlint(tmp_path: Path) -> None:
    files = {k: v for k, v in RECIPE.items() if k != "zlint.toml"}
    body = RECIPE_TOML.replace("[sysplex]", "[tool.zlint.sysplex]").replace("[dns]", "[tool.zlint.dns]")
    body = body.replace("[systems.", "[tool.zlint.systems.")
    files["pyproject.toml"] = '[project]\nname = "plex"\n\n' + body
    write(tmp_path, files)
    sp = load_sysplex(tmp_path / "SYS2")
    assert sp.inventory == str(tmp_path / "pyproject.toml")
    assert [s.name for s in sp.systems] == ["SYS1", "SYS2"]


def test_pyproject_without_tool_zlint_is_skipped_when_walking_up(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[project]\nname = "x"\n', "SYS1/PROFILE.TCPIP": RECIPE_SYS1,
                     "SYS2/PROFILE.TCPIP": RECIPE_SYS2})
    sp = load_sysplex(tmp_path)
    assert sp.mode == "discovered"
    with pytest.raises(InventoryError, match=r"tool\.zlint: no \[tool\.zlint\] table"):
        load_sysplex(tmp_path / "pyproject.toml")


def test_discovery_one_system_per_subfolder(tmp_path: Path) -> None:
    write(tmp_path, {
        "SYS1/PROFILE.TCPIP": RECIPE_SYS1, "SYS1/izuprm0a": IZU_A, "SYS1/notes.txt": "hello",
        "SYS2/sys2.tcpip": RECIPE_SYS2, "docs/README": "not a member", ".git/PROFILE": "x",
    })
    sp = load_sysplex(tmp_path)
    assert sp.mode == "discovered" and sp.inventory is None
    assert [s.name for s in sp.systems] == ["SYS1", "SYS2"]
    sys1 = sp.system("SYS1")
    assert sys1 is not None and sys1.izuprm is not None
    assert sys1.izuprm_paths == (str(tmp_path / "SYS1" / "izuprm0a"),)
    assert not any("notes" in p or "README" in p for p in sp.paths)


def test_discovery_of_a_system_folder_itself(tmp_path: Path) -> None:
    write(tmp_path, {"SYS1/TCPIP.PROFILE": RECIPE_SYS1})
    sp = load_sysplex(tmp_path / "SYS1")
    assert [s.name for s in sp.systems] == ["SYS1"]


def test_single_file_is_checked_on_its_own(tmp_path: Path) -> None:
    write(tmp_path, {"member.txt": "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 198.51.100.10\n"
                                    "  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10\n"
                                    "    PORT 443 DESTIP 192.0.2.9 PREFERRED\nENDVIPADYNAMIC\n"})
    sp = load_sysplex(tmp_path / "member.txt")
    assert sp.mode == "file" and sp.systems == ()
    codes = {d.code for d in zparse.lint(sp)}
    assert "TCP104" in codes  # per-file rules run
    assert not any(c.startswith("HA") for c in codes)  # sysplex rules do not


def test_single_parmlib_file_is_recognised_by_content(tmp_path: Path) -> None:
    write(tmp_path, {"zosmf.txt": "HOSTNAME('zosmf.example.com')\nKEYRING_NAME(IZUKeyring.IZUDFLT)\n"})
    sp = load_sysplex(tmp_path / "zosmf.txt")
    assert sp.files[0].kind == "izuprm"
    assert "IZU204" in {d.code for d in zparse.lint(sp)}


def test_file_not_read_by_the_inventory_is_checked_on_its_own(tmp_path: Path) -> None:
    write(tmp_path, {**RECIPE, "scratch/PROFILE.OBEY": RECIPE_SYS1})
    sp = load_sysplex(tmp_path / "scratch" / "PROFILE.OBEY")
    assert sp.mode == "file"


@pytest.mark.parametrize(("text", "key", "message"), [
    ("[sysplex\n", None, "not valid TOML"),
    ("[systms.SYS1]\n", "systms", "unknown key"),
    ('[systems.SYS1]\ntcpip = "SYS1/PROFILE.TCPIP"\nizuprms = []\n', "systems.SYS1.izuprms", "unknown key"),
    ('[systems.SYS1]\ntcpip = 5\n', "systems.SYS1.tcpip", "must be a string"),
    ('[systems.SYS1]\ntcpip = "SYS1/MISSING"\n', "systems.SYS1.tcpip", "not found"),
    ('[systems.SYS1]\ntcpip = "/etc/passwd"\n', "systems.SYS1.tcpip", "absolute path"),
    ('[systems.SYS1]\ntcpip = "../outside/PROFILE"\n', "systems.SYS1.tcpip", "leaves the inventory"),
    ('[systems.SYS1]\nizuprm = ["SYS1"]\n', "systems.SYS1.izuprm", "is a folder"),
    ('[systems.SYS1]\nizuprm = "SYS1/PROFILE.TCPIP"\nsymbols = { SYSCLONE = 1 }\n',
     "systems.SYS1.symbols.SYSCLONE", "must be a string"),
    ('[systems.SYS1]\nsymbols = {}\n', "systems.SYS1", "lists no files"),
    ('[dns]\n"zosmf.example.com" = "zosmf"\n', 'dns."zosmf.example.com"', "not an IP address"),
    ('[include]\n"USER.TCPPARMS" = "nowhere"\n', 'include."USER.TCPPARMS"', "not found"),
    ('[include]\n"USER..X" = "SYS1"\n', 'include."USER..X"', "not a data set name"),
    ('[lint]\nselect = ["HA9"]\n', "lint.select", "is not a code"),
    ('[lint]\nignore = "HA301"\n', "lint.ignore", "list of strings"),
    ('[lint]\nseverity = { HA301 = "fatal" }\n', "lint.severity.HA301", "not a severity"),
    ('encoding = "klingon"\n', "encoding", "unknown encoding"),
])
def test_bad_inventory_names_file_and_key(tmp_path: Path, text: str, key: str | None, message: str) -> None:
    write(tmp_path, {"zlint.toml": text, "SYS1/PROFILE.TCPIP": RECIPE_SYS1})
    with pytest.raises(InventoryError) as info:
        load_sysplex(tmp_path)
    err = info.value
    assert err.file == str(tmp_path / "zlint.toml")
    assert err.key == key
    assert message in str(err) and str(tmp_path / "zlint.toml") in str(err)


def test_bad_key_in_pyproject_is_named_with_its_prefix(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[tool.zlint.systems.SYS1]\ntcpip = "NOPE"\n'})
    with pytest.raises(InventoryError) as info:
        load_sysplex(tmp_path)
    assert info.value.key == "tool.zlint.systems.SYS1.tcpip"


def test_symlink_leaving_the_folder_is_an_inventory_error(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, {"PROFILE": RECIPE_SYS1})
    root = tmp_path / "plex"
    write(root, {"zlint.toml": '[systems.SYS1]\ntcpip = "SYS1/PROFILE.TCPIP"\n'})
    (root / "SYS1").mkdir()
    os.symlink(outside / "PROFILE", root / "SYS1" / "PROFILE.TCPIP")
    with pytest.raises(InventoryError, match="outside the inventory"):
        load_sysplex(root)


def test_missing_path_is_an_inventory_error(tmp_path: Path) -> None:
    with pytest.raises(InventoryError, match="no such file"):
        load_sysplex(tmp_path / "nope")


def test_unreadable_member_is_a_diagnostic(tmp_path: Path) -> None:
    write(tmp_path, RECIPE)
    target = tmp_path / "SYS2" / "IZUPRM0B"
    target.unlink()
    os.symlink(tmp_path / "SYS2" / "IZUPRM0B.deleted", target)  # listed, but a dangling link
    sp = load_sysplex(tmp_path / "SYS1")
    bad = [f for f in sp.files if f.status == "unreadable"]
    assert [Path(f.path).name for f in bad] == ["IZUPRM0B"]
    assert bad[0].result is None
    diags = zparse.lint(sp)
    hits = [d for d in diags if Path(d.span.path or "").name == "IZUPRM0B"]
    assert len(hits) == 1 and "cannot be read" in hits[0].message
    assert hits[0].system == "SYS2"
    assert not [d for d in diags if d.code.startswith("HA32")]  # no guesses about SYS2's z/OSMF


def test_recognise_names() -> None:
    assert recognise("PROFILE.TCPIP") == "tcpip"
    assert recognise("tcpip.prof") == "tcpip"
    assert recognise("sys1.TcpIp") == "tcpip"
    assert recognise("izuprm00") == "izuprm"
    assert recognise("README.md") is None
    assert recognise(".profile") is None


def test_symbols_substituted_per_system_and_sysname_given(tmp_path: Path) -> None:
    write(tmp_path, {
        "zlint.toml": '[systems.SYS1]\ntcpip = "PROFILE"\nsymbols = { XCF = "1" }\n'
                      '[systems.SYS2]\ntcpip = "PROFILE"\nsymbols = { "&XCF." = "2" }\n',
        "PROFILE": "; &SYSNAME.\nIPCONFIG DYNAMICXCF 192.0.2.&XCF. 255.255.255.0 1\n",
    })
    sp = load_sysplex(tmp_path)
    xcf = {s.name: str(s.profile.dynamic_xcf.address) for s in sp.systems
           if s.profile and s.profile.dynamic_xcf}
    assert xcf == {"SYS1": "192.0.2.1", "SYS2": "192.0.2.2"}
    assert sp.system("SYS1").symbols["SYSNAME"] == "SYS1"  # type: ignore[union-attr]


def test_undefined_symbol_reported_when_symbols_are_given(tmp_path: Path) -> None:
    write(tmp_path, {
        "zlint.toml": '[systems.SYS1]\ntcpip = "PROFILE"\nsymbols = { XCF = "1" }\n',
        "PROFILE": "IPCONFIG DYNAMICXCF 192.0.2.&XCFX. 255.255.255.0 1\n",
    })
    diags = zparse.lint(load_sysplex(tmp_path))
    assert "SYN008" in {d.code for d in diags}


def test_ebcdic_member_with_encoding(tmp_path: Path) -> None:
    from zparse.source import encode

    write(tmp_path, {"zlint.toml": 'encoding = "cp1047"\n[systems.SYS1]\ntcpip = "SYS1/PROFILE"\n'})
    records = [line.ljust(80) for line in RECIPE_SYS1.splitlines()]
    (tmp_path / "SYS1").mkdir()
    (tmp_path / "SYS1" / "PROFILE").write_bytes(encode("".join(records), "cp1047"))
    sp = load_sysplex(tmp_path)
    profile = sp.systems[0].profile
    assert profile is not None and profile.dynamic_xcf is not None
    assert str(profile.dynamic_xcf.address) == "192.0.2.1"
    assert len(profile.vipa_distributes) == 1

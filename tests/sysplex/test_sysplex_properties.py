"""Properties: the order of the systems in the inventory never changes the findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plexkit import IZU_A, IZU_B, RECIPE_SYS1, RECIPE_SYS2, write

import zparse
from zparse.diagnostics import Diagnostic

SYS3 = RECIPE_SYS1.replace("DYNAMICXCF 192.0.2.1", "DYNAMICXCF 192.0.2.3").replace(
    "  VIPADEFINE 255.255.255.0 198.51.100.10", "  VIPABACKUP 100 198.51.100.10").replace(
    "      192.0.2.2 BACKUP", "      192.0.2.22 BACKUP")
SYSTEMS = {
    "SYS1": (RECIPE_SYS1 + "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 198.51.100.20\nENDVIPADYNAMIC\n", IZU_A),
    "SYS2": (RECIPE_SYS2 + "VIPADYNAMIC\n  VIPABACKUP 100 198.51.100.20\nENDVIPADYNAMIC\n",
             IZU_B.replace("IZUDFLB", "IZUDFLA").replace("HTTP_SSL_PORT(443)", "HTTP_SSL_PORT(8443)")),
    "SYS3": (SYS3 + "VIPADYNAMIC\n  VIPABACKUP 100 198.51.100.20\nENDVIPADYNAMIC\n",
             "HOSTNAME('*')\nAUTOSTART(CONNECT)\n"),
    "SYS4": ("IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1\n", None),
}


def _inventory(order: list[str]) -> str:
    out = ['[dns]\n"zosmf.example.com" = "198.51.100.10"\n']
    for name in order:
        out.append(f'[systems.{name}]\ntcpip = "{name}/PROFILE.TCPIP"\n')
        if SYSTEMS[name][1] is not None:
            out.append(f'izuprm = ["{name}/IZUPRM00"]\n')
    return "".join(out)


def _normal(root: Path, diags: list[Diagnostic]) -> list[tuple[object, ...]]:
    def rel(path: str | None) -> str:
        return Path(path or "").relative_to(root).as_posix() if path else ""

    return [(d.code, d.severity.value, rel(d.span.path), d.span.start, d.span.end, d.message, d.system,
             tuple((rel(r.span.path), r.span.start, r.message) for r in d.related), d.help)
            for d in diags]


@pytest.fixture(scope="module")
def plex(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[object, ...]]]:
    root = tmp_path_factory.mktemp("plex")
    files = {f"{n}/PROFILE.TCPIP": p for n, (p, _) in SYSTEMS.items()}
    files.update({f"{n}/IZUPRM00": z for n, (_, z) in SYSTEMS.items() if z is not None})
    write(root, {**files, "zlint.toml": _inventory(sorted(SYSTEMS))})
    reference = _normal(root, zparse.lint(zparse.load_sysplex(str(root))))
    return root, reference


def test_the_reference_sysplex_has_many_kinds_of_findings(plex: tuple[Path, list[tuple[object, ...]]]) -> None:
    codes = {f[0] for f in plex[1]}
    assert {"HA301", "HA303", "HA305", "HA307", "HA321", "HA322"} <= codes, codes


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(sorted(SYSTEMS)))
def test_system_order_in_the_inventory_does_not_matter(
        plex: tuple[Path, list[tuple[object, ...]]], order: list[str]) -> None:
    root, reference = plex
    (root / "zlint.toml").write_text(_inventory(order), encoding="utf-8")
    try:
        got = _normal(root, zparse.lint(zparse.load_sysplex(str(root))))
    finally:
        (root / "zlint.toml").write_text(_inventory(sorted(SYSTEMS)), encoding="utf-8")
    assert got == reference

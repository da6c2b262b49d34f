"""Helpers of the sysplex tests: the recipe's files, writing a sysplex, showing findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from zparse.diagnostics import Diagnostic

RECIPE_SYS1 = """\
IPCONFIG SYSPLEXROUTING DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTM HOTSTANDBY 198.51.100.10
    PORT 443 DESTIP
      192.0.2.1 PREFERRED
      192.0.2.2 BACKUP
ENDVIPADYNAMIC
"""
RECIPE_SYS2 = RECIPE_SYS1.replace("DYNAMICXCF 192.0.2.1", "DYNAMICXCF 192.0.2.2")
IZU_A = """\
HOSTNAME('zosmf.example.com')
HTTP_SSL_PORT(443)
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLA')
SERVER_PROC(IZUSVRA)
KEYRING_NAME('IZUKeyring.IZUDFLT')
SAF_PREFIX('IZUDFLT')
USER_DIR('/global/zosmf/zosmfa')
"""
IZU_B = IZU_A.replace("IZUDFLA", "IZUDFLB").replace("IZUSVRA", "IZUSVRB").replace("zosmfa", "zosmfb")
RECIPE_TOML = """\
[sysplex]
name = "PLEX1"
[dns]
"zosmf.example.com" = "198.51.100.10"
[systems.SYS1]
tcpip = "SYS1/PROFILE.TCPIP"
izuprm = ["SYS1/IZUPRM0A"]
[systems.SYS2]
tcpip = "SYS2/PROFILE.TCPIP"
izuprm = ["SYS2/IZUPRM0B"]
"""
RECIPE = {
    "zlint.toml": RECIPE_TOML,
    "SYS1/PROFILE.TCPIP": RECIPE_SYS1,
    "SYS2/PROFILE.TCPIP": RECIPE_SYS2,
    "SYS1/IZUPRM0A": IZU_A,
    "SYS2/IZUPRM0B": IZU_B,
}


def write(root: Path, files: Mapping[str, str]) -> Path:
    for rel, text in files.items():
        target = root.joinpath(*rel.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    return root


def rel(root: Path, d: Diagnostic) -> str:
    p = Path(d.span.path or "")
    try:
        return p.relative_to(root).as_posix()
    except ValueError:
        return str(p)


def where(root: Path, diags: Iterable[Diagnostic]) -> list[str]:
    """``CODE@path:line`` of each diagnostic, paths relative to ``root``."""
    return [f"{d.code}@{rel(root, d)}:{d.span.start_line_col()[0]}" for d in diags]


def loud(diags: Iterable[Diagnostic]) -> list[tuple[str, str]]:
    """(code, message) of every error or warning."""
    return [(d.code, d.message) for d in diags if d.severity.value in ("error", "warning")]

"""zparse: parse and lint z/OS PROFILE.TCPIP and z/OSMF IZUPRMxx members.

The smallest surface (DESIGN.md contract 4)::

    import zparse
    result = zparse.parse(text, kind="tcpip")     # or kind="izuprm"
    result.render() == text                       # lossless, always
    result.model, result.diagnostics
    sysplex = zparse.load_sysplex("path/to/zlint.toml")   # or a folder
    for d in zparse.lint(sysplex): ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .codes import Severity
from .diagnostics import Diagnostic, Related
from .source import Source, Span

if TYPE_CHECKING:
    from .model.result import ParseResult
    from .sysplex import Sysplex

__version__ = "0.1.0"

__all__ = ("Diagnostic", "Related", "Severity", "Source", "Span", "lint", "load_sysplex", "parse")


def parse(text: str, kind: str = "tcpip", *, path: str | None = None,
          symbols: Mapping[str, str] | None = None) -> ParseResult[Any]:
    """Parse one file's text; never raises for any ``str``.

    ``kind`` is ``"tcpip"`` (a TCP/IP stack profile or OBEYFILE data set) or
    ``"izuprm"`` (a z/OSMF IZUPRMxx parmlib member). ``symbols`` are static
    system symbols (``{"SYSCLONE": "01"}``) substituted in profile tokens.
    """
    if kind == "tcpip":
        from .model.tcpip.build import parse_tcpip

        return parse_tcpip(text, path, symbols=symbols)
    if kind == "izuprm":
        from .model.izuprm import parse_izuprm

        return parse_izuprm(text, path)
    raise ValueError(f"unknown kind {kind!r}: use 'tcpip' or 'izuprm'")


def load_sysplex(path: str) -> Sysplex:
    """Load a sysplex from a ``zlint.toml``, a ``pyproject.toml`` with
    ``[tool.zlint]``, a folder (inventory found by walking up, or one system
    per subfolder), or a single file. Raises ``zparse.sysplex.InventoryError``
    only for an unreadable inventory; problems in member files become
    diagnostics."""
    from .sysplex import load_sysplex as _load

    return _load(path)


def lint(sysplex: Sysplex, *, select: list[str] | None = None,
         ignore: list[str] | None = None) -> list[Diagnostic]:
    """All findings for a sysplex (syntax and rules), in a deterministic order."""
    from .engine import lint as _lint

    return _lint(sysplex, select=select, ignore=ignore)

"""zparse: parse and lint z/OS PROFILE.TCPIP and z/OSMF IZUPRMxx members.

The smallest surface (DESIGN.md contract 4)::

    import zparse
    result = zparse.parse(text, kind="tcpip")     # or kind="izuprm"
    result.render() == text                       # lossless, always
    result.model, result.diagnostics
    sysplex = zparse.load_sysplex("path/to/zlint.toml")   # or a folder
    for d in zparse.lint(sysplex): ...
    change = zparse.diff(before_sysplex, after_sysplex)   # what a change does
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from .codes import Severity
from .diagnostics import Diagnostic, Related
from .source import Source, Span

if TYPE_CHECKING:
    from .model.izuprm import IzuPrm
    from .model.result import ParseResult
    from .model.tcpip import TcpipProfile
    from .review import SysplexDiff
    from .sysplex import Sysplex, System

__version__ = "0.1.0"

__all__ = ("Diagnostic", "IzuPrm", "Related", "Severity", "Source", "Span", "Sysplex", "System",
           "TcpipProfile", "diff", "lint", "load_sysplex", "parse")

# The model classes are re-exported lazily: ``import zparse`` stays cheap for the CLI's start-up.
_LAZY = {
    "Sysplex": ("zparse.sysplex", "Sysplex"),
    "System": ("zparse.sysplex", "System"),
    "TcpipProfile": ("zparse.model.tcpip", "TcpipProfile"),
    "IzuPrm": ("zparse.model.izuprm", "IzuPrm"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'zparse' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(target[0]), target[1])


@overload
def parse(text: str, kind: Literal["tcpip"] = "tcpip", *, path: str | None = None,
          symbols: Mapping[str, str] | None = None,
          target_release: str | None = None) -> ParseResult[TcpipProfile]: ...
@overload
def parse(text: str, kind: Literal["izuprm"], *, path: str | None = None,
          symbols: Mapping[str, str] | None = None,
          target_release: str | None = None) -> ParseResult[IzuPrm]: ...
@overload
def parse(text: str, kind: str, *, path: str | None = None,
          symbols: Mapping[str, str] | None = None,
          target_release: str | None = None) -> ParseResult[Any]: ...


def parse(text: str, kind: str = "tcpip", *, path: str | None = None,
          symbols: Mapping[str, str] | None = None, target_release: str | None = None) -> ParseResult[Any]:
    """Parse one file's text; never raises for any ``str``.

    ``kind`` is ``"tcpip"`` (a TCP/IP stack profile or OBEYFILE data set:
    the result's ``model`` is a :class:`~zparse.model.tcpip.TcpipProfile`) or
    ``"izuprm"`` (a z/OSMF IZUPRMxx parmlib member: an
    :class:`~zparse.model.izuprm.IzuPrm`); any other kind is a ValueError.
    ``symbols`` are static system symbols (``{"SYSCLONE": "01"}``)
    substituted in profile tokens. ``result.render() == text`` always.
    ``target_release`` (``"V2R4"``, profiles only) reports operands that
    release does not have yet (SYN014); an unknown release is a ValueError.
    """
    if kind == "tcpip":
        from .model.tcpip.build import parse_tcpip

        return parse_tcpip(text, path, symbols=symbols, target_release=target_release)
    if kind == "izuprm":
        from .model.izuprm import parse_izuprm

        return parse_izuprm(text, path)
    raise ValueError(f"unknown kind {kind!r}: use 'tcpip' or 'izuprm'")


def load_sysplex(path: str, *, encoding: str | None = None) -> Sysplex:
    """Load a sysplex from a ``zlint.toml``, a ``pyproject.toml`` with
    ``[tool.zlint]``, a folder (inventory found by walking up, or one system
    per subfolder), or a single file. ``encoding`` overrides the inventory's
    member encoding (e.g. ``"cp1047"``). Raises
    ``zparse.sysplex.InventoryError`` only for an unreadable inventory;
    problems in member files become diagnostics.

    To load with text of your own (unsaved buffers, a git revision), give
    :class:`zparse.sysplex.Loader` a :class:`zparse.workspace.Files` subclass."""
    from .sysplex import load_sysplex as _load

    return _load(path, encoding=encoding)


def lint(sysplex: Sysplex, *, select: list[str] | None = None,
         ignore: list[str] | None = None) -> list[Diagnostic]:
    """All findings for a sysplex (syntax and rules), in a deterministic order.

    ``select``/``ignore`` take codes, prefixes (``HA3``) or ``ALL`` and decide
    before the inventory's ``[lint]`` table does."""
    from .engine import lint as _lint

    return _lint(sysplex, select=select, ignore=ignore)


def diff(before: Sysplex, after: Sysplex) -> SysplexDiff:
    """What changes from ``before`` to ``after``, two loaded sysplexes (the
    same one at two points in time); see :class:`zparse.review.SysplexDiff`.

    Three parts, on the effective configuration (each system's OBEYFILE
    members applied): ``findings`` (new, fixed and unchanged, matched by
    code, system and the SARIF fingerprint, so a finding that only moves is
    unchanged); ``changes`` (DVIPAs, distribution, DYNAMICXCF, HOME,
    INTERFACE, PORT, z/OSMF settings... added, removed or changed, in z/OS
    terms); ``failover`` (each "lose system X" case before and after;
    ``.dark`` lists the services the change leaves unreachable). Reordering
    text is no change. Findings come from :func:`lint` with each side's own
    ``[lint]`` settings."""
    # Through importlib: zparse.review sits above the reporters (it reuses the
    # SARIF fingerprint), and the reporters import this package for __version__.
    import importlib

    result: SysplexDiff = importlib.import_module("zparse.review").diff(before, after)
    return result

"""Which codes run and how severe they are: select / ignore / severity, once.

Entries of ``select``, ``ignore`` and ``[lint.severity]`` are codes,
prefixes (``HA``, ``HA3``) or ``ALL``. Within one layer the most specific
matching entry wins and ``ignore`` wins a tie; a layer that gives
``select`` disables what it does not match. Used by the inventory reader,
the engine, the CLI and the language server alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .codes import CODES, Severity

__all__ = ["LintConfig", "check_selectors", "is_selected", "known_selector", "selector_specificity"]


def selector_specificity(code: str, selector: str) -> int | None:
    """How specifically a select/ignore/severity entry (a code, a prefix such as
    ``HA3``, or ``ALL``) matches ``code``: its length, 0 for ALL, None for no match."""
    sel = selector.strip().upper()
    if sel == "ALL":
        return 0
    if sel and code.upper().startswith(sel):
        return len(sel)
    return None


def known_selector(selector: str) -> bool:
    """Whether a select/ignore entry is ALL or a prefix of some known code."""
    sel = selector.strip().upper()
    return sel == "ALL" or (bool(sel) and any(c.startswith(sel) for c in CODES))


@attrs.frozen(kw_only=True)
class LintConfig:
    """The ``[lint]`` table: which codes run, and severity overrides.

    ``select`` None means "not given" (everything is selected unless
    ignored). Entries are codes, prefixes (``HA``, ``HA3``) or ``ALL``.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    target_release: str | None = None  # [lint] target-release, as the release table spells it; None: the newest

    def severity_for(self, code: str) -> Severity | None:
        """The overridden severity of ``code`` (most specific entry wins), or None."""
        best: tuple[int, Severity] | None = None
        for sel, sev in self.severity:
            s = selector_specificity(code, sel)
            if s is not None and (best is None or s >= best[0]):
                best = (s, sev)
        return best[1] if best else None


def _decide(code: str, select: Sequence[str] | None, ignore: Sequence[str] | None) -> bool | None:
    """One layer's decision: True/False, or None when the layer says nothing about ``code``."""
    s = max((x for x in (selector_specificity(code, e) for e in select or ()) if x is not None), default=None)
    i = max((x for x in (selector_specificity(code, e) for e in ignore or ()) if x is not None), default=None)
    if s is not None and (i is None or s > i):
        return True
    if i is not None:
        return False
    if select is not None:
        return False
    return None


def is_selected(code: str, config: LintConfig | None = None, *, select: Sequence[str] | None = None,
                ignore: Sequence[str] | None = None) -> bool:
    """Whether ``code`` runs/reports under ``[lint]`` (``config``) and the arguments.

    Entries are codes, prefixes or ``ALL``; within one layer the most specific
    matching entry wins and ``ignore`` wins a tie; a layer that gives
    ``select`` disables what it does not match. The arguments' layer decides
    first; the configuration decides what the arguments leave open; by
    default everything is selected.
    """
    for sel, ign in ((select, ignore), (config.select if config else None, config.ignore if config else ())):
        got = _decide(code, sel, ign)
        if got is not None:
            return got
    return True


def check_selectors(entries: Sequence[str] | None, what: str) -> None:
    for e in entries or ():
        sel = e.strip().upper()
        if sel != "ALL" and not any(c.startswith(sel) for c in CODES if sel):
            raise ValueError(f"{what}: {e!r} is not a code, a code prefix or ALL")

"""Release awareness: which z/OS release introduced an operand of the profile.

The data is the release table of grammars/tcpip.lark (its ``//releases``
and ``//since`` lines, beside the keyword table). :func:`release_findings`
walks a parsed profile and reports, as SYN014, each operand that the
``target`` release does not have yet. Nothing here runs unless a target
older than the newest release is asked for: the parse itself pays nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic, make
from ..source import Span
from .cst import Node, Token
from .grammar import grammar_text, keywords

__all__ = ["NEWEST", "RELEASES", "ReleaseError", "normalise_release", "release_findings", "since"]


class ReleaseError(ValueError):
    """A target release the grammar does not know."""


def _read() -> tuple[tuple[str, ...], dict[tuple[str, str], tuple[str, str]]]:
    text = grammar_text("tcpip.lark")
    m = re.search(r"^//releases[ \t]+(.*)$", text, re.M)
    releases = tuple(m.group(1).split()) if m else ()
    table, _ = keywords("tcpip.lark")
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for line in re.finditer(r"^//since[ \t]+(\S+)[ \t]+(\S+)[ \t]+(.*)$", text, re.M):
        lo, _, hi = line.group(1).partition("-")
        hi = hi or lo
        if lo not in releases or hi not in releases or releases.index(hi) < releases.index(lo):
            raise ValueError(f"release table: bad range {line.group(1)!r}")
        stmt = line.group(2).upper()
        for word in line.group(3).split():
            if word.upper() not in table.keywords:
                raise ValueError(f"release table: {word} is not in the keyword table")
            out[(stmt, word.upper())] = (lo, hi)
    return releases, out


RELEASES, _SINCE = _read()
NEWEST = RELEASES[-1]


def normalise_release(name: str) -> str:
    """``V2R5``, ``v2r5``, ``2.5`` or ``z/OS 2.5`` as the table spells it; ReleaseError if unknown."""
    t = name.strip().upper().removeprefix("Z/OS").strip()
    m = re.fullmatch(r"V?(\d+)(?:R|\.)(\d+)", t)
    got = f"V{m.group(1)}R{m.group(2)}" if m else t
    if got not in RELEASES:
        raise ReleaseError(f"{name!r} is not a z/OS release zlint knows ({', '.join(RELEASES)})")
    return got


def since(statement: str, operand: str) -> tuple[str, str] | None:
    """The release range in which IBM introduced ``operand`` of ``statement`` (None: in every release known)."""
    return _SINCE.get((statement.upper(), operand.upper()))


@functools.cache
def _newer_than(target: str) -> dict[tuple[str, str], tuple[str, str]]:
    at = RELEASES.index(target)
    return {k: v for k, v in _SINCE.items() if RELEASES.index(v[0]) > at}


def _statements(node: Node) -> Iterator[Node]:
    for child in node.children:
        if isinstance(child, Node):
            if child.kind == "block":
                yield from _statements(child)
            elif child.kind == "statement":
                yield child


def release_findings(tree: Node, target: str) -> list[Diagnostic]:
    """SYN014 for every operand of ``tree`` that ``target`` does not have yet."""
    target = normalise_release(target)
    newer = _newer_than(target)
    if not newer:
        return []
    stmts = {s for s, _ in newer}
    out: list[Diagnostic] = []
    for st in _statements(tree):
        if st.keyword not in stmts:
            continue
        for tok in st.children:
            if not isinstance(tok, Token) or tok.trivia or not tok.type.startswith("K_"):
                continue
            hit = newer.get((st.keyword, tok.type[2:]))
            if hit is None:
                continue
            lo, hi = hit
            when = f"in {lo}" if lo == hi else f"between {lo} and {hi}"
            out.append(make(
                "SYN014",
                f"{st.keyword} {tok.type[2:]} is not in z/OS {target}: IBM introduced it {when} "
                f"([lint] target-release is {target}); a {target} stack does not know it",
                Span(st.source, tok.start, tok.end),
                help=f"remove {tok.type[2:]} while {target} systems read this profile, or raise target-release",
            ))
    return out

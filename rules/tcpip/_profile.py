"""Shared helpers of the TCP1xx rules: processing order and DVIPA names.

Not a rule (no registration). The model keeps each statement kind in its own
tuple; z/OS processes the profile statement by statement, so rules that
depend on order ask :func:`order` for the position of a span in
``profile.statements`` (which follows INCLUDEs in processing order).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from zparse.model.tcpip import (
    TcpipProfile,
    VipaBackup,
    VipaDefine,
    VipaDistribute,
    VipaStatement,
)
from zparse.source import Span

if TYPE_CHECKING:
    from zparse.sysplex import Consequence, Sysplex

__all__ = ["cost", "cost_tail", "dvipa_name", "line_of", "lost_before", "order", "vipa_kind"]


def order(profile: TcpipProfile) -> Callable[[Span], int]:
    """A function giving the processing position of any span inside a statement.

    The position is the index in ``profile.statements`` of the statement
    whose text holds the span (its own file, the last statement starting at
    or before the span). Spans outside every statement get -1.
    """
    starts: dict[int, list[int]] = {}
    index: dict[int, list[int]] = {}
    for i, ref in enumerate(profile.statements):
        key = id(ref.span.source)
        starts.setdefault(key, []).append(ref.span.start)
        index.setdefault(key, []).append(i)

    def position(span: Span) -> int:
        key = id(span.source)
        s = starts.get(key)
        if not s:
            return -1
        k = bisect.bisect_right(s, span.start) - 1
        return index[key][k] if k >= 0 else -1

    return position


def line_of(span: Span) -> str:
    """``line N`` of the span's start (its file is in the span itself)."""
    return f"line {span.start_line_col()[0]}"


def vipa_kind(stmt: VipaStatement) -> str:
    """The IBM statement name of a VIPADYNAMIC model node."""
    return {
        "VipaDefine": "VIPADEFINE",
        "VipaBackup": "VIPABACKUP",
        "VipaDelete": "VIPADELETE",
        "VipaDistribute": "VIPADISTRIBUTE",
        "VipaRange": "VIPARANGE",
        "VipaRoute": "VIPAROUTE",
    }[type(stmt).__name__]


def dvipa_name(stmt: VipaDistribute | VipaDefine | VipaBackup) -> str:
    """The DVIPA as the user would name it: the address, or the IPv6 interface name."""
    if isinstance(stmt, VipaDistribute):
        if stmt.vipa is not None:
            return str(stmt.vipa)
        return stmt.interface or stmt.raw
    if stmt.addresses:
        return " ".join(str(a) for a in stmt.addresses)
    return stmt.interface or "?"


def lost_before(profile: TcpipProfile, stmt: VipaStatement) -> bool:
    """Whether z/OS had already stopped reading ``stmt``'s VIPADYNAMIC block before it.

    True when an earlier statement of the same block is lost (EZZ0831I) or a
    statement that did not parse stands between the block's start and
    ``stmt``. Then ``stmt`` itself is never processed and cannot be the
    first cause of the loss.
    """
    for other in profile.vipa:
        if other is stmt:
            break
        if other.block == stmt.block and other.lost:
            return True
    src = stmt.span.source
    opener = -1
    for ref in profile.statements:
        if ref.span.source is src and ref.keyword == "VIPADYNAMIC" and ref.span.start < stmt.span.start:
            opener = max(opener, ref.span.start)
    return any(
        u.block == "VIPADYNAMIC" and u.span.source is src and opener < u.span.start < stmt.span.start
        for u in profile.unparsed
    )


def _named(stmt: VipaStatement) -> set[object]:
    if isinstance(stmt, VipaDistribute):
        return {stmt.vipa} if stmt.vipa is not None else set()
    return set(getattr(stmt, "addresses", ()) or ())


def cost(sysplex: Sysplex | None, ignored: Sequence[VipaStatement]
         ) -> tuple[tuple[Consequence, ...], dict[int, list[str]]]:
    """What the sysplex loses because z/OS ignores ``ignored`` (see
    :func:`zparse.sysplex.consequences`): every consequence, and the texts of
    those that concern each statement's own DVIPA (by ``id``). Nothing for a
    profile checked on its own (``sysplex`` None)."""
    if sysplex is None or sysplex.single_file:
        return (), {}
    found = sysplex.index.consequences(sysplex, ignored)
    per: dict[int, list[str]] = {}
    for stmt in ignored:
        names = _named(stmt)
        texts = [c.text for c in found if c.dvipa in names]
        if texts:
            per[id(stmt)] = texts
    return found, per


def cost_tail(found: Sequence[Consequence]) -> str:
    """A message tail naming what is lost (the first consequence, and how many more)."""
    if not found:
        return ""
    more = f" (and {len(found) - 1} more failover case{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
    return f"; so {found[0].text}{more}"

"""The result of parsing one file: tree, model and diagnostics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from ..diagnostics import Diagnostic
from ..source import Source

if TYPE_CHECKING:
    from ..syntax.cst import Node

M = TypeVar("M")

__all__ = ["ParseResult"]


@attrs.frozen(kw_only=True)
class ParseResult(Generic[M]):
    """What :func:`zparse.parse` returns.

    ``tree`` is the lossless syntax tree, ``model`` the typed model
    (``TcpipProfile`` or ``IzuPrm``), ``diagnostics`` the syntax and
    extraction findings in text order. ``status`` is ``"clean"`` (no syntax
    error), ``"recovered"`` (errors, the rest understood) or ``"unreadable"``.
    """

    source: Source
    tree: Node
    model: M
    diagnostics: tuple[Diagnostic, ...]
    status: str = "clean"
    includes: tuple[Source, ...] = ()  # sources of INCLUDEd members, in the order read

    def render(self) -> str:
        """The input text, rebuilt from the tree (always equal to it)."""
        return self.tree.render()

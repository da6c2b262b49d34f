"""A small lossless concrete syntax tree shared by both file kinds.

Every character of the input belongs to exactly one :class:`Token`; trivia
(blanks, line breaks, comments, ignored columns) are tokens too, marked
``trivia=True``. :meth:`Node.render` joins the tokens back into the input.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..source import Source, Span

__all__ = ["Node", "Token", "Tree"]


class Token:
    """One piece of the input: ``kind`` is its lexical class (``WORD``,
    ``NUMBER``, ``WS``, ``COMMENT``, ...); ``type`` is the grammar terminal it
    was resolved to (a keyword such as ``K_VIPADEFINE``, or the lexical class).
    ``value`` is the text after system-symbol substitution."""

    __slots__ = ("kind", "line_initial", "start", "text", "trivia", "type", "value")

    def __init__(self, kind: str, text: str, start: int, trivia: bool = False) -> None:
        self.kind = kind
        self.type = kind
        self.text = text
        self.value = text
        self.start = start
        self.trivia = trivia
        self.line_initial = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def __repr__(self) -> str:
        return f"Token({self.type}, {self.text!r}, {self.start})"

    def __str__(self) -> str:
        return self.value


class Node:
    """An interior node: ``kind`` names the construct (``statement``,
    ``block``, ``error``, ``file``...); ``children`` are nodes and tokens in
    text order. ``tree`` is the grammar's view of a statement (a :class:`Tree`,
    used only by the model builders; a TCP/IP parse frees it afterwards); ``keyword`` the canonical statement
    keyword where one is known."""

    __slots__ = ("children", "keyword", "kind", "source", "tree")

    def __init__(
        self,
        kind: str,
        children: list[Node | Token],
        source: Source,
        keyword: str | None = None,
        tree: Any = None,
    ) -> None:
        self.kind = kind
        self.children = children
        self.source = source
        self.keyword = keyword
        self.tree = tree

    def __repr__(self) -> str:
        return f"Node({self.kind}, {self.keyword}, {self.start}-{self.end})"

    def tokens(self) -> Iterator[Token]:
        """All tokens below this node, trivia included, in text order."""
        for child in self.children:
            if isinstance(child, Token):
                yield child
            else:
                yield from child.tokens()

    def significant(self) -> Iterator[Token]:
        return (t for t in self.tokens() if not t.trivia)

    @property
    def start(self) -> int:
        for t in self.tokens():
            return t.start
        return 0

    @property
    def end(self) -> int:
        end = 0
        for t in self.tokens():
            end = t.end
        return end

    def _edge(self, last: bool) -> Token | None:
        children = reversed(self.children) if last else iter(self.children)
        for c in children:
            if isinstance(c, Token):
                if not c.trivia:
                    return c
            else:
                t = c._edge(last)
                if t is not None:
                    return t
        return None

    @property
    def span(self) -> Span:
        """The span from the first to the last significant token."""
        first = self._edge(False)
        if first is None:
            return Span(self.source, self.start, self.end)
        last = self._edge(True)
        assert last is not None
        return Span(self.source, first.start, last.end)

    def render(self) -> str:
        return "".join(t.text for t in self.tokens())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def dump(self, indent: int = 0) -> str:
        """An indented text dump: one line per node and significant token."""
        pad = "  " * indent
        label = f"{pad}{self.kind}" + (f" {self.keyword}" if self.keyword else "")
        lines = [label]
        for child in self.children:
            if isinstance(child, Node):
                lines.append(child.dump(indent + 1))
            elif not child.trivia:
                lines.append(f"{pad}  {child.type} {child.text!r}")
        return "\n".join(lines)


class Tree:
    """The grammar's view of one statement: ``data`` is the rule name,
    ``children`` its subtrees and :class:`Token` leaves, shaped as Lark shapes
    its trees (``_rule`` inlined, ``?rule`` with one child expanded)."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list[Any]) -> None:
        self.data = data
        self.children = children

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tree) and self.data == other.data and self.children == other.children

    __hash__ = None  # type: ignore[assignment]

    def pretty(self, indent: int = 0) -> str:
        """An indented text dump, one line per subtree and token."""
        pad = "  " * indent
        lines = [f"{pad}{self.data}"]
        for c in self.children:
            lines.append(c.pretty(indent + 1) if isinstance(c, Tree) else f"{pad}  {c}")
        return "\n".join(lines)

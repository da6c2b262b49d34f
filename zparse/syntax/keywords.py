"""The one keyword table mechanism: IBM syntax-diagram spelling to terminals.

Keywords are written as IBM's syntax diagrams print them: the upper-case
part is the minimum abbreviation (``VIPADISTribute`` accepts ``VIPADIST``
through ``VIPADISTRIBUTE``). :class:`KeywordTable` maps every accepted
spelling, folded to upper case, to the grammar terminals it may stand for.
Which one applies is decided by position (the parser state), never here.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["Keyword", "KeywordTable"]


class Keyword:
    __slots__ = ("minimum", "name", "terminal")

    def __init__(self, diagram: str) -> None:
        self.name = diagram.upper()
        lower = next((i for i, c in enumerate(diagram) if c.islower()), len(diagram))
        self.minimum = max(lower, 1)
        self.terminal = "K_" + self.name

    def matches(self, word: str) -> bool:
        w = word.upper()
        return len(w) >= self.minimum and self.name.startswith(w)


class KeywordTable:
    """Keywords of one language, with their abbreviations."""

    def __init__(self, diagrams: Iterable[str]) -> None:
        self.keywords: dict[str, Keyword] = {}
        self._lookup: dict[str, tuple[str, ...]] = {}
        for d in diagrams:
            kw = Keyword(d)
            if kw.name in self.keywords:
                raise ValueError(f"keyword {kw.name} listed twice")
            self.keywords[kw.name] = kw
        acc: dict[str, list[str]] = {}
        for kw in self.keywords.values():
            for n in range(kw.minimum, len(kw.name) + 1):
                acc.setdefault(kw.name[:n], []).append(kw.terminal)
        # An exact spelling of a keyword wins over an abbreviation of a longer one.
        for spelling, terms in acc.items():
            exact = "K_" + spelling
            if exact in terms and len(terms) > 1:
                terms.remove(exact)
                terms.insert(0, exact)
            self._lookup[spelling] = tuple(terms)

    def terminals(self, word: str) -> tuple[str, ...]:
        """The keyword terminals ``word`` may stand for (empty if none)."""
        return self._lookup.get(word.upper(), ())

    def canonical(self, terminal: str) -> str:
        return terminal[2:] if terminal.startswith("K_") else terminal

    def all_terminals(self) -> list[str]:
        return sorted(kw.terminal for kw in self.keywords.values())

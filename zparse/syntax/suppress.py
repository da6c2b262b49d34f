"""``zlint: ignore[...]`` comments, read from the lexers' comment tokens.

The lexers hand over the comment (trivia) tokens that mention ``zlint``; this
module turns them into :class:`~zparse.diagnostics.Suppression` facts that the
models carry, so the engine never re-reads source lines. In a TCP/IP profile
a suppression is a ``;`` comment, in parmlib a ``/* */`` comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..diagnostics import Suppression
from ..source import Source, Span
from .cst import Token

__all__ = ["read_suppressions"]

_COMMENT = {
    "tcpip": re.compile(r";[^\r\n]*"),
    "izuprm": re.compile(r"/\*.*?(?:\*/|$)", re.S),
}
_IGNORE = re.compile(r"\bzlint:\s*ignore\b(?:\[([^\]\r\n]*)\])?", re.I)


def read_suppressions(source: Source, tokens: Iterable[Token], kind: str) -> tuple[Suppression, ...]:
    """The suppressions in comment tokens of ``source`` (``kind``: ``tcpip`` or ``izuprm``)."""
    out: list[Suppression] = []
    text = source.text
    comment = _COMMENT[kind]
    for tok in tokens:
        for c in comment.finditer(tok.text):
            start = tok.start + c.start()
            if kind == "tcpip" and start > 0 and not text[start - 1].isspace():
                continue  # `;` right after a word is no comment for z/OS (SYN009)
            for m in _IGNORE.finditer(c.group(0)):
                line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
                listed = m.group(1)
                codes = frozenset(x.strip().upper() for x in re.split(r"[,\s]+", listed or "") if x.strip())
                out.append(Suppression(span=Span(source, start, tok.start + c.end()), codes=codes,
                                       own_line=not text[line_start:start].strip()))
    return tuple(out)

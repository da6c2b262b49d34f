"""Loading the Lark grammars shipped with zparse, compiled once per process."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from lark import Lark
from lark.lexer import Lexer, LexerState

from .keywords import KeywordTable

__all__ = ["grammar_path", "grammar_text", "keyword_lines", "load_lalr"]


def grammar_path(name: str) -> Path:
    """Path of a grammar: inside the installed package, or the checkout's ``grammars/``."""
    here = Path(__file__).resolve().parent.parent
    for folder in (here / "grammars", here.parent / "grammars"):
        p = folder / name
        if p.is_file():
            return p
    raise FileNotFoundError(f"grammar {name} is missing from this installation")


def grammar_text(name: str) -> str:
    return grammar_path(name).read_text(encoding="utf-8")


def keyword_lines(text: str, tag: str) -> list[str]:
    """The words on ``//<tag>`` comment lines of a grammar (its keyword table)."""
    words: list[str] = []
    for m in re.finditer(rf"^//{tag}[ \t]+(.*)$", text, re.M):
        words.extend(m.group(1).split())
    return words


class _ExternalLexer(Lexer):
    """Placeholder: zparse's own lexers feed the parser state directly."""

    def __init__(self, conf: Any) -> None:
        pass

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Any:  # pragma: no cover
        raise NotImplementedError


@functools.cache
def load_lalr(name: str, starts: tuple[str, ...]) -> tuple[Lark, KeywordTable, frozenset[str]]:
    """Compile a grammar (cached on disk by Lark) and its keyword table.

    Returns the Lark object, the keyword table read from the grammar's
    ``//stmt`` and ``//kw`` lines, and the statement keyword terminals.
    """
    text = grammar_text(name)
    stmt_words = keyword_lines(text, "stmt")
    table = KeywordTable(stmt_words + keyword_lines(text, "kw"))
    declared = " ".join(table.all_terminals())
    full = text + f"\n%declare {declared}\n"
    lark = Lark(full, parser="lalr", lexer=_ExternalLexer, start=list(starts), cache=True)
    stmts = frozenset(table.keywords[w.upper()].terminal for w in stmt_words)
    return lark, table, stmts

"""Loading the Lark grammars shipped with zparse, compiled once per process."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lark import Lark, Tree
from lark.lexer import Lexer, LexerState

from .keywords import KeywordTable

__all__ = ["compiled_tables", "grammar_path", "grammar_text", "keyword_lines", "keywords", "load_lalr"]


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
def keywords(name: str) -> tuple[KeywordTable, frozenset[str]]:
    """The keyword table of a grammar (its ``//stmt`` and ``//kw`` lines) and
    the terminals of its statement keywords. Reads only the grammar text."""
    text = grammar_text(name)
    stmt_words = keyword_lines(text, "stmt")
    table = KeywordTable(stmt_words + keyword_lines(text, "kw"))
    stmts = frozenset(table.keywords[w.upper()].terminal for w in stmt_words)
    return table, stmts


def _full_text(name: str) -> str:
    table, _ = keywords(name)
    return grammar_text(name) + f"\n%declare {' '.join(table.all_terminals())}\n"


@functools.cache
def load_lalr(name: str, starts: tuple[str, ...]) -> tuple[Lark, KeywordTable, frozenset[str]]:
    """Compile a grammar (cached on disk by Lark) and its keyword table.

    Returns the Lark object, the keyword table read from the grammar's
    ``//stmt`` and ``//kw`` lines, and the statement keyword terminals.
    """
    table, stmts = keywords(name)
    lark = Lark(_full_text(name), parser="lalr", lexer=_ExternalLexer, start=list(starts), cache=True)
    return lark, table, stmts


def lark_version() -> str:
    """Which Lark is installed (its location and file stamp), found without importing it."""
    spec = importlib.util.find_spec("lark")
    origin = spec.origin if spec is not None else None
    if not origin:
        return "lark?"
    try:
        st = os.stat(origin)
    except OSError:
        return origin
    return f"{origin}|{st.st_size}|{st.st_mtime_ns}"


# Bump when the cached table's layout or _shape() changes: old cache files are then ignored.
_TABLE_FORMAT = 2

Table = dict[Any, dict[str, tuple[bool, Any]]]
# What a rule's tree callback needs: (rule name, tree name, expand a single child,
# children to keep as (index, splice its children)) -- Lark's tree-building options.
_RuleShape = tuple[str, str, bool, "tuple[tuple[int, bool], ...] | None"]


def _callback(shape: _RuleShape) -> Callable[[list[Any]], Any]:
    """The tree callback Lark's ParseTreeBuilder would make for a rule: inline
    ``_rule`` children, expand ``?rule`` with one child, build a Tree.

    An ``_rule`` is always spliced into its parent, so its value is just the
    list of its children (Lark builds a Tree there only to take it apart)."""
    origin, name, expand1, include = shape
    inline = origin.startswith("_")
    tree_name = name
    if include is None and not expand1:
        if inline:
            return _children
        return lambda children: Tree(tree_name, children)

    def build(children: list[Any]) -> Any:
        if include is not None:
            kept: list[Any] = []
            for i, splice in include:
                if splice:
                    if kept:
                        kept.extend(children[i])
                    else:  # reuse the list: left-recursive repetitions stay linear
                        kept = children[i]
                else:
                    kept.append(children[i])
            children = kept
        if inline:
            return children
        if expand1 and len(children) == 1:
            return children[0]
        return Tree(tree_name, children)

    return build


def _children(children: list[Any]) -> list[Any]:
    return children


def _shape(rule: Any) -> _RuleShape:
    include = tuple((i, not sym.is_term and sym.name.startswith("_"))
                    for i, sym in enumerate(rule.expansion)
                    if rule.options.keep_all_tokens or not (sym.is_term and sym.filter_out))
    needed = len(include) < len(rule.expansion) or any(splice for _, splice in include)
    return (sys.intern(str(rule.origin.name)), sys.intern(str(rule.alias or rule.origin.name)),
            bool(rule.options.expand1 and not rule.alias), include if needed else None)


@functools.cache
def compiled_tables(name: str, starts: tuple[str, ...]) -> tuple[Table, dict[str, tuple[Any, Any]]]:
    """Lark's LALR table for a grammar, compiled for a hand-written driver loop.

    Per state, per terminal or rule name: ``(True, next state)`` for a shift,
    ``(False, [size, tree callback, rule name])`` for a reduce; plus the start
    and end state of every start symbol. The table is cached on disk (next to
    Lark's own cache) as plain strings, numbers and tuples, every reduce action
    one shared object, so a process that finds it unpickles it in C and only
    fills in one callback per rule: no Lark object, no walk over the table.
    """
    text = _full_text(name)
    digest = hashlib.sha256(f"{text}|{lark_version()}|{starts}|{_TABLE_FORMAT}".encode()).hexdigest()[:20]
    path = Path(tempfile.gettempdir()) / f".zparse_lalr_{name}_{digest}_{os.getuid() if hasattr(os, 'getuid') else 0}.pickle"
    plain: Any = None
    try:
        with open(path, "rb") as fh:
            plain = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        plain = None
    if plain is None:
        plain = _plain_table(name, starts)
        try:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(plain, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
    states, rules, bounds = plain
    for action, shape in rules:
        action[1] = _callback(shape)
    return states, bounds


def _plain_table(name: str, starts: tuple[str, ...]) -> tuple[Table, list[tuple[list[Any], _RuleShape]], dict[str, tuple[Any, Any]]]:
    """Lark's table in plain data: names are interned ``str`` (Lark's own Token
    class compares in Python, slowly), each rule's reduce action is one list
    ``[size, None, origin]`` (the callback is filled in after loading)."""
    from lark.parsers.lalr_analysis import Shift

    lark = load_lalr(name, starts)[0]
    pt = lark.parser.parser.parser.parse_table
    rules: list[tuple[list[Any], _RuleShape]] = []
    reduce_of: dict[Any, tuple[bool, list[Any]]] = {}
    states: Table = {}
    for state, actions in pt.states.items():
        row: dict[str, tuple[bool, Any]] = {}
        for term, (action, arg) in actions.items():
            key = sys.intern(str(term))
            if action is Shift:
                row[key] = (True, arg)
                continue
            entry = reduce_of.get(arg)
            if entry is None:
                shape = _shape(arg)
                act: list[Any] = [len(arg.expansion), None, shape[0]]
                entry = reduce_of[arg] = (False, act)
                rules.append((act, shape))
            row[key] = entry
        states[state] = row
    bounds = {s: (pt.start_states[s], pt.end_states[s]) for s in starts}
    return states, rules, bounds

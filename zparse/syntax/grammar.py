"""The Lark grammars shipped with zparse, and the LALR tables compiled from them.

Lark compiles a grammar into LALR tables once; zparse caches those tables on
disk as plain data and runs its own parser loop over them, with tree
callbacks that shape trees as Lark's would. A process that finds the cache
never imports Lark: that is most of zlint's start-up time.

The cache is JSON (loading it cannot run code, unlike pickle) in a per-user
folder (``$XDG_CACHE_HOME/zparse``, else ``~/.cache/zparse``) created 0700;
the folder and the file are used only when they are owned by the user and
nobody else can write them. Anything else -- a foreign, stale, corrupt or
insecure cache -- is ignored and the tables are built in memory (and
rewritten when the folder is sound). See docs/security.md.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import os
import re
import stat
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cst import Tree
from .keywords import KeywordTable

if TYPE_CHECKING:
    from lark import Lark

__all__ = ["LalrParser", "ParseError", "Table", "cache_dir", "compiled_tables", "grammar_path", "grammar_text", "keyword_lines",
           "keywords", "lalr_parser", "load_lalr", "reduce", "reduce_to_end"]


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
    terminals = table.all_terminals()
    return grammar_text(name) + (f"\n%declare {' '.join(terminals)}\n" if terminals else "")


@functools.cache
def load_lalr(name: str, starts: tuple[str, ...]) -> tuple[Lark, KeywordTable, frozenset[str]]:
    """Compile a grammar and its keyword table (in memory: Lark's own disk cache
    is a pickle in the shared temp folder, which zparse never reads).

    Returns the Lark object, the keyword table read from the grammar's
    ``//stmt`` and ``//kw`` lines, and the statement keyword terminals.
    """
    from lark import Lark

    from ._lark_lexer import ExternalLexer

    table, stmts = keywords(name)
    lark = Lark(_full_text(name), parser="lalr", lexer=ExternalLexer, start=list(starts))
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
_TABLE_FORMAT = 4

Table = dict[Any, dict[str, tuple[bool, Any]]]
# What a rule's tree callback needs: (rule name, tree name, expand a single child,
# children to keep as (index, splice its children)) -- Lark's tree-building options.
_RuleShape = tuple[str, str, bool, "tuple[tuple[int, bool], ...] | None"]


def _callback(shape: _RuleShape) -> Callable[[list[Any]], Any]:
    """The tree callback Lark's ParseTreeBuilder would make for a rule: inline
    ``_rule`` children, expand ``?rule`` with one child, build a Tree.

    An ``_rule`` is always spliced into its parent, so its value is just the
    list of its children (Lark builds a Tree there only to take it apart)."""
    origin, tree_name, expand1, include = shape
    inline = origin.startswith("_")
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


def cache_dir() -> Path | None:
    """The per-user folder of the table cache, created 0700 when missing, or
    None when it cannot be made or is not safe: not a folder, owned by another
    user, or writable by group or others (what git's ``safe.directory`` check
    and ruff's per-user cache guard against)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.name == "nt":
        base = base or os.environ.get("LOCALAPPDATA", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    folder = Path(base) / "zparse"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except (OSError, ValueError):
        return None
    return folder if stat.S_ISDIR(st.st_mode) and _private(st) else None


def _private(st: os.stat_result) -> bool:
    """Owned by this user and not writable by group or others."""
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_cache(path: Path) -> Any:
    """The JSON document of a cache file, or None when it is not a regular file
    of this user that only this user can write (the file is opened without
    following a symbolic link and checked on the open descriptor)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with open(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not (stat.S_ISREG(st.st_mode) and _private(st)) or st.st_size > 64 << 20:
            return None
        try:
            return json.loads(fh.read())
        except (OSError, ValueError, RecursionError):
            return None


def _write_cache(folder: Path, path: Path, doc: Any) -> None:
    """Write a cache file atomically (a private temporary file, then rename)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with open(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, separators=(",", ":"))
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _encode(key: str, plain: tuple[Table, list[tuple[list[Any], _RuleShape]], dict[str, tuple[Any, Any]]]) -> Any:
    """A table as JSON data: a shift is its state (>= 0), a reduce is ``-1 - rule``."""
    states, rules, bounds = plain
    index = {id(action): i for i, (action, _) in enumerate(rules)}
    rows = [[state, {term: (arg if shift else -1 - index[id(arg)]) for term, (shift, arg) in row.items()}]
            for state, row in states.items()]
    shapes = [[action[0], list(shape[:3]), None if shape[3] is None else [list(i) for i in shape[3]]]
              for action, shape in rules]
    return {"key": key, "states": rows, "rules": shapes, "bounds": {s: list(b) for s, b in bounds.items()}}


def _decode(doc: Any, key: str) -> tuple[Table, list[tuple[list[Any], _RuleShape]], dict[str, tuple[Any, Any]]] | None:
    """The table of a cache document, or None unless it carries ``key`` and has
    exactly the layout :func:`_encode` writes (only str, int, bool, None)."""
    if not isinstance(doc, dict) or doc.get("key") != key:
        return None
    try:
        rules: list[tuple[list[Any], _RuleShape]] = []
        reduces: list[tuple[bool, list[Any]]] = []
        for size, (origin, tree, expand1), include in doc["rules"]:
            if not (type(size) is int and size >= 0 and isinstance(origin, str) and isinstance(tree, str)
                    and type(expand1) is bool):
                return None
            kept = None if include is None else tuple((int(i), bool(sp)) for i, sp in include)
            if kept is not None and any(type(i) is not int or not 0 <= i < size for i, _ in kept):
                return None
            action: list[Any] = [size, None, sys.intern(origin)]
            rules.append((action, (sys.intern(origin), sys.intern(tree), expand1, kept)))
            reduces.append((False, action))
        states: Table = {}
        for state, row in doc["states"]:
            if type(state) is not int or not isinstance(row, dict):
                return None
            out: dict[str, tuple[bool, Any]] = {}
            for term, arg in row.items():
                if type(arg) is not int:
                    return None
                out[sys.intern(term)] = (True, arg) if arg >= 0 else reduces[-1 - arg]
            states[state] = out
        bounds = {s: (int(a), int(b)) for s, (a, b) in doc["bounds"].items()}
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None
    return states, rules, bounds


@functools.cache
def compiled_tables(name: str, starts: tuple[str, ...]) -> tuple[Table, dict[str, tuple[Any, Any]]]:
    """Lark's LALR table for a grammar, compiled for a hand-written driver loop.

    Per state, per terminal or rule name: ``(True, next state)`` for a shift,
    ``(False, [size, tree callback, rule name])`` for a reduce; plus the start
    and end state of every start symbol. The table is cached on disk as JSON in
    the per-user :func:`cache_dir` (never the shared temp folder), every reduce
    action one shared object after loading, so a process that finds it only
    parses JSON and fills in one callback per rule: no Lark object.
    """
    # The whole key is stored in the file and compared on load; the file name
    # only needs a cheap checksum of it (no hashlib import on the start path).
    key = f"{_full_text(name)}|{lark_version()}|{starts}|{_TABLE_FORMAT}"
    folder = cache_dir()
    path = folder / f"lalr_{name}_{zlib.crc32(key.encode()):08x}.json" if folder else None
    plain = _decode(_read_cache(path), key) if path else None
    if plain is None:
        plain = _plain_table(name, starts)
        if folder and path:
            _write_cache(folder, path, _encode(key, plain))
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


class ParseError(Exception):
    """The parser's state has no action for a terminal."""


def reduce(table: Table, states: list[Any], values: list[Any], action: Any) -> Any:
    """Apply one reduce action (``[size, callback, rule]``) to a state and a
    value stack; returns the state it goes to."""
    size, callback, origin = action
    if size:
        children = values[-size:]
        del states[-size:]
        del values[-size:]
    else:
        children = []
    value = callback(children)
    goto = table[states[-1]][origin][1]
    states.append(goto)
    values.append(value)
    return goto


def reduce_to_end(table: Table, states: list[Any], values: list[Any], end_state: Any) -> Any:
    """End of input: reduce until ``end_state`` (the start symbol's) and return
    the start symbol's value. Raises ParseError when the input cannot end here."""
    while True:
        action = table[states[-1]].get("$END")
        if action is None or action[0]:
            raise ParseError("$END")
        if reduce(table, states, values, action[1]) == end_state:
            return values[-1]


class LalrParser:
    """A parser state over :func:`compiled_tables`, fed one terminal at a time
    (what Lark's interactive parser does, without Lark). Cheap to copy."""

    __slots__ = ("end_state", "states", "table", "values")

    def __init__(self, table: Table, start_state: Any, end_state: Any,
                 states: list[Any] | None = None, values: list[Any] | None = None) -> None:
        self.table = table
        self.end_state = end_state
        self.states = [start_state] if states is None else states
        self.values: list[Any] = [] if values is None else values

    def copy(self) -> LalrParser:
        return LalrParser(self.table, None, self.end_state, list(self.states), list(self.values))

    def choices(self) -> dict[str, tuple[bool, Any]]:
        """The actions of the current state, by terminal or rule name."""
        return self.table[self.states[-1]]

    def feed(self, terminal: str, value: Any) -> None:
        """Shift ``value`` as ``terminal``, after the reductions it calls for.
        Raises ParseError when the terminal cannot come next; the state may
        then be half reduced (as in Lark): feed a copy to try a terminal."""
        table = self.table
        while True:
            action = table[self.states[-1]].get(terminal)
            if action is None:
                raise ParseError(terminal)
            shift, arg = action
            if shift:
                self.states.append(arg)
                self.values.append(value)
                return
            reduce(table, self.states, self.values, arg)

    def feed_eof(self) -> Any:
        """End the input: reduce to the start symbol and return its value."""
        return reduce_to_end(self.table, self.states, self.values, self.end_state)

    def accepts(self) -> set[str]:
        """The terminals (``$END`` included) that can come next."""
        out: set[str] = set()
        for term in self.choices():
            if not term.isupper():  # a rule name (a goto), not a terminal
                continue
            trial = self.copy()
            try:
                if term == "$END":
                    trial.feed_eof()
                else:
                    trial.feed(term, None)
            except ParseError:
                continue
            out.add(term)
        return out


def lalr_parser(name: str, start: str) -> LalrParser:
    """A fresh parser for one start symbol of a grammar (copy it per statement)."""
    table, bounds = compiled_tables(name, (start,))
    start_state, end_state = bounds[start]
    return LalrParser(table, start_state, end_state)

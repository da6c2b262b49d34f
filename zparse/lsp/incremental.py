"""Incremental re-parsing of a TCP/IP profile, for the language server.

A full parse of a 5,000-line profile takes several hundred milliseconds;
an editor sends a change on every keystroke. :class:`IncrementalTcpip`
keeps a profile cut into *pieces* of whole lines (about
:data:`TARGET_LINES` each, cut before a top-level statement keyword), each
parsed on its own with :func:`~zparse.model.tcpip.build.parse_tcpip`. After
an edit only the pieces whose text changed are parsed again; the result is
assembled from all pieces and is the same as a full parse of the text:
same model (equal, block numbers included), same diagnostics at the same
offsets, spans and CST tokens pointing into one :class:`~zparse.source.Source`
of the whole text.

Why the assembly equals a full parse
    The lexer works line by line (no token spans a line break), and pieces
    begin at line starts, so every piece is tokenised as in the whole text.
    The statement driver parses one top-level statement at a time and looks
    only forward, so a piece parses like its part of the whole text as long
    as nothing in it looks past its end. Three checks make sure of that,
    and pieces are merged (and parsed again) until they hold:

    1. no piece but the last holds a block without its END (SYN003): such a
       block's extent depends on the rest of the text;
    2. no piece but the last ends with a statement that did not parse: an
       error skips to the next statement start, which may lie beyond;
    3. at every boundary, the last statement of the piece before really ends
       where the next piece begins: a small parse of that statement plus the
       first line of the next piece must start a new statement there (a
       statement could otherwise take the next line's keyword as an operand).

    The builder's state across statements is folded in while merging the
    pieces' models: VIPADYNAMIC block numbers are renumbered, the IPCONFIG
    DYNAMICXCF / NODYNAMICXCF state and the last PRIMARYINTERFACE, SOMAXCONN
    and ARPAGE win. A model field this module does not know how to merge
    makes it fall back to a full parse (never a wrong result). The one known
    difference: an empty VIPADYNAMIC block inside an INCLUDEd member is not
    counted, so later blocks may be numbered one lower than by a full parse
    (block numbers only tell blocks apart).

Pieces are reused in place: the spans and tokens of a piece are moved to
their new offsets and the new source, so a result is valid until the next
call of :meth:`IncrementalTcpip.parse`.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..diagnostics import Diagnostic, sort_diagnostics
from ..model.result import ParseResult
from ..model.tcpip import DynamicXcf, GlobalConfig, IpConfig, TcpipProfile
from ..model.tcpip.build import MAX_INCLUDES, IncludeResolver, parse_tcpip
from ..source import Source, Span, line_bounds
from ..syntax.cst import Node, Token
from ..syntax.grammar import grammar_text, keyword_lines
from ..syntax.tcpip import BLOCKS, keyword_table, lalr_tables

__all__ = ["TARGET_LINES", "IncrementalTcpip"]

log = logging.getLogger(__name__)

TARGET_LINES = 64
"""Lines per piece (a piece is cut at the first statement keyword after this many lines)."""

_LAST_WINS = {"primary_interface": "PRIMARYINTERFACE", "somaxconn": "SOMAXCONN", "arpage": "ARPAGE"}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")
_FIRST_WORD = re.compile(r"[ \t]*([A-Za-z@#$][^\s;\"]*)")


class _Unmergeable(Exception):
    """A model field this module does not know how to merge: parse in full."""


class _Vocabulary:
    """What the piece-cutting heuristic and the boundary check need to know about keywords."""

    def __init__(self) -> None:
        table = keyword_table()
        self.table = table
        words = keyword_lines(grammar_text("tcpip.lark"), "stmt")
        self.statements = frozenset(table.keywords[w.upper()].terminal for w in words)
        self.ends = {opener: info.end for opener, info in BLOCKS.items()}
        self._continuations: dict[tuple[str, str], frozenset[str] | None] = {}

    def continuations(self, start: str, first: str) -> frozenset[str] | None:
        """Every terminal a statement that starts with ``first`` (parsed from ``start``)
        may accept after its first token; None when that cannot be told."""
        key = (start, first)
        if key in self._continuations:
            return self._continuations[key]
        found: frozenset[str] | None = None
        try:
            table, bounds = lalr_tables()
            action = table[bounds[start][0]].get(first)
            if action is not None and action[0]:  # a shift
                seen: set[int] = set()
                stack = [action[1]]
                terms: set[str] = set()
                while stack:
                    state = stack.pop()
                    if state in seen:
                        continue
                    seen.add(state)
                    for name, (shift, arg) in table[state].items():
                        terms.add(name)
                        if shift:
                            stack.append(arg)
                found = frozenset(terms)
        except Exception:  # the table cannot be read: always run the parse check
            found = None
        self._continuations[key] = found
        return found

    def statement(self, word: str) -> bool:
        return any(t in self.statements for t in self.table.terminals(word))

    def opener(self, word: str) -> str | None:
        for t in self.table.terminals(word):
            if t in self.ends:
                return self.ends[t]
        return None

    def closes(self, line: str, end: str) -> bool:
        code = line.split(";", 1)[0]
        return any(end in self.table.terminals(w) for w in code.split())


_VOCAB: _Vocabulary | None = None


def _vocabulary() -> _Vocabulary:
    global _VOCAB
    if _VOCAB is None:
        _VOCAB = _Vocabulary()
    return _VOCAB


# ---------------------------------------------------------------- spans


_FIELDS: dict[type, tuple[str, ...]] = {}


def _own_spans(roots: Iterable[object], source: Source) -> list[Span]:
    """Every distinct Span of ``source`` reachable from ``roots`` (attrs objects, tuples)."""
    return [s for s in _all_spans(roots) if s.source is source]


def _all_spans(roots: Iterable[object]) -> list[Span]:
    """Every distinct Span reachable from ``roots`` (attrs objects, tuples)."""
    out: list[Span] = []
    seen: set[int] = set()
    stack: list[object] = list(roots)
    while stack:
        o = stack.pop()
        if isinstance(o, Span):
            if id(o) not in seen:
                seen.add(id(o))
                out.append(o)
            continue
        if isinstance(o, (tuple, list)):
            stack.extend(o)
            continue
        cls = type(o)
        names = _FIELDS.get(cls)
        if names is None:
            fields = getattr(cls, "__attrs_attrs__", None)
            names = tuple(a.name for a in fields) if fields is not None else ()
            _FIELDS[cls] = names
        for n in names:
            stack.append(getattr(o, n))
    return out


def _first_token(node: Node) -> Token | None:
    for t in node.tokens():
        if not t.trivia:
            return t
    return None


def _first_sig(node: Node) -> int | None:
    t = _first_token(node)
    return t.start if t is not None else None


def _last_statement(node: Node) -> tuple[str, str] | None:
    """(start symbol, first terminal) of the statement a top-level node ends with."""
    start = "statement"
    if node.kind == "block":
        head = _first_token(node)
        info = BLOCKS.get(head.type) if head is not None else None
        inner = [c for c in node.children if isinstance(c, Node)]
        if info is None or not inner:
            return None
        if len(inner) > 1:
            start, node = info.item_start, inner[-1]
    if node.kind != "statement":
        return None
    tok = _first_token(node)
    return (start, tok.type) if tok is not None else None


# ---------------------------------------------------------------- pieces


class _Piece:
    """Whole lines of the text, parsed on their own."""

    __slots__ = ("base", "blocks", "check_left", "error_tail", "first_sig", "first_word", "included_spans",
                 "includes", "keywords", "last_node", "last_statement", "local_spans", "nodes", "open_ended",
                 "result", "spans", "text", "tokens", "vipa")

    def __init__(self, text: str) -> None:
        self.text = text
        self.result: ParseResult[TcpipProfile] | None = None
        self.base = 0
        self.check_left = True
        self.spans: list[Span] = []
        self.included_spans: list[Span] = []
        self.local_spans: list[tuple[int, int]] = []
        self.tokens: list[tuple[Token, int]] = []
        self.nodes: list[Node] = []
        self.includes: tuple[tuple[str, object], ...] = ()
        self.vipa: list[tuple[Any, int]] = []
        self.blocks = 0
        self.keywords: frozenset[str] = frozenset()
        self.open_ended = False
        self.error_tail = False
        self.first_sig: int | None = None
        self.first_word: str | None = None
        self.last_node: int | None = None
        self.last_statement: tuple[str, str] | None = None

    def parse(self, path: str | None, symbols: Mapping[str, str] | None,
              resolver: IncludeResolver | None) -> None:
        answers: list[tuple[str, object]] = []
        rec = _Recorder(resolver, answers) if resolver is not None else None
        result = parse_tcpip(self.text, path, symbols=symbols, include_resolver=rec)
        source = result.source
        self.result = result
        self.includes = tuple(answers)
        every = _all_spans((result.model, result.diagnostics))
        self.spans = [sp for sp in every if sp.source is source]
        self.included_spans = [sp for sp in every if sp.source is not source]
        self.local_spans = [(s.start, s.end) for s in self.spans]
        self.tokens = [(t, t.start) for t in result.tree.tokens()]
        self.nodes = list(result.tree.walk())
        self.base = 0
        own_blocks = 0
        nodes = [c for c in result.tree.children if isinstance(c, Node)]
        for c in nodes:
            if c.kind == "block" and c.keyword == "VIPADYNAMIC":
                own_blocks += 1
        self.vipa = [(v, v.block) for v in result.model.vipa]
        wanted = set(_LAST_WINS.values())
        self.keywords = frozenset(s.keyword for s in result.model.statements if s.keyword in wanted)
        included = {v.block for v in result.model.vipa if v.span.source is not source}
        top = max((v.block for v in result.model.vipa), default=0)
        self.blocks = max(top, own_blocks + len(included))
        self.open_ended = any(d.code == "SYN003" and d.span.source is source for d in result.diagnostics)
        self.error_tail = bool(nodes) and nodes[-1].kind == "error"
        first = _first_token(nodes[0]) if nodes else None
        self.first_sig = first.start if first is not None else None
        self.first_word = first.value if first is not None else None
        self.last_node = _first_sig(nodes[-1]) if nodes else None
        self.last_statement = _last_statement(nodes[-1]) if nodes else None

    def includes_current(self, resolver: IncludeResolver | None) -> bool:
        """Whether every INCLUDE of the piece still resolves to the same text."""
        if not self.includes:
            return True
        if resolver is None:
            return False
        return all(_Recorder.ask(resolver, dsn) == answer for dsn, answer in self.includes)

    def rebase(self, source: Source, base: int, block_offset: int) -> None:
        set_source, set_start, set_end = _SET_SOURCE, _SET_START, _SET_END
        for span, (start, end) in zip(self.spans, self.local_spans):
            set_source(span, source)
            set_start(span, start + base)
            set_end(span, end + base)
        for tok, start in self.tokens:
            tok.start = start + base
        for node in self.nodes:
            node.source = source
        self.base = base
        for v, block in self.vipa:
            if v.block != block + block_offset:
                object.__setattr__(v, "block", block + block_offset)


def _setter(cls: type, name: str) -> Any:
    """The slot setter of a frozen attrs class (spans are moved in place, see the module docstring)."""
    descriptor = cls.__dict__.get(name)
    if descriptor is not None and hasattr(descriptor, "__set__"):
        return descriptor.__set__

    def set_attr(obj: object, value: object) -> None:
        object.__setattr__(obj, name, value)

    return set_attr


_SET_SOURCE = _setter(Span, "source")
_SET_START = _setter(Span, "start")
_SET_END = _setter(Span, "end")


class _Recorder:
    """An include resolver that remembers its answers (to tell when a piece must be parsed again)."""

    def __init__(self, resolver: IncludeResolver, answers: list[tuple[str, object]]) -> None:
        self.resolver = resolver
        self.answers = answers

    @staticmethod
    def ask(resolver: IncludeResolver, dsn: str) -> tuple[str, str] | str:
        try:
            return resolver(dsn)
        except Exception as exc:  # same wording as the builder's
            return f"INCLUDE {dsn} could not be resolved ({exc})"

    def __call__(self, dsn: str) -> tuple[str, str] | str:
        answer = self.ask(self.resolver, dsn)
        self.answers.append((dsn, answer))
        return answer


def _line_start(text: str, pos: int) -> bool:
    """Whether ``pos`` begins a line of ``text`` (never between ``\\r`` and ``\\n``)."""
    if pos <= 0 or pos >= len(text):
        return True
    before = text[pos - 1]
    if before == "\n":
        return True
    return before == "\r" and text[pos] != "\n"


def _cut(text: str, target: int) -> list[str]:
    """Cut text (whole lines) into piece texts before top-level statement keywords."""
    vocab = _vocabulary()
    pieces: list[str] = []
    start = 0
    lines = 0
    in_block: str | None = None
    for m in _LINE.finditer(text):
        line = m.group()
        at = m.start()
        if not line:
            break
        w = _FIRST_WORD.match(line)
        word = w.group(1) if w else None
        if in_block is None and word is not None:
            if lines >= target and at > start and vocab.statement(word):
                pieces.append(text[start:at])
                start = at
                lines = 0
            in_block = vocab.opener(word)
            if in_block is not None and vocab.closes(line[w.end():] if w else "", in_block):
                in_block = None
        elif in_block is not None and vocab.closes(line, in_block):
            in_block = None
        lines += 1
    pieces.append(text[start:])
    return [p for p in pieces if p]


# ---------------------------------------------------------------- merging models


def _merge_ipconfig(values: list[IpConfig]) -> IpConfig:
    xcf: DynamicXcf | None = None
    no = False
    for v in values:
        if v.dynamic_xcf is not None:
            xcf, no = v.dynamic_xcf, False
        elif v.no_dynamic_xcf:
            xcf, no = None, True
    for f in attrs.fields(IpConfig):
        if f.name not in ("options", "dynamic_xcf", "no_dynamic_xcf"):
            raise _Unmergeable(f"IpConfig.{f.name}")
    return IpConfig(options=tuple(itertools.chain.from_iterable(v.options for v in values)),
                    dynamic_xcf=xcf, no_dynamic_xcf=no)


def _merge_tuples(cls: type[Any], values: list[Any]) -> Any:
    kw: dict[str, Any] = {}
    for f in attrs.fields(cls):
        vals = [getattr(v, f.name) for v in values]
        if not all(isinstance(x, tuple) for x in vals):
            raise _Unmergeable(f"{cls.__name__}.{f.name}")
        kw[f.name] = tuple(itertools.chain.from_iterable(vals))
    return cls(**kw)


def _merge_models(models: list[TcpipProfile], keywords: list[frozenset[str]]) -> TcpipProfile:
    if len(models) == 1:
        return models[0]
    kw: dict[str, Any] = {}
    for f in attrs.fields(TcpipProfile):
        if not f.init:  # derived once from the merged model (its cache), never merged
            continue
        name = f.name
        vals = [getattr(m, name) for m in models]
        if name in ("ipconfig", "ipconfig6"):
            kw[name] = _merge_ipconfig(vals)
        elif name in _LAST_WINS:
            keyword = _LAST_WINS[name]
            value = None
            for kws, v in zip(keywords, vals):
                if keyword in kws:
                    value = v
            kw[name] = value
        elif all(isinstance(v, tuple) for v in vals):
            kw[name] = tuple(itertools.chain.from_iterable(vals))
        elif isinstance(vals[0], GlobalConfig):
            kw[name] = _merge_tuples(GlobalConfig, vals)
        else:
            raise _Unmergeable(f"TcpipProfile.{name}")
    return TcpipProfile(**kw)


# ---------------------------------------------------------------- the parser


class IncrementalTcpip:
    """One TCP/IP profile kept warm across edits.

    ``parse(text)`` returns what ``parse_tcpip(text, path, symbols=symbols,
    include_resolver=resolver)`` would return, re-parsing only the pieces
    that changed since the previous call. Never raises: any internal problem
    falls back to a full parse.
    """

    def __init__(self, path: str | None = None, symbols: Mapping[str, str] | None = None,
                 target_lines: int = TARGET_LINES) -> None:
        self.path = path
        self.target_lines = max(1, target_lines)
        self.symbols = dict(symbols) if symbols is not None else None
        self._pieces: list[_Piece] = []
        self._last: tuple[str, ParseResult[TcpipProfile]] | None = None
        self.last_reparsed = 0  # characters parsed again by the last call (for tests and benchmarks)
        self.full_parses = 0

    def reset(self) -> None:
        """Forget every piece (the next parse is a full one)."""
        self._pieces = []
        self._last = None

    def parse(self, text: str, include_resolver: IncludeResolver | None = None) -> ParseResult[TcpipProfile]:
        """The parse result of ``text`` (see the class docstring)."""
        last = self._last
        if last is not None and last[0] == text and all(p.includes_current(include_resolver)
                                                         for p in self._pieces):
            self.last_reparsed = 0
            return last[1]
        self._last = None
        try:
            result = self._parse(text, include_resolver)
        except Exception:
            log.exception("incremental parse failed; parsing %s in full", self.path or "<text>")
            self._pieces = []
            self.full_parses += 1
            self.last_reparsed = len(text)
            return parse_tcpip(text, self.path, symbols=self.symbols, include_resolver=include_resolver)
        self._last = (text, result)
        return result

    # ------------------------------------------------------------ internals
    def _parse(self, text: str, resolver: IncludeResolver | None) -> ParseResult[TcpipProfile]:
        old = self._pieces
        self._pieces = []  # a failure below must not leave half-moved pieces behind
        self.last_reparsed = 0
        # Unchanged pieces at the start and at the end.
        i, pos = 0, 0
        while i < len(old) and text.startswith(old[i].text, pos):
            pos += len(old[i].text)
            i += 1
        j, end = len(old), len(text)
        while j > i:
            s = end - len(old[j - 1].text)
            if s < pos or not text.startswith(old[j - 1].text, s):
                break
            end = s
            j -= 1
        while i > 0 and not _line_start(text, pos):
            i -= 1
            pos -= len(old[i].text)
        while j < len(old) and not _line_start(text, end):
            end += len(old[j].text)
            j += 1
        # A block without its END depends on everything after it.
        for k in range(i):
            if old[k].open_ended:
                pos -= sum(len(p.text) for p in old[k:i])
                i = k
                break
        if any(p.open_ended for p in old[j:]):
            end = len(text)
            j = len(old)
        prefix, suffix = old[:i], old[j:]
        middle = [_Piece(t) for t in _cut(text[pos:end], self.target_lines)] if end > pos else []
        pieces = prefix + middle + suffix
        for p in prefix + suffix:
            p.check_left = False
            if not p.includes_current(resolver):
                p.result = None  # same text, included members changed
        if middle:
            if suffix:
                suffix[0].check_left = True
        elif prefix and suffix:
            suffix[0].check_left = True
        if not pieces:
            pieces = [_Piece(text)]
        self._settle(pieces, text, resolver)
        result = self._assemble(pieces, text)
        self._pieces = pieces
        return result

    def _parse_piece(self, p: _Piece, resolver: IncludeResolver | None) -> None:
        p.parse(self.path, self.symbols, resolver)
        self.last_reparsed += len(p.text)

    def _settle(self, pieces: list[_Piece], text: str, resolver: IncludeResolver | None) -> None:
        """Parse dirty pieces and merge neighbours until the three checks hold."""
        while True:
            for p in pieces:
                if p.result is None:
                    self._parse_piece(p, resolver)
            last = len(pieces) - 1
            k = next((n for n in range(last) if pieces[n].open_ended), None)
            if k is not None:
                self._merge(pieces, k, len(pieces))
                continue
            k = next((n for n in range(last) if pieces[n].error_tail), None)
            if k is not None:
                self._merge(pieces, k, k + 2)
                continue
            bases = list(itertools.accumulate((len(p.text) for p in pieces[:-1]), initial=0))
            failed = None
            for n in range(1, len(pieces)):
                p = pieces[n]
                if not p.check_left:
                    continue
                if self._boundary_holds(pieces[n - 1], bases[n - 1], p, bases[n], text):
                    p.check_left = False
                else:
                    failed = n
                    break
            if failed is None:
                return
            self._merge(pieces, failed - 1, failed + 1)

    @staticmethod
    def _merge(pieces: list[_Piece], a: int, b: int) -> None:
        merged = _Piece("".join(p.text for p in pieces[a:b]))
        merged.check_left = pieces[a].check_left
        pieces[a:b] = [merged]
        if a + 1 < len(pieces):
            pieces[a + 1].check_left = True

    def _boundary_holds(self, before: _Piece, before_base: int, after: _Piece, after_base: int,
                        text: str) -> bool:
        if after.first_sig is None:
            return False
        if before.last_node is None:
            return True  # nothing before can take the next statement's first word
        vocab = _vocabulary()
        if (before.last_statement is not None and after.first_word is not None
                and vocab.statement(after.first_word)):
            # The next piece starts a line with a statement keyword: the statement before ends
            # there unless one of its states accepts that keyword (the driver's rule).
            cont = vocab.continuations(*before.last_statement)
            if cont is not None and not cont.intersection(vocab.table.terminals(after.first_word)):
                return True
        start = before_base + before.last_node
        first = after_base + after.first_sig
        mini = text[start:line_bounds(text, first)[1]]
        self.last_reparsed += len(mini)
        tree = parse_tcpip(mini, None, symbols=self.symbols).tree
        want = first - start
        return any(isinstance(c, Node) and _first_sig(c) == want for c in tree.children)

    def _assemble(self, pieces: list[_Piece], text: str) -> ParseResult[TcpipProfile]:
        source = Source(text, self.path, "tcpip")
        base = 0
        blocks = 0
        results: list[ParseResult[TcpipProfile]] = []
        for p in pieces:
            assert p.result is not None
            p.rebase(source, base, blocks)
            base += len(p.text)
            blocks += p.blocks
            results.append(p.result)
        # A full parse reads each INCLUDEd member once per profile: one source per member.
        canonical: dict[str | None, Source] = {}
        for r in results:
            for src in r.includes:
                canonical.setdefault(src.path, src)
        if len(results) > 1:
            if sum(len(r.model.includes) for r in results) >= MAX_INCLUDES:
                raise _Unmergeable("too many INCLUDEs to split the profile")
            remap: dict[int, Source | None] = {}
            for p in pieces:
                for sp in p.included_spans:
                    old = sp.source
                    if id(old) not in remap:
                        first = canonical.get(old.path)
                        same = first is not None and first is not old and first.text == old.text
                        remap[id(old)] = first if same else None
                    target = remap[id(old)]
                    if target is not None:
                        _SET_SOURCE(sp, target)
        model = _merge_models([r.model for r in results], [p.keywords for p in pieces])
        diagnostics: list[Diagnostic] = []
        for r in results:
            diagnostics.extend(r.diagnostics)
        children: list[Node | Token] = []
        for r in results:
            nxt = r.tree.children
            if children and nxt:
                a, b = children[-1], nxt[0]
                if isinstance(a, Token) and isinstance(b, Token) and a.trivia and b.trivia:
                    # The lexer keeps a run of trivia in one token; pieces cut such a run at a line start.
                    joined = Token(a.kind, a.text + b.text, a.start, True)
                    joined.type = a.type
                    children[-1] = joined
                    nxt = nxt[1:]
            children.extend(nxt)
        tree = Node("file", children, source)
        statuses = {r.status for r in results}
        if statuses == {"clean"}:
            status = "clean"
        elif not model.statements:
            status = "unreadable"
        else:
            status = "recovered"
        return ParseResult(source=source, tree=tree, model=model, diagnostics=tuple(sort_diagnostics(diagnostics)),
                           status=status, includes=tuple(canonical.values()))

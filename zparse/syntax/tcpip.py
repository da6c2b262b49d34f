"""Lexer and statement-level LALR driver for TCP/IP stack profiles.

The lexer tiles the text into tokens (trivia included). The driver then
parses one statement at a time with Lark's LALR tables (grammars/tcpip.lark),
choosing each word's terminal from what the parser state accepts. A statement
ends where its next token cannot continue it and a statement may end there;
an error costs one statement: the driver skips to the next line that starts
with a statement keyword (or the block's END) and goes on.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..diagnostics import Diagnostic, Edit, Fix, make
from ..source import Source, Span
from .cst import Node, Token
from .grammar import ParseError, Table, compiled_tables, keywords, reduce_to_end
from .keywords import KeywordTable

__all__ = [
    "BLOCKS",
    "MAX_SUBSTITUTED",
    "TcpipSyntax",
    "keyword_table",
    "lalr_tables",
    "parse_tcpip_syntax",
    "substitute_symbols",
]

_STARTS = ("statement", "vipa_item", "autolog_item", "routes_item", "bsd_item", "generic_item")


@attrs.frozen
class BlockInfo:
    opener: str  # terminal of the opening statement
    end: str  # terminal of the END keyword
    item_start: str  # start symbol for the statements inside
    item_terms: frozenset[str]  # terminals that start an item (resync points)


BLOCKS: dict[str, BlockInfo] = {
    b.opener: b
    for b in (
        BlockInfo("K_VIPADYNAMIC", "K_ENDVIPADYNAMIC", "vipa_item",
                  frozenset({"K_VIPADEFINE", "K_VIPABACKUP", "K_VIPADELETE", "K_VIPADISTRIBUTE",
                             "K_VIPARANGE", "K_VIPAROUTE", "K_VIPASMPARMS"})),
        BlockInfo("K_AUTOLOG", "K_ENDAUTOLOG", "autolog_item", frozenset()),
        BlockInfo("K_BEGINROUTES", "K_ENDROUTES", "routes_item", frozenset({"K_ROUTE"})),
        BlockInfo("K_BSDROUTINGPARMS", "K_ENDBSDROUTINGPARMS", "bsd_item", frozenset()),
        BlockInfo("K_NETACCESS", "K_ENDNETACCESS", "generic_item", frozenset()),
        BlockInfo("K_SRCIP", "K_ENDSRCIP", "generic_item", frozenset()),
        BlockInfo("K_IPSEC", "K_ENDIPSEC", "generic_item", frozenset()),
        BlockInfo("K_DEFADDRTABLE", "K_ENDDEFADDRTABLE", "generic_item", frozenset()),
    )
}
_END_TERMS = frozenset(b.end for b in BLOCKS.values())
_ITEM_TERMS = frozenset().union(*(b.item_terms for b in BLOCKS.values()))

# TN3270E Telnet server statements: a different language (its own profile).
_TELNET = frozenset({"TELNETGLOBALS", "TELNETPARMS", "BEGINVTAM", "ENDTELNETGLOBALS",
                     "ENDTELNETPARMS", "ENDVTAM", "TELNETDEVICE"})
# Statements of the pre-OS/390 TCP/IP (and TCPIP.DATA) that a current stack rejects.
_OBSOLETE = frozenset({"ASSORTEDPARMS", "ENDASSORTEDPARMS", "INFORM", "ENDINFORM", "OBEY",
                       "ENDOBEY", "SYSCONTACT", "ENDSYSCONTACT", "SYSLOCATION", "ENDSYSLOCATION",
                       "INTERNALCLIENTPARMS", "ENDINTERNALCLIENTPARMS", "NOTRACE", "SCREEN",
                       "TRACE", "MORETRACE", "LESSTRACE", "KEEPALIVEOPTIONS",
                       "ENDKEEPALIVEOPTIONS", "DATASETPREFIX", "ATMARPSV", "ATMLIS", "ATMPVC",
                       "IPCONFIG6X", "SMFPARMSX"})

_TOKEN_RE = re.compile(r'((?:\s|;[^\r\n]*)+)|("[^"\r\n]*"?)|([^\s;"]+)')
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_LINE = re.compile(r"(?<![^\r\n])[^\r\n]{73,}")  # a line of 73+ characters
_NUM = re.compile(r"\d+")
_IPV4 = re.compile(r"\d+\.\d+\.\d+\.\d+")
_IPV4P = re.compile(r"\d+\.\d+\.\d+\.\d+/\d+")
_IPV6 = re.compile(r"[0-9A-Fa-f]*:[0-9A-Fa-f:.]*")
_IPV6P = re.compile(r"[0-9A-Fa-f]*:[0-9A-Fa-f:.]*/\d+")
_PRANGE = re.compile(r"\d+-\d+")
_SIZE = re.compile(r"\d+[KkMm]")
_SYMBOL = re.compile(r"&([A-Za-z@#$][A-Za-z0-9@#$_]{0,7})(\.?)")
_VALUE_KINDS = ("IPV4", "IPV4P", "IPV6", "IPV6P", "NUMBER", "PRANGE", "SIZE", "WORD")

_DESCRIBE = {
    "WORD": "a name", "NUMBER": "a number", "IPV4": "an IPv4 address",
    "IPV4P": "an IPv4 address/prefix", "IPV6": "an IPv6 address", "IPV6P": "an IPv6 address/prefix",
    "PRANGE": "a port range", "SIZE": "a size", "QUOTED": 'a "quoted string"', "EQ": "=",
    "$END": "the end of the statement",
}


def _classify(word: str) -> str:
    if not word:  # a system symbol whose value is empty
        return "WORD"
    c = word[0]
    if c.isdigit():
        if _NUM.fullmatch(word):
            return "NUMBER"
        if _IPV4.fullmatch(word):
            return "IPV4"
        if _IPV4P.fullmatch(word):
            return "IPV4P"
        if _PRANGE.fullmatch(word):
            return "PRANGE"
        if _SIZE.fullmatch(word):
            return "SIZE"
    if word == "=":
        return "EQ"
    if ":" in word:
        if _IPV6.fullmatch(word):
            return "IPV6"
        if _IPV6P.fullmatch(word):
            return "IPV6P"
    return "WORD"


def keyword_table() -> KeywordTable:
    return keywords("tcpip.lark")[0]


# Characters a word may have after substitution. z/OS itself allows a resolved
# value no longer than the symbol's name ("Rules for coding IEASYMxx"), so a real
# profile never comes near; the cap keeps one long value used many times from
# multiplying memory.
MAX_SUBSTITUTED = 4096


def substitute_symbols(text: str, symbols: Mapping[str, str]) -> tuple[str, list[str], int]:
    """Replace ``&NAME.`` / ``&NAME`` in one token; returns the text, the
    undefined names, and the size the substituted word would have had when it
    is over :data:`MAX_SUBSTITUTED` (0 otherwise; the word is then returned
    as written, nothing built).

    A period right after the name ends the symbol and is consumed, as in
    z/OS static system symbols. Substitution is not recursive.
    """
    missing: list[str] = []
    matches = list(_SYMBOL.finditer(text))
    size = len(text)
    for m in matches:
        name = m.group(1).upper()
        if name in symbols:
            size += len(symbols[name]) - len(m.group(0))
        else:
            missing.append(name)
    if size > MAX_SUBSTITUTED:
        return text, missing, size
    if len(missing) == len(matches):
        return text, missing, 0
    parts: list[str] = []
    pos = 0
    for m in matches:
        value = symbols.get(m.group(1).upper())
        if value is not None:
            parts.append(text[pos:m.start()])
            parts.append(value)
            pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), missing, 0


@attrs.frozen
class TcpipSyntax:
    tree: Node
    diagnostics: tuple[Diagnostic, ...]
    errors: int
    remarks: tuple[Token, ...] = ()  # trivia tokens with a comment that mentions zlint (suppressions)


class _Lexed:
    __slots__ = ("cands", "remarks", "sig", "sig_pos", "stmt_like", "tokens")

    def __init__(self) -> None:
        self.remarks: list[Token] = []
        self.sig_pos: list[int] = []
        self.tokens: list[Token] = []
        self.sig: list[Token] = []
        self.cands: list[tuple[str, ...]] = []
        self.stmt_like: list[bool] = []


_WORD_CACHE: dict[str, tuple[str, tuple[str, ...], bool]] = {}
_ZLINT = re.compile("zlint", re.I)  # a comment that may hold a suppression
_CACHED_WORD = 64  # characters: longer words are classified each time (they are rare)


def _lex(source: Source, table: KeywordTable, stmt_terms: frozenset[str],
         symbols: Mapping[str, str] | None, diags: list[Diagnostic]) -> _Lexed:
    """Tile the text into tokens: runs of trivia (blanks, line ends, `;`
    comments) and significant tokens (words, quoted strings)."""
    text = source.text
    out = _Lexed()
    tokens = out.tokens
    sig = out.sig
    cands_out = out.cands
    stmt_out = out.stmt_like
    line_initial = True
    prev_word = False
    starters = stmt_terms | _END_TERMS | _ITEM_TERMS
    cache = _WORD_CACHE
    if len(cache) > 100_000:
        cache.clear()
    sig_pos = out.sig_pos
    pos = 0
    for triv, quoted, word in _TOKEN_RE.findall(text):
        start = pos
        if triv:
            s = triv
            pos += len(s)
            tokens.append(Token("TRIVIA", s, start, True))
            if ";" in s and _ZLINT.search(s):
                out.remarks.append(tokens[-1])
            if "\n" in s or "\r" in s:
                line_initial = True
            if prev_word and s[0] == ";":
                diags.append(make(
                    "SYN009", "comment not preceded by a blank: IBM requires a blank before `;`",
                    Span(source, start, start + 1),
                    help="insert a blank before the `;`",
                    fix=Fix("insert a blank before `;`", (Edit(Span(source, start, start), " "),)),
                ))
            prev_word = False
            continue
        s = quoted or word
        pos += len(s)
        if quoted:
            tok = Token("QUOTED", s, start)
            if len(s) < 2 or not s.endswith('"'):
                diags.append(make("SYN005", 'unterminated quoted string: the closing `"` is missing on this line',
                                  Span(source, start, start + len(s))))
            cands: tuple[str, ...] = ()
            stmt = False
        else:
            if start == 0 and s[0] == "\ufeff":
                tokens.append(Token("TRIVIA", "\ufeff", 0, True))
                s = s[1:]
                start = 1
                if not s:
                    continue
            tok = Token("WORD", s, start)
            if "&" in s and symbols is not None:
                value, missing, over = substitute_symbols(s, symbols)
                for name in missing:
                    diags.append(make("SYN008", f"system symbol &{name}. is not defined for this system",
                                      Span(source, start, start + len(s))))
                if over:
                    diags.append(make("SYN004", f"this word would be {over:,} characters long after substituting "
                                      f"system symbols (the limit is {MAX_SUBSTITUTED:,}): it is kept as written",
                                      Span(source, start, start + len(s))))
                tok.value = value
            else:
                value = s
            hit = cache.get(value)
            if hit is None:
                kind = "SYMBOLIC" if "&" in value else _classify(value)
                cands = table.terminals(value) if kind == "WORD" else ()
                hit = (kind, cands, any(c in starters for c in cands))
                if len(value) <= _CACHED_WORD:  # a cache of long words would hold them all
                    cache[value] = hit
            tok.kind, cands, stmt = hit
        tok.type = tok.kind
        tok.line_initial = line_initial
        line_initial = False
        prev_word = True
        sig_pos.append(len(tokens))
        tokens.append(tok)
        sig.append(tok)
        cands_out.append(cands)
        stmt_out.append(stmt)
    return out


def lalr_tables() -> tuple[Table, dict[str, tuple[Any, Any]]]:
    """Lark's LALR table, compiled for the driver's loop (see grammar.compiled_tables)."""
    return compiled_tables("tcpip.lark", _STARTS)


class _Driver:
    def __init__(self, source: Source, symbols: Mapping[str, str] | None) -> None:
        table, stmt_terms = keywords("tcpip.lark")
        self.source = source
        self.table = table
        self.stmt_terms = stmt_terms
        self.table_c, self.bounds = lalr_tables()
        self.states = self.table_c
        self.diags: list[Diagnostic] = []
        self.lexed = _lex(source, table, stmt_terms, symbols, self.diags)
        self.errors = 0
        self.start_state: Any = None  # the start state of the statement being parsed
        self.stmt_first = 0  # and its first significant token

    # ------------------------------------------------------------ helpers
    def _span(self, tok: Token) -> Span:
        return Span(self.source, tok.start, tok.end)

    def _expected(self, acc: Iterable[str], info: BlockInfo | None = None) -> str:
        names: list[str] = []
        for t in sorted(acc):
            if t in _END_TERMS and (info is None or t != info.end):
                continue
            if t.startswith("K_"):
                names.append(t[2:])
            elif t in _DESCRIBE:
                names.append(_DESCRIBE[t])
        names = sorted(set(names), key=lambda n: (n[0].islower(), n))
        if len(names) > 8:
            names = [*names[:8], "…"]
        if not names:
            return "nothing more"
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]

    def _choose(self, i: int, acc: Mapping[str, Any], first: bool = False) -> str | None:
        """The terminal for significant token ``i`` in a state accepting ``acc``;
        None when the statement should end before it ("$END")."""
        lx = self.lexed
        tok = lx.sig[i]
        cands = lx.cands[i]
        kind = tok.kind
        if not cands:
            if kind in acc and (kind != "WORD" or not tok.line_initial):
                return kind
        else:
            for c in cands:
                if c in acc:
                    return c
        word_ok = "WORD" in acc and kind != "QUOTED"
        if "$END" in acc:
            if lx.stmt_like[i] and (tok.line_initial or not word_ok):
                return None
            if tok.line_initial and kind == "WORD" and not lx.cands[i] and tok.value[:1].isalpha() \
                    and self._at_column_1(tok):
                return None  # an unknown statement in column 1 starts a new statement
        if not first and tok.line_initial and cands and any(c in self.stmt_terms for c in cands):
            # A statement keyword starting a line where this statement still
            # needs a name: the name is missing (IBM would take the keyword as
            # the name and lose the next statement).
            return "!"
        if kind in acc:
            return kind
        if kind == "SYMBOLIC":
            for k in _VALUE_KINDS:
                if k in acc:
                    return k
        if word_ok:
            return "WORD"
        if "$END" in acc:
            if not tok.line_initial and not cands and kind not in self._next_start():
                # A value on the same line that fits neither this statement nor
                # the start of the next one: the error is in this statement.
                return "!"
            return None
        return "!"

    def _next_start(self) -> Mapping[str, Any]:
        """What may start the statement after the one being parsed: an item of
        the block it opens, or one like itself."""
        info = BLOCKS.get(self.lexed.sig[self.stmt_first].type)
        if info is not None:
            return self.states[self.bounds[info.item_start][0]]
        return self.states[self.start_state]

    def _at_column_1(self, tok: Token) -> bool:
        starts = self.source.line_starts
        return starts[bisect.bisect_right(starts, tok.start) - 1] == tok.start

    def _statement(self, i: int, start: str, limit: int, info: BlockInfo | None = None) -> tuple[int, Any, tuple[int, str] | None]:
        """Parse one statement from significant token ``i``.

        Returns (index after the statement, its Tree or None, error) where
        error is (index of the offending token, expected text). The shift /
        reduce loop runs over Lark's LALR table, compiled by :func:`lalr_tables`
        (grammar.LalrParser's loop, inlined here: this is the hot path)."""
        table = self.table_c
        start_state, end_state = self.bounds[start]
        self.start_state = start_state
        self.stmt_first = i
        states = self.states
        sig = self.lexed.sig
        state_stack = [start_state]
        value_stack: list[Any] = []
        cands_of = self.lexed.cands
        j = i
        while True:
            acc = states[state_stack[-1]]
            if j >= limit:
                if "$END" in acc:
                    break
                return j, None, (j, self._expected(acc, info))
            tok = sig[j]
            kind = tok.kind
            # Fast paths of _choose: a keyword this state accepts, or a value
            # that is no keyword and fits here.
            term = None
            cands = cands_of[j]
            if cands:
                for c in cands:
                    if c in acc:
                        term = c
                        break
            elif kind in acc and (kind != "WORD" or not tok.line_initial):
                term = kind
            if term is None:
                term = self._choose(j, acc, j == i)
                if term is None:
                    break
                if term == "!":
                    return j, None, (j, self._expected(acc, info))
            tok.type = term
            try:
                shift, arg = acc[term]
                while True:
                    if not shift:
                        size, callback, origin = arg
                        if size:
                            children = value_stack[-size:]
                            del state_stack[-size:]
                            del value_stack[-size:]
                        else:
                            children = []
                        value_stack.append(callback(children))
                        state_stack.append(table[state_stack[-1]][origin][1])
                        shift, arg = table[state_stack[-1]][term]
                        continue
                    state_stack.append(arg)
                    value_stack.append(tok)
                    break
            except KeyError:
                # LALR merges lookaheads: ``term`` was in the set but does not
                # fit here after all, so it is not what this state expects.
                return j, None, (j, self._expected((t for t in acc if t != term), info))
            j += 1
        try:
            return j, reduce_to_end(table, state_stack, value_stack, end_state), None
        except (ParseError, KeyError):
            return j, None, (j, self._expected(states[state_stack[-1]], info))

    # ------------------------------------------------------------ main loop
    def run(self) -> Node:
        lx = self.lexed
        sig = lx.sig
        n = len(sig)
        source = self.source
        tokens = lx.tokens
        sig_pos = lx.sig_pos
        root = Node("file", [], source)
        containers: list[Node] = [root]
        cursor = 0

        def attach(node: Node, a: int, b: int) -> None:
            """Attach sig tokens a..b-1 (with interior trivia) as ``node``."""
            nonlocal cursor
            ta = sig_pos[a]
            tb = sig_pos[b - 1] + 1
            containers[-1].children.extend(tokens[cursor:ta])
            node.children = list(tokens[ta:tb])
            containers[-1].children.append(node)
            cursor = tb

        # Positions for block extents, computed once (linear in the input).
        ends: dict[str, list[int]] = {}
        openers: dict[str, list[int]] = {}
        stmt_starts: list[int] = []
        all_cands = lx.cands
        for k in [k for k, cs in enumerate(all_cands) if cs]:  # the keywords
            cs = all_cands[k]
            for c in cs:
                if c in _END_TERMS:
                    ends.setdefault(c, []).append(k)
                if c in BLOCKS and sig[k].line_initial:
                    openers.setdefault(c, []).append(k)
            if sig[k].line_initial and any(c in self.stmt_terms for c in cs):
                stmt_starts.append(k)

        def after(lst: list[int], k: int) -> int | None:
            p = bisect.bisect_right(lst, k)
            return lst[p] if p < len(lst) else None

        # Block stack entries: (info, block node, extent limit, opener index if
        # the block has no END and ends where its items stop parsing, else -1).
        blocks: list[tuple[BlockInfo, Node, int, int]] = []
        i = 0
        while i < n:
            if blocks and i >= blocks[-1][2]:
                self._close_open_ended(blocks.pop(), i)
                containers.pop()
                continue
            if blocks:
                info, _, limit, open_from = blocks[-1]
                start = info.item_start
            else:
                info, limit, start, open_from = None, n, "statement", -1
            j, tree, err = self._statement(i, start, limit, info)
            if open_from >= 0 and err is not None and err[0] == i and self._starts_statement(i):
                # z/OS reads an unterminated block on while its items parse: the
                # first statement that cannot be an item ends it.
                self._close_open_ended(blocks.pop(), i)
                containers.pop()
                continue
            if err is None and j > i:
                kw = self.table.canonical(sig[i].type)
                node = Node("statement", [], source, keyword=kw, tree=tree)
                first = sig[i].type
                if info is not None and first == info.end:
                    attach(node, i, j)
                    self._close_open_ended(blocks.pop(), j)
                    containers.pop()
                elif first in _END_TERMS:
                    attach(node, i, j)
                    self._error(sig[i], f"{kw} does not close an open block"
                                + (f"; expected {self.table.canonical(info.end)}" if info else ""))
                    node.kind = "error"
                elif first in BLOCKS and info is None:
                    binfo = BLOCKS[first]
                    block = Node("block", [], source, keyword=kw)
                    containers[-1].children.extend(tokens[cursor:sig_pos[i]])
                    cursor = sig_pos[i]
                    containers[-1].children.append(block)
                    containers.append(block)
                    attach(node, i, j)
                    e = after(ends.get(binfo.end, []), i)
                    o = after(openers.get(first, []), i)
                    open_from = -1
                    if e is not None and (o is None or e < o):
                        blimit = n
                    elif binfo.item_terms:
                        # Items start with their own keywords: the block goes on
                        # while they parse (SYN003 when it closes, see _close_open_ended).
                        blimit = o if o is not None else n
                        open_from = i
                    else:
                        nxt = after(stmt_starts, j - 1) if j > i else None
                        blimit = nxt if nxt is not None else n
                        self.errors += 1
                        self.diags.append(make(
                            "SYN003",
                            f"{kw} block without {self.table.canonical(binfo.end)}: z/OS takes every "
                            "following statement of the data set as part of this block",
                            self._span(sig[i]),
                            help=f"add {self.table.canonical(binfo.end)} after the last statement of the block",
                        ))
                    # An enclosing unterminated block's extent also bounds this one.
                    blocks.append((binfo, block, min(blimit, limit) if blocks else blimit, open_from))
                else:
                    attach(node, i, j)
                i = j
                continue
            # Error: report, skip to the next resynchronisation point.
            bad = err[0] if err else i
            k = self._resync(bad if bad > i else i + 1, info, limit, open_from >= 0)
            k = max(k, i + 1)
            node = Node("error", [], source)
            attach(node, i, min(k, n))
            self._report(i, bad, err[1] if err else "", info)
            i = k
        while blocks:
            self._close_open_ended(blocks.pop(), n)
        containers[0].children.extend(tokens[cursor:])
        return root

    def _starts_statement(self, k: int) -> bool:
        """Whether significant token ``k`` starts a top-level statement: a statement
        keyword at the start of a line, or an unknown word in column 1."""
        lx = self.lexed
        t = lx.sig[k]
        if not t.line_initial:
            return False
        cands = lx.cands[k]
        if cands:
            return any(c in self.stmt_terms for c in cands)
        return t.kind == "WORD" and t.value[:1].isalpha() and self._at_column_1(t)

    def _close_open_ended(self, entry: tuple[BlockInfo, Node, int, int], at: int) -> None:
        """One SYN003 for a block without its END, when it closes at token ``at``."""
        info, _, _, opener = entry
        if opener < 0:
            return
        sig = self.lexed.sig
        end = self.table.canonical(info.end)
        kw = self.table.canonical(sig[opener].type)
        if at < len(sig):
            where = f"its statements run to {sig[at].text}, the first statement that cannot be in the block"
        else:
            where = "its statements run to the end of the file"
        self.errors += 1
        self.diags.append(make(
            "SYN003", f"{kw} block without {end}: {where}", self._span(sig[opener]),
            help=f"add {end} after the last statement of the block",
        ))

    def _resync(self, k: int, info: BlockInfo | None, limit: int, open_ended: bool = False) -> int:
        lx = self.lexed
        sig = lx.sig
        n = len(sig)
        if info is None:
            # A line that starts with a statement keyword, or with a word in
            # column 1 (an unknown statement: each gets its own SYN002).
            while k < n:
                t = sig[k]
                if t.line_initial and (lx.stmt_like[k] or (
                        t.kind == "WORD" and t.value[:1].isalpha() and self._at_column_1(t))):
                    break
                k += 1
            return k
        any_line = not info.item_terms
        wanted = info.item_terms | {info.end}
        while k < n and k < limit:
            if lx.cands[k] and any(c in wanted for c in lx.cands[k]) and (sig[k].line_initial or info.end in lx.cands[k]):
                return k
            if open_ended and self._starts_statement(k):
                return k  # it may end the block (see run)
            if any_line and sig[k].line_initial:
                return k
            k += 1
        return min(k, limit) if limit < n else k

    def _error(self, tok: Token, message: str, code: str = "SYN001") -> None:
        self.errors += 1
        self.diags.append(make(code, message, self._span(tok)))

    def _report(self, i: int, bad: int, expected: str, info: BlockInfo | None) -> None:
        sig = self.lexed.sig
        first = sig[i]
        word = first.value.upper()
        if bad == i and info is None and first.kind in ("WORD", "SYMBOLIC") and not self.lexed.cands[i]:
            if word in _TELNET:
                msg = (f"{first.text} is a TN3270E Telnet server statement: this looks like a Telnet "
                       "profile, which belongs to the TN3270E server, not to the stack profile")
            elif word in _OBSOLETE:
                msg = f"{first.text} is not a statement of a current z/OS TCP/IP profile (obsolete or from another file)"
            else:
                msg = f"unknown statement keyword {first.text!r}"
            self._error(first, msg, "SYN002")
            return
        if bad == i and info is None and first.kind == "NUMBER":
            self._error(first, f"a statement cannot start with the number {first.text}: a PORT entry "
                        "without its PORT statement, or ISPF line numbers?", "SYN001")
            return
        tok = sig[bad] if bad < len(sig) else first
        if bad == i:
            if info is not None:
                what = " or ".join(sorted(self.table.canonical(t) for t in info.item_terms)) or "an entry"
                msg = (f"{first.text} is not valid in the {self.table.canonical(info.opener)} block; "
                       f"expected {what} or {self.table.canonical(info.end)}")
            else:
                owner = next((b for b in BLOCKS.values()
                              if any(c in b.item_terms for c in self.lexed.cands[i])), None)
                if owner is not None:
                    msg = (f"{first.text} is only valid inside a {self.table.canonical(owner.opener)} "
                           f"block (before {self.table.canonical(owner.end)})")
                else:
                    msg = f"{first.text} is not valid here; expected a statement keyword"
        elif bad >= len(sig):
            msg = f"{self.table.canonical(first.type)} statement is incomplete at the end of the file; expected {expected}"
            tok = sig[-1]
        else:
            stmt = self.table.canonical(first.type)
            cands = self.lexed.cands[bad]
            if cands and any(sig[k].type in cands for k in range(i, bad)):
                # The expected set cannot hold the word: say what is wrong with it.
                msg = (f"unexpected second {tok.text!r} in {stmt} statement: it is not allowed again here; "
                       f"expected {expected}")
            elif tok.line_initial and (self.lexed.stmt_like[bad] or self._starts_statement(bad)):
                msg = f"{stmt} statement is incomplete before {tok.text!r}; expected {expected}"
            else:
                msg = f"unexpected {tok.text!r} in {stmt} statement; expected {expected}"
        if info is not None and info.opener == "K_VIPADYNAMIC":
            msg += "; z/OS ignores the rest of this VIPADYNAMIC block"
        self._error(tok, msg)


_SEQ_MIN_LINES = 3  # "the same shape on many lines": this many lines or more


def _seq_shape(tail: str) -> str | None:
    """The shape (digits as 9, letters as A) of what columns 73-80 hold, when it
    could be a sequence number: exactly eight letters or digits, at least one
    a digit, and nothing after column 80 but blanks. Else None."""
    word = tail.rstrip(" \t")
    if len(word) != 8 or not word.isascii() or not word.isalnum() or not any(c.isdigit() for c in word):
        return None
    return "".join("9" if c.isdigit() else "A" for c in word)


def _column_diags(source: Source, tokens: list[Token]) -> list[Diagnostic]:
    """SYN006 for a sequence number in columns 73-80 of a profile line.

    z/OS reads columns 73-80 of a profile as statement text, so an operand
    that runs past column 72 is fine. What is reported is text there that
    looks like a sequence number: eight digits, or eight letters and digits
    of one shape (``ABC00010``) on several lines. Text inside a `;` comment
    that began earlier on the line is never reported."""
    text = source.text
    tok_starts: list[int] | None = None
    found: list[tuple[int, int, str, bool]] = []  # line start, end of the number, shape, glued to text
    for m in _LONG_LINE.finditer(text):
        a, b = m.span()
        tail = text[a + 72 : b]
        shape = _seq_shape(tail)
        if shape is None:
            continue
        if tok_starts is None:
            tok_starts = [t.start for t in tokens]
        k = max(bisect.bisect_right(tok_starts, a + 72) - 1, 0)
        in_text = glued = False
        while k < len(tokens) and tokens[k].start < b:
            t = tokens[k]
            if not t.trivia and t.end > a + 72:
                in_text = True
                glued = glued or t.start < a + 72
            k += 1
        if in_text:
            found.append((a, a + 80, shape, glued))
    shapes = Counter(shape for *_, shape, _ in found)
    out: list[Diagnostic] = []
    for a, end, shape, glued in found:
        if set(shape) != {"9"} and shapes[shape] < _SEQ_MIN_LINES:
            continue
        number = text[a + 72 : end]
        fix = Fix("remove the sequence number", (Edit(Span(source, a + 72, end), ""),), safe=not glued)
        out.append(make(
            "SYN006",
            f"columns 73-80 hold a sequence number ({number}): z/OS reads these columns of a profile "
            "as statement text, and sequence numbers are not allowed",
            Span(source, a + 72, end),
            help="remove the sequence numbers (in ISPF: NUMBER OFF, then UNNUM)"
                 + ("; the number touches the text in column 72: check what remains" if glued else ""),
            fix=fix,
        ))
    return out


def _undecodable(source: Source) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    text = source.text
    for m in re.finditer("[\ud800-\udfff]+", text):
        nbytes = " ".join(f"X'{ord(c) - 0xDC00:02X}'" if "\udc80" <= c <= "\udcff" else "?" for c in m.group())
        out.append(make("SYN010", f"bytes {nbytes} are not valid in this file's encoding (UTF-8); "
                        "was the member transferred in binary? try --encoding cp1047",
                        Span(source, m.start(), m.end())))
    return out


def parse_tcpip_syntax(source: Source, symbols: Mapping[str, str] | None = None) -> TcpipSyntax:
    """Lex and parse a profile into a lossless tree plus syntax diagnostics."""
    driver = _Driver(source, symbols)
    tree = driver.run()
    diags = driver.diags + _column_diags(source, driver.lexed.tokens)
    if _SURROGATE.search(source.text):
        diags += _undecodable(source)
    return TcpipSyntax(tree, tuple(diags), driver.errors, tuple(driver.lexed.remarks))

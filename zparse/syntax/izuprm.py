"""Lexer and parser for IZUPRMxx, the z/OSMF parmlib member, into the lossless CST.

Record rules (MVS Initialization and Tuning Reference, general parmlib syntax,
and the IZUPRMxx syntax rules):

* columns 1-71 of each line are data; columns 72-80 (and anything beyond) are
  ignored and become one ``IGNORED`` trivia token per line;
* ``/* ... */`` comments may appear anywhere in the data columns, may span
  lines and may nest when balanced (``/*a/*b*/c*/`` is one comment);
* blanks delimit; several statements may share a line and one statement may
  span lines; there is no continuation mark and no terminator: a statement
  ends where the next statement keyword begins;
* single-quoted values keep their case, ``''`` inside them is one quote, and a
  quoted value still open at the end of a line's data continues in column 1
  of the next line (the "splice": columns 72-80 and the line break are not
  part of the value).

Every character of the input belongs to exactly one :class:`~zparse.syntax.cst.Token`,
so ``parse_izuprm_syntax(source).tree.render() == source.text`` for any ``str``.

Policies where IBM's text is silent or was not seen (see
``/work/shared/reference/izuprm.md`` section 2.3):

* An unterminated comment or quoted string is reported (SYN005) at its
  opening delimiter. To keep one mistake from hiding the rest of the member,
  the lexer then ends it at the end of its first line and lexes the following
  lines again (once per member, so the lexer stays linear).
* A comment or quoted string whose closing delimiter lies in columns 72-80 of
  the line where it is open is reported (SYN005, error): z/OS ignores those
  columns and reads the construct as going on into the next line. The lexer
  follows the evident intent and ends it at column 71.
* A quoted string open at the end of a line shorter than 71 columns is
  continued as z/OS would (the fixed 80-byte record is padded with blanks, so
  the blanks up to column 71 become part of the value) and reported as a
  SYN005 warning: usually a quote is missing.
* ``*/`` outside a comment is a SYN001 error and otherwise ignored.
* Characters that stand for undecodable bytes (lone surrogates, see
  :func:`zparse.source.decode`) are reported as SYN010 where they are.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from ..codes import Severity
from ..diagnostics import Diagnostic, make
from ..source import Source, Span
from .cst import Node, Token
from .grammar import LalrParser, ParseError, lalr_parser, load_lalr

__all__ = [
    "DATA_COLUMNS",
    "NAME_RE",
    "STATEMENTS",
    "SUBKEYWORDS",
    "IzuprmSyntax",
    "izuprm_grammar",
    "parse_izuprm_syntax",
    "suggest_keyword",
    "unquote",
]

DATA_COLUMNS: Final = 71
"""Columns 1-71 of a parmlib record hold data; the rest of the line is ignored."""

STATEMENTS: Final[dict[str, tuple[str, ...]]] = {
    "ANGEL_PROC": (),
    "AUTOSTART": (),
    "AUTOSTART_GROUP": (),
    "CLOUD_SAF_PREFIX": (),
    "CLOUD_SEC_ADMIN": (),
    "COMMON_TSO": ("ACCT", "REGION", "PROC"),
    "CSRF_SWITCH": (),
    "HOSTNAME": (),
    "HTTP_SSL_PORT": (),
    "INCIDENT_LOG": ("UNIT",),
    "JAVA_HOME": (),
    "KEYRING_NAME": (),
    "LOGGING": (),
    "PLUGINS": (),
    "RESTAPI_FILE": ("ACCT", "REGION", "PROC"),
    "SAF_PREFIX": (),
    "SEC_GROUPS": ("USER", "ADMIN", "SECADMIN"),
    "SERVER_PROC": (),
    "SESSION_EXPIRE": (),
    "TEMP_DIR": (),
    "UNAUTH_USER": (),
    "USER_DIR": (),
    "WLM_CLASSES": ("DEFAULT", "LONG_WORK"),
}
"""Every IZUPRMxx statement keyword and its sub-keywords, in upper case."""

SUBKEYWORDS: Final[frozenset[str]] = frozenset(s for subs in STATEMENTS.values() for s in subs)

NAME_RE: Final = re.compile(r"[A-Za-z@#$][A-Za-z0-9_@#$]*")
"""What a statement keyword looks like (an unknown one included)."""

# Lexical classes of the tokens (Token.kind). Trivia: WS, NEWLINE, COMMENT,
# IGNORED (columns 72-80), STRAY (a `*/` outside a comment).
WS, NEWLINE, COMMENT, IGNORED, STRAY = "WS", "NEWLINE", "COMMENT", "IGNORED", "STRAY"
_ZLINT = re.compile("zlint", re.I)  # a comment that may hold a suppression
WORD, QUOTED, LPAR, RPAR, COMMA = "WORD", "QUOTED", "LPAR", "RPAR", "COMMA"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK_CHARS = " \t\v\f"
_BLANKS = re.compile(r"[ \t\v\f]+")
_WORD = re.compile(r"(?:[^ \t\v\f(),'/*]|/(?!\*)|\*(?!/))+")
_SURROGATES = re.compile("[\ud800-\udfff]+")

_PUNCT_TERMINAL = {LPAR: "_LPAR", RPAR: "_RPAR", COMMA: "COMMA", QUOTED: "QUOTED"}


# ---------------------------------------------------------------------------
# Grammar loading


def izuprm_grammar() -> Any:
    """The IZUPRMxx grammar compiled by Lark (LALR, start rule ``statement``), built
    once per process. Parsing never needs it: it runs over the cached tables."""
    return load_lalr("izuprm.lark", ("statement",))[0]


# ---------------------------------------------------------------------------
# Lexer


def unquote(logical: str, terminated: bool = True) -> str:
    """The content of a QUOTED token's logical text: quotes removed, ``''`` -> ``'``."""
    inner = logical[1:-1] if terminated and len(logical) >= 2 else logical[1:]
    return inner.replace("''", "'")


def _seq_like(ignored: str) -> bool:
    """Columns 72-80 that hold nothing or a sequence number (not overflowing data)."""
    s = ignored.rstrip(_BLANK_CHARS)
    if not s:
        return True
    if s[0] not in _BLANK_CHARS:
        return False  # column 72 is used: data crosses the boundary
    core = s.lstrip(_BLANK_CHARS)
    return len(s) <= 9 and core.isalnum()


class _Lexer:
    """One pass over the lines (two at most, see the module docstring)."""

    NORMAL, IN_COMMENT, IN_QUOTE = 0, 1, 2

    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = source.text
        self.tokens: list[Token] = []
        self.diags: list[Diagnostic] = []
        self.broken: set[int] = set()
        self.overflow: set[int] = set()  # 0-based indexes of lines with data past column 71
        self.lines: list[tuple[int, int, int]] = []
        pos = 0
        for m in _LINE_BREAK.finditer(self.text):
            self.lines.append((pos, m.start(), m.end()))
            pos = m.end()
        if pos < len(self.text):
            self.lines.append((pos, len(self.text), len(self.text)))
        self.mode = self.NORMAL
        self.depth = 0
        self.open_pos = 0
        self.open_line = 0
        self.mark_tokens = 0
        self.mark_diags = 0
        self.parts: list[str] = []
        self.rescans = 1

    # -- helpers

    def _span(self, start: int, end: int) -> Span:
        return Span(self.source, start, end)

    def _emit(self, kind: str, start: int, end: int, trivia: bool = False, value: str | None = None) -> None:
        tok = Token(kind, self.text[start:end], start, trivia=trivia)
        if value is not None:
            tok.value = value
        self.tokens.append(tok)

    def _open(self, mode: int, pos: int, line: int) -> None:
        self.mode = mode
        self.open_pos = pos
        self.open_line = line
        self.mark_tokens = len(self.tokens)
        self.mark_diags = len(self.diags)

    def _data_end(self, line: int) -> int:
        ls, le, _ = self.lines[line]
        return min(le, ls + DATA_COLUMNS)

    def _trailer(self, line: int) -> None:
        """The ignored columns and the line break of a line."""
        ls, le, nx = self.lines[line]
        de = min(le, ls + DATA_COLUMNS)
        if le > de:
            self._emit(IGNORED, de, le, trivia=True)
            if not _seq_like(self.text[de:le]):
                self.overflow.add(line)
        if nx > le:
            self._emit(NEWLINE, le, nx, trivia=True)

    def _find_close_quote(self, j: int, de: int) -> int:
        text = self.text
        while True:
            k = text.find("'", j, de)
            if k < 0:
                return -1
            if k + 1 < de and text[k + 1] == "'":
                j = k + 2
                continue
            return k

    def _scan_comment(self, j: int, de: int) -> int:
        """Advance through comment text; return where the comment ends (or ``de``)."""
        text = self.text
        while True:
            a = text.find("/*", j, de)
            b = text.find("*/", j, de)
            if a < 0 and b < 0:
                return de
            if a >= 0 and (b < 0 or a < b):
                self.depth += 1
                j = a + 2
            else:
                self.depth -= 1
                j = b + 2
                if self.depth == 0:
                    self.mode = self.NORMAL
                    return j

    # -- the line loop

    def run(self) -> _Lexer:
        line = 0
        while True:
            while line < len(self.lines):
                self._line(line)
                line += 1
            restart = self._eof()
            if restart is None:
                break
            line = restart
        for m in _SURROGATES.finditer(self.text):
            chars = m.group()
            shown = " ".join(
                f"0x{ord(c) - 0xDC00:02X}" if "\udc80" <= c <= "\udcff" else f"U+{ord(c):04X}" for c in chars[:8]
            )
            more = " …" if len(chars) > 8 else ""
            self.diags.append(
                make(
                    "SYN010",
                    f"undecodable byte{'s' if len(chars) > 1 else ''} {shown}{more}: not valid in the file's encoding",
                    self._span(m.start(), m.end()),
                    help="save the member as UTF-8 or give the right EBCDIC code page (e.g. --encoding cp1047)",
                )
            )
        return self

    def _line(self, line: int) -> None:
        text = self.text
        ls, le, _ = self.lines[line]
        de = min(le, ls + DATA_COLUMNS)
        pos = ls
        if self.mode == self.IN_QUOTE:
            k = self._find_close_quote(ls, de)
            if k < 0:
                self.parts.append(text[ls:de])
                self._quote_line_end(line)
                return
            self.parts.append(text[ls : k + 1])
            self._emit(QUOTED, self.open_pos, k + 1, value="".join(self.parts))
            self.mode = self.NORMAL
            pos = k + 1
        elif self.mode == self.IN_COMMENT:
            end = self._scan_comment(ls, de)
            if end > ls:  # an empty line inside a comment holds no comment text
                self._emit(COMMENT, ls, end, trivia=True)
            pos = end
        while pos < de:
            c = text[pos]
            if c in _BLANK_CHARS:
                m = _BLANKS.match(text, pos, de)
                assert m is not None
                self._emit(WS, pos, m.end(), trivia=True)
                pos = m.end()
            elif c == "/" and pos + 1 < de and text[pos + 1] == "*":
                self._open(self.IN_COMMENT, pos, line)
                self.depth = 1
                end = self._scan_comment(pos + 2, de)
                self._emit(COMMENT, pos, end, trivia=True)
                pos = end
            elif c == "*" and pos + 1 < de and text[pos + 1] == "/":
                self._emit(STRAY, pos, pos + 2, trivia=True)
                self.diags.append(
                    make(
                        "SYN001",
                        "`*/` closes no comment: expected a statement, a value or `/*` before it",
                        self._span(pos, pos + 2),
                        help="remove the `*/` or add the `/*` that opens the comment",
                    )
                )
                pos += 2
            elif c == "(":
                self._emit(LPAR, pos, pos + 1)
                pos += 1
            elif c == ")":
                self._emit(RPAR, pos, pos + 1)
                pos += 1
            elif c == ",":
                self._emit(COMMA, pos, pos + 1)
                pos += 1
            elif c == "'":
                self._open(self.IN_QUOTE, pos, line)
                self.parts = []
                k = self._find_close_quote(pos + 1, de)
                if k < 0:
                    self.parts.append(text[pos:de])
                    self._quote_line_end(line)
                    return
                self._emit(QUOTED, pos, k + 1)
                self.mode = self.NORMAL
                pos = k + 1
            else:
                m = _WORD.match(text, pos, de)
                assert m is not None and m.end() > pos
                self._emit(WORD, pos, m.end())
                pos = m.end()
        if self.mode == self.IN_COMMENT:
            self._comment_line_end(line)
        self._trailer(line)

    def _comment_line_end(self, line: int) -> None:
        """A comment is open at the end of the data columns of ``line``."""
        ls, le, _ = self.lines[line]
        de = min(le, ls + DATA_COLUMNS)
        ignored = self.text[de:le]
        if de - ls >= DATA_COLUMNS and "*/" in ignored:
            col = ignored.index("*/") + DATA_COLUMNS + 1
            start = self.open_pos if self.open_line == line else ls
            self.diags.append(
                make(
                    "SYN005",
                    f"comment is not closed by column {DATA_COLUMNS}: its `*/` is in column {col}, which z/OS "
                    "ignores, so the comment goes on into the next line",
                    self._span(start, min(start + 2, de)),
                    help=f"keep the comment within columns 1-{DATA_COLUMNS} or close it on this line",
                )
            )
            self.mode = self.NORMAL
            self.depth = 0

    def _quote_line_end(self, line: int) -> None:
        """A quoted string is open at the end of the data columns of ``line``."""
        ls, le, _ = self.lines[line]
        de = min(le, ls + DATA_COLUMNS)
        ignored = self.text[de:le]
        if de - ls >= DATA_COLUMNS and "'" in ignored:
            col = ignored.index("'") + DATA_COLUMNS + 1
            self.diags.append(
                make(
                    "SYN005",
                    f"quoted value is not closed by column {DATA_COLUMNS}: its closing quote is in column {col}, "
                    "which z/OS ignores, so the value goes on into the next line",
                    self._span(self.open_pos, self.open_pos + 1),
                    help=f"end the line in column {DATA_COLUMNS} and continue the value in column 1 of the next line",
                )
            )
            self._emit(QUOTED, self.open_pos, de, value="".join(self.parts))
            self.broken.add(self.open_pos)
            self.mode = self.NORMAL
            self._trailer(line)
            return
        if line + 1 >= len(self.lines):
            return  # end of the member: _eof() decides
        if de - ls < DATA_COLUMNS:
            pad = DATA_COLUMNS - (de - ls)
            self.parts.append(" " * pad)
            start = self.open_pos if self.open_line == line else ls
            self.diags.append(
                make(
                    "SYN005",
                    f"quoted value is not closed on this line, which ends in column {de - ls}: z/OS continues it "
                    f"in column 1 of the next line, with {pad} blank{'s' if pad != 1 else ''} up to column "
                    f"{DATA_COLUMNS} inside the value (unverified)",
                    self._span(start, max(de, start + 1)),
                    severity=Severity.WARNING,
                    help=f"close the quote, or fill the line to column {DATA_COLUMNS} when the value is continued",
                )
            )

    def _eof(self) -> int | None:
        """Close what is still open at the end; return a line to lex again, if any."""
        if self.mode == self.NORMAL:
            return None
        text = self.text
        last = len(self.lines) - 1
        line = self.open_line
        de = self._data_end(line)
        is_quote = self.mode == self.IN_QUOTE
        if is_quote:
            message = "unterminated quoted string: no closing quote before the end of the member"
            help_ = "add the closing quote (write '' for a quote inside the value)"
            span = self._span(self.open_pos, self.open_pos + 1)
        else:
            open_n = self.depth
            message = (
                "unterminated comment: `/*` has no matching `*/` before the end of the member"
                if open_n <= 1
                else f"unterminated comment: {open_n} nested comments are still open at the end of the member"
            )
            help_ = "close the comment with `*/` (nested comments must be balanced)"
            span = self._span(self.open_pos, self.open_pos + 2)
        restart: int | None = None
        if line == last or self.rescans > 0:
            # End the construct at the end of its first line; lex the rest again.
            if line != last:
                self.rescans -= 1
            del self.tokens[self.mark_tokens :]
            del self.diags[self.mark_diags :]
            if is_quote:
                self._emit(QUOTED, self.open_pos, de, value=text[self.open_pos : de])
                self.broken.add(self.open_pos)
            else:
                self._emit(COMMENT, self.open_pos, de, trivia=True)
            self._trailer(line)
            restart = line + 1 if line < last else None
        elif is_quote:
            self._emit(QUOTED, self.open_pos, len(text), value="".join(self.parts))
            self.broken.add(self.open_pos)
        self.diags.append(make("SYN005", message, span, help=help_))
        self.mode = self.NORMAL
        self.depth = 0
        return restart


# ---------------------------------------------------------------------------
# Parser


class IzuprmSyntax:
    """What :func:`parse_izuprm_syntax` returns.

    ``tree`` is the ``file`` node; its children are trivia tokens and one
    node per statement (kind ``statement``, with its :class:`Tree` in ``tree`` and
    the canonical keyword in ``keyword``) or per unparsable stretch (kind
    ``error``). ``broken`` holds the start offsets of QUOTED tokens that lack
    their closing quote (already reported as SYN005); ``overflow_lines`` the
    1-based numbers of lines with text in columns 72-80 that is not a
    sequence number (z/OS ignores it: data that ran past column 71).
    """

    __slots__ = ("broken", "diagnostics", "overflow_lines", "remarks", "source", "statements", "tree")

    def __init__(
        self,
        source: Source,
        tree: Node,
        statements: tuple[Node, ...],
        diagnostics: tuple[Diagnostic, ...],
        broken: frozenset[int],
        overflow_lines: frozenset[int] = frozenset(),
        remarks: tuple[Token, ...] = (),
    ) -> None:
        self.remarks = remarks  # comment tokens that mention zlint (suppressions)
        self.source = source
        self.tree = tree
        self.statements = statements
        self.diagnostics = diagnostics
        self.broken = broken
        self.overflow_lines = overflow_lines


def _join_or(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _describe_expected(expected: Iterable[str]) -> str:
    exp = {e for e in expected if e.isupper() and e != "$END"}
    parts: list[str] = []
    if "_LPAR" in exp:
        parts.append("`(`")
    if "_RPAR" in exp:
        parts.append("`)`")
    if "COMMA" in exp:
        parts.append("`,`")
    subs = [s for subs in STATEMENTS.values() for s in subs if f"K_{s}" in exp]
    for s in dict.fromkeys(subs):
        parts.append(s)
    if "WORD" in exp or "QUOTED" in exp:
        parts.append("a value")
    if "NAME" in exp or any(e[2:] in STATEMENTS for e in exp if e.startswith("K_")):
        parts.append("a statement keyword")
    return _join_or(parts) or "nothing more"


def _describe_token(tok: Token) -> str:
    if tok.kind == QUOTED:
        return "a quoted value"
    text = tok.text if len(tok.text) <= 32 else tok.text[:30] + "…"
    if tok.type.startswith("K_"):
        return text.upper()
    return f"`{text}`"


class _Parser:
    def __init__(self, source: Source, lexed: _Lexer) -> None:
        self.source = source
        self.lexed = lexed
        self.tokens = lexed.tokens
        self.sig_pos = [i for i, t in enumerate(self.tokens) if not t.trivia]
        self.sig = [self.tokens[i] for i in self.sig_pos]
        self.diags: list[Diagnostic] = []
        # (kind, first sig index, last sig index, statement tree, keyword)
        self.found: list[tuple[str, int, int, Any, str | None]] = []
        starts = source.line_starts
        self.line_of = [bisect.bisect_right(starts, t.start) - 1 for t in self.sig]
        # a quoted value continued over lines ends on a later line than it starts
        self.end_line_of = [
            bisect.bisect_right(starts, t.end - 1) - 1 if t.kind == QUOTED else ln
            for t, ln in zip(self.sig, self.line_of)
        ]
        self._expected_cache: dict[tuple[Any, ...], frozenset[str]] = {}
        self._fresh = lalr_parser("izuprm.lark", "statement")
        # (first token, terminals) of the statement that ended just before a stray token
        self._context: tuple[Token, frozenset[str]] | None = None

    # -- token classification

    def _next_sig(self, i: int) -> Token | None:
        return self.sig[i + 1] if i + 1 < len(self.sig) else None

    def _line_initial(self, i: int) -> bool:
        return i == 0 or self.line_of[i] != self.end_line_of[i - 1]

    def _starts_statement(self, i: int) -> bool:
        """A statement keyword followed by `(` or by one of its sub-keywords."""
        word = self.sig[i].text.upper()
        nxt = self._next_sig(i)
        if nxt is None:
            return False
        if nxt.kind == LPAR:
            return True
        return nxt.kind == WORD and nxt.text.upper() in STATEMENTS.get(word, ())

    def _candidates(self, i: int) -> list[str]:
        tok = self.sig[i]
        if tok.kind != WORD:
            return [_PUNCT_TERMINAL[tok.kind]]
        word = tok.text.upper()
        out: list[str] = []
        if word in SUBKEYWORDS:
            out.append("K_" + word)
        if word in STATEMENTS:
            if not self._starts_statement(i):
                out.append("WORD")  # e.g. INCIDENT_LOG inside PLUGINS(...)
            out.append("K_" + word)
        else:
            out.append("WORD")
            if NAME_RE.fullmatch(tok.text):
                out.append("NAME")
        return out

    def _expected(self, ip: LalrParser) -> frozenset[str]:
        key = tuple(ip.states)
        got = self._expected_cache.get(key)
        if got is None:
            got = frozenset(ip.accepts())
            self._expected_cache[key] = got
        return got

    # -- statements

    def run(self) -> None:
        i = 0
        n = len(self.sig)
        while i < n:
            i = self._statement(i)

    def _can_start(self, i: int) -> bool:
        tok = self.sig[i]
        return tok.kind == WORD and (tok.text.upper() in STATEMENTS or NAME_RE.fullmatch(tok.text) is not None)

    def _statement(self, i0: int) -> int:
        ip = self._fresh.copy()
        n = len(self.sig)
        unknown = False
        depth = 0
        i = i0
        while i < n:
            tok = self.sig[i]
            # An unknown statement's bare words stay on its first line.
            blocked = unknown and depth == 0 and tok.kind in (WORD, QUOTED) and self._line_initial(i)
            fed = False
            if not blocked:
                for terminal in self._candidates(i):
                    if terminal not in ip.choices():
                        continue
                    try:
                        ip.feed(terminal, tok)
                    except ParseError:
                        # LALR may reduce on a lookahead it then rejects: rebuild the state.
                        ip = self._replay(i0, i)
                        continue
                    tok.type = terminal
                    fed = True
                    break
            if fed:
                if i == i0:
                    unknown = tok.type == "NAME"
                depth += 1 if tok.kind == LPAR else -1 if tok.kind == RPAR else 0
                i += 1
                continue
            if i > i0:
                # A token that can start no statement most likely belongs to this one:
                # remember what this statement could still take, for the message.
                context = None if self._can_start(i) else self._expected(ip) | {"NAME"}
                tree, ip = self._try_end(ip, i0, i)
                if tree is not None:
                    self._finish(i0, i - 1, tree)
                    if context is not None:
                        self._context = (self.sig[i0], context)
                    return i
            return self._error(ip, i0, i)
        tree, ip = self._try_end(ip, i0, n)
        if tree is not None and n > i0:
            self._finish(i0, n - 1, tree)
            return n
        return self._error(ip, i0, n)

    def _replay(self, i0: int, i: int) -> LalrParser:
        """A parser state after the tokens ``i0 .. i-1`` (already resolved)."""
        ip = self._fresh.copy()
        for k in range(i0, i):
            tok = self.sig[k]
            ip.feed(tok.type, tok)
        return ip

    def _try_end(self, ip: LalrParser, i0: int, i: int) -> tuple[Any, LalrParser]:
        """End the statement here if the grammar allows it: (tree or None, parser state)."""
        if "$END" not in ip.choices():
            return None, ip
        try:
            return ip.feed_eof(), ip
        except ParseError:
            return None, self._replay(i0, i)

    def _finish(self, i0: int, i1: int, tree: Any) -> None:
        first = self.sig[i0]
        keyword = first.text.upper() if first.type != "NAME" else None
        self.found.append(("statement", i0, i1, tree, keyword))

    def _is_resync(self, j: int, depth: int) -> bool:
        tok = self.sig[j]
        if tok.kind != WORD:
            return False
        word = tok.text.upper()
        if word in STATEMENTS:
            return depth <= 0 or self._starts_statement(j)
        nxt = self._next_sig(j)
        return (
            word not in SUBKEYWORDS
            and self._line_initial(j)
            and nxt is not None
            and nxt.kind == LPAR
            and NAME_RE.fullmatch(tok.text) is not None
        )

    def _error(self, ip: LalrParser, i0: int, i: int) -> int:
        """Report the token at ``i`` (or the end) and skip to the next statement."""
        n = len(self.sig)
        first = self.sig[i0] if i0 < n else None
        kw = first.text.upper() if first is not None and first.kind == WORD and first.type.startswith("K_") else None
        depth = 0
        for k in range(i0, i):
            kind = self.sig[k].kind
            depth += 1 if kind == LPAR else -1 if kind == RPAR else 0
        # Resynchronise: the next statement keyword (see _is_resync).
        j = i if i > i0 else i + 1
        d = depth
        if i <= i0 and i < n:
            kind = self.sig[i].kind
            d += 1 if kind == LPAR else -1 if kind == RPAR else 0
        while j < n and not self._is_resync(j, d):
            kind = self.sig[j].kind
            d += 1 if kind == LPAR else -1 if kind == RPAR else 0
            j += 1
        expected = _describe_expected(self._expected(ip))
        prefix = f"{kw}: " if kw else ""
        context, self._context = self._context, None
        if i == i0 and context is not None:
            # e.g. `COMMON_TSO ACCT(A) (B)`: the `(` reads as part of COMMON_TSO
            ctx_first, ctx_expected = context
            if ctx_first.type.startswith("K_") and ctx_expected - {"NAME", "$END"}:
                prefix = f"{ctx_first.text.upper()}: "
                expected = _describe_expected(ctx_expected)
        prev = self.sig[i - 1] if i > i0 else None
        if i >= n or (prev is not None and j == i):
            # Nothing (or the next statement) follows: point at what came last.
            assert prev is not None
            if prev.kind == QUOTED and prev.start in self.lexed.broken:
                self._record(i0, j)  # SYN005 already explains this statement
                return j
            after = "the value" if prev.kind in (WORD, QUOTED) and not prev.type.startswith("K_") else _describe_token(prev)
            found = "the end of the member" if i >= n else f"the next statement {self.sig[i].text.upper()}"
            message = f"{prefix}expected {expected} after {after}, found {found}"
            span = Span(self.source, prev.start, prev.end)
        else:
            tok = self.sig[i]
            if prev is not None and prev.kind == QUOTED and prev.start in self.lexed.broken:
                self._record(i0, j)
                return j
            message = f"{prefix}expected {expected}, found {_describe_token(tok)}"
            span = Span(self.source, tok.start, tok.end)
        help_ = self._overflow_help(i0, min(max(i, i0), n - 1))
        self.diags.append(make("SYN001", message, span, help=help_))
        self._record(i0, j)
        return j

    def _record(self, i0: int, j: int) -> None:
        if j <= i0:
            return
        first = self.sig[i0]
        keyword = first.text.upper() if first.kind == WORD and first.type.startswith("K_") else None
        self.found.append(("error", i0, j - 1, None, keyword))

    def _overflow_help(self, i0: int, i1: int) -> str | None:
        if not self.lexed.overflow or i1 < i0:
            return None
        lines = range(self.line_of[i0], self.line_of[i1] + 1)
        hit = [ln for ln in lines if ln in self.lexed.overflow]
        if not hit:
            return None
        return (
            f"line {hit[0] + 1} has text in columns {DATA_COLUMNS + 1}-80, which z/OS ignores; "
            f"keep statements within columns 1-{DATA_COLUMNS}"
        )

    # -- the tree

    def build(self) -> tuple[Node, tuple[Node, ...]]:
        children: list[Node | Token] = []
        statements: list[Node] = []
        r = 0
        for kind, i0, i1, tree, keyword in self.found:
            r0 = self.sig_pos[i0]
            r1 = self.sig_pos[i1]
            children.extend(self.tokens[r:r0])
            node = Node(kind, list(self.tokens[r0 : r1 + 1]), self.source, keyword=keyword, tree=tree)
            children.append(node)
            statements.append(node)
            r = r1 + 1
        children.extend(self.tokens[r:])
        return Node("file", children, self.source), tuple(statements)


def parse_izuprm_syntax(source: Source) -> IzuprmSyntax:
    """Lex and parse an IZUPRMxx member into its lossless CST; never raises.

    Diagnostics: SYN001 (cannot parse a statement, with what was expected),
    SYN005 (unterminated or overflowing comment or quoted string) and SYN010
    (undecodable bytes). Unknown statements parse (as ``unknown_statement``)
    and are left to the model builder, which reports IZU201.
    """
    lexed = _Lexer(source).run()
    parser = _Parser(source, lexed)
    for i, t in enumerate(parser.sig):
        t.line_initial = parser._line_initial(i)
    parser.run()
    tree, statements = parser.build()
    diags = tuple(lexed.diags) + tuple(parser.diags)
    overflow = frozenset(line + 1 for line in lexed.overflow)
    remarks = tuple(t for t in lexed.tokens if t.kind == COMMENT and _ZLINT.search(t.text))
    return IzuprmSyntax(source, tree, statements, diags, frozenset(lexed.broken), overflow, remarks)


def suggest_keyword(word: str) -> str | None:
    """The statement keyword closest to a misspelt one, if any is close."""
    return _suggest(word.upper()[:64])


@functools.lru_cache(maxsize=4096)
def _suggest(word: str) -> str | None:
    got = difflib.get_close_matches(word, list(STATEMENTS), n=1, cutoff=0.75)
    return got[0] if got else None

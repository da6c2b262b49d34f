"""IZUPRMxx syntax tree to model: :func:`parse_izuprm`.

Effective-value policy (IBM documents none of it for IZUPRMxx; reference §1.1
and §2.3): within a member the last occurrence of a single-valued setting
wins; PLUGINS lists are merged (union, first-seen order). A value with an
error-level finding (IZU202 error, SYN004) does not take effect: the
setting keeps the value it had before, or its default.

Parse-level findings of the builder: IZU201 (unknown statement), IZU202
(invalid value), IZU203 (statement repeated in one member), IZU204 (a value
that must keep its case is not quoted; with a safe quoting fix) and SYN004 (a
number is required). :func:`~zparse.model.izuprm.merge.merge_members` adds
IZU205 (members disagree).
"""

from __future__ import annotations

import difflib
import ipaddress
from collections.abc import Sequence
from typing import Any

import attrs

from ..._gc import gc_paused
from ...codes import Severity
from ...diagnostics import Diagnostic, Edit, Fix, Related, make, sort_diagnostics
from ...source import Source, Span
from ...syntax.cst import Node, Token, Tree
from ...syntax.izuprm import (
    DATA_COLUMNS,
    STATEMENTS,
    IzuprmSyntax,
    parse_izuprm_syntax,
    suggest_keyword,
    unquote,
)
from ...syntax.suppress import read_suppressions
from ..result import ParseResult
from .nodes import (
    _DIGITS,
    _LABEL,
    _LIBERTY_LEVELS,
    _NAME_ANY,
    _NAME_UPPER,
    _PLAIN,
    KNOWN_PLUGINS,
    SETTINGS,
    IzuPrm,
    Operand,
    SettingSpec,
    Statement,
    Value,
    ValueKind,
)

__all__ = ["parse_izuprm"]

# ---------------------------------------------------------------------------
# Building the model from the CST


def _tree_tokens(tree: Tree) -> list[Token]:
    """The tokens under a statement's tree in order, without recursion (unknown
    statements may nest parentheses thousands deep)."""
    out: list[Token] = []
    stack: list[Any] = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, Tree):
            stack.extend(reversed(item.children))
        elif isinstance(item, Token):
            out.append(item)
    return out


def _line_no(span: Span) -> int:
    return span.start_line_col()[0]


def _show(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Builder:
    def __init__(self, source: Source, broken: frozenset[int], overflow_lines: frozenset[int] = frozenset()) -> None:
        self.source = source
        self.broken = broken
        self.overflow_lines = overflow_lines
        self.diags: list[Diagnostic] = []

    def span(self, tok: Token) -> Span:
        return Span(self.source, tok.start, tok.end)

    def value(self, tok: Token) -> Value:
        span = self.span(tok)
        if tok.type == "QUOTED":
            return Value(
                text=unquote(str(tok), terminated=span.start not in self.broken),
                quoted=True,
                raw=span.text,
                span=span,
            )
        return Value(text=str(tok).upper(), quoted=False, raw=span.text, span=span)

    def diag(self, code: str, message: str, span: Span, **kw: Any) -> None:
        line = _line_no(span)
        if line in self.overflow_lines:  # the likeliest cause: say it first
            kw["help"] = (
                f"line {line} has text in columns {DATA_COLUMNS + 1}-80, which z/OS ignores; "
                f"keep statements within columns 1-{DATA_COLUMNS}"
            )
        self.diags.append(make(code, message, span, **kw))

    # -- statements

    def statement(self, node: Node) -> Statement | None:
        tree = node.tree
        if node.kind != "statement" or not isinstance(tree, Tree):
            return None
        children = tree.children
        head = children[0]
        assert isinstance(head, Token)
        keyword_span = self.span(head)
        span = node.span
        if tree.data == "unknown_statement":
            self.unknown(str(head), keyword_span)
            words = [t for t in _tree_tokens(tree) if t.type in ("WORD", "QUOTED")]
            return Statement(
                keyword=str(head).upper(),
                known=False,
                values=tuple(self.value(t) for t in words),
                span=span,
                keyword_span=keyword_span,
            )
        keyword = str(head).upper()
        values: list[Value] = []
        operands: list[Operand] = []
        closing = _closing_parens(node)
        for child in children[1:]:
            if isinstance(child, Tree):
                kw_tok, val_tok = child.children[0], child.children[-1]
                assert isinstance(kw_tok, Token) and isinstance(val_tok, Token)
                kw_span = self.span(kw_tok)
                val = self.value(val_tok)
                end = closing.get(val.span.end, val.span.end)
                operands.append(
                    Operand(
                        keyword=str(kw_tok).upper(),
                        value=val,
                        span=Span(self.source, kw_span.start, end),
                        keyword_span=kw_span,
                    )
                )
            elif isinstance(child, Token) and child.type in ("WORD", "QUOTED"):
                values.append(self.value(child))
        if keyword == "PLUGINS":
            values = self.check_plugins(node, values)
        elif operands:
            operands = [
                attrs.evolve(op, value=self.check(SETTINGS[f"{keyword} {op.keyword}"], op.value))
                for op in operands
            ]
            self.check_repeated_operands(keyword, operands)
        elif values:
            values = [self.check(SETTINGS[keyword], values[0])]
        return Statement(
            keyword=keyword,
            values=tuple(values),
            operands=tuple(operands),
            span=span,
            keyword_span=keyword_span,
        )

    def unknown(self, word: str, span: Span) -> None:
        upper = word.upper()
        owners = [k for k, subs in STATEMENTS.items() if upper in subs]
        if owners:
            hint = f"; {upper} is an operand of {' and '.join(owners)}, not a statement"
        else:
            close = suggest_keyword(upper)
            hint = f"; did you mean {close}?" if close else ""
        self.diag(
            "IZU201",
            f"unknown IZUPRMxx statement {_show(upper)}{hint}",
            span,
            help="IZUPRMxx statements: " + ", ".join(sorted(STATEMENTS)),
        )

    # -- value checks

    def check(self, spec: SettingSpec, value: Value) -> Value:
        """Report problems of one value; return it marked invalid on an error-level finding."""
        name = spec.name
        text = value.text
        errors = 0

        def bad(message: str, *, verified: bool = True, code: str = "IZU202", help: str | None = None) -> None:
            nonlocal errors
            severity = Severity.ERROR if verified else Severity.WARNING
            if severity is Severity.ERROR:
                errors += 1
            self.diag(code, message, value.span, severity=severity, help=help)

        # Unquoted values: IBM asks for quotes around mixed case and special characters.
        unquoted_special = False
        if not value.quoted:
            if spec.keep_case:
                self.check_case(spec, value)
            elif spec.kind is not ValueKind.NUMBER and not _PLAIN.fullmatch(value.raw):
                specials = "".join(dict.fromkeys(c for c in value.raw if not _PLAIN.fullmatch(c)))
                unquoted_special = True
                bad(
                    f"{name} value {_show(value.raw)} has special characters ({_show(specials, 12)}) and is not "
                    "quoted; IBM asks for single quotes around such values (which characters count is unverified)",
                    verified=False,
                )

        kind = spec.kind
        if kind is ValueKind.CHOICE:
            if text.upper() not in spec.choices:
                bad(f"{name} must be {' or '.join(spec.choices)}, not {_show(text)}")
        elif kind is ValueKind.NUMBER:
            errors += self.check_number(spec, value)
        elif kind is ValueKind.HOSTNAME:
            errors += self.check_hostname(value)
        elif kind is ValueKind.PATH:
            if not text.startswith("/"):
                bad(
                    f"{name} must be an absolute z/OS UNIX path (starting with /), not {_show(text) or 'empty'}",
                    verified=spec.absolute_verified,
                )
            elif spec.max_length is not None and len(text) > spec.max_length:
                bad(f"{name} is {len(text)} characters long; z/OS UNIX paths hold at most {spec.max_length}", verified=False)
        elif kind is ValueKind.NAME:
            pattern = _NAME_ANY if spec.lowercase_ok else _NAME_UPPER
            if spec.max_length is not None and len(text) > spec.max_length:
                bad(
                    f"{name} {_show(text)} is {len(text)} characters long; at most {spec.max_length} are allowed"
                    + ("" if spec.length_verified else " (limit unverified)"),
                    verified=spec.length_verified,
                )
            elif not pattern.fullmatch(text) and not unquoted_special:  # one finding per value
                what = "empty" if not text else _show(text)
                bad(
                    f"{name} {what} is not a valid name: 1-{spec.max_length or 8} letters, digits or @ # $, "
                    "not starting with a digit (unverified)",
                    verified=False,
                )
        elif kind is ValueKind.TEXT:
            if not text:
                bad(f"{name} is empty", verified=False)
            elif spec.max_length is not None and len(text) > spec.max_length:
                bad(
                    f"{name} is {len(text)} characters long; at most {spec.max_length} are allowed (limit unverified)",
                    verified=False,
                )
        elif kind is ValueKind.LOGGING:
            self.check_logging(value)
        if errors:
            return attrs.evolve(value, valid=False)
        return value

    def check_number(self, spec: SettingSpec, value: Value) -> int:
        text = value.text.strip() if value.quoted else value.text
        name = spec.name
        if not _DIGITS.fullmatch(text):
            low = spec.minimum if spec.minimum is not None else 0
            bound = f" from {low} to {spec.maximum}" if spec.maximum is not None else ""
            self.diag(
                "SYN004",
                f"{name}: expected a number{bound}, found {_show(value.raw) or 'nothing'}",
                value.span,
            )
            return 1
        if value.quoted:
            self.diag(
                "IZU202",
                f"{name} value is a quoted number; zlint reads it as {int(text) if len(text) <= 12 else text}, "
                "but whether z/OSMF accepts quotes here is unverified",
                value.span,
                severity=Severity.INFO,
                help="write the number without quotes",
            )
        number = int(text) if len(text) <= 12 else None
        lo, hi = spec.minimum, spec.maximum
        if number is None or (lo is not None and number < lo) or (hi is not None and number > hi):
            rng = f"{lo} to {hi}" if hi is not None else f"at least {lo}"
            verified = spec.range_verified
            self.diag(
                "IZU202",
                f"{name} {_show(text, 14)} is out of range: {rng}" + ("" if verified else " (range unverified)"),
                value.span,
                severity=Severity.ERROR if verified else Severity.WARNING,
            )
            return 1 if verified else 0
        return 0

    def check_hostname(self, value: Value) -> int:
        text = value.text
        if text == "*":
            return 0
        if text.upper() == "@HOSTNAME":
            self.diag(
                "IZU202",
                "HOSTNAME @HOSTNAME is the z/OS 2.2 spelling of the local host name; since z/OS 2.3 it is '*'",
                value.span,
                severity=Severity.WARNING,
                help="write HOSTNAME('*')",
            )
            return 0
        try:
            ipaddress.ip_address(text)
        except ValueError:
            pass
        else:
            return 0
        problem = _hostname_problem(text)
        if problem is None:
            return 0
        if problem.endswith("(unverified)"):
            self.diag("IZU202", f"HOSTNAME {_show(text)}: {problem}", value.span, severity=Severity.WARNING)
            return 0
        self.diag("IZU202", f"HOSTNAME {_show(text) or 'empty'} is not a valid host name: {problem}", value.span,
                  help="give a DNS host name, an IP address, or '*' for the local host name")
        return 1

    def check_logging(self, value: Value) -> None:
        bad_parts: list[str] = []
        for part in value.text.split(":"):
            component, eq, level = part.strip().partition("=")
            if not eq or not component or level.strip().lower() not in _LIBERTY_LEVELS:
                bad_parts.append(part.strip())
        if bad_parts:
            self.diag(
                "IZU202",
                f"LOGGING: {_show(bad_parts[0])} is not a Liberty trace setting component=level "
                "(levels: off, fatal, severe, warning, audit, info, config, detail, fine, finer, finest, all)",
                value.span,
                severity=Severity.WARNING,
            )

    def check_case(self, spec: SettingSpec, value: Value) -> None:
        """IZU204 where quoting changes the meaning: lower case that z/OSMF would
        fold (except in a host name: DNS names are case-insensitive), or a
        character IBM wants quoted."""
        raw = value.raw
        name = spec.name
        lower = spec.kind is not ValueKind.HOSTNAME and any(c.islower() for c in raw)
        specials = "".join(dict.fromkeys(c for c in raw if not _PLAIN.fullmatch(c)))
        if not lower and not specials:
            return  # folding changes nothing, and no quotes are needed
        if lower:
            message = (
                f"{name} value {_show(raw)} is not quoted, so z/OSMF reads it in upper case as "
                f"{_show(raw.upper())}; quote it to keep its case"
            )
        else:
            message = (
                f"{name} value {_show(raw)} has special characters ({_show(specials, 12)}) and is not quoted; "
                "IBM asks for single quotes around values that need their case or special characters"
            )
        fix = _quote_fix(self.source, value.span)
        self.diag(
            "IZU204",
            message,
            value.span,
            fix=fix,
            help=None if fix else f"quote the value; first split the line, as the quotes would pass column {DATA_COLUMNS}",
        )

    def check_plugins(self, node: Node, values: list[Value]) -> list[Value]:
        seen: dict[str, Value] = {}
        for v in values:
            name = v.text.upper()
            if name in seen:
                self.diag(
                    "IZU202",
                    f"PLUGINS lists {name} twice",
                    v.span,
                    severity=Severity.WARNING,
                    related=[Related(seen[name].span, f"{name} first listed here")],
                    help="remove the second entry",
                )
                continue
            seen[name] = v
            if name not in KNOWN_PLUGINS:
                close = difflib.get_close_matches(name, KNOWN_PLUGINS, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]}?" if close else ""
                self.diag(
                    "IZU202",
                    f"PLUGINS: {_show(name) or 'empty'} is not a known z/OSMF plug-in{hint} "
                    "(known: " + ", ".join(KNOWN_PLUGINS) + "; newer releases may add more, unverified)",
                    v.span,
                    severity=Severity.WARNING,
                )
        self.check_plugin_separators(node, values)
        return values

    def check_plugin_separators(self, node: Node, values: list[Value]) -> None:
        if len(values) < 3:
            return
        gaps: list[tuple[Value, Value, bool]] = []
        starts = {v.span.start: v for v in values}
        prev: Value | None = None
        comma = False
        for t in node.tokens():
            if t.trivia:
                continue
            v = starts.get(t.start)
            if v is not None:
                if prev is not None:
                    gaps.append((prev, v, comma))
                prev, comma = v, False
            elif t.kind == "COMMA":
                comma = True
        with_comma = sum(1 for g in gaps if g[2])
        if 0 < with_comma < len(gaps):
            a, b, _ = next(g for g in gaps if not g[2])
            self.diag(
                "IZU202",
                f"PLUGINS: no comma between {a.text.upper()} and {b.text.upper()} while the other items are "
                "separated by commas (blanks separate items too, so both are read)",
                Span(self.source, a.span.start, b.span.end),
                severity=Severity.INFO,
                help="separate all items the same way",
            )

    def check_repeated_operands(self, keyword: str, operands: Sequence[Operand]) -> None:
        seen: dict[str, Operand] = {}
        for op in operands:
            first = seen.get(op.keyword)
            if first is not None:
                self.diag(
                    "IZU203",
                    f"{keyword} gives {op.keyword} twice; the last one ({_show(op.value.text)}) wins",
                    op.span,
                    related=[Related(first.span, f"{op.keyword} first given here")],
                )
            seen[op.keyword] = op

    # -- the member

    def repeated(self, statements: Sequence[Statement]) -> None:
        first: dict[str, Statement] = {}
        for st in statements:
            if not st.known:
                continue
            earlier = first.get(st.keyword)
            if earlier is None:
                first[st.keyword] = st
                continue
            line = _line_no(earlier.span)
            if st.keyword == "PLUGINS":
                message = f"PLUGINS appears again (first on line {line}); zlint merges the lists (unverified)"
            elif st.operands or earlier.operands:
                message = (
                    f"{st.keyword} appears again (first on line {line}); for each operand the last one wins "
                    "(unverified)"
                )
            else:
                old = earlier.value.text if earlier.value else ""
                new = st.value.text if st.value else ""
                if old == new:
                    message = f"{st.keyword} is set again to the same value (first on line {line})"
                else:
                    message = (
                        f"{st.keyword} is set again; the last value ({_show(new)}) wins over "
                        f"{_show(old)} on line {line}"
                    )
            self.diag(
                "IZU203",
                message,
                st.span,
                related=[Related(earlier.span, f"{st.keyword} first set here")],
                help="keep one statement",
            )


def _closing_parens(node: Node) -> dict[int, int]:
    """For each significant token followed by `)`: its end offset -> the end of that `)`."""
    out: dict[int, int] = {}
    prev_end: int | None = None
    for t in node.significant():
        if t.kind == "RPAR" and prev_end is not None:
            out[prev_end] = t.end
        prev_end = t.end
    return out


def _hostname_problem(text: str) -> str | None:
    """Why ``text`` is not a host name (RFC 1123), or None."""
    if not text:
        return "it is empty"
    name = text[:-1] if text.endswith(".") else text
    if len(name) > 253:
        return f"{len(name)} characters, at most 253 are allowed"
    labels = name.split(".")
    if all(label.isdigit() for label in labels):
        return "it looks like an IPv4 address but is not a valid one"
    underscore = False
    for label in labels:
        if not label:
            return "it has an empty label (two dots in a row, or a leading dot)"
        if len(label) > 63:
            return f"the label {_show(label, 20)} is longer than 63 characters"
        if "_" in label and _LABEL.fullmatch(label.replace("_", "a")):
            underscore = True
            continue
        if not _LABEL.fullmatch(label):
            chars = "".join(dict.fromkeys(c for c in label if not (c.isascii() and (c.isalnum() or c == "-"))))
            if chars:
                return f"{_show(chars, 10)!s} is not allowed in a host name (letters, digits, - and .)"
            return f"the label {_show(label, 20)} starts or ends with -"
    if underscore:
        return "an underscore is not valid in a DNS host name, although some name servers accept it (unverified)"
    return None


def _quote_fix(source: Source, span: Span) -> Fix | None:
    """Quote an unquoted value; None when the quotes would push data past column 71.

    On a line that reaches past column 69 the fix also drops blanks just
    before column 72, so text in columns 72-80 (sequence numbers) stays put.
    """
    text = source.text
    line, _ = span.start_line_col()
    ls = source.offset(line, 1)
    le = source.line_end(line)
    de = min(le, ls + DATA_COLUMNS)
    last = ls + len(text[ls:de].rstrip(" \t\v\f"))
    if last - ls + 2 > DATA_COLUMNS:
        return None
    edits = [Edit(span, "'" + span.text + "'")]
    description = "quote the value"
    if le - ls + 2 > DATA_COLUMNS:
        k = min(2, de - max(last, span.end))
        if k > 0 and le > de:
            edits.append(Edit(Span(source, de - k, de), ""))
            description += f" (and drop {k} blank{'s' if k > 1 else ''} before column {DATA_COLUMNS + 1})"
    return Fix(description, tuple(edits), safe=True)


_SYNTAX_ERRORS = frozenset({"SYN001", "SYN004", "SYN005", "SYN010", "IZU201", "ZL001"})


def _syntax_or_fallback(source: Source) -> IzuprmSyntax:
    """The CST; should the parser itself fail, one lossless error node and ZL001."""
    try:
        return parse_izuprm_syntax(source)
    except Exception as exc:  # never raise for any str: keep every byte, say what happened
        token = Token("ERROR", source.text, 0)
        node = Node("error", [token], source)
        tree = Node("file", [node] if source.text else [], source)
        diag = make("ZL001", f"internal error parsing this member: {exc!r}", Span(source, 0, len(source.text)))
        return IzuprmSyntax(source, tree, (), (diag,), frozenset())


def parse_izuprm(text: str, path: str | None = None) -> ParseResult[IzuPrm]:
    """Parse one IZUPRMxx member; never raises, for any ``str``.

    ``result.render() == text`` always. ``status`` is ``"clean"`` when there
    is no syntax error (SYN001, SYN004, SYN005, SYN010 or IZU201 of error
    severity), ``"recovered"`` when there are some but statements were
    understood, and ``"unreadable"`` when no IZUPRMxx statement keyword was
    recognised at all. ``result.model`` is the :class:`IzuPrm`.
    """
    source = Source(text, path, kind="izuprm")
    with gc_paused():  # many small long-lived objects: the collector only slows this down
        syntax = _syntax_or_fallback(source)
        builder = _Builder(source, syntax.broken, syntax.overflow_lines)
        statements: list[Statement] = []
        for node in syntax.statements:
            try:
                st = builder.statement(node)
            except Exception as exc:  # a builder bug must never lose the member
                builder.diags.append(make("ZL001", f"internal error reading this statement: {exc!r}", node.span))
                continue
            if st is not None:
                statements.append(st)
        builder.repeated(statements)
        model = IzuPrm.from_statements(statements, path=path,
                                       suppressions=read_suppressions(source, syntax.remarks, "izuprm"))
    diagnostics = tuple(sort_diagnostics([*syntax.diagnostics, *builder.diags]))
    errors = any(d.code in _SYNTAX_ERRORS and d.severity is Severity.ERROR for d in diagnostics)
    if not errors:
        status = "clean"
    elif any(node.keyword in STATEMENTS for node in syntax.statements):
        status = "recovered"
    else:
        status = "unreadable"
    return ParseResult(source=source, tree=syntax.tree, model=model, diagnostics=diagnostics, status=status)

"""The typed model of IZUPRMxx (z/OSMF parmlib member) and its builder.

Two views of one member:

* **as written**: :attr:`IzuPrm.statements`, one :class:`Statement` per
  statement in text order, with its keyword, :class:`Value` s (folded text,
  quoted flag, raw text) and :class:`Operand` s, each with its span;
* **in effect**: :attr:`IzuPrm.settings`, one :class:`Setting` per setting
  of :data:`SETTINGS` (a statement, or a statement's sub-keyword such as
  ``COMMON_TSO REGION``), with IBM's default where no statement sets it.
  Typed accessors (:attr:`IzuPrm.hostname`, :attr:`IzuPrm.http_ssl_port`,
  ...) read it; :meth:`IzuPrm.span_of` tells which statement set a value.

Effective-value policy (IBM documents none of it for IZUPRMxx; reference §1.1
and §2.3): within a member and across concatenated members, the last
occurrence of a single-valued setting wins; PLUGINS lists are merged (union,
first-seen order). A value with an error-level finding (IZU202 error, SYN004)
does not take effect: the setting keeps the value it had before, or its default.

Parse-level findings of the builder: IZU201 (unknown statement), IZU202
(invalid value), IZU203 (statement repeated in one member), IZU204 (a value
that must keep its case is not quoted; with a safe quoting fix) and SYN004 (a
number is required). :func:`merge_members` adds IZU205 (members disagree).
"""

from __future__ import annotations

import difflib
import enum
import ipaddress
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, Final

import attrs

from .._gc import gc_paused
from ..codes import Severity
from ..diagnostics import Diagnostic, Edit, Fix, Related, make, sort_diagnostics
from ..source import Source, Span
from ..syntax.cst import Node, Token, Tree
from ..syntax.izuprm import (
    DATA_COLUMNS,
    STATEMENTS,
    IzuprmSyntax,
    parse_syntax,
    suggest_keyword,
    unquote,
)
from .result import ParseResult

__all__ = [
    "KNOWN_PLUGINS",
    "SETTINGS",
    "Autostart",
    "IzuPrm",
    "Operand",
    "SecGroups",
    "Setting",
    "SettingSpec",
    "SettingValue",
    "Statement",
    "TsoSettings",
    "Value",
    "ValueKind",
    "WlmClasses",
    "merge_members",
    "parse_izuprm",
]

SettingValue = str | int | tuple[str, ...] | None
"""An effective value: text, a number, the PLUGINS tuple, or None (no default)."""


class Autostart(enum.Enum):
    """AUTOSTART: start a z/OSMF server here at IPL (LOCAL) or use the group's server (CONNECT)."""

    LOCAL = "LOCAL"
    CONNECT = "CONNECT"


class ValueKind(enum.Enum):
    """How a setting's value is checked and typed."""

    CHOICE = "choice"  # one of a fixed set of keywords
    NUMBER = "number"  # a decimal integer
    HOSTNAME = "hostname"  # a host name, an IP address or *
    PATH = "path"  # an absolute z/OS UNIX path
    NAME = "name"  # an MVS name: procedure, user ID, group, class, prefix
    TEXT = "text"  # free text with a length limit (account, key ring, unit)
    LOGGING = "logging"  # a Liberty trace specification
    LIST = "list"  # the PLUGINS list


@attrs.frozen(kw_only=True)
class SettingSpec:
    """What IBM says (or what is believed, when ``*_verified`` is False) about one setting."""

    name: str
    statement: str
    operand: str | None
    kind: ValueKind
    default: SettingValue
    default_verified: bool = True
    default_note: str | None = None
    keep_case: bool = False  # IBM lists it among the values that may need mixed case
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    range_verified: bool = False
    max_length: int | None = None
    length_verified: bool = False
    lowercase_ok: bool = False  # NAME: lower-case letters are fine when quoted
    absolute_verified: bool = False  # PATH: IBM requires an absolute path


def _spec(name: str, kind: ValueKind, default: SettingValue, **kw: Any) -> SettingSpec:
    statement, _, operand = name.partition(" ")
    return SettingSpec(name=name, statement=statement, operand=operand or None, kind=kind, default=default, **kw)


_N, _T, _C = ValueKind.NAME, ValueKind.TEXT, ValueKind.CHOICE

SETTINGS: Final[Mapping[str, SettingSpec]] = {
    s.name: s
    for s in (
        _spec("ANGEL_PROC", _N, "IZUANG1", default_verified=False, max_length=8),
        _spec("AUTOSTART", _C, "LOCAL", default_verified=False, choices=("LOCAL", "CONNECT"),
              default_note="IBM default believed to be LOCAL (unverified)"),
        _spec("AUTOSTART_GROUP", _N, "IZUDFLT", keep_case=True, max_length=8, lowercase_ok=True),
        _spec("CLOUD_SAF_PREFIX", _N, "IYU", keep_case=True, max_length=3, length_verified=True, lowercase_ok=True),
        _spec("CLOUD_SEC_ADMIN", _N, None, keep_case=True, max_length=8, lowercase_ok=True,
              default_note="no default: Cloud Provisioning security updates are manual"),
        _spec("COMMON_TSO ACCT", _T, "IZUACCT", max_length=40),
        _spec("COMMON_TSO REGION", ValueKind.NUMBER, 50000, minimum=0, maximum=9_999_999),
        _spec("COMMON_TSO PROC", _N, "IZUFPROC", max_length=8),
        _spec("CSRF_SWITCH", _C, "ON", default_verified=False, choices=("ON", "OFF"),
              default_note="IBM default believed to be ON (unverified)"),
        _spec("HOSTNAME", ValueKind.HOSTNAME, "*", keep_case=True),
        _spec("HTTP_SSL_PORT", ValueKind.NUMBER, 443, minimum=1, maximum=65535, range_verified=True),
        _spec("INCIDENT_LOG UNIT", _T, "SYSALLDA", default_verified=False, keep_case=True, max_length=8,
              default_note="IBM default believed to be SYSALLDA (unverified)"),
        _spec("JAVA_HOME", ValueKind.PATH, None, default_verified=False, keep_case=True, max_length=1023,
              default_note="release-dependent: /usr/lpp/java/J8.0_64 on z/OS 2.3-2.5, later 11 or 17 (unverified)"),
        _spec("KEYRING_NAME", _T, "IZUKeyring.IZUDFLT", keep_case=True, max_length=237),
        _spec("LOGGING", ValueKind.LOGGING, None, default_verified=False, keep_case=True,
              default_note="the IBM default trace specification is not documented in the sources seen"),
        _spec("PLUGINS", ValueKind.LIST, (), default_note="no optional plug-ins unless PLUGINS names them"),
        _spec("RESTAPI_FILE ACCT", _T, "IZUACCT", max_length=40),
        _spec("RESTAPI_FILE REGION", ValueKind.NUMBER, None, default_verified=False, minimum=0, maximum=9_999_999,
              default_note="default not documented in the sources seen; Zowe recommends at least 65536"),
        _spec("RESTAPI_FILE PROC", _N, "IZUFPROC", max_length=8),
        _spec("SAF_PREFIX", _N, "IZUDFLT", keep_case=True, max_length=8, lowercase_ok=True),
        _spec("SEC_GROUPS USER", _N, "IZUUSER", max_length=8),
        _spec("SEC_GROUPS ADMIN", _N, "IZUADMIN", max_length=8),
        _spec("SEC_GROUPS SECADMIN", _N, "IZUSECAD", max_length=8),
        _spec("SERVER_PROC", _N, "IZUSVR1", max_length=8),
        _spec("SESSION_EXPIRE", ValueKind.NUMBER, 495, default_verified=False, minimum=1,
              default_note="IBM uses 495 in its example; the default itself is unverified"),
        _spec("TEMP_DIR", ValueKind.PATH, "/tmp", default_verified=False, keep_case=True, max_length=1023,
              default_note="IBM default believed to be /tmp (unverified)"),
        _spec("UNAUTH_USER", _N, "IZUGUEST", max_length=8),
        _spec("USER_DIR", ValueKind.PATH, "/global/zosmf", keep_case=True, max_length=1023, absolute_verified=True),
        _spec("WLM_CLASSES DEFAULT", _N, "IZUGHTTP", default_verified=False, max_length=8,
              default_note="taken from a real member; IBM default unverified"),
        _spec("WLM_CLASSES LONG_WORK", _N, "IZUGWORK", default_verified=False, max_length=8,
              default_note="taken from a real member; IBM default unverified"),
    )
}
"""Every effective setting, by name (``"HOSTNAME"``, ``"COMMON_TSO REGION"``), with IBM's default."""

KNOWN_PLUGINS: Final[tuple[str, ...]] = (
    "CAPACITY_PROV",
    "COMMSERVER_CFG",
    "INCIDENT_LOG",
    "ISPF",
    "RESOURCE_MON",
    "SOFTWARE_MGMT",
    "SYSPLEX_MGMT",
    "WORKLOAD_MGMT",
)
"""Plug-in names documented for z/OS 2.2-2.5; newer releases may add more (unverified)."""

_LIBERTY_LEVELS = frozenset(
    "off fatal severe warning audit info config detail fine finer finest all debug entryexit event "
    "enabled disabled".split()
)
_NAME_UPPER = re.compile(r"[A-Z@#$][A-Z0-9@#$]*")
_NAME_ANY = re.compile(r"[A-Za-z@#$][A-Za-z0-9@#$]*")
_PLAIN = re.compile(r"[A-Za-z0-9@#$_]*")
_DIGITS = re.compile(r"[0-9]+")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


# ---------------------------------------------------------------------------
# The model


@attrs.frozen(kw_only=True)
class Value:
    """One value as written. ``text`` is what z/OSMF reads: upper-cased when
    unquoted; when quoted, the content with its case kept and ``''`` read as
    one quote (a value continued onto the next line is joined)."""

    text: str
    quoted: bool
    valid: bool = True  # False when an error-level finding keeps it from taking effect
    raw: str = attrs.field(eq=False)
    span: Span = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Operand:
    """A sub-keyword operand such as ``REGION(50000)`` of COMMON_TSO."""

    keyword: str
    value: Value
    span: Span = attrs.field(eq=False, repr=False)
    keyword_span: Span = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Statement:
    """One statement as written.

    ``keyword`` is upper case (the spelling as written is in the source);
    ``known`` is False for an unknown keyword (IZU201). Single-valued
    statements have one value, PLUGINS one per item, sub-keyword statements
    (COMMON_TSO, RESTAPI_FILE, INCIDENT_LOG, WLM_CLASSES, SEC_GROUPS) their
    ``operands``.
    """

    keyword: str
    known: bool = True
    values: tuple[Value, ...] = ()
    operands: tuple[Operand, ...] = ()
    span: Span = attrs.field(eq=False, repr=False)
    keyword_span: Span = attrs.field(eq=False, repr=False)

    @property
    def value(self) -> Value | None:
        """The value of a single-valued statement (the first one otherwise)."""
        return self.values[0] if self.values else None

    def operand(self, keyword: str) -> Operand | None:
        """The last operand with this sub-keyword (the one that wins)."""
        for op in reversed(self.operands):
            if op.keyword == keyword:
                return op
        return None


@attrs.frozen(kw_only=True)
class Setting:
    """One effective setting: its value and where it came from.

    ``is_default`` is True when no statement sets it; ``default_verified``
    is False when IBM's default could not be confirmed (``note`` says what is
    believed). ``statements`` are the statements that produced the value
    (several for PLUGINS), ``span`` the last of them, ``value_span`` the span
    of the value that took effect (for PLUGINS the last statement's).
    """

    name: str
    value: SettingValue
    is_default: bool
    default_verified: bool = True
    note: str | None = None
    statements: tuple[Statement, ...] = attrs.field(default=(), eq=False, repr=False)
    value_span: Span | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def span(self) -> Span | None:
        """The span of the (last) statement that set this value; None when defaulted."""
        return self.statements[-1].span if self.statements else None

    @property
    def path(self) -> str | None:
        """The member (path) that set this value; None when defaulted."""
        span = self.span
        return span.path if span is not None else None


@attrs.frozen(kw_only=True)
class TsoSettings:
    """COMMON_TSO or RESTAPI_FILE: TSO/E logon attributes (REGION in KB)."""

    acct: str
    region: int | None
    proc: str


@attrs.frozen(kw_only=True)
class WlmClasses:
    """WLM_CLASSES: transaction classes for normal and long-running work."""

    default: str
    long_work: str


@attrs.frozen(kw_only=True)
class SecGroups:
    """SEC_GROUPS: the z/OSMF user, administrator and security administrator groups."""

    user: str
    admin: str
    secadmin: str


def _default_setting(spec: SettingSpec) -> Setting:
    return Setting(
        name=spec.name,
        value=spec.default,
        is_default=True,
        default_verified=spec.default_verified,
        note=spec.default_note,
    )


@attrs.frozen(kw_only=True)
class IzuPrm:
    """An IZUPRMxx member, or the concatenation of several (see :func:`merge_members`).

    ``statements`` are in member order, then text order; ``settings`` hold
    one :class:`Setting` per entry of :data:`SETTINGS`, in that order.
    Equality ignores spans and paths: two members that say the same thing
    compare equal.
    """

    statements: tuple[Statement, ...] = ()
    settings: tuple[Setting, ...] = attrs.field(factory=lambda: tuple(_default_setting(s) for s in SETTINGS.values()))
    path: str | None = attrs.field(default=None, eq=False)
    members: tuple[str | None, ...] = attrs.field(default=(), eq=False)
    _index: dict[str, Setting] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {s.name: s for s in self.settings}
        for spec in SETTINGS.values():
            index.setdefault(spec.name, _default_setting(spec))
        object.__setattr__(self, "_index", index)

    @classmethod
    def from_statements(
        cls, statements: Sequence[Statement], path: str | None = None, members: Sequence[str | None] = ()
    ) -> IzuPrm:
        """A model whose effective settings are folded from ``statements`` (last wins, PLUGINS union)."""
        return cls(
            statements=tuple(statements),
            settings=_fold(statements),
            path=path,
            members=tuple(members) if members else (path,),
        )

    # -- generic access

    def setting(self, name: str) -> Setting:
        """The effective setting ``name`` (``"HOSTNAME"``, ``"COMMON_TSO REGION"``...); KeyError if unknown."""
        return self._index[name.upper()]

    def value_of(self, name: str) -> SettingValue:
        """The effective value of a setting."""
        return self.setting(name).value

    def span_of(self, name: str) -> Span | None:
        """The span of the statement that set ``name``; None when the IBM default applies."""
        return self.setting(name).span

    def is_default(self, name: str) -> bool:
        """True when no statement sets ``name``."""
        return self.setting(name).is_default

    def statements_of(self, keyword: str) -> tuple[Statement, ...]:
        """The statements with this keyword, in order."""
        kw = keyword.upper()
        return tuple(s for s in self.statements if s.keyword == kw)

    def _str(self, name: str) -> str:
        v = self.value_of(name)
        return v if isinstance(v, str) else str(v)

    def _opt_str(self, name: str) -> str | None:
        v = self.value_of(name)
        return None if v is None else v if isinstance(v, str) else str(v)

    def _int(self, name: str) -> int:
        v = self.value_of(name)
        if isinstance(v, int):
            return v
        d = SETTINGS[name].default
        return d if isinstance(d, int) else 0

    def _opt_int(self, name: str) -> int | None:
        v = self.value_of(name)
        return v if isinstance(v, int) else None

    # -- typed accessors (effective values)

    @property
    def hostname(self) -> str:
        """HOSTNAME: the server's host name, an IP address, or ``*`` (the local host name; default)."""
        return self._str("HOSTNAME")

    @property
    def http_ssl_port(self) -> int:
        """HTTP_SSL_PORT: the HTTPS port (default 443)."""
        return self._int("HTTP_SSL_PORT")

    @property
    def autostart(self) -> Autostart:
        """AUTOSTART: LOCAL or CONNECT (default LOCAL, unverified)."""
        return Autostart(self._str("AUTOSTART"))

    @property
    def autostart_group(self) -> str:
        """AUTOSTART_GROUP: the autostart group (default IZUDFLT)."""
        return self._str("AUTOSTART_GROUP")

    @property
    def keyring_name(self) -> str:
        """KEYRING_NAME: the SAF key ring of the server certificate (default IZUKeyring.IZUDFLT)."""
        return self._str("KEYRING_NAME")

    @property
    def saf_prefix(self) -> str:
        """SAF_PREFIX: prefix of the z/OSMF SAF resource names (default IZUDFLT)."""
        return self._str("SAF_PREFIX")

    @property
    def user_dir(self) -> str:
        """USER_DIR: the z/OSMF data directory (default /global/zosmf)."""
        return self._str("USER_DIR")

    @property
    def server_proc(self) -> str:
        """SERVER_PROC: the started procedure of an autostarted server (default IZUSVR1)."""
        return self._str("SERVER_PROC")

    @property
    def angel_proc(self) -> str:
        """ANGEL_PROC: the started procedure of the angel process (default IZUANG1, unverified)."""
        return self._str("ANGEL_PROC")

    @property
    def plugins(self) -> tuple[str, ...]:
        """PLUGINS: the optional plug-ins, upper case, each once, in first-seen order (default none)."""
        v = self.value_of("PLUGINS")
        return v if isinstance(v, tuple) else ()

    @property
    def java_home(self) -> str | None:
        """JAVA_HOME; None when not set (the default depends on the release)."""
        return self._opt_str("JAVA_HOME")

    @property
    def temp_dir(self) -> str:
        """TEMP_DIR (default /tmp, unverified)."""
        return self._str("TEMP_DIR")

    @property
    def unauth_user(self) -> str:
        """UNAUTH_USER: the SAF user ID of unauthenticated requests (default IZUGUEST)."""
        return self._str("UNAUTH_USER")

    @property
    def session_expire(self) -> int:
        """SESSION_EXPIRE in minutes (default 495, unverified)."""
        return self._int("SESSION_EXPIRE")

    @property
    def csrf_switch(self) -> bool:
        """CSRF_SWITCH: True for ON (default ON, unverified)."""
        return self._str("CSRF_SWITCH") == "ON"

    @property
    def logging(self) -> str | None:
        """LOGGING: the Liberty trace specification; None when not set."""
        return self._opt_str("LOGGING")

    @property
    def cloud_saf_prefix(self) -> str:
        """CLOUD_SAF_PREFIX (default IYU)."""
        return self._str("CLOUD_SAF_PREFIX")

    @property
    def cloud_sec_admin(self) -> str | None:
        """CLOUD_SEC_ADMIN; None when not set (no default)."""
        return self._opt_str("CLOUD_SEC_ADMIN")

    @property
    def incident_log_unit(self) -> str:
        """INCIDENT_LOG UNIT (default SYSALLDA, unverified)."""
        return self._str("INCIDENT_LOG UNIT")

    @property
    def common_tso(self) -> TsoSettings:
        """COMMON_TSO ACCT/REGION/PROC (defaults IZUACCT, 50000, IZUFPROC)."""
        return TsoSettings(
            acct=self._str("COMMON_TSO ACCT"),
            region=self._opt_int("COMMON_TSO REGION"),
            proc=self._str("COMMON_TSO PROC"),
        )

    @property
    def restapi_file(self) -> TsoSettings:
        """RESTAPI_FILE ACCT/REGION/PROC (REGION None when not set: default undocumented)."""
        return TsoSettings(
            acct=self._str("RESTAPI_FILE ACCT"),
            region=self._opt_int("RESTAPI_FILE REGION"),
            proc=self._str("RESTAPI_FILE PROC"),
        )

    @property
    def wlm_classes(self) -> WlmClasses:
        """WLM_CLASSES DEFAULT/LONG_WORK (defaults IZUGHTTP, IZUGWORK, unverified)."""
        return WlmClasses(default=self._str("WLM_CLASSES DEFAULT"), long_work=self._str("WLM_CLASSES LONG_WORK"))

    @property
    def sec_groups(self) -> SecGroups:
        """SEC_GROUPS USER/ADMIN/SECADMIN (defaults IZUUSER, IZUADMIN, IZUSECAD)."""
        return SecGroups(
            user=self._str("SEC_GROUPS USER"),
            admin=self._str("SEC_GROUPS ADMIN"),
            secadmin=self._str("SEC_GROUPS SECADMIN"),
        )


# ---------------------------------------------------------------------------
# Folding statements into effective settings


def _typed(spec: SettingSpec, value: Value) -> SettingValue:
    """The typed effective value of a valid value."""
    if spec.kind is ValueKind.NUMBER:
        return int(value.text) if _DIGITS.fullmatch(value.text) and len(value.text) <= 12 else spec.default
    if spec.kind is ValueKind.CHOICE:
        return value.text.upper()
    return value.text


def _assignments(statement: Statement) -> Iterable[tuple[SettingSpec, Value]]:
    """The (setting, value) pairs a statement makes, in order (PLUGINS excluded)."""
    if not statement.known or statement.keyword == "PLUGINS":
        return
    if STATEMENTS.get(statement.keyword):
        for op in statement.operands:
            spec = SETTINGS.get(f"{statement.keyword} {op.keyword}")
            if spec is not None:
                yield spec, op.value
    elif statement.values:
        spec = SETTINGS.get(statement.keyword)
        if spec is not None:
            yield spec, statement.values[0]


def _fold(statements: Sequence[Statement]) -> tuple[Setting, ...]:
    current: dict[str, Setting] = {}
    plugins: dict[str, None] = {}
    plugin_statements: list[Statement] = []
    for st in statements:
        if st.keyword == "PLUGINS" and st.known:
            plugin_statements.append(st)
            for v in st.values:
                if v.valid:
                    plugins.setdefault(v.text.upper(), None)
            continue
        for spec, value in _assignments(st):
            if not value.valid:
                continue
            current[spec.name] = Setting(
                name=spec.name,
                value=_typed(spec, value),
                is_default=False,
                statements=(st,),
                value_span=value.span,
            )
    out: list[Setting] = []
    for spec in SETTINGS.values():
        if spec.kind is ValueKind.LIST:
            if plugin_statements:
                out.append(
                    Setting(
                        name=spec.name,
                        value=tuple(plugins),
                        is_default=False,
                        statements=tuple(plugin_statements),
                        value_span=plugin_statements[-1].span,
                    )
                )
            else:
                out.append(_default_setting(spec))
        else:
            out.append(current.get(spec.name) or _default_setting(spec))
    return tuple(out)


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
        raw = value.raw
        name = spec.name
        lower = any(c.islower() for c in raw)
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
        return parse_syntax(source)
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
        model = IzuPrm.from_statements(statements, path=path)
    diagnostics = tuple(sort_diagnostics([*syntax.diagnostics, *builder.diags]))
    errors = any(d.code in _SYNTAX_ERRORS and d.severity is Severity.ERROR for d in diagnostics)
    if not errors:
        status = "clean"
    elif any(node.keyword in STATEMENTS for node in syntax.statements):
        status = "recovered"
    else:
        status = "unreadable"
    return ParseResult(source=source, tree=syntax.tree, model=model, diagnostics=diagnostics, status=status)


# ---------------------------------------------------------------------------
# Concatenation: IZUPRM=(00,01)


def _member_name(path: str | None, index: int) -> str:
    if not path:
        return f"member {index + 1}"
    name = PureWindowsPath(path).name if "\\" in path else PurePosixPath(path).name
    return name or path


def _same(spec: SettingSpec, a: SettingValue, b: SettingValue) -> bool:
    if spec.kind is ValueKind.HOSTNAME and isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    if spec.kind is ValueKind.LIST and isinstance(a, tuple) and isinstance(b, tuple):
        return set(a) == set(b)
    return a == b


def _shown(value: SettingValue) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(value) + ")"
    return _show(str(value))


def merge_members(results: Sequence[ParseResult[IzuPrm]]) -> tuple[IzuPrm, tuple[Diagnostic, ...]]:
    """Fold concatenated members (``IZUPRM=(00,01)``, in that order) into one model.

    Policy (IBM documents none for IZUPRMxx; the z/OS convention for parmlib
    members of this syntax): a later member wins for every single-valued
    setting (each sub-keyword of COMMON_TSO, RESTAPI_FILE, INCIDENT_LOG,
    WLM_CLASSES and SEC_GROUPS counts on its own); PLUGINS lists are merged
    (union, first-seen order). Returns the merged model (all statements, in
    member order) and IZU205 findings: a warning at the later member's
    statement whenever two members set the same setting to different values,
    with a Related pointing at the other member's statement; an info finding
    when PLUGINS lists differ (they are merged, not replaced). The members'
    own findings stay in their results.
    """
    diags: list[Diagnostic] = []
    statements: list[Statement] = []
    current: dict[str, tuple[int, Setting]] = {}
    paths: list[str | None] = []
    for index, result in enumerate(results):
        model = result.model
        paths.append(result.source.path)
        statements.extend(model.statements)
        for setting in model.settings:
            if setting.is_default:
                continue
            spec = SETTINGS[setting.name]
            prev = current.get(setting.name)
            if prev is not None and prev[0] != index and not _same(spec, prev[1].value, setting.value):
                other_index, other = prev
                other_name = _member_name(paths[other_index], other_index)
                here = _member_name(paths[index], index)
                span = setting.span or result.tree.span
                other_span = other.span or span
                if spec.kind is ValueKind.LIST:
                    diags.append(
                        make(
                            "IZU205",
                            f"PLUGINS differs between {other_name} {_shown(other.value)} and {here} "
                            f"{_shown(setting.value)}; zlint merges the lists (unverified)",
                            span,
                            severity=Severity.INFO,
                            related=[Related(other_span, f"PLUGINS in {other_name}")],
                        )
                    )
                else:
                    diags.append(
                        make(
                            "IZU205",
                            f"{spec.name} is {_shown(setting.value)} in {here} but {_shown(other.value)} in "
                            f"{other_name}; the later member wins ({_shown(setting.value)})",
                            span,
                            related=[Related(other_span, f"{spec.name} in {other_name}")],
                            help="set it in one member only, or to the same value",
                        )
                    )
            current[setting.name] = (index, setting)
    merged = IzuPrm.from_statements(statements, path=None, members=paths or (None,))
    return merged, tuple(sort_diagnostics(diags))

"""The typed model of an IZUPRMxx (z/OSMF parmlib) member.

Two views of one member:

* **as written**: :attr:`IzuPrm.statements`, one :class:`Statement` per
  statement in text order, with its keyword, :class:`Value` s (folded text,
  quoted flag, raw text) and :class:`Operand` s, each with its span;
* **in effect**: :attr:`IzuPrm.settings`, one :class:`Setting` per setting
  of :data:`SETTINGS` (a statement, or a statement's sub-keyword such as
  ``COMMON_TSO REGION``), with IBM's default where no statement sets it.
  Typed accessors (:attr:`IzuPrm.hostname`, :attr:`IzuPrm.http_ssl_port`,
  ...) read it; :meth:`IzuPrm.span_of` tells which statement set a value.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from ...diagnostics import Suppression
from ...source import Span
from ...syntax.izuprm import STATEMENTS

if TYPE_CHECKING:
    from .merge import Override

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
# Characters a value may hold without quotes: letters, digits, the national
# characters and the punctuation of data set and host names (parmlib members
# take data set names unquoted). IBM's IZUPRMxx rules ask for quotes around
# values with "special characters" without listing them; zlint counts every
# other character (/ * = : blank ...) as special.
_PLAIN = re.compile(r"[A-Za-z0-9@#$_.\-]*")
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
    overrides: tuple[Override, ...] = attrs.field(default=(), eq=False, repr=False)
    suppressions: tuple[Suppression, ...] = attrs.field(default=(), eq=False, repr=False)  # zlint: ignore comments
    _index: dict[str, Setting] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {s.name: s for s in self.settings}
        for spec in SETTINGS.values():
            index.setdefault(spec.name, _default_setting(spec))
        object.__setattr__(self, "_index", index)

    @classmethod
    def from_statements(
        cls, statements: Sequence[Statement], path: str | None = None, members: Sequence[str | None] = (),
        overrides: Sequence[Override] = (), suppressions: Sequence[Suppression] = (),
    ) -> IzuPrm:
        """A model whose effective settings are folded from ``statements`` (last wins, PLUGINS union)."""
        return cls(
            statements=tuple(statements),
            settings=_fold(statements),
            path=path,
            members=tuple(members) if members else (path,),
            overrides=tuple(overrides),
            suppressions=tuple(suppressions),
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

"""The sysplex model: inventory, systems, the cross-system index, failover.

A sysplex is read from an inventory (``zlint.toml``, or ``[tool.zlint]`` in
``pyproject.toml``; DESIGN.md contract 1), found by walking up from the path
given, like ruff finds its configuration. Without one, every subfolder of the
given folder that holds recognised files is a system named after the folder;
a single file is checked on its own.

Reading files
    Member files are read as bytes and decoded with
    :func:`zparse.source.decode`: UTF-8 unless the inventory sets
    ``encoding = "cp1047"`` (or cp037, cp500, cp1140, or any Python codec) at
    the top level or per system (``[systems.SYS1] encoding = ...``). A member
    downloaded in binary from z/OS (EBCDIC, no line breaks) is split into
    80-byte records.

Symbols
    ``[systems.NAME] symbols = { SYSCLONE = "01" }`` are substituted in that
    system's profile and its INCLUDEd members (a file shared by several
    systems is read once per system); SYSNAME defaults to the system name.
    An undefined symbol is then SYN008. Without a ``symbols`` table (and for
    discovered systems) nothing is substituted and nothing is reported:
    operands written with symbols stay unresolved.

INCLUDE
    ``INCLUDE USER.TCPPARMS(VIPAS)`` is resolved through ``[include]``: the
    longest data-set prefix that matches (whole qualifiers) names a local
    folder; further qualifiers name a subfolder (``USER.TCPPARMS.SYS1(X)``
    with ``"USER.TCPPARMS" = "tcpparms"`` -> ``tcpparms/SYS1/X``) and the
    member is the file. A sequential data set (no member) is the file named
    by the remaining qualifiers, or the mapped path itself when it is a file.
    The member file is looked up by its exact name, then case-insensitively,
    then with the extension ``.txt`` or ``.tcpip`` (any case): members keep
    their z/OS name, and editors like an extension. Without an inventory
    (discovered systems) there is no map: the member (or, for a sequential
    data set, its last qualifier) is looked up in the including system's
    folder, then in the folder given.

Safety
    Nothing outside the inventory's folder (or the folder given) is ever
    opened: data-set names with ``/`` (z/OS UNIX paths), invalid qualifiers
    or member names (which covers ``..``), and files whose real path (after
    symbolic links) leaves the folder give an error message, which the
    profile reports as SYN007. A listed member file that cannot be read
    becomes a diagnostic; a listed file that does not exist, or that lies
    outside the folder, is an inventory error.

Paths
    Every :class:`~zparse.source.Source` path is absolute (``os.path.abspath``,
    symbolic links not resolved); :meth:`Sysplex.relpath` gives the path
    relative to the sysplex root. Reporters relativise to the current folder.
"""

from __future__ import annotations

import codecs
import contextvars
import ipaddress
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .codes import Severity, known_selector, selector_specificity
from .diagnostics import Diagnostic, make
from .model.izuprm import IzuPrm, merge_members, parse_izuprm
from .model.result import ParseResult
from .model.tcpip import (
    DestIp,
    DestRole,
    DistMethod,
    DynamicXcf,
    IpAddress,
    TcpipProfile,
    VipaBackup,
    VipaDefine,
    VipaDistribute,
)
from .model.tcpip_build import parse_tcpip
from .source import EBCDIC_CODEPAGES, Source, Span, decode

__all__ = [
    "Distributor",
    "DvipaBackup",
    "DvipaDefinition",
    "DvipaState",
    "FailoverCase",
    "FileResult",
    "InventoryError",
    "LintConfig",
    "ServiceState",
    "Sysplex",
    "SysplexIndex",
    "System",
    "Target",
    "XcfAddress",
    "ZosmfServer",
    "ZosmfService",
    "find_inventory",
    "load_sysplex",
    "recognise",
    "rejected_by_zos",
    "simulate_failover",
]

INVENTORY_NAMES = ("zlint.toml", "pyproject.toml")

# A file that exists but cannot be read. The code table has no code of its
# own for it yet (proposed: SYN013 "unreadable-file"); until then SYN007
# (the family of "this member cannot be read") carries it.
_UNREADABLE = "SYN013"


# ---------------------------------------------------------------- errors, config


class InventoryError(Exception):
    """The inventory cannot be used: bad TOML, unknown key, wrong type, a
    listed file that is missing or outside the inventory's folder.

    ``file`` is the inventory file (or the path given), ``key`` the dotted
    key at fault (``systems.SYS1.tcpip``) or None.
    """

    def __init__(self, file: str, key: str | None, message: str) -> None:
        self.file = file
        self.key = key
        self.message = message
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {message}")


@attrs.frozen(kw_only=True)
class LintConfig:
    """The ``[lint]`` table: which codes run, and severity overrides.

    ``select`` None means "not given" (everything is selected unless
    ignored). Entries are codes, prefixes (``HA``, ``HA3``) or ``ALL``.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    def severity_for(self, code: str) -> Severity | None:
        """The overridden severity of ``code`` (most specific entry wins), or None."""
        best: tuple[int, Severity] | None = None
        for sel, sev in self.severity:
            s = selector_specificity(code, sel)
            if s is not None and (best is None or s >= best[0]):
                best = (s, sev)
        return best[1] if best else None


# ---------------------------------------------------------------- result classes


@attrs.frozen(kw_only=True)
class FileResult:
    """One member file as read: its parse result, status and diagnostics.

    ``status`` is ``"clean"``, ``"recovered"`` or ``"unreadable"`` (a syntax
    the parser could not follow, or a file that could not be read, in which
    case ``result`` is None). ``standalone`` files are checked on their own
    (per-file rules only): a single file given on the command line, or a
    second profile found in a discovered system's folder.
    """

    path: str
    kind: str  # "tcpip" or "izuprm"
    system: str | None
    status: str
    result: ParseResult[Any] | None = attrs.field(eq=False, repr=False)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False)
    includes: tuple[str, ...] = ()
    standalone: bool = False

    @property
    def model(self) -> Any:
        """The typed model (TcpipProfile or IzuPrm), or None when the file could not be read."""
        return self.result.model if self.result is not None else None


@attrs.frozen(kw_only=True)
class System:
    """One system (TCP/IP stack and z/OSMF parmlib) of the sysplex.

    ``symbols`` are the static system symbols its files were read with
    (from the inventory, with SYSNAME set to the system name unless given);
    ``profile`` is None when the inventory lists no profile or it could not
    be read (``tcpip_status`` tells which); ``izuprm`` is the merge of the
    IZUPRMxx members in concatenation order (``izuprm_members`` one by one).
    """

    name: str
    symbols: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    profile: TcpipProfile | None = None
    izuprm: IzuPrm | None = None
    izuprm_members: tuple[IzuPrm, ...] = attrs.field(default=(), eq=False, repr=False)
    tcpip_path: str | None = None
    tcpip_status: str | None = None  # None: no profile listed
    izuprm_paths: tuple[str, ...] = ()
    include_paths: tuple[str, ...] = ()
    folder: str | None = None

    @property
    def files(self) -> tuple[str, ...]:
        """Every file of this system: profile, INCLUDEd members, IZUPRMxx members."""
        head = (self.tcpip_path,) if self.tcpip_path else ()
        return (*head, *self.include_paths, *self.izuprm_paths)


@attrs.frozen(kw_only=True, eq=False)
class Sysplex:
    """A whole sysplex as read: systems (sorted by name), DNS map, lint config,
    per-file parse results and the diagnostics of reading and parsing.

    ``mode`` is ``"inventory"``, ``"discovered"`` (one system per subfolder)
    or ``"file"`` (a single file checked on its own: per-file rules only).
    """

    name: str
    root: str
    inventory: str | None
    mode: str
    systems: tuple[System, ...]
    dns: Mapping[str, tuple[IpAddress, ...]] = attrs.field(factory=dict)
    include_map: tuple[tuple[str, str], ...] = ()
    config: LintConfig = LintConfig()
    files: tuple[FileResult, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    _index: list[SysplexIndex] = attrs.field(factory=list, alias="_index", repr=False)

    @property
    def single_file(self) -> bool:
        """True for one file checked on its own (per-file rules only)."""
        return self.mode == "file"

    def system(self, name: str) -> System | None:
        """The system called ``name``, or None."""
        for s in self.systems:
            if s.name == name:
                return s
        return None

    @property
    def index(self) -> SysplexIndex:
        """The cross-system index, computed once."""
        if not self._index:
            self._index.append(SysplexIndex.build(self))
        return self._index[0]

    def relpath(self, path: str) -> str:
        """``path`` relative to the sysplex root, with ``/`` separators."""
        try:
            rel = os.path.relpath(path, self.root)
        except ValueError:
            return path
        return rel.replace(os.sep, "/")

    def systems_of(self, path: str) -> tuple[str, ...]:
        """The systems that read the file ``path`` (a shared file has several)."""
        return tuple(s.name for s in self.systems if path in s.files)

    @property
    def paths(self) -> tuple[str, ...]:
        """Every file read, in a stable order."""
        out: list[str] = []
        for f in self.files:
            for p in (f.path, *f.includes):
                if p not in out:
                    out.append(p)
        return tuple(out)

    def first_source(self) -> Source:
        """The source of the first file (where sysplex-wide problems are shown)."""
        for f in sorted(self.files, key=lambda f: f.path):
            if f.result is not None:
                return f.result.source
        first = sorted(self.files, key=lambda f: f.path)
        return Source("", first[0].path if first else (self.inventory or self.root))


# ---------------------------------------------------------------- discovery


def recognise(name: str) -> str | None:
    """The kind of a file judged by its name: ``"tcpip"``, ``"izuprm"`` or None.

    TCP/IP profile: the name starts with PROFILE or TCPIP, or ends in
    ``.tcpip``; IZUPRMxx: it starts with IZUPRM (case-insensitive).
    """
    u = name.upper()
    if u.startswith("."):
        return None
    if u.startswith("IZUPRM"):
        return "izuprm"
    if u.startswith(("PROFILE", "TCPIP")) or u.endswith(".TCPIP"):
        return "tcpip"
    return None


_PARMLIB_STMT = re.compile(r"^\s*(?:/\*.*?\*/\s*)*[A-Z_]{4,}\s*\(", re.I | re.M)


def _sniff(text: str) -> str:
    """Kind of a file whose name says nothing: parmlib style ``KEYWORD(value)`` -> izuprm."""
    izu = len(_PARMLIB_STMT.findall(text))
    lines = sum(1 for ln in text.splitlines() if ln.strip() and not ln.strip().startswith(("/*", ";")))
    return "izuprm" if lines and izu * 2 >= lines else "tcpip"


def _has_tool_zlint(path: Path) -> bool:
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        if b"[tool.zlint" in raw:
            raise InventoryError(str(path), None, f"not valid TOML: {exc}") from exc
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "zlint" in tool


def find_inventory(start: str | os.PathLike[str]) -> Path | None:
    """The inventory for ``start`` (a file or folder): ``zlint.toml``, or a
    ``pyproject.toml`` with ``[tool.zlint]``, in the folder or the nearest
    folder above it; None when there is none."""
    p = Path(os.path.abspath(start))
    folder = p if p.is_dir() else p.parent
    for d in (folder, *folder.parents):
        cand = d / "zlint.toml"
        if cand.is_file():
            return cand
        py = d / "pyproject.toml"
        if py.is_file() and _has_tool_zlint(py):
            return py
    return None


# ---------------------------------------------------------------- inventory


@attrs.frozen(kw_only=True)
class _SystemSpec:
    name: str
    tcpip: str | None
    izuprm: tuple[str, ...]
    symbols: dict[str, str] | None = attrs.field(hash=False)
    encoding: str | None
    folder: str | None = None


@attrs.frozen(kw_only=True)
class _Inventory:
    file: str
    root: str
    name: str
    dns: dict[str, tuple[IpAddress, ...]] = attrs.field(hash=False)
    include: tuple[tuple[str, str], ...]
    systems: tuple[_SystemSpec, ...]
    config: LintConfig
    encoding: str | None


_TOP_KEYS = ("sysplex", "dns", "include", "systems", "lint", "encoding")
_SYSPLEX_KEYS = ("name",)
_SYSTEM_KEYS = ("tcpip", "izuprm", "symbols", "encoding")
_LINT_KEYS = ("select", "ignore", "severity")
_SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
_SYMBOL_NAME = re.compile(r"[A-Za-z@#$][A-Za-z0-9@#$_]{0,7}")


class _InvReader:
    def __init__(self, file: Path, prefix: str) -> None:
        self.file = str(file)
        self.root = os.path.dirname(os.path.abspath(file))
        self.real_root = os.path.realpath(self.root)
        self.prefix = prefix

    def err(self, key: str | None, message: str) -> InventoryError:
        full = f"{self.prefix}{key}" if key else (self.prefix.rstrip(".") or None)
        return InventoryError(self.file, full, message)

    def table(self, value: object, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.err(key, f"must be a table, not {_tname(value)}")
        return value

    def string(self, value: object, key: str) -> str:
        if not isinstance(value, str):
            raise self.err(key, f"must be a string, not {_tname(value)}")
        return value

    def strings(self, value: object, key: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.err(key, f"must be a list of strings, not {_tname(value)}")
        return list(value)

    def keys(self, table: Mapping[str, Any], allowed: Sequence[str], key: str) -> None:
        for k in table:
            if k not in allowed:
                where = f"{key}.{_tkey(k)}" if key else _tkey(k)
                raise self.err(where, f"unknown key (expected one of: {', '.join(allowed)})")

    def path(self, value: object, key: str, *, want: str = "file") -> str:
        rel = self.string(value, key)
        if not rel.strip():
            raise self.err(key, "must not be empty")
        if os.path.isabs(rel) or rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", rel):
            raise self.err(key, f"{rel!r} is an absolute path; paths are relative to the inventory's folder")
        parts = re.split(r"[\\/]+", rel)
        if ".." in parts:
            raise self.err(key, f"{rel!r} leaves the inventory's folder ('..' is not allowed)")
        full = os.path.normpath(os.path.join(self.root, rel))
        if not os.path.lexists(full):
            raise self.err(key, f"{want} {rel!r} not found (relative to {self.root})")
        if not _inside(self.real_root, full):
            raise self.err(key, f"{rel!r} is a link to a place outside the inventory's folder")
        if want == "folder" and not (os.path.isdir(full) or os.path.isfile(full)):
            raise self.err(key, f"{rel!r} is neither a folder nor a file")
        if want == "file" and os.path.isdir(full):
            raise self.err(key, f"{rel!r} is a folder, not a file")
        return full

    def encoding(self, value: object, key: str) -> str:
        enc = self.string(value, key)
        norm = enc.lower().replace("-", "").replace("_", "")
        if norm in {e.replace("-", "") for e in EBCDIC_CODEPAGES} or norm in {
            "ibm1047", "1047", "ibm037", "037", "ibm500", "ibm1140", "utf8", "utf8sig"}:
            return enc
        try:
            codecs.lookup(enc)
        except LookupError:
            raise self.err(key, f"unknown encoding {enc!r} (e.g. \"utf-8\", \"cp1047\")") from None
        return enc


def _tname(v: object) -> str:
    return {dict: "a table", list: "a list", str: "a string", bool: "a boolean", int: "an integer",
            float: "a number"}.get(type(v), type(v).__name__)


def _tkey(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else f'"{k}"'


def _inside(real_root: str, path: str) -> bool:
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _read_inventory(file: Path) -> _Inventory:
    is_py = file.name == "pyproject.toml"
    prefix = "tool.zlint." if is_py else ""
    r = _InvReader(file, prefix)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise InventoryError(str(file), None, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InventoryError(str(file), None, f"is not UTF-8 text ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InventoryError(str(file), None, f"not valid TOML: {exc}") from exc
    if is_py:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "zlint" not in tool:
            raise InventoryError(str(file), "tool.zlint", "no [tool.zlint] table in this pyproject.toml")
        data = r.table(tool["zlint"], "")
    r.keys(data, _TOP_KEYS, "")

    sysplex = r.table(data.get("sysplex", {}), "sysplex")
    r.keys(sysplex, _SYSPLEX_KEYS, "sysplex")
    name = r.string(sysplex["name"], "sysplex.name") if "name" in sysplex else os.path.basename(r.root)

    encoding = r.encoding(data["encoding"], "encoding") if "encoding" in data else None

    dns: dict[str, tuple[IpAddress, ...]] = {}
    for host, value in r.table(data.get("dns", {}), "dns").items():
        key = f"dns.{_tkey(host)}"
        values = [value] if isinstance(value, str) else value
        addrs: list[IpAddress] = []
        for v in r.strings(values, key) if not isinstance(value, str) else [value]:
            try:
                addrs.append(ipaddress.ip_address(v.strip()))
            except ValueError:
                raise r.err(key, f"{v!r} is not an IP address") from None
        if not addrs:
            raise r.err(key, "must name at least one address")
        dns[_host_key(host)] = tuple(addrs)

    include: list[tuple[str, str]] = []
    for dsn, folder in r.table(data.get("include", {}), "include").items():
        key = f"include.{_tkey(dsn)}"
        prefix_dsn = dsn.strip().strip("'").upper()
        if not _valid_dsn(prefix_dsn):
            raise r.err(key, f"{dsn!r} is not a data set name or prefix (qualifiers of 1-8 characters)")
        include.append((prefix_dsn, r.path(folder, key, want="folder")))

    specs: list[_SystemSpec] = []
    for sname, body in r.table(data.get("systems", {}), "systems").items():
        key = f"systems.{_tkey(sname)}"
        if not sname.strip():
            raise r.err(key, "a system needs a name")
        t = r.table(body, key)
        r.keys(t, _SYSTEM_KEYS, key)
        tcpip = r.path(t["tcpip"], f"{key}.tcpip") if "tcpip" in t else None
        izu_raw = t.get("izuprm", [])
        izu_list = [izu_raw] if isinstance(izu_raw, str) else r.strings(izu_raw, f"{key}.izuprm")
        izuprm = tuple(r.path(v, f"{key}.izuprm") for v in izu_list)
        symbols: dict[str, str] | None = None
        if "symbols" in t:
            symbols = {}
            for sym, val in r.table(t["symbols"], f"{key}.symbols").items():
                skey = f"{key}.symbols.{_tkey(sym)}"
                clean = sym.strip().lstrip("&").rstrip(".")
                if not _SYMBOL_NAME.fullmatch(clean):
                    raise r.err(skey, f"{sym!r} is not a system symbol name (1-8 characters)")
                if isinstance(val, int) and not isinstance(val, bool):
                    raise r.err(skey, f"must be a string (write \"{val}\" in quotes: leading zeros matter)")
                symbols[clean.upper()] = r.string(val, skey)
        enc = r.encoding(t["encoding"], f"{key}.encoding") if "encoding" in t else encoding
        if tcpip is None and not izuprm:
            raise r.err(key, "lists no files (give tcpip = ... and/or izuprm = [...])")
        specs.append(_SystemSpec(name=sname, tcpip=tcpip, izuprm=izuprm, symbols=symbols,
                                 encoding=enc))

    config = _read_lint(r, r.table(data.get("lint", {}), "lint"))
    return _Inventory(file=str(file), root=r.root, name=name, dns=dns, include=tuple(include),
                      systems=tuple(specs), config=config, encoding=encoding)


def _read_lint(r: _InvReader, t: dict[str, Any]) -> LintConfig:
    r.keys(t, _LINT_KEYS, "lint")
    select: tuple[str, ...] | None = None
    if "select" in t:
        select = tuple(r.strings(t["select"], "lint.select"))
    ignore = tuple(r.strings(t["ignore"], "lint.ignore")) if "ignore" in t else ()
    for key, entries in (("lint.select", select or ()), ("lint.ignore", ignore)):
        for e in entries:
            if not known_selector(e):
                raise r.err(key, f"{e!r} is not a code, a code prefix or ALL")
    sev: list[tuple[str, Severity]] = []
    for code, value in r.table(t.get("severity", {}), "lint.severity").items():
        key = f"lint.severity.{_tkey(code)}"
        if not known_selector(code):
            raise r.err(key, f"{code!r} is not a code, a code prefix or ALL")
        level = _SEVERITIES.get(r.string(value, key).strip().lower())
        if level is None:
            raise r.err(key, f"{value!r} is not a severity (error, warning or info)")
        sev.append((code.strip().upper(), level))
    return LintConfig(select=select, ignore=ignore, severity=tuple(sev))


def _host_key(host: str) -> str:
    return host.strip().rstrip(".").lower()


_QUALIFIER = re.compile(r"[A-Z0-9@#$-]{1,8}")
_MEMBER = re.compile(r"[A-Z0-9@#$]{1,8}")


def _valid_dsn(dsn: str) -> bool:
    return 0 < len(dsn) <= 44 and all(_QUALIFIER.fullmatch(q) for q in dsn.split("."))


# ---------------------------------------------------------------- reading files


_EXTENSIONS = (".txt", ".tcpip")


class _Files:
    """Reads files, never outside ``root`` (real paths, links followed)."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self.real_root = os.path.realpath(root)

    def check(self, path: str) -> str | None:
        """An error message when ``path`` may not be opened, else None."""
        if not _inside(self.real_root, path):
            return f"{self.show(path)} leads outside {self.root} (a link?); it is not read"
        return None

    def show(self, path: str) -> str:
        rel = os.path.relpath(path, self.root)
        return rel.replace(os.sep, "/") if not rel.startswith("..") else path

    def read(self, path: str, encoding: str | None) -> str | tuple[str]:
        """The decoded text, or ``(error message,)``."""
        encoding = _ENCODING_OVERRIDE.get() or encoding
        problem = self.check(path)
        if problem is not None:
            return (problem,)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            return (f"{self.show(path)} cannot be read: {exc.strerror or exc}",)
        try:
            text, _bad = decode(data, encoding)
        except (LookupError, UnicodeError) as exc:
            return (f"{self.show(path)} cannot be decoded as {encoding}: {exc}",)
        return text

    def find(self, folder: str, name: str) -> str | None:
        """The file ``name`` in ``folder``: exact, then any case, then with an extension."""
        if self.check(folder) is not None or not os.path.isdir(folder):
            return None
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            return None
        files = [e for e in entries if os.path.isfile(os.path.join(folder, e))
                 or os.path.islink(os.path.join(folder, e))]
        if name in files:
            return os.path.join(folder, name)
        low = name.lower()
        for wanted in (low, *(low + ext for ext in _EXTENSIONS)):
            hits = [e for e in files if e.lower() == wanted]
            if hits:
                return os.path.join(folder, hits[0])
        return None


class _Resolver:
    """The ``include_resolver`` of one system's profile."""

    def __init__(self, files: _Files, include: Sequence[tuple[str, str]], encoding: str | None,
                 search: Sequence[str], mapped: bool) -> None:
        self.files = files
        self.include = sorted(include, key=lambda kv: -len(kv[0]))
        self.encoding = encoding
        self.search = tuple(search)
        self.mapped = mapped
        self.read: list[str] = []

    def __call__(self, dsn: str) -> tuple[str, str] | str:
        name = dsn.strip().strip("'\"").strip()
        if "/" in name or "\\" in name:
            return (f"INCLUDE {dsn}: z/OS UNIX path names are not resolved (only data sets mapped "
                    "to local folders through [include] in zlint.toml)")
        m = re.fullmatch(r"([^()\s]+)(?:\(([^()\s]*)\))?", name)
        if m is None:
            return f"INCLUDE {dsn}: not a data set name"
        dataset, member = m.group(1).upper(), m.group(2)
        if not _valid_dsn(dataset):
            return f"INCLUDE {dsn}: {dataset} is not a valid data set name"
        if member is not None and not _MEMBER.fullmatch(member.upper()):
            return f"INCLUDE {dsn}: {member!r} is not a valid member name"
        path = self._locate(dataset, member.upper() if member else None)
        if isinstance(path, tuple):
            return path[0]
        got = self.files.read(path, self.encoding)
        if isinstance(got, tuple):
            return f"INCLUDE {dsn}: {got[0]}"
        self.read.append(path)
        return path, got

    def _locate(self, dataset: str, member: str | None) -> str | tuple[str]:
        shown = f"{dataset}({member})" if member else dataset
        if not self.mapped:
            name = member or dataset.split(".")[-1]
            for place in self.search:
                found = self.files.find(place, name)
                if found is not None:
                    return self._guard(found, shown)
            where = " or ".join(self.files.show(f) + "/" for f in self.search)
            return (f"INCLUDE {shown}: no file {name} in {where} (list the systems in a zlint.toml "
                    "with an [include] map to resolve data sets)",)
        for prefix, target in self.include:
            if dataset != prefix and not dataset.startswith(prefix + "."):
                continue
            rest = dataset[len(prefix) + 1:]
            if member is None and not rest:
                if os.path.isfile(target):
                    return self._guard(target, shown)
                return (f"INCLUDE {shown}: [include] maps {prefix} to the folder "
                        f"{self.files.show(target)}/, which is not a file; add the member name",)
            folder: str = target
            want: str | None = member
            if rest:
                if member is None:
                    want = rest
                else:
                    sub = self._subfolder(target, rest)
                    if sub is None:
                        return (f"INCLUDE {shown}: no folder {rest} in {self.files.show(target)}/ "
                                f"([include] \"{prefix}\")",)
                    problem = self.files.check(sub)
                    if problem is not None:
                        return (f"INCLUDE {shown}: {problem}",)
                    folder = sub
            assert want is not None
            hit = self.files.find(folder, want)
            if hit is None:
                return (f"INCLUDE {shown}: no file {want} in {self.files.show(folder)}/ "
                        f"([include] \"{prefix}\")",)
            return self._guard(hit, shown)
        return (f"INCLUDE {shown}: no [include] entry in zlint.toml maps this data set to a "
                "local folder",)

    def _subfolder(self, folder: str, name: str) -> str | None:
        if self.files.check(folder) is not None or not os.path.isdir(folder):
            return None
        for e in sorted(os.listdir(folder)):
            if e.lower() == name.lower() and os.path.isdir(os.path.join(folder, e)):
                return os.path.join(folder, e)
        return None

    def _guard(self, path: str, shown: str) -> str | tuple[str]:
        problem = self.files.check(path)
        if problem is not None:
            return (f"INCLUDE {shown}: {problem}",)
        return os.path.abspath(path)


# ---------------------------------------------------------------- building the sysplex


class _Loader:
    """Reads and parses the files of one sysplex, collecting file diagnostics."""

    def __init__(self, root: str, include: Sequence[tuple[str, str]], mapped: bool) -> None:
        self.files = _Files(root)
        self.include = tuple(include)
        self.mapped = mapped
        self.results: list[FileResult] = []
        self.diags: list[Diagnostic] = []

    def _unreadable(self, path: str, kind: str, system: str | None, message: str,
                    standalone: bool = False) -> FileResult:
        src = Source("", path, kind)
        diag = make(_UNREADABLE, message, Span(src, 0, 0))
        fr = FileResult(path=path, kind=kind, system=system, status="unreadable", result=None,
                        diagnostics=(diag,), standalone=standalone)
        self.results.append(fr)
        self.diags.append(diag)
        return fr

    # The two parse steps, apart so that a loader with warm parses (the language
    # server's) can replace just them.
    def parse_tcpip(self, path: str, symbols: Mapping[str, str] | None, text: str,
                    resolver: _Resolver) -> ParseResult[TcpipProfile]:
        return parse_tcpip(text, path, symbols=symbols, include_resolver=resolver)

    def parse_izuprm(self, path: str, text: str) -> ParseResult[IzuPrm]:
        return parse_izuprm(text, path)

    def tcpip(self, path: str, system: str | None, symbols: Mapping[str, str] | None,
              encoding: str | None, search: Sequence[str], standalone: bool = False) -> FileResult:
        got = self.files.read(path, encoding)
        if isinstance(got, tuple):
            return self._unreadable(path, "tcpip", system, got[0], standalone)
        resolver = _Resolver(self.files, self.include, encoding, search, self.mapped)
        result = self.parse_tcpip(path, symbols, got, resolver)
        fr = FileResult(path=path, kind="tcpip", system=system, status=result.status, result=result,
                        diagnostics=result.diagnostics, includes=tuple(dict.fromkeys(resolver.read)),
                        standalone=standalone)
        self.results.append(fr)
        self.diags.extend(result.diagnostics)
        return fr

    def izuprm(self, path: str, system: str | None, encoding: str | None,
               standalone: bool = False) -> FileResult:
        got = self.files.read(path, encoding)
        if isinstance(got, tuple):
            return self._unreadable(path, "izuprm", system, got[0], standalone)
        result = self.parse_izuprm(path, got)
        fr = FileResult(path=path, kind="izuprm", system=system, status=result.status, result=result,
                        diagnostics=result.diagnostics, standalone=standalone)
        self.results.append(fr)
        self.diags.extend(result.diagnostics)
        return fr

    def system(self, spec: _SystemSpec, search: Sequence[str]) -> System:
        profile = None
        status = None
        includes: tuple[str, ...] = ()
        if spec.tcpip is not None:
            fr = self.tcpip(spec.tcpip, spec.name, spec.symbols, spec.encoding, search)
            profile = fr.model
            status = fr.status
            includes = fr.includes
        members: list[ParseResult[IzuPrm]] = []
        for p in spec.izuprm:
            fr = self.izuprm(p, spec.name, spec.encoding)
            if fr.result is not None:
                members.append(fr.result)
        izuprm = None
        if members:
            izuprm, merge_diags = merge_members(members)
            self.diags.extend(merge_diags)
        return System(
            name=spec.name, symbols=dict(spec.symbols or {}), profile=profile, izuprm=izuprm,
            izuprm_members=tuple(m.model for m in members), tcpip_path=spec.tcpip, tcpip_status=status,
            izuprm_paths=spec.izuprm, include_paths=includes, folder=spec.folder,
        )

    def finish(self, *, name: str, root: str, inventory: str | None, mode: str,
               systems: Sequence[System], dns: Mapping[str, tuple[IpAddress, ...]] | None = None,
               config: LintConfig | None = None) -> Sysplex:
        ordered = tuple(sorted(systems, key=lambda s: s.name))
        owners: dict[str, set[str]] = {}
        for s in ordered:
            for p in s.files:
                owners.setdefault(p, set()).add(s.name)
        stamped: list[Diagnostic] = []
        for d in self.diags:
            who = owners.get(d.span.path or "", set())
            stamped.append(attrs.evolve(d, system=next(iter(who))) if len(who) == 1 and d.system is None
                           else d)
        files = tuple(sorted(self.results, key=lambda f: (f.path, f.system or "")))
        return Sysplex(
            name=name, root=root, inventory=inventory, mode=mode, systems=ordered,
            dns=dict(sorted((dns or {}).items())), include_map=self.include,
            config=config or LintConfig(), files=files, diagnostics=tuple(stamped),
        )


def _from_inventory(inv: _Inventory) -> Sysplex:
    loader = _Loader(inv.root, inv.include, mapped=True)
    systems: list[System] = []
    for spec in sorted(inv.systems, key=lambda s: s.name):
        symbols = {"SYSNAME": spec.name.upper(), **spec.symbols} if spec.symbols is not None else None
        spec = attrs.evolve(spec, symbols=symbols)
        systems.append(loader.system(spec, ()))
    return loader.finish(name=inv.name, root=inv.root, inventory=inv.file, mode="inventory",
                         systems=systems, dns=inv.dns, config=inv.config)


def _discover(folder: str) -> Sysplex:
    root = os.path.abspath(folder)
    files = _Files(root)

    def recognised(d: str) -> list[tuple[str, str]]:
        out = []
        try:
            entries = sorted(os.listdir(d))
        except OSError:
            return []
        for e in entries:
            full = os.path.join(d, e)
            kind = recognise(e)
            if kind and os.path.isfile(full) and files.check(full) is None:
                out.append((kind, full))
        return out

    groups: list[tuple[str, str, list[tuple[str, str]]]] = []
    for e in sorted(os.listdir(root)):
        full = os.path.join(root, e)
        if e.startswith(".") or not os.path.isdir(full) or files.check(full) is not None:
            continue
        found = recognised(full)
        if found:
            groups.append((e, full, found))
    if not groups:
        found = recognised(root)
        if found:
            groups.append((os.path.basename(root) or "SYSTEM", root, found))
    loader = _Loader(root, (), mapped=False)
    systems: list[System] = []
    for name, path, found in groups:
        profiles = [p for k, p in found if k == "tcpip"]
        izu = tuple(p for k, p in found if k == "izuprm")
        spec = _SystemSpec(name=name, tcpip=profiles[0] if profiles else None, izuprm=izu,
                           symbols=None, encoding=None, folder=path)
        systems.append(loader.system(spec, (path, root)))
        for extra in profiles[1:]:  # a second profile (an OBEYFILE?) is checked on its own
            loader.tcpip(extra, None, None, None, (path, root), standalone=True)
    return loader.finish(name=os.path.basename(root), root=root, inventory=None, mode="discovered",
                         systems=systems)


def _single_file(path: str) -> Sysplex:
    folder = os.path.dirname(path)
    loader = _Loader(folder, (), mapped=False)
    kind = recognise(os.path.basename(path))
    if kind is None:
        got = loader.files.read(path, None)
        kind = _sniff(got) if isinstance(got, str) else "tcpip"
    if kind == "izuprm":
        loader.izuprm(path, None, None, standalone=True)
    else:
        loader.tcpip(path, None, None, None, (folder,), standalone=True)
    return loader.finish(name=os.path.basename(path), root=folder, inventory=None, mode="file",
                         systems=())


_ENCODING_OVERRIDE: contextvars.ContextVar[str | None] = contextvars.ContextVar("zlint_encoding", default=None)


def load_sysplex(path: str | os.PathLike[str], *, encoding: str | None = None) -> Sysplex:
    """Load a sysplex from an inventory, a folder or a single file.

    ``encoding`` (e.g. ``"cp1047"``) overrides the inventory's ``encoding``
    for every member file read (``zlint check --encoding``).

    * ``zlint.toml`` or ``pyproject.toml`` (with ``[tool.zlint]``): that inventory;
    * a folder or file: the inventory found by walking up from it; a file
      that the inventory does not read (listed or INCLUDEd) is checked on its
      own;
    * a folder without an inventory: one system per subfolder holding
      recognised files (see :func:`recognise`), named after the subfolder
      (the folder itself is one system when no subfolder qualifies);
    * a file without an inventory: checked on its own (per-file rules only).

    Raises :class:`InventoryError` for a bad inventory or a path that does
    not exist; problems in member files become diagnostics.
    """
    if encoding is not None:
        try:
            decode(b"", encoding)
        except LookupError:
            raise InventoryError(str(path), "encoding", f"unknown encoding {encoding!r}") from None
    token = _ENCODING_OVERRIDE.set(encoding)
    try:
        return _load(path)
    finally:
        _ENCODING_OVERRIDE.reset(token)


def _load(path: str | os.PathLike[str]) -> Sysplex:
    p = os.path.abspath(path)
    if not os.path.exists(p):
        raise InventoryError(str(path), None, "no such file or folder")
    if os.path.isfile(p) and os.path.basename(p) in INVENTORY_NAMES:
        return _from_inventory(_read_inventory(Path(p)))
    inv = find_inventory(p)
    if inv is not None:
        sysplex = _from_inventory(_read_inventory(inv))
        if os.path.isdir(p) or p in sysplex.paths:
            return sysplex
        return _single_file(p)
    if os.path.isdir(p):
        return _discover(p)
    return _single_file(p)


# ---------------------------------------------------------------- the cross-system index


def _addr_key(a: IpAddress) -> tuple[int, int]:
    return (a.version, int(a))


@attrs.frozen(kw_only=True)
class DvipaDefinition:
    """A VIPADEFINE of a DVIPA on one system (``span``: the address as written)."""

    system: str
    statement: VipaDefine = attrs.field(repr=False)
    span: Span = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True)
class DvipaBackup:
    """A VIPABACKUP of a DVIPA on one system."""

    system: str
    statement: VipaBackup = attrs.field(repr=False)
    span: Span = attrs.field(eq=False, repr=False)

    @property
    def rank(self) -> int:
        """The VIPABACKUP rank in effect (1 when not coded)."""
        return self.statement.rank_effective

    @property
    def activates(self) -> bool:
        """The MOVEABLE form (with a mask): activates the DVIPA itself when it is
        active nowhere. The plain form only takes over an active DVIPA."""
        st = self.statement
        return st.moveable is not None or st.mask is not None or st.prefix_len is not None


@attrs.frozen(kw_only=True)
class Distributor:
    """A VIPADISTRIBUTE of a DVIPA on one system."""

    system: str
    statement: VipaDistribute = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class Target:
    """One DESTIP of a VIPADISTRIBUTE: the address, the system whose
    DYNAMICXCF address it is (None when none), its hot-standby role and rank.
    ``dest`` is None for the systems reached through ``DESTIP ALL``."""

    distributor: str
    statement: VipaDistribute = attrs.field(repr=False)
    dest: DestIp | None = attrs.field(repr=False)
    address: IpAddress | None
    system: str | None
    role: DestRole | None = None
    rank: int | None = None
    order: int = 0


@attrs.frozen(kw_only=True)
class XcfAddress:
    """A system's IPCONFIG (or IPCONFIG6) DYNAMICXCF."""

    system: str
    xcf: DynamicXcf = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class ZosmfServer:
    """The z/OSMF server settings of one system (its merged IZUPRMxx members).

    Values are the effective ones (IBM defaults where not coded);
    :meth:`span` points at the value as written, or at the member's start
    when the default applies. ``runs_server``: AUTOSTART(LOCAL) in effect.
    """

    system: str
    izuprm: IzuPrm = attrs.field(eq=False, repr=False)
    hostname: str
    port: int
    autostart: str
    autostart_coded: bool
    group: str
    user_dir: str
    keyring: str
    saf_prefix: str
    server_proc: str
    anchor: Span = attrs.field(eq=False, repr=False)

    @property
    def runs_server(self) -> bool:
        """AUTOSTART(LOCAL) is in effect: this system autostarts a server."""
        return self.autostart == "LOCAL"

    def coded(self, name: str) -> bool:
        """Whether a statement sets ``name`` (else the IBM default applies)."""
        return not self.izuprm.is_default(name)

    def span(self, name: str) -> Span:
        """The value of setting ``name`` as written, or the member's start when defaulted."""
        s = self.izuprm.setting(name)
        return s.value_span or s.span or self.anchor

    def statement_span(self, name: str) -> Span:
        """The statement that sets ``name``, or the member's start when defaulted."""
        return self.izuprm.span_of(name) or self.anchor

    def shown(self, name: str) -> str:
        """``NAME(value)`` as in effect, marked ``(default)`` when not coded."""
        value = self.izuprm.value_of(name)
        return f"{name}({value})" + ("" if self.coded(name) else " (default)")


@attrs.frozen(kw_only=True)
class ZosmfService:
    """z/OSMF behind a DVIPA: the servers whose HOSTNAME resolves to ``dvipa``.

    ``systems`` are the systems that take part: those servers' systems and
    the DESTIP targets of the DVIPA's distribution. ``port`` is the
    HTTP_SSL_PORT of the reference server (on the DVIPA's owner, else the
    most common one).
    """

    dvipa: IpAddress
    port: int
    hostnames: tuple[str, ...]
    servers: tuple[ZosmfServer, ...]
    systems: tuple[str, ...]
    reference: ZosmfServer


def _norm_dir(path: str) -> str:
    p = re.sub(r"/+", "/", path.strip())
    return p.rstrip("/") or "/"


@attrs.frozen(kw_only=True, eq=False)
class SysplexIndex:
    """Cross-system facts, computed once per sysplex (:attr:`Sysplex.index`).

    Only statements in effect are indexed (not those lost after a syntax
    error in their VIPADYNAMIC block; VIPADELETE applied). Maps are keyed by
    address and hold entries in system-name order.

    * ``owners`` / ``backups`` / ``distributors``: DVIPA -> VIPADEFINE,
      VIPABACKUP (highest rank first) and VIPADISTRIBUTE entries;
      ``rejected``: VIPADISTRIBUTE statements z/OS ignores (see
      :func:`rejected_by_zos`), kept out of ``distributors``;
    * ``targets``: DVIPA -> every DESTIP (with its system, role and rank;
      ``DESTIP ALL`` expanded to the systems with DYNAMICXCF);
    * ``xcf`` / ``xcf_of``: DYNAMICXCF address -> systems, system -> addresses;
    * ``static``: system -> its HOME, INTERFACE and DYNAMICXCF addresses;
    * ``dns``: host name -> addresses (``[dns]``; see :meth:`resolve`);
    * ``xcf_group``: system -> (GLOBALCONFIG XCFGRPID or None, its span);
    * ``zosmf``: system -> its z/OSMF server settings; ``zosmf_services``:
      z/OSMF behind each DVIPA a HOSTNAME resolves to; ``zosmf_ha``: z/OSMF
      is set up for HA (a HOSTNAME resolves to a DVIPA, or servers autostart
      in two or more autostart groups: with one group only one server
      autostarts in the sysplex); ``zosmf_ha_servers``: the servers the HA
      rules look at;
    * ``blind``: systems whose profile could not be read (or parsed at all);
      ``zosmf_unknown``: systems whose IZUPRMxx could not be read;
      ``uncertain_addresses``: addresses named by statements that did not
      parse or were lost (see :meth:`uncertain`).
    """

    systems: tuple[str, ...]
    owners: Mapping[IpAddress, tuple[DvipaDefinition, ...]]
    backups: Mapping[IpAddress, tuple[DvipaBackup, ...]]
    distributors: Mapping[IpAddress, tuple[Distributor, ...]]
    targets: Mapping[IpAddress, tuple[Target, ...]]
    xcf: Mapping[IpAddress, tuple[XcfAddress, ...]]
    xcf_of: Mapping[str, tuple[DynamicXcf, ...]]
    static: Mapping[str, Mapping[IpAddress, tuple[tuple[str, Span], ...]]]
    dns: Mapping[str, tuple[IpAddress, ...]]
    xcf_group: Mapping[str, tuple[int | None, Span | None]]
    zosmf: Mapping[str, ZosmfServer]
    zosmf_services: tuple[ZosmfService, ...]
    zosmf_ha: bool
    zosmf_ha_servers: tuple[ZosmfServer, ...]
    blind: frozenset[str]
    uncertain_addresses: frozenset[IpAddress]
    zosmf_unknown: frozenset[str] = frozenset()
    rejected: Mapping[IpAddress, tuple[Distributor, ...]] = attrs.field(factory=dict)

    # ------------------------------------------------------------ queries
    def dvipas(self) -> list[IpAddress]:
        """Every DVIPA some system defines or backs up, in address order."""
        return sorted(set(self.owners) | set(self.backups), key=_addr_key)

    def is_dvipa(self, addr: IpAddress) -> bool:
        """Whether some system defines, backs up or distributes ``addr``."""
        return addr in self.owners or addr in self.backups or addr in self.distributors

    def system_of_xcf(self, addr: IpAddress | None) -> str | None:
        """The system whose DYNAMICXCF address is ``addr`` (the first by name if several)."""
        if addr is None:
            return None
        hits = self.xcf.get(addr, ())
        return hits[0].system if hits else None

    def resolve(self, host: str) -> tuple[IpAddress, ...] | None:
        """Addresses of a host name: an IP literal is itself, ``*`` is none,
        other names go through ``[dns]``; None for a name [dns] does not know."""
        h = host.strip()
        if h == "*" or not h:
            return ()
        try:
            return (ipaddress.ip_address(h),)
        except ValueError:
            pass
        return self.dns.get(_host_key(h))

    def uncertain(self, addr: IpAddress | None) -> bool:
        """Whether facts about ``addr`` may be hidden by a syntax error (an
        unparsed statement names it, or a lost VIPA statement does), or a
        system's profile could not be read at all."""
        return addr is None or bool(self.blind) or addr in self.uncertain_addresses

    def distributed_to(self, dvipa: IpAddress, system: str) -> list[Target]:
        """The DESTIP targets of ``dvipa`` that are ``system``."""
        return [t for t in self.targets.get(dvipa, ()) if t.system == system]

    def failover_cases(self, *, baseline: bool = False) -> list[FailoverCase]:
        """The failover simulation (see :func:`simulate_failover`)."""
        services = _services(self)
        cases = [_case(self, services, None)] if baseline else []
        cases.extend(_case(self, services, name) for name in self.systems)
        return cases

    def owner(self, dvipa: IpAddress) -> str | None:
        """The system that owns the DVIPA with every system up (see :func:`simulate_failover`)."""
        return _owner(self, dvipa, set(self.systems), None)[0]

    # ------------------------------------------------------------ building
    @classmethod
    def build(cls, sysplex: Sysplex) -> SysplexIndex:
        """Compute the index of a sysplex (use :attr:`Sysplex.index`, which caches it)."""
        owners: dict[IpAddress, list[DvipaDefinition]] = {}
        backups: dict[IpAddress, list[DvipaBackup]] = {}
        dists: dict[IpAddress, list[Distributor]] = {}
        rejected: dict[IpAddress, list[Distributor]] = {}
        xcf: dict[IpAddress, list[XcfAddress]] = {}
        xcf_of: dict[str, tuple[DynamicXcf, ...]] = {}
        static: dict[str, Mapping[IpAddress, tuple[tuple[str, Span], ...]]] = {}
        groups: dict[str, tuple[int | None, Span | None]] = {}
        uncertain: set[IpAddress] = set()
        blind: set[str] = set()
        names: list[str] = []
        for s in sysplex.systems:
            p = s.profile
            if p is None:
                if s.tcpip_path is not None:
                    blind.add(s.name)
                continue
            if s.tcpip_status == "unreadable":
                blind.add(s.name)
            names.append(s.name)
            pidx = p.index
            for addr, defs in pidx.defined.items():
                for d in defs:
                    if not d.lost:
                        owners.setdefault(addr, []).append(
                            DvipaDefinition(system=s.name, statement=d, span=_addr_span(d, addr)))
            for addr, bks in pidx.backed_up.items():
                for b in bks:
                    if not b.lost:
                        backups.setdefault(addr, []).append(
                            DvipaBackup(system=s.name, statement=b, span=_addr_span(b, addr)))
            for addr, vds in pidx.distributed.items():
                for vd in vds:
                    if vd.lost:
                        continue
                    entry = Distributor(system=s.name, statement=vd)
                    if rejected_by_zos(vd) is None:
                        dists.setdefault(addr, []).append(entry)
                    else:
                        rejected.setdefault(addr, []).append(entry)
            own: list[DynamicXcf] = []
            for x in (p.dynamic_xcf, p.dynamic_xcf6):
                if x is not None and x.address is not None:
                    xcf.setdefault(x.address, []).append(XcfAddress(system=s.name, xcf=x))
                    own.append(x)
            xcf_of[s.name] = tuple(own)
            static[s.name] = pidx.static
            gid: int | None = None
            gspan: Span | None = None
            for o in p.global_config.options:
                if o.keyword == "XCFGRPID" and o.values and o.values[0].isdigit():
                    gid, gspan = int(o.values[0]), o.span
            groups[s.name] = (gid, gspan)
            for v in p.vipa:
                if v.lost:
                    uncertain.update(_statement_addresses(v))
            for cfg, version in ((p.ipconfig, 4), (p.ipconfig6, 6)):
                if cfg.dynamic_xcf is None or cfg.dynamic_xcf.address is None:  # misspelt: address unknown
                    for o in cfg.options:
                        uncertain.update(a for a in _addresses_in(o.values) if a.version == version)
            for u in p.unparsed:
                uncertain.update(_addresses_in(u.words))
        # systems were visited in name order, so every list is already in system order
        targets: dict[IpAddress, list[Target]] = {}
        xcf_first = {a: v[0].system for a, v in xcf.items()}
        for addr, ds in dists.items():
            for dist in ds:
                st = dist.statement
                if st.dest_all:
                    for a in sorted(xcf_first, key=_addr_key):
                        if st.vipa is not None and a.version == st.vipa.version:
                            targets.setdefault(addr, []).append(Target(
                                distributor=dist.system, statement=st, dest=None, address=a,
                                system=xcf_first[a]))
                for i, dest in enumerate(st.dest_ips):
                    targets.setdefault(addr, []).append(Target(
                        distributor=dist.system, statement=st, dest=dest, address=dest.address,
                        system=xcf_first.get(dest.address) if dest.address is not None else None,
                        role=dest.role, rank=dest.rank, order=i))
        dns = {k: v for k, v in sysplex.dns.items()}
        unreadable = {f.path for f in sysplex.files if f.kind == "izuprm" and f.status == "unreadable"}
        zosmf_unknown = frozenset(s.name for s in sysplex.systems
                                  if any(p in unreadable for p in s.izuprm_paths))
        zosmf = {n: z for n, z in _zosmf_servers(sysplex).items() if n not in zosmf_unknown}
        idx = cls(
            systems=tuple(names),
            owners={k: tuple(v) for k, v in sorted(owners.items(), key=lambda kv: _addr_key(kv[0]))},
            backups={k: tuple(sorted(v, key=lambda b: (-b.rank, b.system)))
                     for k, v in sorted(backups.items(), key=lambda kv: _addr_key(kv[0]))},
            distributors={k: tuple(v) for k, v in sorted(dists.items(), key=lambda kv: _addr_key(kv[0]))},
            targets={k: tuple(v) for k, v in targets.items()},
            xcf={k: tuple(v) for k, v in sorted(xcf.items(), key=lambda kv: _addr_key(kv[0]))},
            xcf_of=xcf_of, static=static, dns=dns, xcf_group=groups, zosmf=zosmf,
            zosmf_services=(), zosmf_ha=False, zosmf_ha_servers=(),
            blind=frozenset(blind), uncertain_addresses=frozenset(uncertain), zosmf_unknown=zosmf_unknown,
            rejected={k: tuple(v) for k, v in rejected.items()},
        )
        services = _zosmf_services(idx)
        local_groups = {z.group for z in zosmf.values() if z.runs_server}
        ha = bool(services) or len(local_groups) >= 2
        if services:
            members = {n for svc in services for n in svc.systems}
            ha_servers = tuple(z for n, z in sorted(zosmf.items()) if n in members)
        elif ha:
            ha_servers = tuple(z for _, z in sorted(zosmf.items()) if z.runs_server)
        else:
            ha_servers = ()
        return attrs.evolve(idx, zosmf_services=services, zosmf_ha=ha, zosmf_ha_servers=ha_servers)


def rejected_by_zos(st: VipaDistribute) -> str | None:
    """The IBM message with which z/OS ignores this VIPADISTRIBUTE, or None.

    Hot standby needs exactly one PREFERRED and at least one BACKUP target
    (EZZ0826I/EZZ0827I), at most 31 BACKUPs (EZZ0829I), distinct PREFERRED
    and BACKUP addresses (EZZ0830I) and a target list, not ``DESTIP ALL``
    (EZZ0165I). The TCP1xx rules report these; the HA index leaves such a
    statement out, as z/OS does.
    """
    if st.dist_method_effective is not DistMethod.HOTSTANDBY or st.delete:
        return None
    if st.dest_all:
        return "EZZ0165I"
    if not st.dest_ips:
        return None
    pref, backups = st.preferred, st.backups
    if not pref and not backups:
        return "EZZ0826I"
    if len(pref) != 1 or not backups:
        return "EZZ0827I"
    if len(backups) > 31:
        return "EZZ0829I"
    if {d.address for d in pref} & {d.address for d in backups}:
        return "EZZ0830I"
    return None


def _addr_span(st: VipaDefine | VipaBackup, addr: IpAddress) -> Span:
    for a, sp in zip(st.addresses, st.address_spans):
        if a == addr:
            return sp
    return st.span


_ADDRESS_LIKE = re.compile(r"[0-9A-Fa-f:.]{3,}")


def _addresses_in(words: Iterable[str]) -> Iterator[IpAddress]:
    """Addresses inside words, also with punctuation around them (``192.0.2.9,``)."""
    for w in words:
        for m in _ADDRESS_LIKE.finditer(w):
            try:
                yield ipaddress.ip_address(m.group(0).strip(".:") if ":" not in m.group(0) else m.group(0))
            except ValueError:
                continue


def _statement_addresses(v: object) -> Iterator[IpAddress]:
    for name in ("addresses",):
        for a in getattr(v, name, ()) or ():
            yield a
    for name in ("vipa", "address", "xcf_address", "target"):
        a = getattr(v, name, None)
        if isinstance(a, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
            yield a
    for d in getattr(v, "dest_ips", ()) or ():
        if d.address is not None:
            yield d.address


def _zosmf_servers(sysplex: Sysplex) -> dict[str, ZosmfServer]:
    out: dict[str, ZosmfServer] = {}
    by_path = {f.path: f for f in sysplex.files}
    for s in sysplex.systems:
        z = s.izuprm
        if z is None:
            continue
        anchor: Span | None = None
        for path in s.izuprm_paths:
            fr = by_path.get(path)
            if fr is not None and fr.result is not None:
                src = fr.result.source
                anchor = z.statements[0].span if z.statements else Span(src, 0, 0)
                break
        if anchor is None:  # pragma: no cover - a system has an izuprm only when a member was read
            continue
        out[s.name] = ZosmfServer(
            system=s.name, izuprm=z, hostname=z.hostname, port=z.http_ssl_port,
            autostart=z.autostart.value, autostart_coded=not z.is_default("AUTOSTART"),
            group=z.autostart_group, user_dir=_norm_dir(z.user_dir), keyring=z.keyring_name,
            saf_prefix=z.saf_prefix, server_proc=z.server_proc, anchor=anchor,
        )
    return out


def _zosmf_services(idx: SysplexIndex) -> tuple[ZosmfService, ...]:
    by_dvipa: dict[IpAddress, list[tuple[str, ZosmfServer]]] = {}
    for name in sorted(idx.zosmf):
        z = idx.zosmf[name]
        for a in idx.resolve(z.hostname) or ():
            if idx.is_dvipa(a):
                by_dvipa.setdefault(a, []).append((z.hostname, z))
    services: list[ZosmfService] = []
    for dvipa in sorted(by_dvipa, key=_addr_key):
        entries = by_dvipa[dvipa]
        servers = tuple(z for _, z in entries)
        systems = {z.system for z in servers}
        for t in idx.targets.get(dvipa, ()):
            if t.system is not None:
                systems.add(t.system)
        owner = idx.owner(dvipa)
        ref = next((z for z in servers if z.system == owner), None)
        if ref is None:
            counts: dict[int, int] = {}
            for z in servers:
                counts[z.port] = counts.get(z.port, 0) + 1
            best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            ref = next(z for z in servers if z.port == best)
        services.append(ZosmfService(
            dvipa=dvipa, port=ref.port, hostnames=tuple(dict.fromkeys(h for h, _ in entries)),
            servers=servers, systems=tuple(sorted(systems)), reference=ref,
        ))
    return tuple(services)


# ---------------------------------------------------------------- failover simulation


@attrs.frozen(kw_only=True)
class DvipaState:
    """Who owns a DVIPA in one failover case, and how it got it."""

    dvipa: IpAddress
    owner: str | None
    how: str


@attrs.frozen(kw_only=True)
class ServiceState:
    """Where new connections to one service go in one failover case.

    ``kind`` is ``"distributed"`` (a VIPADISTRIBUTE's DVIPA and PORT entry;
    every live system counts as running its server) or ``"zosmf"`` (the
    DVIPA a z/OSMF HOSTNAME resolves to and its HTTP_SSL_PORT; only systems
    that autostart a z/OSMF server count). ``targets`` are the systems that
    receive new connections (one for HOTSTANDBY).
    """

    kind: str
    dvipa: IpAddress
    ports: str
    port: int | None
    owner: str | None
    method: str | None
    targets: tuple[str, ...]
    reachable: bool
    reason: str
    distributor: VipaDistribute | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def name(self) -> str:
        """The service for messages: ``198.51.100.10 port 443``, ``z/OSMF at ...``."""
        what = "z/OSMF at " if self.kind == "zosmf" else ""
        return f"{what}{self.dvipa} {'port ' + self.ports if self.ports != 'all ports' else '(all ports)'}"


@attrs.frozen(kw_only=True)
class FailoverCase:
    """The sysplex with one system lost (``lost`` None: every system up)."""

    lost: str | None
    dvipas: tuple[DvipaState, ...]
    services: tuple[ServiceState, ...]

    def service(self, kind: str, dvipa: IpAddress, port: int | None) -> ServiceState | None:
        """The state of one service in this case, or None."""
        for s in self.services:
            if s.kind == kind and s.dvipa == dvipa and s.port == port:
                return s
        return None


@attrs.frozen(kw_only=True)
class _Service:
    kind: str
    dvipa: IpAddress
    ports: str
    port: int | None


def _owner(idx: SysplexIndex, dvipa: IpAddress, alive: set[str], lost: str | None) -> tuple[str | None, str]:
    defs = [d.system for d in idx.owners.get(dvipa, ())]
    bks = list(idx.backups.get(dvipa, ()))
    base: str | None
    if defs:
        base, how = defs[0], "VIPADEFINE"
        if len(defs) > 1:
            how = "VIPADEFINE (also defined on " + ", ".join(defs[1:]) + "; the later-activated stack owns it)"
    else:
        act = [b for b in bks if b.activates]
        if act:
            base, how = act[0].system, f"VIPABACKUP {act[0].rank} MOVEABLE (activates it)"
        else:
            base, how = None, "not active: no VIPADEFINE, and a plain VIPABACKUP only takes over an active DVIPA"
    if base is None or base in alive:
        return base, how
    # the owner is lost: a stack that also VIPADEFINEs it, else the highest-ranked VIPABACKUP
    for name in defs:
        if name in alive:
            return name, "VIPADEFINE (takes over)"
    for b in bks:
        if b.system in alive:
            return b.system, f"VIPABACKUP rank {b.rank} (takes over)"
    return None, "no other system VIPADEFINEs or VIPABACKUPs it"


def _services(idx: SysplexIndex) -> list[_Service]:
    out: dict[tuple[str, IpAddress, str], _Service] = {}
    for dvipa, ds in idx.distributors.items():
        for d in ds:
            st = d.statement
            if st.delete:
                continue
            if not st.ports:
                out.setdefault(("distributed", dvipa, "all ports"),
                               _Service(kind="distributed", dvipa=dvipa, ports="all ports", port=None))
            for spec in st.ports:
                out.setdefault(("distributed", dvipa, str(spec)),
                               _Service(kind="distributed", dvipa=dvipa, ports=str(spec), port=spec.first))
    for svc in idx.zosmf_services:
        out.setdefault(("zosmf", svc.dvipa, str(svc.port)),
                       _Service(kind="zosmf", dvipa=svc.dvipa, ports=str(svc.port), port=svc.port))
    return sorted(out.values(), key=lambda s: (_addr_key(s.dvipa), s.port or 0, s.kind))


def _route(idx: SysplexIndex, svc: _Service, owner: str | None, alive: set[str]) -> ServiceState:
    def runs(system: str | None) -> bool:
        if system is None or system not in alive:
            return False
        if svc.kind == "zosmf":
            if system in idx.zosmf_unknown:
                return True  # its IZUPRMxx could not be read: do not guess a failure
            z = idx.zosmf.get(system)
            return z is not None and z.runs_server
        return True

    def why(system: str | None, address: str) -> str:
        if system is None:
            return f"{address} (no system has this DYNAMICXCF address)"
        if system not in alive:
            return f"{address} ({system}, lost)"
        if svc.kind == "zosmf":
            z = idx.zosmf.get(system)
            return f"{address} ({system}, " + ("no IZUPRMxx" if z is None else "AUTOSTART(CONNECT)") + ")"
        return f"{address} ({system})"

    def state(method: str | None, targets: tuple[str, ...], reason: str,
              distributor: VipaDistribute | None = None) -> ServiceState:
        return ServiceState(kind=svc.kind, dvipa=svc.dvipa, ports=svc.ports, port=svc.port, owner=owner,
                            method=method, targets=targets, reachable=bool(targets), reason=reason,
                            distributor=distributor)

    if owner is None:
        return state(None, (), "no system owns the DVIPA")
    stmts = [d.statement for d in idx.distributors.get(svc.dvipa, ()) if d.system == owner and not d.statement.delete]
    if svc.port is None:
        stmts = [s for s in stmts if not s.ports]
    else:
        stmts = [s for s in stmts if s.distributes_port(svc.port)]
    if not stmts:
        ok = runs(owner)
        reason = (f"{owner} owns the DVIPA and does not distribute it; its own server takes the connections"
                  if ok else f"{owner} owns the DVIPA, does not distribute it and runs no "
                  + ("z/OSMF server" if svc.kind == "zosmf" else "server"))
        return state(None, (owner,) if ok else (), reason)
    st = stmts[0]
    method = st.dist_method_effective
    tgts = [t for t in idx.targets.get(svc.dvipa, ()) if t.statement is st]
    if method is DistMethod.HOTSTANDBY:
        pref = [t for t in tgts if t.role is DestRole.PREFERRED]
        order = pref + sorted((t for t in tgts if t.role is DestRole.BACKUP),
                              key=lambda t: (-(t.rank or 0), t.order))
        chosen = next((t for t in order if runs(t.system)), None)
        picked: tuple[str, ...] = (chosen.system,) if chosen is not None and chosen.system else ()
    else:
        picked = tuple(dict.fromkeys(t.system for t in tgts if t.system is not None and runs(t.system)))
    if picked:
        reason = f"{owner} distributes ({method.value}) to " + ", ".join(picked)
    else:
        listed = ", ".join(why(t.system, str(t.address) if t.address else "?") for t in tgts) or "none"
        reason = f"{owner} distributes ({method.value}) but no target can take the connections: {listed}"
    return state(method.value, picked, reason, st)


def _case(idx: SysplexIndex, services: Sequence[_Service], lost: str | None) -> FailoverCase:
    alive = set(idx.systems) - ({lost} if lost else set())
    dvipas = sorted(set(idx.dvipas()) | set(idx.distributors) | {s.dvipa for s in services}, key=_addr_key)
    states = []
    owners: dict[IpAddress, str | None] = {}
    for d in dvipas:
        owner, how = _owner(idx, d, alive, lost)
        owners[d] = owner
        states.append(DvipaState(dvipa=d, owner=owner, how=how))
    return FailoverCase(
        lost=lost, dvipas=tuple(states),
        services=tuple(_route(idx, s, owners[s.dvipa], alive) for s in services),
    )


def simulate_failover(sysplex: Sysplex, index: SysplexIndex | None = None, *,
                      baseline: bool = False) -> list[FailoverCase]:
    """Take each system away in turn and see who serves what.

    For every DVIPA: the owner (the VIPADEFINE stack; when it is lost,
    another stack that VIPADEFINEs it, else the remaining VIPABACKUP with
    the highest rank; a plain VIPABACKUP only takes over a DVIPA that was
    active, the MOVEABLE form also activates one that was not). For every
    service (each PORT entry of a VIPADISTRIBUTE, and z/OSMF behind the DVIPA
    its HOSTNAME resolves to): the owner's VIPADISTRIBUTE for that port sends
    new connections to the PREFERRED target if its system is alive and runs
    the server, else to the highest-ranked BACKUP that does (HOTSTANDBY), or
    to every such target (other methods); an owner that does not distribute
    the port serves it itself. One case per system (by name); with
    ``baseline`` a first case with every system up (``lost`` None).
    """
    return (index or sysplex.index).failover_cases(baseline=baseline)

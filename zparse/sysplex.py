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
import ipaddress
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .codes import CODES, Severity
from .diagnostics import Diagnostic, Related, make
from .model.izuprm import IzuPrm, merge_members, parse_izuprm
from .model.result import ParseResult
from .model.tcpip import (
    DestIp,
    DestRole,
    DistMethod,
    DynamicXcf,
    IpAddress,
    Moveable,
    TcpipProfile,
    VipaBackup,
    VipaDefine,
    VipaDistribute,
)
from .model.tcpip_build import parse_tcpip
from .source import EBCDIC_CODEPAGES, Source, Span, decode

__all__ = [
    "DvipaBackup",
    "DvipaDefinition",
    "DvipaState",
    "Distributor",
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
    "simulate_failover",
]

INVENTORY_NAMES = ("zlint.toml", "pyproject.toml")

# A file that exists but cannot be read. The code table has no code of its
# own for it yet (proposed: SYN013 "unreadable-file"); until then SYN007
# (the family of "this member cannot be read") carries it.
_UNREADABLE = "SYN013" if "SYN013" in CODES else "SYN007"


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


def _specificity(code: str, selector: str) -> int | None:
    """How specifically ``selector`` (a code, a prefix or ALL) matches ``code``."""
    sel = selector.strip().upper()
    if sel == "ALL":
        return 0
    if sel and code.upper().startswith(sel):
        return len(sel)
    return None


def known_selector(selector: str) -> bool:
    """Whether a select/ignore entry is ALL or a prefix of some known code."""
    sel = selector.strip().upper()
    return sel == "ALL" or (bool(sel) and any(c.startswith(sel) for c in CODES))


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
            s = _specificity(code, sel)
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
        return self.result.model if self.result is not None else None


@attrs.frozen(kw_only=True)
class System:
    """One system (TCP/IP stack and z/OSMF parmlib) of the sysplex.

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
        return self.mode == "file"

    def system(self, name: str) -> System | None:
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
            want = member or dataset.split(".")[-1]
            for folder in self.search:
                hit = self.files.find(folder, want)
                if hit is not None:
                    return self._guard(hit, shown)
            where = " or ".join(self.files.show(f) + "/" for f in self.search)
            return (f"INCLUDE {shown}: no file {want} in {where} (list the systems in a zlint.toml "
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
            folder, want = target, member
            if rest:
                if member is None:
                    want = rest
                else:
                    sub = self._subfolder(target, rest)
                    if sub is None:
                        return (f"INCLUDE {shown}: no folder {rest} in {self.files.show(target)}/ "
                                f"([include] \"{prefix}\")",)
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

    def tcpip(self, path: str, system: str | None, symbols: Mapping[str, str] | None,
              encoding: str | None, search: Sequence[str], standalone: bool = False) -> FileResult:
        got = self.files.read(path, encoding)
        if isinstance(got, tuple):
            return self._unreadable(path, "tcpip", system, got[0], standalone)
        resolver = _Resolver(self.files, self.include, encoding, search, self.mapped)
        result = parse_tcpip(got, path, symbols=symbols, include_resolver=resolver)
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
        result = parse_izuprm(got, path)
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


def load_sysplex(path: str | os.PathLike[str]) -> Sysplex:
    """Load a sysplex from an inventory, a folder or a single file.

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

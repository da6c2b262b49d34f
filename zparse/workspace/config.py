"""The sysplex inventory (``zlint.toml``, or ``[tool.zlint]`` in ``pyproject.toml``).

DESIGN.md contract 1. :func:`find_inventory` walks up from a path, like
ruff finds its configuration; :func:`read_inventory` checks the schema
(unknown keys, wrong types, paths that leave the inventory's folder) and
returns an :class:`Inventory`; every problem is an :class:`InventoryError`
naming the file and the dotted key.
"""

from __future__ import annotations

import codecs
import ipaddress
import os
import re
import stat
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..codes import Severity
from ..model.tcpip import IpAddress
from ..selection import LintConfig, known_selector
from ..source import EBCDIC_CODEPAGES
from ..syntax.releases import ReleaseError, normalise_release
from .files import MAX_FILE_SIZE, Files, Refused, Unreadable, inside, read_regular
from .includes import valid_dsn

__all__ = ["INVENTORY_NAMES", "SAFE_ENV", "Inventory", "InventoryError", "SystemSpec", "UntrustedInventory",
           "find_inventory", "host_key", "read_inventory", "trust", "trust_problem"]

SAFE_ENV = "ZLINT_SAFE_INVENTORY"  # inventories (files or folders, os.pathsep-separated) to trust; "*": all

INVENTORY_NAMES = ("zlint.toml", "pyproject.toml")


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


class UntrustedInventory(InventoryError):
    """An inventory found by walking up that someone else could have written
    (another user's file, or one in a world-writable folder): not used
    unless accepted with ``--config PATH`` or :data:`SAFE_ENV`."""


_TRUSTED: set[str] = set()  # real paths accepted by this process (``--config``, a named inventory)


def trust(path: str | os.PathLike[str]) -> None:
    """Accept an inventory for the rest of this process whoever owns it (what
    ``zlint check --config PATH`` does)."""
    _TRUSTED.add(os.path.realpath(path))


def _trusted_by_env(path: Path) -> bool:
    real = os.path.realpath(path)
    if real in _TRUSTED:
        return True
    value = os.environ.get(SAFE_ENV, "")
    if not value:
        return False
    for entry in value.split(os.pathsep):
        entry = entry.strip()
        if entry == "*":
            return True
        if entry and os.path.realpath(entry) in (real, os.path.dirname(real)):
            return True
    return False


def trust_problem(path: Path) -> str | None:
    """Why an inventory found by walking up may not be used silently, or None.

    As git does for repositories (``safe.directory``): the file must be owned
    by the current user, and neither it nor its folder may be writable by
    everyone. :data:`SAFE_ENV` lists inventories (or their folders) accepted
    anyway; ``*`` accepts all."""
    if not hasattr(os, "geteuid"):
        return None  # Windows: no owner check (as git for Windows, by default)
    try:
        st = os.stat(path)
        folder = os.stat(path.parent)
    except OSError:
        return None  # it will fail to read, with its own message
    problem = None
    if st.st_uid != os.geteuid():
        problem = f"is owned by {_user(st.st_uid)}, not by you ({_user(os.geteuid())})"
    elif st.st_mode & stat.S_IWOTH:
        problem = "can be written by every user"
    elif folder.st_mode & stat.S_IWOTH:
        problem = f"lies in a folder every user can write to ({path.parent})"
    if problem is None or _trusted_by_env(path):
        return None
    return (f"{problem}; zlint does not use an inventory found by walking up that someone else may have "
            f"written. Accept it with `zlint check --config {path}` or by listing it in the environment "
            f"variable {SAFE_ENV} (as git's safe.directory)")


def _user(uid: int) -> str:
    try:
        import pwd

        return f"user {pwd.getpwuid(uid).pw_name} (uid {uid})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def _has_tool_zlint(path: Path) -> bool:
    try:
        raw = read_regular(str(path))
    except (OSError, ValueError):
        return False
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        if b"[tool.zlint" in raw:
            raise InventoryError(str(path), None, f"not valid TOML: {exc}") from exc
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "zlint" in tool


def find_inventory(start: str | os.PathLike[str], *, trusted: bool = False) -> Path | None:
    """The inventory for ``start`` (a file or folder): ``zlint.toml``, or a
    ``pyproject.toml`` with ``[tool.zlint]``, in the folder or the nearest
    folder above it; None when there is none.

    Raises :class:`UntrustedInventory` when the one found fails
    :func:`trust_problem` (unless ``trusted``: the caller was told to use it)."""
    p = Path(os.path.abspath(start))
    folder = p if p.is_dir() else p.parent
    for d in (folder, *folder.parents):
        found = None
        cand = d / "zlint.toml"
        if cand.is_file():
            found = cand
        else:
            py = d / "pyproject.toml"
            if py.is_file() and _has_tool_zlint(py):
                found = py
        if found is not None:
            problem = None if trusted else trust_problem(found)
            if problem is not None:
                raise UntrustedInventory(str(found), None, problem)
            return found
    return None


@attrs.frozen(kw_only=True)
class SystemSpec:
    """One ``[systems.NAME]`` table: the files of a system, its symbols and encoding
    (``folder``: the folder a discovered system was found in; ``obey``: the
    OBEYFILE members applied on top of the profile, in order)."""

    name: str
    tcpip: str | None
    izuprm: tuple[str, ...]
    symbols: dict[str, str] | None = attrs.field(hash=False)
    encoding: str | None
    folder: str | None = None
    obey: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Inventory:
    """A read and checked inventory: paths absolute, ``[dns]`` keys normalised
    (:func:`host_key`), ``[include]`` prefixes upper case."""

    file: str
    root: str
    name: str
    dns: dict[str, tuple[IpAddress, ...]] = attrs.field(hash=False)
    include: tuple[tuple[str, str], ...]
    systems: tuple[SystemSpec, ...]
    config: LintConfig
    encoding: str | None
    max_file_size: int = MAX_FILE_SIZE


_TOP_KEYS = ("sysplex", "dns", "include", "systems", "lint", "encoding")
_SYSPLEX_KEYS = ("name",)
_SYSTEM_KEYS = ("tcpip", "izuprm", "symbols", "encoding", "obey")
_LINT_KEYS = ("select", "ignore", "severity", "target-release", "max-file-size")
_SIZE = re.compile(r"\s*(\d+)\s*(|b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)\s*", re.I)
_UNITS = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 1 << 10, "kb": 1000, "kib": 1 << 10,
          "m": 1 << 20, "mb": 1000 ** 2, "mib": 1 << 20, "g": 1 << 30, "gb": 1000 ** 3, "gib": 1 << 30}
_SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
_SYMBOL_NAME = re.compile(r"[A-Za-z@#$][A-Za-z0-9@#$_]{0,7}")


class _InvReader:
    def __init__(self, file: Path, prefix: str, files: Files | None = None) -> None:
        self.files = files
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
        if self.files is not None:  # another file source (a git revision): its own checks
            if not (self.files.is_file(full) or self.files.is_dir(full)):
                raise self.err(key, f"{want} {rel!r} not found (relative to {self.root})")
            if want == "file" and self.files.is_dir(full):
                raise self.err(key, f"{rel!r} is a folder, not a file")
            return full
        try:
            os.lstat(full)
        except PermissionError:
            raise self.err(key, f"{want} {rel!r}: permission denied (a folder on the way cannot be "
                                "searched)") from None
        except (OSError, ValueError):
            raise self.err(key, f"{want} {rel!r} not found (relative to {self.root})") from None
        if not inside(self.real_root, full):
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


def read_inventory(file: Path, *, files: Files | None = None) -> Inventory:
    """Read and check an inventory. ``files``: another source of the inventory
    and of the files it lists (a git revision), instead of the disk."""
    is_py = file.name == "pyproject.toml"
    prefix = "tool.zlint." if is_py else ""
    r = _InvReader(file, prefix, files)
    if files is not None:
        got = files.read(str(file), "utf-8")
        if isinstance(got, Unreadable):
            raise InventoryError(str(file), None, f"cannot be read ({got.message})")
        raw = got.encode("utf-8", "surrogateescape")
    else:
        try:
            raw = read_regular(str(file))
        except Refused as exc:
            raise InventoryError(str(file), None, f"is {exc.strerror}: it is not read") from exc
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
        dns[host_key(host)] = tuple(addrs)

    include: list[tuple[str, str]] = []
    for dsn, folder in r.table(data.get("include", {}), "include").items():
        key = f"include.{_tkey(dsn)}"
        prefix_dsn = dsn.strip().strip("'").upper()
        if not valid_dsn(prefix_dsn):
            raise r.err(key, f"{dsn!r} is not a data set name or prefix (qualifiers of 1-8 characters)")
        include.append((prefix_dsn, r.path(folder, key, want="folder")))

    specs: list[SystemSpec] = []
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
        obey_raw = t.get("obey", [])
        obey_list = [obey_raw] if isinstance(obey_raw, str) else r.strings(obey_raw, f"{key}.obey")
        if obey_list and tcpip is None:
            raise r.err(f"{key}.obey", "OBEYFILE members apply on top of a profile: give tcpip = ... too")
        obey = tuple(r.path(v, f"{key}.obey") for v in obey_list)
        specs.append(SystemSpec(name=sname, tcpip=tcpip, izuprm=izuprm, symbols=symbols,
                                 encoding=enc, obey=obey))

    lint = r.table(data.get("lint", {}), "lint")
    config = _read_lint(r, lint)
    max_size = _read_size(r, lint["max-file-size"], "lint.max-file-size") if "max-file-size" in lint \
        else MAX_FILE_SIZE
    return Inventory(file=str(file), root=r.root, name=name, dns=dns, include=tuple(include),
                      systems=tuple(specs), config=config, encoding=encoding, max_file_size=max_size)


def _read_size(r: _InvReader, value: object, key: str) -> int:
    """``max-file-size``: bytes as an integer, or a string with a unit ("64 MiB", "500kB")."""
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif isinstance(value, str) and (m := _SIZE.fullmatch(value)):
        size = int(m.group(1)) * _UNITS[m.group(2).lower()]
    else:
        raise r.err(key, f"must be a size in bytes (67108864) or with a unit (\"64 MiB\"), not {value!r}")
    if size <= 0:
        raise r.err(key, "must be more than 0")
    return size


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
    target = None
    if "target-release" in t:
        try:
            target = normalise_release(r.string(t["target-release"], "lint.target-release"))
        except ReleaseError as exc:
            raise r.err("lint.target-release", str(exc)) from None
    return LintConfig(select=select, ignore=ignore, severity=tuple(sev), target_release=target)


def host_key(host: str) -> str:
    """A host name as ``[dns]`` keys are stored: trimmed, no trailing dot, lower case."""
    return host.strip().rstrip(".").lower()

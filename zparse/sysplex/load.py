"""One path to a :class:`Sysplex`: files in, parsed systems out.

:class:`Loader` builds a sysplex from a file source (:class:`~zparse.workspace.files.Files`,
the one safe reader) through a set of parsers. The library and the CLI use
:func:`load_sysplex`, which reads the disk and parses from scratch; the
language server hands the same :class:`Loader` a file source that returns
open documents' unsaved text first and parsers that keep warm results, so
all three front ends load through the same code.

Inventory
    A sysplex is read from an inventory (``zlint.toml``, or ``[tool.zlint]``
    in ``pyproject.toml``; DESIGN.md contract 1), found by walking up from
    the path given. Without one, every subfolder of the given folder that
    holds recognised files is a system named after the folder; a single file
    is checked on its own.

Symbols
    ``[systems.NAME] symbols = { SYSCLONE = "01" }`` are substituted in that
    system's profile and its INCLUDEd members (a file shared by several
    systems is read once per system); SYSNAME defaults to the system name.
    An undefined symbol is then SYN008. Without a ``symbols`` table (and for
    discovered systems) nothing is substituted and nothing is reported:
    operands written with symbols stay unresolved.

Errors
    A listed member file that cannot be read becomes a diagnostic (SYN013);
    a listed file that does not exist, or that lies outside the inventory's
    folder, is an :class:`~zparse.workspace.config.InventoryError`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from ..diagnostics import Diagnostic, make
from ..model.izuprm import IzuPrm, merge_members, parse_izuprm
from ..model.result import ParseResult
from ..model.tcpip import IpAddress, TcpipProfile
from ..model.tcpip.build import IncludeResolver as ResolverFn
from ..model.tcpip.build import parse_tcpip, release_diagnostics
from ..selection import LintConfig
from ..source import Source, Span, decode
from ..workspace.config import (
    INVENTORY_NAMES,
    Inventory,
    InventoryError,
    SystemSpec,
    find_inventory,
    read_inventory,
)
from ..workspace.discover import kind_of, recognise
from ..workspace.files import Files, Unreadable
from ..workspace.includes import IncludeResolver
from .model import FileResult, Sysplex, System

__all__ = ["ColdParsers", "Loader", "Parsers", "load_sysplex"]

# A file that exists but cannot be read (SYN013, "unreadable-file").
_UNREADABLE = "SYN013"


class Parsers(Protocol):
    """How a :class:`Loader` parses the text it read (the language server keeps warm parses)."""

    def tcpip(self, path: str, symbols: Mapping[str, str] | None, text: str,
              resolver: ResolverFn | None) -> ParseResult[TcpipProfile]:
        """Parse a TCP/IP profile; ``resolver`` reads its INCLUDEd members."""
        ...

    def izuprm(self, path: str, text: str) -> ParseResult[IzuPrm]:
        """Parse an IZUPRMxx member."""
        ...


class ColdParsers:
    """Parse every file from scratch (the library and the CLI)."""

    def tcpip(self, path: str, symbols: Mapping[str, str] | None, text: str,
              resolver: ResolverFn | None) -> ParseResult[TcpipProfile]:
        """Parse a TCP/IP profile with :func:`zparse.model.tcpip.build.parse_tcpip`."""
        return parse_tcpip(text, path, symbols=symbols, include_resolver=resolver)

    def izuprm(self, path: str, text: str) -> ParseResult[IzuPrm]:
        """Parse an IZUPRMxx member with :func:`zparse.model.izuprm.parse_izuprm`."""
        return parse_izuprm(text, path)


class Loader:
    """Reads and parses the files of one sysplex through ``files`` and ``parsers``.

    ``encoding`` (e.g. ``"cp1047"``), when given, is used for every member
    instead of the inventory's ``encoding`` settings (``zlint check
    --encoding``). One loader serves one load (:meth:`inventory`,
    :meth:`folder`, :meth:`file` or :meth:`document`); ``files`` must be
    rooted at the inventory's folder (or the folder or file's folder given).
    """

    def __init__(self, files: Files, parsers: Parsers | None = None, *,
                 encoding: str | None = None) -> None:
        self.files = files
        self.parsers: Parsers = parsers if parsers is not None else ColdParsers()
        self.encoding = encoding
        self._include: tuple[tuple[str, str], ...] = ()
        self._mapped = False
        self._results: list[FileResult] = []
        self._diags: list[Diagnostic] = []
        self._target: str | None = None

    # ------------------------------------------------------------ the four loads
    def inventory(self, inv: Inventory) -> Sysplex:
        """The sysplex an inventory describes."""
        self._include, self._mapped = tuple(inv.include), True
        self._target = inv.config.target_release
        systems: list[System] = []
        for spec in sorted(inv.systems, key=lambda s: s.name):
            symbols = {"SYSNAME": spec.name.upper(), **spec.symbols} if spec.symbols is not None else None
            systems.append(self._system(attrs.evolve(spec, symbols=symbols), ()))
        return self._finish(name=inv.name, root=inv.root, inventory=inv.file, mode="inventory",
                            systems=systems, dns=inv.dns, config=inv.config)

    def folder(self, folder: str) -> Sysplex:
        """A folder without an inventory: one system per subfolder holding
        recognised files (the folder itself when no subfolder qualifies)."""
        root = os.path.abspath(folder)
        files = self.files

        def recognised(d: str) -> list[tuple[str, str]]:
            out = []
            for e in files.listdir(d):
                full = os.path.join(d, e)
                kind = recognise(e)
                if kind and files.is_member(full):  # a FIFO or device too: read() says why it is not read
                    out.append((kind, full))
            return out

        problem = files.list_error(root)
        if problem is not None:
            raise InventoryError(folder, None, f"cannot be listed: {problem.lower()}")

        groups: list[tuple[str, str, list[tuple[str, str]]]] = []
        for e in files.listdir(root):
            full = os.path.join(root, e)
            if e.startswith(".") or not files.is_dir(full):
                continue
            found = recognised(full)
            if found:
                groups.append((e, full, found))
            elif (problem := files.list_error(full)) is not None:
                self._unreadable(full, "tcpip", e, f"{files.show(full)}/ cannot be listed: {problem.lower()}; "
                                 "its members are not checked", standalone=True)
        if not groups:
            found = recognised(root)
            if found:
                groups.append((os.path.basename(root) or "SYSTEM", root, found))
        systems: list[System] = []
        for name, path, found in groups:
            profiles = [p for k, p in found if k == "tcpip"]
            izu = tuple(p for k, p in found if k == "izuprm")
            spec = SystemSpec(name=name, tcpip=profiles[0] if profiles else None, izuprm=izu,
                              symbols=None, encoding=None, folder=path)
            systems.append(self._system(spec, (path, root)))
            for extra in profiles[1:]:  # a second profile (an OBEYFILE?) is checked on its own
                self._tcpip(extra, None, None, None, (path, root), standalone=True)
        return self._finish(name=os.path.basename(root), root=root, inventory=None, mode="discovered",
                            systems=systems)

    def file(self, path: str, kind: str | None = None) -> Sysplex:
        """One file checked on its own (per-file rules only); ``kind`` from its name or text when None."""
        folder = os.path.dirname(path)
        if kind is None:
            got = self.files.read(path, self.encoding)
            kind = kind_of(path, text=got if isinstance(got, str) else None) or "tcpip"
        if kind == "izuprm":
            self._izuprm(path, None, None, standalone=True)
        else:
            self._tcpip(path, None, None, None, (folder,), standalone=True)
        return self._finish(name=os.path.basename(path), root=folder, inventory=None, mode="file",
                            systems=())

    def document(self, name: str, text: str, kind: str) -> Sysplex:
        """Text that is not a file (an editor buffer, a Zowe Explorer member),
        checked on its own; its INCLUDEs are recorded, not followed."""
        result: ParseResult[Any]
        if kind == "izuprm":
            result = self.parsers.izuprm(name, text)
        else:
            result = self.parsers.tcpip(name, None, text, None)
        self._add(FileResult(path=name, kind=kind, system=None, status=result.status, result=result,
                             diagnostics=result.diagnostics, standalone=True))
        return self._finish(name=name, root="", inventory=None, mode="file", systems=())

    # ------------------------------------------------------------ steps
    def _add(self, fr: FileResult) -> FileResult:
        self._results.append(fr)
        self._diags.extend(fr.diagnostics)
        return fr

    def _unreadable(self, path: str, kind: str, system: str | None, message: str,
                    standalone: bool = False) -> FileResult:
        diag = make(_UNREADABLE, message, Span(Source("", path, kind), 0, 0))
        return self._add(FileResult(path=path, kind=kind, system=system, status="unreadable", result=None,
                                    diagnostics=(diag,), standalone=standalone))

    def _tcpip(self, path: str, system: str | None, symbols: Mapping[str, str] | None,
               encoding: str | None, search: Sequence[str], standalone: bool = False) -> FileResult:
        encoding = self.encoding or encoding
        got = self.files.read(path, encoding)
        if isinstance(got, Unreadable):
            return self._unreadable(path, "tcpip", system, got.message, standalone)
        resolver = IncludeResolver(self.files, self._include, encoding, search, self._mapped)
        result = self.parsers.tcpip(path, symbols, got, resolver)
        diags = result.diagnostics
        if self._target is not None:  # [lint] target-release: SYN014 for newer operands
            diags = (*diags, *release_diagnostics(result, self._target, symbols))
        return self._add(FileResult(path=path, kind="tcpip", system=system, status=result.status,
                                    result=result, diagnostics=diags,
                                    includes=tuple(dict.fromkeys(resolver.read)), standalone=standalone))

    def _izuprm(self, path: str, system: str | None, encoding: str | None,
                standalone: bool = False) -> FileResult:
        got = self.files.read(path, self.encoding or encoding)
        if isinstance(got, Unreadable):
            return self._unreadable(path, "izuprm", system, got.message, standalone)
        result = self.parsers.izuprm(path, got)
        return self._add(FileResult(path=path, kind="izuprm", system=system, status=result.status,
                                    result=result, diagnostics=result.diagnostics, standalone=standalone))

    def _system(self, spec: SystemSpec, search: Sequence[str]) -> System:
        profile = None
        status = None
        includes: tuple[str, ...] = ()
        if spec.tcpip is not None:
            fr = self._tcpip(spec.tcpip, spec.name, spec.symbols, spec.encoding, search)
            profile = fr.model
            status = fr.status
            includes = fr.includes
        members: list[ParseResult[IzuPrm]] = []
        for p in spec.izuprm:
            fr = self._izuprm(p, spec.name, spec.encoding)
            if fr.result is not None:
                members.append(fr.result)
        izuprm = None
        if members:
            izuprm = merge_members(members)
        obey: list[TcpipProfile] = []
        for p in spec.obey:  # OBEYFILE members: parsed like the profile, applied by zparse.review
            fr = self._tcpip(p, spec.name, spec.symbols, spec.encoding, search)
            if fr.model is not None:
                obey.append(fr.model)
            includes = (*includes, *(i for i in fr.includes if i not in includes))
        return System(
            name=spec.name, symbols=dict(spec.symbols or {}), profile=profile, izuprm=izuprm,
            izuprm_members=tuple(m.model for m in members), tcpip_path=spec.tcpip, tcpip_status=status,
            izuprm_paths=spec.izuprm, include_paths=includes, folder=spec.folder,
            obey=tuple(obey), obey_paths=spec.obey,
        )

    def _finish(self, *, name: str, root: str, inventory: str | None, mode: str,
                systems: Sequence[System], dns: Mapping[str, tuple[IpAddress, ...]] | None = None,
                config: LintConfig | None = None) -> Sysplex:
        ordered = tuple(sorted(systems, key=lambda s: s.name))
        owners: dict[str, set[str]] = {}
        for s in ordered:
            for p in s.files:
                owners.setdefault(p, set()).add(s.name)
        stamped: list[Diagnostic] = []
        for d in self._diags:
            who = owners.get(d.span.path or "", set())
            stamped.append(attrs.evolve(d, system=next(iter(who))) if len(who) == 1 and d.system is None
                           else d)
        files = tuple(sorted(self._results, key=lambda f: (f.path, f.system or "")))
        return Sysplex(
            name=name, root=root, inventory=inventory, mode=mode, systems=ordered,
            dns=dict(sorted((dns or {}).items())), include_map=self._include,
            config=config or LintConfig(), files=files, diagnostics=tuple(stamped),
        )


def load_sysplex(path: str | os.PathLike[str], *, encoding: str | None = None) -> Sysplex:
    """Load a sysplex from an inventory, a folder or a single file.

    ``encoding`` (e.g. ``"cp1047"``) overrides the inventory's ``encoding``
    for every member file read (``zlint check --encoding``).

    * ``zlint.toml`` or ``pyproject.toml`` (with ``[tool.zlint]``): that inventory;
    * a folder or file: the inventory found by walking up from it; a file
      that the inventory does not read (listed or INCLUDEd) is checked on its
      own;
    * a folder without an inventory: one system per subfolder holding
      recognised files (see :func:`~zparse.workspace.discover.recognise`),
      named after the subfolder (the folder itself when no subfolder
      qualifies);
    * a file without an inventory: checked on its own (per-file rules only).

    Raises :class:`~zparse.workspace.config.InventoryError` for a bad
    inventory or a path that does not exist; problems in member files become
    diagnostics.
    """
    if encoding is not None:
        try:
            decode(b"", encoding)
        except LookupError:
            raise InventoryError(str(path), "encoding", f"unknown encoding {encoding!r}") from None
    p = os.path.abspath(path)
    try:
        os.stat(p)
    except PermissionError:
        raise InventoryError(str(path), None, "permission denied") from None
    except (OSError, ValueError):
        raise InventoryError(str(path), None, "no such file or folder") from None
    if os.path.isfile(p) and os.path.basename(p) in INVENTORY_NAMES:
        inv = read_inventory(Path(p))  # named explicitly: trusted, as ``--config``
        return Loader(Files(inv.root, max_size=inv.max_file_size), encoding=encoding).inventory(inv)
    found = find_inventory(p)
    if found is not None:
        inv = read_inventory(found)
        sysplex = Loader(Files(inv.root, max_size=inv.max_file_size), encoding=encoding).inventory(inv)
        if os.path.isdir(p) or p in sysplex.paths:
            return sysplex
    if os.path.isdir(p):
        return Loader(Files(p), encoding=encoding).folder(p)
    return Loader(Files(os.path.dirname(p)), encoding=encoding).file(p)

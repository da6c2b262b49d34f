"""Loading a sysplex with the editor's unsaved text, and keeping it warm.

:func:`zparse.sysplex.load_sysplex` reads every member from disk and parses
it from scratch. The language server needs two more things:

* **overrides**: the text of open documents (unsaved edits) instead of the
  disk for those files, INCLUDEd members and IZUPRMxx members included;
* **warm parses**: a profile whose text did not change is not parsed again,
  and one that changed is re-parsed incrementally
  (:class:`~zparse.lsp.incremental.IncrementalTcpip`); files that are not
  open are read from disk only when their modification time changes.

:class:`Project` does what ``load_sysplex`` does for an inventory (same
systems, symbols, INCLUDE resolution, file results and diagnostics) through
the sysplex module's own reader, loader and resolver, overriding only where
text comes from and how it is parsed. ``load_single`` does the same for one
document checked on its own (no inventory, or a document that is not a
file, such as a Zowe Explorer member).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .. import sysplex as sp
from ..model.izuprm import IzuPrm, parse_izuprm
from ..model.result import ParseResult
from ..model.tcpip import TcpipProfile
from ..model.tcpip_build import IncludeResolver
from .incremental import IncrementalTcpip

__all__ = ["DiskCache", "Parsers", "Project", "load_single"]


class DiskCache:
    """Decoded text of files read from disk, re-read when size or mtime change."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str | None], tuple[tuple[int, int], str | tuple[str]]] = {}
        self._lock = threading.Lock()

    def read(self, files: sp._Files, path: str, encoding: str | None) -> str | tuple[str]:
        try:
            st = os.stat(path)
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            return sp._Files.read(files, path, encoding)
        key = (path, encoding)
        with self._lock:
            hit = self._texts.get(key)
        if hit is not None and hit[0] == stamp and files.check(path) is None:
            return hit[1]
        got = sp._Files.read(files, path, encoding)
        with self._lock:
            self._texts[key] = (stamp, got)
        return got

    def forget(self, path: str | None = None) -> None:
        with self._lock:
            if path is None:
                self._texts.clear()
            else:
                for key in [k for k in self._texts if k[0] == path]:
                    del self._texts[key]


class _OverlayFiles(sp._Files):
    """The sysplex module's file reader, with open documents' text first."""

    def __init__(self, root: str, overlay: Mapping[str, str], disk: DiskCache) -> None:
        super().__init__(root)
        self.overlay = overlay
        self.disk = disk

    def read(self, path: str, encoding: str | None) -> str | tuple[str]:
        text = self.overlay.get(os.path.abspath(path))
        if text is not None:
            problem = self.check(path)
            return (problem,) if problem is not None else text
        return self.disk.read(self, path, encoding)


class Parsers:
    """Parse results kept across lint runs: incremental for profiles, by text for IZUPRMxx."""

    def __init__(self) -> None:
        self._tcpip: dict[tuple[str, tuple[tuple[str, str], ...] | None], IncrementalTcpip] = {}
        self._izu: dict[str, tuple[str, ParseResult[IzuPrm]]] = {}

    def tcpip(self, path: str, symbols: Mapping[str, str] | None, text: str,
              resolver: IncludeResolver | None) -> ParseResult[TcpipProfile]:
        key = (path, tuple(sorted(symbols.items())) if symbols is not None else None)
        inc = self._tcpip.get(key)
        if inc is None:
            inc = self._tcpip[key] = IncrementalTcpip(path, symbols)
        return inc.parse(text, resolver)

    def izuprm(self, path: str, text: str) -> ParseResult[IzuPrm]:
        hit = self._izu.get(path)
        if hit is not None and hit[0] == text:
            return hit[1]
        result = parse_izuprm(text, path)
        self._izu[path] = (text, result)
        return result

    def forget(self, path: str) -> None:
        """Drop the warm parses of one file (it was closed and is not part of any sysplex)."""
        for key in [k for k in self._tcpip if k[0] == path]:
            del self._tcpip[key]
        self._izu.pop(path, None)


class _Loader(sp._Loader):
    """The sysplex loader, parsing through :class:`Parsers`."""

    def __init__(self, root: str, include: Sequence[tuple[str, str]], mapped: bool,
                 files: _OverlayFiles, parsers: Parsers) -> None:
        super().__init__(root, include, mapped)
        self.files = files
        self.parsers = parsers

    def parse_tcpip(self, path: str, symbols: Mapping[str, str] | None, text: str,
                    resolver: sp._Resolver) -> ParseResult[TcpipProfile]:
        return self.parsers.tcpip(path, symbols, text, resolver)

    def parse_izuprm(self, path: str, text: str) -> ParseResult[IzuPrm]:
        return self.parsers.izuprm(path, text)


class Project:
    """One inventory (``zlint.toml`` or ``pyproject.toml`` with ``[tool.zlint]``)."""

    def __init__(self, inventory: str, parsers: Parsers, disk: DiskCache) -> None:
        self.inventory = os.path.abspath(inventory)
        self.parsers = parsers
        self.disk = disk
        self._inv: tuple[tuple[int, int], Any] | None = None

    def _read_inventory(self) -> Any:
        try:
            st = os.stat(self.inventory)
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (-1, -1)
        if self._inv is not None and self._inv[0] == stamp:
            return self._inv[1]
        inv = sp._read_inventory(Path(self.inventory))
        self._inv = (stamp, inv)
        return inv

    def forget(self) -> None:
        self._inv = None

    def load(self, overlay: Mapping[str, str]) -> sp.Sysplex:
        """The sysplex, with ``overlay`` (absolute path -> text) read instead of the disk.

        Raises :class:`zparse.sysplex.InventoryError` for an unusable inventory.
        """
        inv = self._read_inventory()
        files = _OverlayFiles(inv.root, overlay, self.disk)
        loader = _Loader(inv.root, inv.include, True, files, self.parsers)
        systems: list[sp.System] = []
        for spec in sorted(inv.systems, key=lambda s: s.name):
            symbols = {"SYSNAME": spec.name.upper(), **spec.symbols} if spec.symbols is not None else None
            systems.append(loader.system(attrs.evolve(spec, symbols=symbols), ()))
        return loader.finish(name=inv.name, root=inv.root, inventory=inv.file, mode="inventory",
                             systems=systems, dns=inv.dns, config=inv.config)


def load_single(path: str, text: str, kind: str, parsers: Parsers, disk: DiskCache,
                *, is_file: bool = True) -> sp.Sysplex:
    """One document checked on its own (per-file rules only).

    ``path`` is the file's absolute path, or (``is_file=False``) the
    document's URI, used as its name; INCLUDEs of a non-file document are
    recorded, not followed.
    """
    if is_file:
        folder = os.path.dirname(path)
        files = _OverlayFiles(folder, {path: text}, disk)
        loader = _Loader(folder, (), False, files, parsers)
        if kind == "izuprm":
            loader.izuprm(path, None, None, standalone=True)
        else:
            loader.tcpip(path, None, None, None, (folder,), standalone=True)
        return loader.finish(name=os.path.basename(path), root=folder, inventory=None, mode="file",
                             systems=())
    result: ParseResult[Any]
    if kind == "izuprm":
        result = parsers.izuprm(path, text)
    else:
        result = parsers.tcpip(path, None, text, None)
    fr = sp.FileResult(path=path, kind=kind, system=None, status=result.status, result=result,
                       diagnostics=result.diagnostics, standalone=True)
    return sp.Sysplex(name=path, root="", inventory=None, mode="file", systems=(), files=(fr,),
                      diagnostics=result.diagnostics)

"""Loading a sysplex with the editor's unsaved text, and keeping it warm.

The language server loads through the same :class:`zparse.sysplex.Loader`
as ``zlint check``, handing it two things of its own:

* a file source, :class:`OverlayFiles`: the text of open documents (unsaved
  edits) instead of the disk for those files, INCLUDEd and IZUPRMxx members
  included; files that are not open are read from disk only when their
  modification time or size changes (:class:`DiskCache`);
* warm parsers, :class:`Parsers`: a profile whose text did not change is not
  parsed again, and one that changed is re-parsed incrementally
  (:class:`~zparse.lsp.incremental.IncrementalTcpip`).

:class:`Project` loads one inventory that way; :func:`load_single` one
document checked on its own (no inventory, or a document that is not a
file, such as a Zowe Explorer member).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path

from ..model.izuprm import IzuPrm, parse_izuprm
from ..model.result import ParseResult
from ..model.tcpip import TcpipProfile
from ..model.tcpip.build import IncludeResolver
from ..sysplex import Loader, Sysplex
from ..workspace.config import Inventory, read_inventory
from ..workspace.files import MAX_FILE_SIZE, Files, Unreadable
from .incremental import IncrementalTcpip

__all__ = ["DiskCache", "OverlayFiles", "Parsers", "Project", "load_single"]


class DiskCache:
    """Decoded text of files read from disk, re-read when size or mtime change."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str | None], tuple[tuple[int, int], str | Unreadable]] = {}
        self._lock = threading.Lock()

    def read(self, files: Files, path: str, encoding: str | None) -> str | Unreadable:
        """The text of ``path`` as ``Files.read`` gives it, from the cache while the file is unchanged."""
        try:
            st = os.stat(path)
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            return Files.read(files, path, encoding)
        key = (path, encoding)
        with self._lock:
            hit = self._texts.get(key)
        if hit is not None and hit[0] == stamp and files.check(path) is None:
            return hit[1]
        got = Files.read(files, path, encoding)
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


class OverlayFiles(Files):
    """The workspace's file reader, with open documents' text first."""

    def __init__(self, root: str, overlay: Mapping[str, str], disk: DiskCache, *,
                 max_size: int = MAX_FILE_SIZE) -> None:
        super().__init__(root, max_size=max_size)
        self.overlay = overlay
        self.disk = disk

    def read(self, path: str, encoding: str | None) -> str | Unreadable:
        """An open document's text, else the disk's (through :class:`DiskCache`)."""
        text = self.overlay.get(os.path.abspath(path))
        if text is not None:
            problem = self.check(path)
            return Unreadable(problem) if problem is not None else text
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


class Project:
    """One inventory (``zlint.toml`` or ``pyproject.toml`` with ``[tool.zlint]``)."""

    def __init__(self, inventory: str, parsers: Parsers, disk: DiskCache) -> None:
        self.inventory = os.path.abspath(inventory)
        self.parsers = parsers
        self.disk = disk
        self._inv: tuple[tuple[int, int], Inventory] | None = None

    def _read_inventory(self) -> Inventory:
        try:
            st = os.stat(self.inventory)
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (-1, -1)
        if self._inv is not None and self._inv[0] == stamp:
            return self._inv[1]
        inv = read_inventory(Path(self.inventory))
        self._inv = (stamp, inv)
        return inv

    def forget(self) -> None:
        self._inv = None

    def load(self, overlay: Mapping[str, str]) -> Sysplex:
        """The sysplex, with ``overlay`` (absolute path -> text) read instead of the disk.

        Raises :class:`zparse.sysplex.InventoryError` for an unusable inventory.
        """
        inv = self._read_inventory()
        files = OverlayFiles(inv.root, overlay, self.disk, max_size=inv.max_file_size)
        return Loader(files, self.parsers).inventory(inv)


def load_single(path: str, text: str, kind: str, parsers: Parsers, disk: DiskCache,
                *, is_file: bool = True) -> Sysplex:
    """One document checked on its own (per-file rules only).

    ``path`` is the file's absolute path, or (``is_file=False``) the
    document's URI, used as its name; INCLUDEs of a non-file document are
    recorded, not followed.
    """
    if is_file:
        folder = os.path.dirname(path)
        return Loader(OverlayFiles(folder, {path: text}, disk), parsers).file(path, kind)
    return Loader(OverlayFiles("", {}, disk), parsers).document(path, text, kind)

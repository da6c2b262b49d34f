"""What the language server knows: open documents, their sysplex, the latest findings.

The :class:`Analyzer` holds the open documents (as the client sees them),
groups them by *project* and lints a project as a whole:

* a document under a folder with an inventory (``zlint.toml``, or
  ``pyproject.toml`` with ``[tool.zlint]``, found by walking up from the
  file, as ``zlint check`` does) belongs to that inventory's project: the
  whole sysplex is linted, with the unsaved text of every open document of
  the project and the disk for the rest, and every open document of the
  project gets its findings from that one run (an edit of SYS1's profile
  re-publishes SYS2's);
* a document without an inventory, one that its inventory does not read,
  or one that is not a file (Zowe Explorer's ``zowe-ds:`` members, an
  ``untitled:`` buffer) is linted on its own (per-file rules only).

:meth:`Analyzer.snapshot` is cheap and takes the texts to lint; the work is
:meth:`Analyzer.analyse` (meant for one worker thread: the parse caches are
not shared between threads). The server calls the first on its event loop
and the second on its worker.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from .. import sysplex as sp
from ..diagnostics import Diagnostic
from ..engine import lint, load_builtin_rules
from ..lint_cache import LintCache
from ..model.result import ParseResult
from .convert import Converter, DocLinks, path_uri
from .project import DiskCache, Parsers, Project, load_single
from .textdoc import TextDoc

__all__ = ["Analysis", "Analyzer", "DocState", "Snapshot"]

log = logging.getLogger(__name__)

INVENTORY_FILES = ("zlint.toml", "pyproject.toml")
INVENTORY_TTL = 3.0  # seconds a "which inventory" answer is kept


@attrs.frozen
class DocState:
    """One open document as it was when a snapshot was taken."""

    uri: str
    path: str | None
    kind: str
    text: str
    version: int | None

    @property
    def name(self) -> str:
        """The path the parse results use: the file path, or the URI for non-file documents."""
        return self.path or self.uri


@attrs.frozen
class Snapshot:
    key: str
    inventory: str | None
    docs: tuple[DocState, ...]


@attrs.define
class Analysis:
    """The result of linting one snapshot."""

    snapshot: Snapshot
    sysplex: sp.Sysplex | None = None
    singles: dict[str, sp.Sysplex] = attrs.Factory(dict)
    diagnostics: dict[str, list[Diagnostic]] = attrs.Factory(dict)
    results: dict[str, ParseResult[Any]] = attrs.Factory(dict)
    internal: list[Diagnostic] = attrs.Factory(list)  # ZL001 (a rule failed), to log
    error: str | None = None
    seconds: float = 0.0

    @property
    def versions(self) -> dict[str, int | None]:
        return {d.uri: d.version for d in self.snapshot.docs}

    def doc(self, uri: str) -> DocState | None:
        for d in self.snapshot.docs:
            if d.uri == uri:
                return d
        return None

    def sysplex_of(self, uri: str) -> sp.Sysplex | None:
        """The sysplex a document was linted in (its own one-file sysplex when alone)."""
        return self.singles.get(uri) or self.sysplex

    def profiles(self) -> Iterable[tuple[str | None, Any]]:
        """(system name, TcpipProfile) of every profile this analysis read."""
        if self.sysplex is not None:
            for s in self.sysplex.systems:
                if s.profile is not None:
                    yield s.name, s.profile
        for single in self.singles.values():
            for f in single.files:
                if f.kind == "tcpip" and f.model is not None:
                    yield None, f.model


class Analyzer:
    """Open documents, projects, parse caches and the latest analysis of each project."""

    def __init__(self, codec: PositionCodec | None = None, links: DocLinks | None = None) -> None:
        self.codec = codec or PositionCodec()
        self.links = links or DocLinks()
        self.docs: dict[str, TextDoc] = {}
        self.parsers = Parsers()
        self.disk = DiskCache()
        self.projects: dict[str, Project] = {}
        self.latest: dict[str, Analysis] = {}
        self.caches: dict[str, LintCache] = {}  # findings kept per project (and per document alone)
        self.folders: list[str] = []
        self._inventory_of: dict[str, tuple[float, str | None]] = {}
        self._known_paths: dict[str, str] = {}  # files a sysplex reads (INCLUDEd members) -> kind

    # ------------------------------------------------------------ documents
    def open(self, uri: str, text: str, version: int | None, language_id: str | None) -> TextDoc | None:
        """Track a document; None when it is not a profile or parmlib member (ignored quietly)."""
        doc = TextDoc(uri, text, version, language_id, self.codec)
        if doc.kind is None and doc.path is not None:
            doc.kind = self._known_paths.get(doc.path)
        if doc.kind is None:
            self.docs.pop(uri, None)
            return None
        self.docs[uri] = doc
        return doc

    def change(self, uri: str, changes: Sequence[types.TextDocumentContentChangeEvent],
               version: int | None) -> TextDoc | None:
        doc = self.docs.get(uri)
        if doc is None:
            return None
        for c in changes:
            doc.apply(c)
        doc.version = version
        return doc

    def close(self, uri: str) -> TextDoc | None:
        return self.docs.pop(uri, None)

    def doc(self, uri: str) -> TextDoc | None:
        return self.docs.get(uri)

    # ------------------------------------------------------------ grouping
    def inventory_of(self, path: str) -> str | None:
        """The inventory for a file, found by walking up (cached per folder for a few seconds,
        so that a zlint.toml created or deleted outside the editor is noticed)."""
        folder = os.path.dirname(path)
        now = time.monotonic()
        hit = self._inventory_of.get(folder)
        if hit is not None and now - hit[0] < INVENTORY_TTL:
            return hit[1]
        found: str | None = None
        try:
            inv = sp.find_inventory(folder)
            found = str(inv) if inv is not None else None
        except sp.InventoryError as exc:
            log.warning("%s", exc)
        except OSError:
            pass
        found = found or self._folder_inventory(path)
        self._inventory_of[folder] = (now, found)
        return found

    def _folder_inventory(self, path: str) -> str | None:
        """An inventory at the root of a workspace folder that holds ``path``."""
        for folder in self.folders:
            inv = os.path.join(folder, "zlint.toml")
            if os.path.isfile(inv) and (path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)):
                return inv
        return None

    def forget_inventories(self) -> None:
        """An inventory was created, changed or deleted: find them again."""
        self._inventory_of.clear()
        for p in self.projects.values():
            p.forget()

    def key_of(self, uri: str) -> str | None:
        doc = self.docs.get(uri)
        if doc is None:
            return None
        if doc.path is not None:
            inv = self.inventory_of(doc.path)
            if inv is not None:
                return "inventory:" + inv
        return "doc:" + uri

    def keys(self) -> set[str]:
        return {k for k in (self.key_of(u) for u in list(self.docs)) if k is not None}

    def uris_of(self, key: str) -> list[str]:
        return [u for u in list(self.docs) if self.key_of(u) == key]

    def project(self, inventory: str) -> Project:
        p = self.projects.get(inventory)
        if p is None:
            p = self.projects[inventory] = Project(inventory, self.parsers, self.disk)
        return p

    # ------------------------------------------------------------ analysis
    def warm(self, inventory: str) -> None:
        """Read and parse a sysplex ahead of time (its files then come from the caches)."""
        try:
            sysplex = self.project(inventory).load({})
        except Exception:
            log.debug("warming %s failed", inventory, exc_info=True)
            return
        self._remember(sysplex)

    def _remember(self, sysplex: sp.Sysplex) -> None:
        for f in sysplex.files:
            for p in (f.path, *f.includes):
                self._known_paths.setdefault(p, f.kind)

    def snapshot(self, key: str) -> Snapshot:
        docs = []
        for uri in self.uris_of(key):
            d = self.docs[uri]
            assert d.kind is not None
            docs.append(DocState(uri, d.path, d.kind, d.text, d.version))
        inventory = key.split(":", 1)[1] if key.startswith("inventory:") else None
        return Snapshot(key, inventory, tuple(docs))

    def analyse(self, snap: Snapshot) -> Analysis:
        """Lint a snapshot (the whole sysplex for an inventory). Never raises."""
        t0 = time.perf_counter()
        load_builtin_rules()
        out = Analysis(snapshot=snap)
        by_name = {d.name: d for d in snap.docs}
        alone: list[DocState] = list(snap.docs)
        if snap.inventory is not None:
            overlay = {d.path: d.text for d in snap.docs if d.path is not None}
            try:
                sysplex = self.project(snap.inventory).load(overlay)
            except sp.InventoryError as exc:
                out.error = str(exc)
            except Exception as exc:  # a loader bug must not take the server down
                log.exception("loading %s failed", snap.inventory)
                out.error = f"{snap.inventory}: cannot be loaded ({type(exc).__name__}: {exc})"
            else:
                out.sysplex = sysplex
                paths = set(sysplex.paths)
                self._remember(sysplex)
                alone = [d for d in snap.docs if d.path not in paths]
                self._collect(out, sysplex, by_name, self._cache(snap.key))
        for d in alone:
            try:
                single = load_single(d.name, d.text, d.kind, self.parsers, self.disk, is_file=d.path is not None)
            except Exception:
                log.exception("checking %s failed", d.uri)
                continue
            out.singles[d.uri] = single
            self._collect(out, single, {d.name: d}, self._cache("doc:" + d.uri))
        for d in snap.docs:
            out.diagnostics.setdefault(d.uri, [])
            if d.uri not in out.results:
                # An INCLUDEd member open on its own: parsed alone for outline and hover.
                try:
                    if d.kind == "izuprm":
                        out.results[d.uri] = self.parsers.izuprm(d.name, d.text)
                    else:
                        out.results[d.uri] = self.parsers.tcpip(d.name, None, d.text, None)
                except Exception:
                    log.exception("parsing %s failed", d.uri)
        out.seconds = time.perf_counter() - t0
        self.latest[snap.key] = out
        return out

    def _cache(self, key: str) -> LintCache:
        c = self.caches.get(key)
        if c is None:
            c = self.caches[key] = LintCache()
        return c

    def _collect(self, out: Analysis, sysplex: sp.Sysplex, by_name: dict[str, DocState],
                 cache: LintCache | None = None) -> None:
        try:
            found = lint(sysplex, cache=cache)
        except Exception as exc:  # the engine already isolates rules; this is the last net
            log.exception("lint failed")
            found = []
            out.error = out.error or f"lint failed: {type(exc).__name__}: {exc}"
        for diag in found:
            if diag.code == "ZL001":
                out.internal.append(diag)
            d = by_name.get(diag.span.path or "")
            if d is not None:
                out.diagnostics.setdefault(d.uri, []).append(diag)
        for f in sysplex.files:
            d = by_name.get(f.path)
            if d is not None and f.result is not None:
                out.results[d.uri] = f.result

    def forget_document(self, key: str, name: str) -> None:
        """Drop what was kept for a document checked on its own, once it is closed (worker thread)."""
        if key in self.latest and not self.uris_of(key):
            del self.latest[key]
            self.caches.pop(key, None)
            self.parsers.forget(name)

    def analysis_of(self, uri: str) -> Analysis | None:
        """The latest analysis that holds ``uri`` (whatever its version)."""
        key = self.key_of(uri)
        a = self.latest.get(key) if key else None
        if a is not None and a.doc(uri) is not None:
            return a
        for a in self.latest.values():
            if a.doc(uri) is not None:
                return a
        return None

    def current(self, uri: str) -> Analysis | None:
        """The latest analysis of ``uri`` if it was made from the document's current text."""
        doc = self.docs.get(uri)
        a = self.analysis_of(uri)
        if doc is None or a is None:
            return None
        st = a.doc(uri)
        return a if st is not None and st.version == doc.version and st.text is doc.text else None

    # ------------------------------------------------------------ conversion
    def converter(self, analysis: Analysis) -> Converter:
        uris = {d.name: d.uri for d in analysis.snapshot.docs}
        for u, doc in list(self.docs.items()):  # the event loop may open or close documents meanwhile
            if doc.path is not None:
                uris.setdefault(doc.path, u)

        def uri_of(path: str | None) -> str | None:
            if path is None:
                return None
            return uris.get(path) or path_uri(path)

        return Converter(self.codec, uri_of, self.links)

    def publishable(self, analysis: Analysis) -> dict[str, tuple[int | None, list[types.Diagnostic]]]:
        """LSP diagnostics of every document of an analysis: uri -> (version, diagnostics)."""
        conv = self.converter(analysis)
        out: dict[str, tuple[int | None, list[types.Diagnostic]]] = {}
        for d in analysis.snapshot.docs:
            items: list[types.Diagnostic] = []
            for diag in analysis.diagnostics.get(d.uri, ()):
                try:
                    items.append(conv.diagnostic(diag))
                except Exception:
                    log.exception("cannot convert %s", diag.code)
            out[d.uri] = (d.version, items)
        return out

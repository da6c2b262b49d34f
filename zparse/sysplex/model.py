"""The sysplex as read: systems, their files and the lint configuration.

A :class:`Sysplex` is built by :mod:`zparse.sysplex.load` (from an
inventory, a folder or one file); :attr:`Sysplex.index` holds the facts
across systems (:mod:`zparse.sysplex.index`), computed once.

Every :class:`~zparse.source.Source` path is absolute (``os.path.abspath``,
symbolic links not resolved); :meth:`Sysplex.relpath` gives the path
relative to the sysplex root. Reporters relativise to the current folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ..diagnostics import Diagnostic
from ..model.izuprm import IzuPrm
from ..model.result import ParseResult
from ..model.tcpip import IpAddress, TcpipProfile
from ..selection import LintConfig
from ..source import Source

if TYPE_CHECKING:
    from .index import SysplexIndex

__all__ = ["FileResult", "Sysplex", "System"]


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
    ``obey`` are the OBEYFILE members (``[systems.X] obey = [...]``), parsed
    with the system's symbols, in the order they are applied on top of the
    profile (:func:`zparse.review.effective_sysplex` applies them); ``profile``
    itself is the initial profile.
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
    obey: tuple[TcpipProfile, ...] = attrs.field(default=(), eq=False, repr=False)
    obey_paths: tuple[str, ...] = ()

    @property
    def files(self) -> tuple[str, ...]:
        """Every file of this system: profile, INCLUDEd members, IZUPRMxx members, OBEYFILE members."""
        head = (self.tcpip_path,) if self.tcpip_path else ()
        return (*head, *self.include_paths, *self.izuprm_paths, *self.obey_paths)


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
    # Facts derived once (the models' one cache idiom: a private dict, outside equality).
    _cache: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)

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
        """The cross-system index (:class:`~zparse.sysplex.index.SysplexIndex`), computed once."""
        hit: SysplexIndex | None = self._cache.get("index")
        if hit is None:
            from .index import SysplexIndex

            hit = self._cache["index"] = SysplexIndex.build(self)
        return hit

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

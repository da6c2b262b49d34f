"""The cross-system facts a sysplex rule may declare that it reads.

The language server re-runs a sysplex rule only when a fact it reads
changed (:mod:`zparse.lint_cache`). A rule declares its facts with
``@rule(CODE, reads=...)``; the names are those of :data:`FACTS`:

* ``vipa``: each profile's VIPADYNAMIC statements (as parsed: the lost ones
  and VIPADELETEs included);
* ``xcf``: each profile's IPCONFIG, IPCONFIG6 (DYNAMICXCF) and GLOBALCONFIG
  (XCFGRPID);
* ``addresses``: each profile's HOME and INTERFACE statements (the static
  addresses of the index);
* ``unparsed``: each profile's statements that did not parse (the addresses
  they name are uncertain);
* ``zosmf``: each system's IZUPRMxx members and their merge.

Every key also holds what any sysplex rule may see of the sysplex itself:
its mode, DNS map and lint configuration, the systems with their paths and
symbols, and each file's kind, system and status (unreadable profiles make
the index blind). A rule that declares nothing reads everything: its key
holds every model whole. Facts compare by value (the models' positions do
not take part), so an edit that moves statements but changes no fact keeps
the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Sysplex, System

__all__ = ["CROSS_SYSTEM", "FACTS", "facts_key"]

FACTS = ("vipa", "xcf", "addresses", "unparsed", "zosmf")
CROSS_SYSTEM = frozenset(FACTS)


def _system(s: System, reads: frozenset[str] | None) -> tuple[Any, ...]:
    head = (s.name, s.tcpip_path, s.tcpip_status, s.izuprm_paths, s.include_paths, s.folder,
            tuple(sorted(s.symbols.items())))
    if reads is None:
        return (*head, s.profile, s.izuprm, s.izuprm_members)
    p = s.profile
    out: list[Any] = list(head)
    if p is None:
        out.append(None)
    else:
        if "vipa" in reads:
            out.append(p.vipa)
        if "xcf" in reads:
            out.append((p.ipconfig, p.ipconfig6, p.global_config))
        if "addresses" in reads:
            out.append((p.home, p.interfaces))
        if "unparsed" in reads:
            out.append(p.unparsed)
    if "zosmf" in reads:
        out.append((s.izuprm, s.izuprm_members))
    return tuple(out)


def facts_key(sysplex: Sysplex, reads: Iterable[str] | None) -> tuple[Any, ...]:
    """A value that changes whenever one of the facts ``reads`` (None: every
    fact, every model) changes in ``sysplex``; compare with ``==``."""
    which = frozenset(reads) if reads is not None else None
    if which is not None and not which <= CROSS_SYSTEM:
        raise ValueError(f"unknown facts: {', '.join(sorted(which - CROSS_SYSTEM))}")
    files = tuple((f.path, f.kind, f.system, f.status, f.includes, f.standalone) for f in sysplex.files)
    return (sysplex.mode, tuple(sorted(sysplex.dns.items())), sysplex.config, files,
            tuple(_system(s, which) for s in sysplex.systems))

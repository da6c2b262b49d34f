"""The sysplex: systems read together, the facts across them, failover.

Rooms:

* :mod:`~zparse.sysplex.model` -- :class:`Sysplex`, :class:`System`,
  :class:`FileResult`: what was read;
* :mod:`~zparse.sysplex.load` -- :class:`Loader` and :func:`load_sysplex`:
  the one path from files to a :class:`Sysplex` (library, CLI and language
  server alike);
* :mod:`~zparse.sysplex.index` -- :class:`SysplexIndex`: who defines, backs
  up and distributes each DVIPA, XCF and static addresses, z/OSMF servers;
* :mod:`~zparse.sysplex.failover` -- :func:`simulate_failover`.

Reading the inventory and the member files is :mod:`zparse.workspace`'s job;
the names most callers need are re-exported here.
"""

from __future__ import annotations

from ..selection import LintConfig
from ..workspace.config import InventoryError, find_inventory
from ..workspace.discover import recognise
from .failover import (
    Consequence,
    DvipaState,
    FailoverCase,
    ServiceState,
    consequences,
    simulate_failover,
)
from .index import (
    Distributor,
    DvipaBackup,
    DvipaDefinition,
    SysplexIndex,
    Target,
    XcfAddress,
    ZosmfServer,
    ZosmfService,
)
from .load import ColdParsers, Loader, Parsers, load_sysplex
from .model import FileResult, Sysplex, System

__all__ = [
    "ColdParsers",
    "Consequence",
    "Distributor",
    "DvipaBackup",
    "DvipaDefinition",
    "DvipaState",
    "FailoverCase",
    "FileResult",
    "InventoryError",
    "LintConfig",
    "Loader",
    "Parsers",
    "ServiceState",
    "Sysplex",
    "SysplexIndex",
    "System",
    "Target",
    "XcfAddress",
    "ZosmfServer",
    "ZosmfService",
    "consequences",
    "find_inventory",
    "load_sysplex",
    "recognise",
    "simulate_failover",
]

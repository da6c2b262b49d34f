"""The workspace: everything zlint reads from the file system, and nothing else.

* :mod:`~zparse.workspace.config` -- the inventory (``zlint.toml``) schema
  and :func:`find_inventory`;
* :mod:`~zparse.workspace.discover` -- what kind of file is this
  (:func:`kind_of`), for discovery, the CLI and the language server;
* :mod:`~zparse.workspace.files` -- :class:`Files`, the one safe reader
  (inside the inventory's folder, encoding as a parameter);
* :mod:`~zparse.workspace.includes` -- INCLUDE data-set names to member files.

The sysplex loader (:mod:`zparse.sysplex.load`) reads through these; no other
module of the library opens a member file.
"""

from __future__ import annotations

from .config import (
           INVENTORY_NAMES,
           Inventory,
           InventoryError,
           SystemSpec,
           UntrustedInventory,
           find_inventory,
           read_inventory,
)
from .discover import kind_of, recognise, sniff
from .files import MAX_FILE_SIZE, Files, Refused, Unreadable, read_regular
from .includes import IncludeResolver

__all__ = ["INVENTORY_NAMES", "MAX_FILE_SIZE", "Files", "IncludeResolver", "Inventory", "InventoryError",
           "Refused", "SystemSpec", "Unreadable", "UntrustedInventory", "find_inventory", "kind_of",
           "read_inventory", "read_regular", "recognise", "sniff"]

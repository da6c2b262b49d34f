"""Change review: what a change does to each system of a sysplex and to failover.

``zparse.diff(before, after)`` compares two :class:`~zparse.sysplex.Sysplex`
objects and returns a :class:`SysplexDiff` with three parts: findings (new,
fixed, unchanged), effective configuration changes in z/OS terms, and the
failover simulation before and after. ``zlint diff`` renders it as text,
Markdown, GitHub annotations or JSON (:mod:`zparse.diff.render`); see
docs/diff.md.
"""

from __future__ import annotations

import sys
import types

from ..sysplex import Sysplex
from .core import (
    CaseDiff,
    Change,
    DvipaChange,
    Finding,
    FindingsDiff,
    ServiceChange,
    ServiceView,
    SysplexDiff,
    SystemDiff,
    diff,
)
from .obey import ObeyNote, apply_obey, effective_sysplex

__all__ = [
    "CaseDiff", "Change", "DvipaChange", "Finding", "FindingsDiff", "ObeyNote", "ServiceChange",
    "ServiceView", "SysplexDiff", "SystemDiff", "apply_obey", "diff", "effective_sysplex",
]


class _CallablePackage(types.ModuleType):
    """``zparse.diff`` is both this package and the function ``zparse.diff(before,
    after)``: importing a submodule binds the package to the name ``diff`` in
    ``zparse``, over the function, so the package itself answers the call."""

    def __call__(self, before: Sysplex, after: Sysplex) -> SysplexDiff:
        return diff(before, after)


sys.modules[__name__].__class__ = _CallablePackage

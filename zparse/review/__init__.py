"""Change review: what a change does to each system of a sysplex and to failover.

``zparse.diff(before, after)`` compares two :class:`~zparse.sysplex.Sysplex`
objects and returns a :class:`SysplexDiff` with three parts: findings (new,
fixed, unchanged), effective configuration changes in z/OS terms, and the
failover simulation before and after. ``zlint diff`` renders it as text,
Markdown, GitHub annotations or JSON (:mod:`zparse.review.render`); see
docs/diff.md.
"""

from __future__ import annotations

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


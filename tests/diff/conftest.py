"""Helpers of the ``zlint diff`` tests: the case folders and a projection of
a diff that leaves out the wording of rule messages (which other rules'
authors may improve) but keeps every fact the diff itself decides."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from zparse.review import SysplexDiff

CASES = Path(__file__).parent / "cases"
REPO = Path(__file__).resolve().parents[2]


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "before").is_dir() and (p / "after").is_dir())


def project(d: SysplexDiff) -> dict[str, Any]:
    """The diff as plain data: findings by code/system/place, changes, changed failover rows, notes."""
    def finding(f: Any) -> list[Any]:
        return [f.code, f.severity.value, f.system, f.path, f.line]

    return {
        "name": d.name,
        "path": d.path,
        "systems": {"before": list(d.systems_before), "after": list(d.systems_after)},
        "findings": {"new": [finding(f) for f in d.findings.new],
                     "fixed": [finding(f) for f in d.findings.fixed],
                     "unchanged": len(d.findings.unchanged)},
        "changes": [{"system": c.system, "kind": c.kind, "key": c.key, "change": c.change,
                     "before": dict(c.before) if c.before is not None else None,
                     "after": dict(c.after) if c.after is not None else None,
                     "path": c.path, "line": c.line} for c in d.changes],
        "failover": [[s.lost, s.service, s.status,
                      list(s.before.targets) if s.before else None,
                      list(s.after.targets) if s.after else None]
                     for case in d.failover for s in case.changed],
        "owners": [[o.lost, o.dvipa, o.before, o.after] for case in d.failover for o in case.dvipas],
        "obey": [[n.system, n.statement, n.path, n.line, n.reason] for n in d.obey],
    }


def update_wanted() -> bool:
    """ZLINT_UPDATE_DIFF_CASES=1 rewrites the expected files (then review them with git diff)."""
    return os.environ.get("ZLINT_UPDATE_DIFF_CASES") == "1"

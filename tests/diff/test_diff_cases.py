"""Data-driven ``zlint diff`` cases: ``cases/NAME/before`` and ``after`` are
two states of one sysplex, ``cases/NAME/expected.json`` what the diff says
(see conftest.project). Each case is also checked with its sides swapped."""

from __future__ import annotations

import json

import pytest

from zparse.review import SysplexDiff
from zparse.review.sources import compare_folders

from .conftest import CASES, case_names, project, update_wanted

_SWAP = {"added": "removed", "removed": "added", "changed": "changed"}
_SWAP_STATUS = {"dark": "restored", "restored": "dark", "added": "removed", "removed": "added"}


def _one(before: str, after: str) -> SysplexDiff:
    diffs = compare_folders(before, after)
    assert len(diffs) == 1
    return diffs[0]


@pytest.mark.parametrize("name", case_names())
def test_case(name: str) -> None:
    d = _one(str(CASES / name / "before"), str(CASES / name / "after"))
    got = project(d)
    expected_file = CASES / name / "expected.json"
    if update_wanted() or not expected_file.exists():
        expected_file.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if not update_wanted():
            pytest.fail(f"{expected_file} was missing: written, review it")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", case_names())
def test_case_swapped(name: str) -> None:
    """diff(after, before) has the additions as removals, new findings as fixed ones."""
    fwd = _one(str(CASES / name / "before"), str(CASES / name / "after"))
    back = _one(str(CASES / name / "after"), str(CASES / name / "before"))
    assert [(c.system, c.kind, c.key, _SWAP[c.change], c.after, c.before) for c in fwd.changes] == \
           [(c.system, c.kind, c.key, c.change, c.before, c.after) for c in back.changes]
    assert {(f.code, f.system, f.fingerprint) for f in fwd.findings.new} == \
           {(f.code, f.system, f.fingerprint) for f in back.findings.fixed}
    assert {(f.code, f.system, f.fingerprint) for f in fwd.findings.fixed} == \
           {(f.code, f.system, f.fingerprint) for f in back.findings.new}
    rows = {(s.lost, s.service, _SWAP_STATUS.get(s.status, s.status)) for c in fwd.failover for s in c.changed}
    assert rows == {(s.lost, s.service, s.status) for c in back.failover for s in c.changed}


def test_reorder_only_is_no_change() -> None:
    d = _one(str(CASES / "reorder-only" / "before"), str(CASES / "reorder-only" / "after"))
    assert d.empty
    assert not d.changes and not d.findings.new and not d.findings.fixed


def test_obey_notes_say_what_an_obeyfile_cannot_change() -> None:
    d = _one(str(CASES / "obeyfile-delete" / "before"), str(CASES / "obeyfile-delete" / "after"))
    said = {n.statement.split()[0] for n in d.obey}
    assert {"GLOBALCONFIG", "IPCONFIG", "VIPADEFINE", "DELETE"} <= said
    removed = {(c.system, c.kind, c.key) for c in d.changes if c.change == "removed"}
    assert ("SYS2", "PORT", "8080 TCP WEBSRV") in removed
    assert ("SYS2", "VIPADEFINE", "198.51.100.40") in removed

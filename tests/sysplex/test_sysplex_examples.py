"""The shipped examples: zosmf-ha is clean, zosmf-ha-broken gives what its README lists."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from plexkit import loud, rel

import zparse

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_zosmf_ha_has_no_error_and_no_warning() -> None:
    sp = zparse.load_sysplex(str(EXAMPLES / "zosmf-ha"))
    assert sp.mode == "inventory" and [s.name for s in sp.systems] == ["SYS1", "SYS2"]
    assert all(f.status == "clean" for f in sp.files)
    assert sp.index.zosmf_ha and [z.system for z in sp.index.zosmf_ha_servers] == ["SYS1", "SYS2"]
    assert loud(zparse.lint(sp)) == []


def _readme_table() -> Counter[tuple[str, str, str]]:
    text = (EXAMPLES / "zosmf-ha-broken" / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-Z]+[0-9]+) \| (error|warning|info) \| ([^ |]+:[0-9]+) \|", text, re.M)
    assert rows, "the README lists the expected findings in a table"
    return Counter(rows)


def test_zosmf_ha_broken_matches_its_readme() -> None:
    root = EXAMPLES / "zosmf-ha-broken"
    diags = zparse.lint(zparse.load_sysplex(str(root)))
    got = Counter((d.code, d.severity.value, f"{rel(root, d)}:{d.span.start_line_col()[0]}") for d in diags)
    assert got == _readme_table()


def test_zosmf_ha_broken_typo_has_a_suggestion() -> None:
    root = EXAMPLES / "zosmf-ha-broken"
    ha301 = [d for d in zparse.lint(zparse.load_sysplex(str(root))) if d.code == "HA301"]
    assert len(ha301) == 1 and ha301[0].help == "did you mean 192.0.2.2?"
    assert ha301[0].fix is not None and not ha301[0].fix.safe
    assert [e.replacement for e in ha301[0].fix.edits] == ["192.0.2.2"]
    assert [e.span.text for e in ha301[0].fix.edits] == ["192.0.2.12"]
    related = sorted(r.message for r in ha301[0].related)
    assert related == ["SYS1 DYNAMICXCF 192.0.2.1", "SYS2 DYNAMICXCF 192.0.2.2"]

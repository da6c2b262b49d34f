"""Golden outputs for the example sysplexes, reviewed as diffs.

Regenerate after an intended change with

    ZLINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/cli/test_cli_golden.py

and read ``git diff tests/cli/golden`` before committing. The commands run
from the repository root, so paths in the outputs read ``examples/...``.
"""

from __future__ import annotations

import json

import pytest

from zparse.cli import main

from .conftest import REPO, example
from .sarif_check import validate

CASES = [
    # (golden file, example, argv after the example path, expected exit code)
    ("zosmf-ha-broken.check.txt", "zosmf-ha-broken", ["check"], 1),
    ("zosmf-ha-broken.check.json", "zosmf-ha-broken", ["check", "--format", "json"], 1),
    ("zosmf-ha-broken.check.sarif", "zosmf-ha-broken", ["check", "--format", "sarif"], 1),
    ("zosmf-ha-broken.check.github", "zosmf-ha-broken", ["check", "--format", "github"], 1),
    ("zosmf-ha-broken.statistics.txt", "zosmf-ha-broken", ["check", "--statistics"], 1),
    ("zosmf-ha-broken.report.md", "zosmf-ha-broken", ["report", "--format", "markdown"], 0),
    ("zosmf-ha-broken.report.txt", "zosmf-ha-broken", ["report"], 0),
    ("zosmf-ha.check.txt", "zosmf-ha", ["check"], 0),
    ("zosmf-ha.report.md", "zosmf-ha", ["report", "--format", "markdown"], 0),
]


@pytest.mark.parametrize(("name", "plex", "argv", "exit_code"), CASES, ids=[c[0] for c in CASES])
def test_golden(capsys, monkeypatch, golden, name, plex, argv, exit_code):
    path = example(plex)
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("NO_COLOR", raising=False)
    command, *rest = argv
    code = main([command, str(path.relative_to(REPO)), *rest])
    out, err = capsys.readouterr()
    assert err == ""
    assert code == exit_code
    if name.endswith(".sarif"):
        assert validate(json.loads(out)) == []
    if name.endswith(".json"):
        doc = json.loads(out)
        assert doc["version"] == 1 and doc["summary"]["systems"] >= 2
    golden(name, out)


def test_broken_example_is_really_broken_and_clean_one_clean(capsys, monkeypatch):
    """The examples behave as the README says: the recipe passes, the broken copy fails."""
    clean, broken = example("zosmf-ha"), example("zosmf-ha-broken")
    monkeypatch.chdir(REPO)
    assert main(["check", str(clean), "--fail-on", "warning", "-q"]) == 0
    assert main(["check", str(broken), "-q", "--no-source"]) == 1
    out = capsys.readouterr().out
    assert any(line.split(": ", 1)[1].startswith("HA") for line in out.splitlines())


def test_fix_on_the_broken_example_changes_one_value(capsys, monkeypatch, broken_copy):
    monkeypatch.chdir(broken_copy)
    before = {p: p.read_bytes() for p in broken_copy.rglob("*") if p.is_file()}
    assert main(["check", "--fix", "--no-source"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Fixed 1 finding in 1 file.\n")
    after = {p: p.read_bytes() for p in broken_copy.rglob("*") if p.is_file()}
    changed = [p for p in before if before[p] != after[p]]
    assert [p.relative_to(broken_copy).as_posix() for p in changed] == ["SYS2/IZUPRM0B"]
    [p] = changed
    assert after[p] == before[p].replace(b"KEYRING_NAME(IZUKeyring.IZUDFLT)", b"KEYRING_NAME('IZUKeyring.IZUDFLT')")
    assert "IZU204" not in out and "HA325" not in out  # quoting keeps the case: the keyrings agree now
    assert main(["check", "--fix", "--no-source"]) == 1
    assert {p: p.read_bytes() for p in broken_copy.rglob("*") if p.is_file()} == after

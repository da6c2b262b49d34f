"""Executable rule documentation, through the whole engine.

Every registered rule's docstring has the headings in order (one-line
summary, What it does, Why is this bad?, Example, Use instead, References;
others such as Known limitations may sit between). Its fenced examples are
written into a temporary sysplex (``casefile.doc_files``): the Example must
make the code fire, and the "Use instead" setup (the Example with the
blocks Use instead shows replaced) must not. For the HA rules "Use instead"
must also be free of any error or warning, whatever the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casefile import Block, combine, doc_blocks, doc_files, doc_sections, lint_folder, write_files

from zparse.codes import Severity
from zparse.diagnostics import Diagnostic
from zparse.engine import Rule, load_builtin_rules

HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "References")
RULES = load_builtin_rules()


def _lint_blocks(blocks: list[Block], root: Path) -> list[Diagnostic]:
    made = doc_files(blocks)
    assert made is not None
    files, target = made
    write_files(root, files)
    return lint_folder(root, root / target if target else None)


@pytest.mark.parametrize("code", sorted(RULES))
def test_doc_headings_in_order(code: str) -> None:
    rule: Rule = RULES[code]
    summary, sections = doc_sections(rule.doc)
    assert summary and "\n" not in summary, f"{code}: the doc starts with a one-line summary"
    names = [n for n, _ in sections]
    missing = [h for h in HEADINGS if h not in names]
    assert not missing, f"{code}: missing headings {missing}"
    positions = [names.index(h) for h in HEADINGS]
    assert positions == sorted(positions), f"{code}: headings out of order: {names}"


def _documented_examples() -> list[str]:
    out = []
    for code, rule in sorted(RULES.items()):
        sections = dict(doc_sections(rule.doc)[1])
        if doc_files(doc_blocks(sections.get("Example", ""))) is not None:
            out.append(code)
    return out


@pytest.mark.parametrize("code", _documented_examples())
def test_doc_example_fires_and_use_instead_is_quiet(code: str, tmp_path: Path) -> None:
    rule = RULES[code]
    sections = dict(doc_sections(rule.doc)[1])
    example = doc_blocks(sections["Example"])
    instead = combine(example, doc_blocks(sections["Use instead"]))
    fired = _lint_blocks(example, tmp_path / "example")
    assert code in {d.code for d in fired}, (
        f"{code}: the Example does not fire it: {[(d.code, d.message) for d in fired]}")
    quiet = _lint_blocks(instead, tmp_path / "instead")
    assert code not in {d.code for d in quiet}, (
        f"{code}: 'Use instead' still fires it: {[d.message for d in quiet if d.code == code]}")
    if code.startswith("HA"):
        loud = [(d.code, d.message) for d in quiet if d.severity is not Severity.INFO]
        assert not loud, f"{code}: 'Use instead' is not clean: {loud}"


def test_every_ha_rule_has_a_multi_system_example() -> None:
    for code, rule in RULES.items():
        if not code.startswith("HA"):
            continue
        blocks = doc_blocks(dict(doc_sections(rule.doc)[1])["Example"])
        systems = {b.system for b in blocks if b.lang in ("tcpip", "izuprm")}
        assert None not in systems and len(systems) >= 2, f"{code}: Example needs system= blocks"

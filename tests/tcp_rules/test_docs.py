"""Executable rule documentation for TCP101-TCP112 and the SYN/ZL001 doc modules.

Every module under rules/tcpip and rules/syntax registers one code; its
docstring has the fixed headings in order, its "Example" makes exactly that
code fire and its "Use instead" is clean. TCP examples are parsed with
``zparse.parse`` and run through every TCP1xx check (so an example cannot
fire a neighbour by accident); SYN examples are judged by the parser's own
diagnostics. Blocks tagged ``text`` are prose (they need an inventory or
bytes a docstring cannot hold) and are skipped.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import zparse
from zparse.codes import CODES
from zparse.engine import Rule, load_builtin_rules

RULES = Path(__file__).resolve().parents[2] / "rules"
FAMILIES = ("tcpip", "syntax")
HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "References")
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)


def _modules() -> list[str]:
    load_builtin_rules()
    out = []
    for family in FAMILIES:
        for f in sorted((RULES / family).glob("*.py")):
            if not f.name.startswith("_"):
                out.append(f"zparse.rules.{family}.{f.stem}")
    return out


MODULES = _modules()


def _rule_of(module: str) -> Rule:
    importlib.import_module(module)
    found = [r for r in load_builtin_rules().values() if r.module == module]
    assert len(found) == 1, f"{module} must register exactly one code, got {[r.code for r in found]}"
    return found[0]


def _sections(doc: str) -> tuple[str, list[tuple[str, str]]]:
    parts = re.split(r"^## (.+)$", doc, flags=re.M)
    summary = parts[0].strip()
    return summary, [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def _blocks(body: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(body)]


def _tcp_codes(text: str) -> tuple[set[str], set[str]]:
    """(codes of parse diagnostics, codes of TCP1xx findings) for one profile."""
    result = zparse.parse(text, "tcpip")
    fired = set()
    for r in load_builtin_rules().values():
        if r.code.startswith("TCP") and r.check is not None:
            if list(r.check(result.model)):
                fired.add(r.code)
    return {d.code for d in result.diagnostics}, fired


def test_every_family_module_is_found() -> None:
    codes = {_rule_of(m).code for m in MODULES}
    wanted = {c for c in CODES if c.startswith(("TCP", "SYN")) or c == "ZL001"}
    assert codes == wanted


@pytest.mark.parametrize("module", MODULES)
def test_doc_headings_in_order(module: str) -> None:
    rule = _rule_of(module)
    summary, sections = _sections(rule.doc)
    assert summary and "\n" not in summary, "the doc starts with a one-line summary"
    names = [name for name, _ in sections]
    positions = [names.index(h) if h in names else -1 for h in HEADINGS]
    assert -1 not in positions, f"{rule.code}: missing headings {[h for h, p in zip(HEADINGS, positions) if p < 0]}"
    assert positions == sorted(positions), f"{rule.code}: headings out of order: {names}"
    refs = dict(sections)["References"]
    assert "z/OS" in refs or "zlint" in refs, f"{rule.code}: References should cite the IBM manual"


@pytest.mark.parametrize("module", MODULES)
def test_doc_example_fires_and_use_instead_is_clean(module: str) -> None:
    rule = _rule_of(module)
    sections = dict(_sections(rule.doc)[1])
    example = _blocks(sections["Example"])
    instead = _blocks(sections["Use instead"])
    assert example and instead, f"{rule.code}: Example and Use instead need a fenced block"
    checked = 0
    for lang, text in example:
        if lang == "tcpip" and rule.code.startswith("TCP"):
            parse_codes, fired = _tcp_codes(text)
            assert parse_codes == set(), f"{rule.code} example does not parse cleanly: {parse_codes}"
            assert fired == {rule.code}, f"{rule.code} example fires {fired}"
            checked += 1
        elif lang in ("tcpip", "izuprm"):
            result = zparse.parse(text, lang)
            assert {d.code for d in result.diagnostics} == {rule.code}, (
                f"{rule.code} example gives {[(d.code, d.message) for d in result.diagnostics]}")
            checked += 1
        else:
            assert lang == "text", f"{rule.code}: unknown fence tag {lang!r}"
    for lang, text in instead:
        if lang in ("tcpip", "izuprm"):
            result = zparse.parse(text, lang)
            assert result.diagnostics == (), (
                f"{rule.code} 'Use instead' gives {[(d.code, d.message) for d in result.diagnostics]}")
            if lang == "tcpip":
                assert _tcp_codes(text)[1] == set(), f"{rule.code} 'Use instead' fires TCP rules"
            checked += 1
        else:
            assert lang == "text", f"{rule.code}: unknown fence tag {lang!r}"
    if rule.code.startswith("TCP"):
        assert checked >= 2, f"{rule.code}: a TCP rule needs a tcpip Example and Use instead"

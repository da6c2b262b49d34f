"""Each rules/izuprm module documents its code; its Example fires it and Use instead is quiet."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from zparse.engine import load_builtin_rules
from zparse.model.izuprm import Override, member_overrides, parse_izuprm

RULES = Path(__file__).resolve().parents[2] / "rules" / "izuprm"
MODULES = {
    "IZU201": "izu201_unknown_statement.py",
    "IZU202": "izu202_invalid_value.py",
    "IZU203": "izu203_repeated_statement.py",
    "IZU204": "izu204_unquoted_mixed_case_value.py",
    "IZU205": "izu205_members_disagree.py",
}
HEADINGS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"]
FENCE = re.compile(r"^```izuprm([^\n]*)\n(.*?)^```", re.M | re.S)


def doc(code: str) -> str:
    tree = ast.parse((RULES / MODULES[code]).read_text(encoding="utf-8"))
    text = ast.get_docstring(tree)
    assert text, f"{MODULES[code]} has no docstring"
    return text


def section(text: str, heading: str) -> str:
    start = text.index(heading) + len(heading)
    nxt = text.find("\n## ", start)
    return text[start : nxt if nxt >= 0 else len(text)]


def blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group(1).strip(), m.group(2)) for m in FENCE.finditer(text)]


@pytest.mark.parametrize("code", sorted(MODULES))
def test_doc_has_the_headings_in_order(code: str) -> None:
    text = doc(code)
    first = text.splitlines()[0]
    assert first and not first.startswith("#")
    positions = [text.find("\n" + h + "\n") for h in HEADINGS]
    assert all(p > 0 for p in positions), positions
    assert positions == sorted(positions)
    assert "unverified" in section(text, "## References")


@pytest.mark.parametrize("code", ["IZU201", "IZU202", "IZU203", "IZU204"])
def test_example_fires_and_use_instead_is_quiet(code: str) -> None:
    text = doc(code)
    [(info, example)] = blocks(section(text, "## Example"))
    [(_, fixed)] = blocks(section(text, "## Use instead"))
    assert info == ""
    got = parse_izuprm(example, path="IZUPRM00")
    assert code in {d.code for d in got.diagnostics}
    assert parse_izuprm(fixed, path="IZUPRM00").diagnostics == ()


def _overrides(pairs: list[tuple[str, str]]) -> tuple[Override, ...]:
    results = []
    for info, body in pairs:
        assert info.startswith("member=")
        results.append(parse_izuprm(body, path=info.removeprefix("member=")))
    for r in results:
        assert r.diagnostics == ()
    return member_overrides([r.model for r in results])


def test_izu205_example_fires_and_use_instead_is_quiet() -> None:
    text = doc("IZU205")
    example = blocks(section(text, "## Example"))
    fixed = blocks(section(text, "## Use instead"))
    assert [i for i, _ in example] == ["member=IZUPRM00", "member=IZUPRM01"]
    assert [i for i, _ in fixed] == ["member=IZUPRM00", "member=IZUPRM01"]
    assert _overrides(example)  # one system reads both members: IZU205 (tests/rules runs it)
    assert _overrides(fixed) == ()


def test_engine_registers_the_izuprm_docs() -> None:
    registry = load_builtin_rules()
    for code, module in MODULES.items():
        rule = registry[code]
        assert rule.module.endswith(module.removesuffix(".py"))
        assert rule.doc.startswith(doc(code).splitlines()[0])
        assert (rule.check is None) is (code != "IZU205")  # IZU205 needs the sysplex: a rule

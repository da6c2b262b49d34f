"""Executable rule documentation, through the whole engine.

Every module under rules/ registers one code, and every code has its
module. Every registered rule's docstring has the headings in order
(one-line summary, What it does, Why is this bad?, Example, Use instead,
References, which cite the IBM manual; others such as Known limitations may
sit between). Example and Use instead hold fenced blocks (``tcpip``,
``izuprm``, ``toml``, or ``text`` for prose never linted), which are written
into a temporary sysplex (``casefile.doc_files``): the Example must make the
code fire, and the "Use instead" setup (the Example with the blocks Use
instead shows replaced) must not. For the HA rules "Use instead" must also
be free of any error or warning, whatever the code. An example checked on
its own (one file, the usual form for TCP, SYN and IZU docs) must fire its
code and nothing else, and its "Use instead" nothing at all; the "Use
instead" files of any other non-HA rule give no finding but the sysplex's
own (HA). Every TCP rule has a profile example; the IZUPRMxx codes
are the parser's (no check) and their docs say which references are
unverified.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from casefile import Block, combine, doc_blocks, doc_files, doc_sections, lint_folder, write_files

from zparse.codes import CODES, Severity
from zparse.diagnostics import Diagnostic
from zparse.engine import Rule, load_builtin_rules

HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "References")
RULES = load_builtin_rules()
RULE_FILES = Path(__file__).resolve().parents[2] / "rules"
LANGS = ("tcpip", "izuprm", "toml", "text")


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
    refs = dict(sections)["References"]
    assert "z/OS" in refs or "zlint" in refs, f"{code}: References should cite the IBM manual"
    for heading in ("Example", "Use instead"):
        blocks = doc_blocks(dict(sections)[heading])
        assert blocks, f"{code}: {heading} needs a fenced block"
        assert {b.lang for b in blocks} <= set(LANGS), f"{code}: fence tags {[b.lang for b in blocks]}"


def _rule_modules() -> list[str]:
    """The rule modules: every rules/**/*.py not named _*.py."""
    return sorted("zparse.rules." + ".".join(f.relative_to(RULE_FILES).with_suffix("").parts)
                  for f in RULE_FILES.rglob("*.py") if not f.name.startswith("_"))


def test_every_rule_module_registers_one_code_and_every_code_has_one() -> None:
    modules = _rule_modules()
    assert modules, f"no rule module under {RULE_FILES}"
    per_module = Counter(r.module for r in RULES.values())
    assert {m: per_module[m] for m in modules} == dict.fromkeys(modules, 1)
    assert set(per_module) == set(modules), "a rule registered outside rules/"
    assert set(RULES) == set(CODES)


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
    made = doc_files(example)
    assert made is not None
    if made[1] is not None:  # one file checked on its own: nothing but the code
        assert {d.code for d in fired} == {code}, f"{code}: the Example gives {[(d.code, d.message) for d in fired]}"
    if not code.startswith("HA"):  # a per-file or per-system code: its files say nothing
        said = [(d.code, d.message) for d in quiet if made[1] is not None or not d.code.startswith("HA")]
        assert not said, f"{code}: 'Use instead' gives {said}"


def test_every_tcp_rule_has_a_profile_example_and_use_instead() -> None:
    documented = set(_documented_examples())
    for code, rule in RULES.items():
        if code.startswith("TCP"):
            sections = dict(doc_sections(rule.doc)[1])
            assert code in documented, f"{code}: the Example needs a tcpip block"
            assert any(b.lang == "tcpip" for b in doc_blocks(sections["Use instead"])), (
                f"{code}: Use instead needs a tcpip block")


def test_every_ha_rule_has_a_multi_system_example() -> None:
    for code, rule in RULES.items():
        if not code.startswith("HA"):
            continue
        blocks = doc_blocks(dict(doc_sections(rule.doc)[1])["Example"])
        systems = {b.system for b in blocks if b.lang in ("tcpip", "izuprm")}
        assert None not in systems and len(systems) >= 2, f"{code}: Example needs system= blocks"


def test_izuprm_codes_are_the_parsers_and_their_docs_say_what_is_unverified() -> None:
    izu = sorted(c for c in RULES if c.startswith("IZU"))
    assert izu
    for code in izu:
        # IZU205 needs to know which systems read each member: a sysplex rule.
        want_check = code == "IZU205"
        assert (RULES[code].check is not None) is want_check, f"{code}: who reports it changed"
        assert "unverified" in dict(doc_sections(RULES[code].doc)[1])["References"], code

"""The grammar file, its terminals and how it is found."""

from __future__ import annotations

import re
from pathlib import Path

import zparse
from zparse.syntax import izuprm as syntax
from zparse.syntax.grammar import grammar_path


def test_grammar_is_found_in_the_checkout() -> None:
    path = grammar_path("izuprm.lark")
    assert path.is_file()
    assert path.name == "izuprm.lark"
    installed = Path(zparse.__file__).resolve().parent / "grammars" / "izuprm.lark"
    assert path == installed if installed.is_file() else path.parent.name == "grammars"


def test_declared_keywords_match_the_keyword_table() -> None:
    text = grammar_path("izuprm.lark").read_text(encoding="utf-8")
    declared = {w for line in re.findall(r"^%declare (.*)$", text, re.M) for w in line.split()}
    keywords = {w for w in declared if w.startswith("K_")}
    assert keywords == {f"K_{k}" for k in syntax.STATEMENTS} | {f"K_{k}" for k in syntax.SUBKEYWORDS}
    assert declared - keywords == {"NAME", "WORD", "QUOTED", "_LPAR", "_RPAR", "COMMA"}


def test_every_statement_has_a_grammar_rule() -> None:
    lark = syntax.izuprm_grammar()
    rules = {str(r.origin.name) for r in lark.rules}
    for keyword in syntax.STATEMENTS:
        assert keyword.lower() in rules
    assert "unknown_statement" in rules


def test_statement_nodes_carry_the_lark_tree_and_keyword() -> None:
    from zparse.source import Source

    result = syntax.parse_izuprm_syntax(Source("WLM_CLASSES DEFAULT(A), LONG_WORK(B)\n"))
    [node] = result.statements
    assert node.kind == "statement" and node.keyword == "WLM_CLASSES"
    assert node.tree.data == "wlm_classes"
    assert [t.type for t in node.significant()][:3] == ["K_WLM_CLASSES", "K_DEFAULT", "_LPAR"]

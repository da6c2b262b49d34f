"""The laws on generated inputs (Hypothesis; size set by HYPOTHESIS_PROFILE:
``ci`` is small and derandomized). Long runs live under fuzz/ (``make fuzz``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz import gen, laws, mutate
from fuzz.corpus_io import SYSPLEX_SEPARATOR, split_sysplex_case

KINDS = laws.KINDS


@given(gen.tcpip_profiles())
def test_grammar_generated_profiles(text: str) -> None:
    laws.check_all(text, "tcpip")


@given(gen.izuprm_documents())
def test_grammar_generated_izuprm(text: str) -> None:
    laws.check_all(text, "izuprm")


@given(mutate.mutated(KINDS))
def test_mutated_real_inputs(case: tuple[str, str]) -> None:
    kind, text = case
    laws.check_all(text, kind)


@settings(max_examples=10)
@given(mutate.sysplex_cases())
def test_two_system_sysplex_lint(case: str) -> None:
    with tempfile.TemporaryDirectory(prefix="zlint-gen-") as tmp:
        mutate.write_sysplex_case(Path(tmp), case)
        laws.check_lint(tmp)


def _clean_share(strategy: st.SearchStrategy[str], kind: str, n: int = 60) -> float:
    texts: list[str] = []

    @settings(max_examples=n, derandomize=True, database=None)
    @given(strategy)
    def collect(text: str) -> None:
        texts.append(text)

    collect()
    return sum(laws.check_all(t, kind, twice=False).status == "clean" for t in texts) / len(texts)


def test_grammar_generation_is_valid_often() -> None:
    """The generator earns its keep only if most profiles are valid syntax
    (otherwise it fuzzes nothing but error recovery)."""
    assert _clean_share(gen.tcpip_profiles(), "tcpip") >= 0.6


def test_izuprm_generation_is_valid_often() -> None:
    assert gen.izuprm_unmapped_terminals() == [], "declared terminals without a strategy in fuzz/gen.py"
    assert _clean_share(gen.izuprm_documents(), "izuprm") >= 0.4


@pytest.mark.parametrize(("system", "systems"), [(0, 1), (0, 2), (1, 2), (5, 8)])
def test_realistic_profiles_parse_clean(system: int, systems: int) -> None:
    """The benchmark's realistic profiles are valid: they measure the parser's
    main path, not its error recovery."""
    result = laws.check_all(gen.realistic_profile(system, systems, 1500), "tcpip")
    assert result.status == "clean"
    assert not result.diagnostics, [(d.code, d.message) for d in result.diagnostics]


def test_realistic_izuprm_parses_clean() -> None:
    result = laws.check_all(gen.realistic_izuprm(3, 8), "izuprm")
    assert result.status == "clean" and not result.diagnostics, [d.message for d in result.diagnostics]


def test_sysplex_case_split_round_trip() -> None:
    parts = ["a", "b\n", "", "d"]
    assert split_sysplex_case(SYSPLEX_SEPARATOR.join(parts)) == parts
    assert split_sysplex_case("only") == ["only", "", "", ""]

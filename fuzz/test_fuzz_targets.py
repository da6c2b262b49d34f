"""Budgeted fuzz targets (``make fuzz``): every generated input is checked
against every law of :mod:`fuzz.laws`; a failing input is shrunk and saved
under fuzz/corpus/ (then replayed by tests/robustness/test_regressions.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fuzz import gen, laws, mutate
from fuzz.runner import run_budgeted


def _parse_check(kind: str):
    def check(text: str) -> str:
        return str(laws.check_all(text, kind).status)

    return check


def test_fuzz_tcpip_grammar(fuzz_seconds: float) -> None:
    stats = run_budgeted("tcpip-grammar", gen.tcpip_profiles(), _parse_check("tcpip"),
                         lambda text: ("tcpip", text), fuzz_seconds)
    assert stats.inputs > 0


def test_fuzz_izuprm_grammar(fuzz_seconds: float) -> None:
    stats = run_budgeted("izuprm-grammar", gen.izuprm_documents(), _parse_check("izuprm"),
                         lambda text: ("izuprm", text), fuzz_seconds)
    assert stats.inputs > 0


def test_fuzz_mutation(fuzz_seconds: float) -> None:
    kinds = laws.KINDS

    def check(case: tuple[str, str]) -> str:
        kind, text = case
        return f"{kind}:{laws.check_all(text, kind).status}"

    stats = run_budgeted("mutation", mutate.mutated(kinds), check, lambda case: case, fuzz_seconds)
    assert stats.inputs > 0


def test_fuzz_sysplex_lint(fuzz_seconds: float) -> None:

    def check(case: str) -> str:
        with tempfile.TemporaryDirectory(prefix="zlint-fuzz-") as tmp:
            mutate.write_sysplex_case(Path(tmp), case)
            findings = laws.check_lint(tmp)
        return "findings" if findings else "no findings"

    stats = run_budgeted("sysplex-lint", mutate.sysplex_cases(), check, lambda case: ("sysplex", case),
                         fuzz_seconds)
    assert stats.inputs > 0

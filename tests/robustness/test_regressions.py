"""Replay the regression corpus (fuzz/corpus/<kind>/*.txt: inputs found by
fuzzing or minimised by hand) and the real-world seeds against every law.

A folder fuzz/corpus/sysplex/<name>/ with a zlint.toml is a whole sysplex,
linted in a child process that is killed after 20 s.

Cases listed in fuzz/corpus/known_failures.toml still fail: they are marked
``xfail(strict=True)`` with the reason, so the test turns red once the bug is
fixed and the entry should go."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from fuzz import laws
from fuzz.corpus_io import CORPUS_DIR, iter_cases, known_failures, read_case, seed_documents
from fuzz.mutate import write_sysplex_case

HANG_SECONDS = 20.0
KNOWN = known_failures()


def _case_params() -> list[object]:
    out = []
    for kind, path in iter_cases():
        key = f"{kind}/{path.name}"
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[key])] if key in KNOWN else []
        out.append(pytest.param(kind, path, id=key, marks=marks))
    return out


@pytest.mark.parametrize(("kind", "path"), _case_params())
def test_regression_case(kind: str, path: Path) -> None:
    if kind == "sysplex":
        if path.is_dir():  # a whole sysplex: in a child process, killed if it hangs
            laws.check_lint_isolated(path, HANG_SECONDS)
            return
        text = read_case(path)
        with tempfile.TemporaryDirectory(prefix="zlint-regression-") as tmp:
            write_sysplex_case(Path(tmp), text)
            laws.run_guarded(lambda: laws.check_lint(tmp), 3 * HANG_SECONDS, key_of(kind, path))
        return
    text = read_case(path)
    laws.run_guarded(lambda: laws.check_all(text, kind, symbols=laws.FUZZ_SYMBOLS), HANG_SECONDS,
                     key_of(kind, path))


def key_of(kind: str, path: Path) -> str:
    return f"{kind}/{path.name}"


def test_known_failures_name_existing_cases() -> None:
    """A stale entry in known_failures.toml (the file was renamed or removed)
    would hide nothing and mislead: every entry must name a case."""
    present = {key_of(kind, path) for kind, path in iter_cases()}
    stale = sorted(set(KNOWN) - present)
    assert not stale, f"entries in {CORPUS_DIR / 'known_failures.toml'} without a case: {stale}"


def test_known_bad_symbols_are_known_failures() -> None:
    """A symbol left out of generated runs must have its failing regression case;
    once the case passes (entry removed), put the symbol back in the runs."""
    for name, case in laws.KNOWN_BAD_SYMBOLS.items():
        assert case in KNOWN, (f"fuzz.laws.KNOWN_BAD_SYMBOLS[{name!r}] names {case}, which is no longer a "
                               "known failure: remove the symbol from KNOWN_BAD_SYMBOLS")


SEEDS = seed_documents(regressions=False)


@pytest.mark.parametrize(("kind", "name", "text"), [pytest.param(*s, id=s[1]) for s in SEEDS])
def test_seed_document_laws(kind: str, name: str, text: str) -> None:
    """Every real-world seed (shared corpus, tests/data) satisfies the laws too."""
    laws.run_guarded(lambda: laws.check_all(text, kind, path=name), HANG_SECONDS, name)

"""Hostile input shapes (issue 7): each must finish and satisfy every law
(no exception, lossless render, spans inside the document with valid
line/column, tiling CST tokens, the same diagnostics when parsed twice).

Every shape is parsed at the size issue 7 names and checked against laws
1-4; the determinism law (a second parse) runs on the shape at a size of at
most ~100 KB here, and at full size under fuzz/ (``make fuzz``), to keep this
suite fast. The 20 s guard only detects hangs; it is not a speed target
(bench/run.py measures time per MB)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from fuzz import hostile, laws
from fuzz.gen import realistic_izuprm, realistic_profile, write_sysplex

HANG_SECONDS = 20.0
TWICE_LIMIT = 100_000  # characters: above this the second parse runs on a smaller copy

CASES = hostile.cases()


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_hostile_shape(name: str, kind: str) -> None:
    text = hostile.build(name)
    twice = len(text) <= TWICE_LIMIT
    result = laws.run_guarded(lambda: laws.check_all(text, kind, twice=twice), HANG_SECONDS,
                              f"{kind} {name}")
    assert result.status in ("clean", "recovered", "unreadable")
    if not twice:
        small = hostile.build(name, TWICE_LIMIT / len(text))
        if len(small) >= len(text):  # a fixed-size shape: the second parse at full size
            small = text
        laws.run_guarded(lambda: laws.check_all(small, kind), HANG_SECONDS, f"{kind} {name} (again)")


def test_shapes_have_the_sizes_of_the_issue() -> None:
    """The shapes are as big as issue 7 asks, so the tests above mean something."""
    assert len(hostile.build("line-200kb").splitlines()[0]) >= 200_000
    assert hostile.build("vipadynamic-x30000").count("VIPADYNAMIC\n") == 30_000
    assert hostile.build("autolog-x30000").count("AUTOLOG\n") == 30_000
    assert hostile.build("comment-open-x20000").count("/*") == 20_000
    assert hostile.build("paren-open-x50000").count("(") == 50_000
    assert hostile.build("home-60000").count("\n") == 60_001
    assert any(len(w) > 4300 for w in hostile.build("huge-numbers").split())
    text = hostile.build("invalid-addresses")
    assert all(a in text for a in ("999.1.1.1", "1.2.3 ", "::::"))
    assert "\x00" in hostile.build("nul-bytes")
    assert "\n" not in hostile.build("cr-only") and "\r" in hostile.build("cr-only")
    assert hostile.build("bom").startswith("\ufeff")
    assert "\t" in hostile.build("tabs")


def test_huge_number_values_are_reported_not_converted() -> None:
    """Python refuses int() of more than 4300 digits: the parser must report the
    value (SYN004 or another diagnostic) at its position instead of raising."""
    big = "9" * 5000
    text = f"ARPAGE {big}\nSOMAXCONN {big}\n"
    result = laws.check_all(text, "tcpip")
    spans = {(d.span.start, d.span.end) for d in result.diagnostics}
    assert (7, 7 + len(big)) in spans, [(d.code, d.message[:60]) for d in result.diagnostics]


SYSPLEX_SHAPES = ["empty", "random-bytes", "vipadynamic-x30000", "comment-open-x20000",
                  "paren-open-x50000", "nul-bytes", "lone-surrogates", "huge-numbers", "invalid-addresses"]


@pytest.mark.parametrize("name", SYSPLEX_SHAPES)
def test_hostile_member_in_a_sysplex(name: str) -> None:
    """A hostile profile and a hostile IZUPRMxx member in an otherwise sane
    two-system sysplex: linting finishes, twice with the same findings."""
    text = hostile.build(name, 0.1)
    with tempfile.TemporaryDirectory(prefix="zlint-hostile-") as tmp:
        write_sysplex(Path(tmp), 2,
                      profile=lambda s, n: text if s == 0 else realistic_profile(s, n, 100),
                      izuprm=lambda s, n: text if s == 1 else realistic_izuprm(s, n))
        findings = laws.run_guarded(lambda: laws.check_lint(tmp), 3 * HANG_SECONDS, f"sysplex {name}")
    assert isinstance(findings, list)

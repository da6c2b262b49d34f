"""Every hostile shape at the size issue 7 names, with every law including
determinism (two full parses). The fast suite (tests/robustness/test_hostile.py)
checks laws 1-4 at full size and determinism on copies of at most ~100 KB.

This takes minutes, more than the default 60 s budget of ``make fuzz``: it
runs when ``FUZZ_SECONDS`` is at least 600 or ``FUZZ_FULL_HOSTILE=1``."""

from __future__ import annotations

import os

import pytest

from fuzz import hostile, laws

CASES = hostile.cases()
ENABLED = (os.environ.get("FUZZ_FULL_HOSTILE") == "1"
           or float(os.environ.get("FUZZ_SECONDS", "60")) >= 600)


@pytest.mark.skipif(not ENABLED, reason="long run: set FUZZ_SECONDS>=600 or FUZZ_FULL_HOSTILE=1")
@pytest.mark.parametrize(("name", "kind"), CASES)
def test_hostile_shape_full(name: str, kind: str) -> None:
    text = hostile.build(name)
    laws.run_guarded(lambda: laws.check_all(text, kind), 120.0, f"{kind} {name}")

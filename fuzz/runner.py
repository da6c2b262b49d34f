"""Time-budgeted Hypothesis runs that keep what they find.

:func:`run_budgeted` runs a law check over a strategy in rounds (each round a
full Hypothesis run: generation, then shrinking on failure) until its time is
spent. A failing input, once shrunk, is saved to ``fuzz/corpus/<kind>/`` so
tests/robustness/test_regressions.py replays it from then on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from .corpus_io import write_case

__all__ = ["STATS", "Stats", "run_budgeted"]

ROUND_EXAMPLES = 200


class Stats:
    """How many inputs a budgeted run checked."""

    def __init__(self) -> None:
        self.inputs = 0
        self.rounds = 0
        self.by_status: dict[str, int] = {}

    def __repr__(self) -> str:
        return f"{self.inputs} inputs in {self.rounds} rounds {self.by_status}"


# name -> statistics of the budgeted runs of this session (printed by fuzz/conftest.py)
STATS: dict[str, Stats] = {}


def run_budgeted(name: str, strategy: st.SearchStrategy[Any], check: Callable[[Any], str | None],
                 case_of: Callable[[Any], tuple[str, str]], seconds: float) -> Stats:
    """Check ``check(example)`` over ``strategy`` for about ``seconds``.

    ``check`` raises on a broken law and may return a status label for the
    statistics; ``case_of(example)`` gives ``(kind, text)`` to save when an
    example fails. At least one round runs; a round has at most
    ``min(profile max_examples, 200)`` examples.
    """
    stats = STATS.setdefault(name, Stats())
    failing: list[Any] = []
    current = settings()
    per_round = max(1, min(current.max_examples, ROUND_EXAMPLES))

    @settings(current, max_examples=per_round)
    @given(strategy)
    def one_round(example: Any) -> None:
        stats.inputs += 1
        try:
            label = check(example)
        except BaseException:
            failing.append(example)
            raise
        if label:
            stats.by_status[label] = stats.by_status.get(label, 0) + 1

    deadline = time.monotonic() + seconds
    while True:
        stats.rounds += 1
        try:
            one_round()
        except BaseException:
            if failing:
                kind, text = case_of(failing[-1])
                path = write_case(kind, text)
                print(f"\nfuzz: failing input saved as {path}")
            raise
        if time.monotonic() >= deadline:
            return stats

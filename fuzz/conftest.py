"""pytest configuration for the fuzz targets (``make fuzz``).

Loads the Hypothesis profiles (fuzz/profiles.py, as tests/conftest.py does;
selected by ``HYPOTHESIS_PROFILE``, default ``dev``) and sets the time budget: ``FUZZ_SECONDS``
(default 60) is shared evenly by the tests that take the ``fuzz_seconds``
fixture; each runs rounds of Hypothesis examples until its share is spent.
"""

from __future__ import annotations

import os

import pytest

from fuzz import profiles

profiles.load()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    budgeted = [i for i in items if "fuzz_seconds" in getattr(i, "fixturenames", ())]
    config.stash[_COUNT] = max(len(budgeted), 1)


_COUNT = pytest.StashKey[int]()


@pytest.fixture
def fuzz_seconds(request: pytest.FixtureRequest) -> float:
    """This test's share of ``FUZZ_SECONDS``."""
    total = float(os.environ.get("FUZZ_SECONDS", "60"))
    return total / request.config.stash.get(_COUNT, 1)


def pytest_report_header(config: pytest.Config) -> str:
    return (f"fuzz: FUZZ_SECONDS={os.environ.get('FUZZ_SECONDS', '60')}, "
            f"hypothesis profile {os.environ.get('HYPOTHESIS_PROFILE', 'dev')}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from fuzz.runner import STATS

    if STATS:
        terminalreporter.section("fuzz: inputs checked against every law")
        for name, stats in STATS.items():
            terminalreporter.write_line(f"{name:28s} {stats!r}")

"""The Hypothesis profiles of the test run and the fuzz targets, chosen by
``HYPOTHESIS_PROFILE`` (default ``dev``):

- ``dev``: a quick local run;
- ``ci``: small and derandomized (the same examples every run), no deadline;
- ``fuzz``: many examples (``make fuzz`` uses it for the targets under fuzz/).

tests/conftest.py and fuzz/conftest.py both call :func:`load`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__ = ["load"]

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
            HealthCheck.large_base_example]


def load() -> None:
    """Register the profiles and load the one ``HYPOTHESIS_PROFILE`` names."""
    settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=_SLOW_OK)
    settings.register_profile("ci", max_examples=25, derandomize=True, deadline=None, database=None,
                              print_blob=True, suppress_health_check=_SLOW_OK)
    settings.register_profile("fuzz", max_examples=2000, deadline=None, print_blob=True,
                              suppress_health_check=_SLOW_OK)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

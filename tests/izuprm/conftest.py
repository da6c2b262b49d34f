"""Hypothesis profiles of the IZUPRMxx tests.

The profile follows the ``HYPOTHESIS_PROFILE`` environment variable
(``dev`` by default, ``ci``, ``fuzz``). The profiles are registered here
under ``izuprm-<name>`` so that they never replace the suite-wide profiles
of ``tests/conftest.py``; the property tests apply them per test with
``@settings(settings.get_profile("izuprm-" + name))``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# The first run builds the grammar; generated members vary in size: no deadline.
_BASE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

settings.register_profile("izuprm-dev", _BASE, max_examples=60)
settings.register_profile("izuprm-ci", _BASE, max_examples=150, derandomize=True, print_blob=True)
# IZUPRM_FUZZ_EXAMPLES sets the size of a fuzz run (default 20000 examples per property).
settings.register_profile(
    "izuprm-fuzz", _BASE, max_examples=int(os.environ.get("IZUPRM_FUZZ_EXAMPLES", "20000"))
)

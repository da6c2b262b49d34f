"""Shared pytest configuration: the Hypothesis profiles (fuzz/profiles.py;
``HYPOTHESIS_PROFILE`` selects ``dev``, ``ci`` or ``fuzz``, default ``dev``)."""

from __future__ import annotations

from fuzz import profiles

profiles.load()

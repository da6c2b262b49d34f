"""Reporters and the fixer: turn diagnostics into text, JSON, SARIF or GitHub
workflow commands, and apply their safe fixes.

Reporters never compute findings; they only present what the engine found.
Each format lives in its own module and is imported on demand, so the
``zlint check`` start-up stays light:

- :mod:`zparse.outputs.text`: compiler-style text with a source snippet;
- :mod:`zparse.outputs.jsonfmt`: the versioned JSON of DESIGN.md contract 3;
- :mod:`zparse.outputs.sarif`: SARIF 2.1.0 for GitHub code scanning;
- :mod:`zparse.outputs.github`: GitHub Actions ``::error`` workflow commands;
- :mod:`zparse.outputs.fix`: apply safe :class:`~zparse.diagnostics.Fix` edits.
"""

from __future__ import annotations

from .common import Summary, count_severities, fails, relpath

__all__ = ["FORMATS", "Summary", "count_severities", "fails", "relpath"]

FORMATS = ("text", "json", "sarif", "github")

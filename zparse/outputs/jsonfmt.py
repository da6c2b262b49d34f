"""The JSON output of ``zlint check --format json`` (DESIGN.md contract 3).

The keys of contract 3 are public API and stay exactly as documented::

    {"version": 1,
     "diagnostics": [{"code", "severity", "message", "system", "path",
                      "range": {"start": {"line", "column"}, "end": {...}},
                      "related": [{"path", "range", "message"}]}],
     "summary": {"files", "systems", "errors", "warnings", "infos"}}

Added keys (allowed by the contract): each diagnostic's ``systems`` (every
system it concerns, by name: several for a finding in a member that several
systems read, which is reported once; ``[system]`` or ``[]`` otherwise),
``name``, ``help`` and ``fix`` (``{"description", "safe", "edits": [{"range", "replacement"}]}``,
or null), and ``summary.files_status``: each file's parse status (``clean``,
``recovered`` or ``unreadable``) keyed by its relative path, and ``notes``
(present only when needed): e.g. that bytes which are not valid in their
encoding (in a file name or a member) are shown as U+FFFD. The document is
always valid UTF-8.
Lines and columns are 1-based; the end column is the one just after the span;
paths are relative to the current directory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..diagnostics import Diagnostic
from .common import LOSSY_NOTE, Summary, json_text, range_of, relpath

__all__ = ["JSON_VERSION", "diagnostic_json", "render_json", "report_json"]

JSON_VERSION = 1


def diagnostic_json(d: Diagnostic, cwd: str | None = None) -> dict[str, Any]:
    """One diagnostic as a JSON-able dict, contract keys first."""
    fix: dict[str, Any] | None = None
    if d.fix is not None:
        fix = {
            "description": d.fix.description,
            "safe": d.fix.safe,
            "edits": [{"path": relpath(e.span.path, cwd), "range": range_of(e.span),
                       "replacement": e.replacement} for e in d.fix.edits],
        }
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "system": d.system,
        "path": relpath(d.span.path, cwd),
        "range": range_of(d.span),
        "related": [
            {"path": relpath(r.span.path, cwd), "range": range_of(r.span), "message": r.message}
            for r in d.related
        ],
        "systems": list(d.concerns),
        "name": d.name,
        "help": d.help if d.help is not None else None,
        "fix": fix,
    }


def report_json(diags: Sequence[Diagnostic], summary: Summary, cwd: str | None = None) -> dict[str, Any]:
    """The whole document as a dict."""
    return {
        "version": JSON_VERSION,
        "diagnostics": [diagnostic_json(d, cwd) for d in diags],
        "summary": summary.as_json(),
    }


def render_json(diags: Sequence[Diagnostic], summary: Summary, cwd: str | None = None) -> str:
    """The whole document, indented, with a final newline."""
    return json_text(report_json(diags, summary, cwd), on_lossy=_say_lossy)


def _say_lossy(doc: dict[str, Any]) -> None:
    doc["notes"] = [LOSSY_NOTE]

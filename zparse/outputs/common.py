"""What every reporter shares: paths relative to the current directory,
1-based ranges, severity counts and the run summary."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..codes import Severity
from ..diagnostics import Diagnostic
from ..source import Span

__all__ = [
    "LOSSY_NOTE", "Summary", "clean", "count_severities", "fails", "is_lossy", "json_text", "plural", "printable",
    "range_of", "relpath", "summary_sentence", "systems_note",
]

_SURROGATES = re.compile("[\ud800-\udfff]")
# What a terminal could act on: C0 controls but tab, DEL, C1 controls (0x9b is a
# CSI on some terminals), the bidirectional overrides of "Trojan Source", the
# line and paragraph separators, and undecodable bytes (lone surrogates).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

LOSSY_NOTE = ("Some file names or member texts hold bytes that are not valid in their encoding; "
              "each such byte is shown as U+FFFD here.")


def clean(text: str) -> str:
    """Text safe to serialise as UTF-8: an undecodable byte (a lone surrogate
    from ``surrogateescape`` decoding) becomes U+FFFD, one character for one,
    so columns stay aligned."""
    return _SURROGATES.sub("\ufffd", text)


def is_lossy(text: str) -> bool:
    """Whether :func:`clean` would replace anything in ``text``."""
    return _SURROGATES.search(text) is not None


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    code = ord(c)
    if c in _NAMED:
        return _NAMED[c]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """Text for a terminal or a log: every character a terminal or a CI log
    could act on (escape sequences, line breaks that could forge a line, a
    ``::`` workflow command on a line of its own, bidi overrides) and every
    undecodable byte is shown as a backslash escape (``\\x1b``, ``\\n``,
    ``\\xff``), as git and ruff show such names. ``keep`` lists characters
    the caller handles itself (a tab it expands, a line break it encodes)."""
    if keep:
        return _UNPRINTABLE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return _UNPRINTABLE.sub(_escape, text)


def json_text(doc: Any, on_lossy: Any = None) -> str:
    """``doc`` as indented JSON that is always valid UTF-8: an undecodable
    byte anywhere (a file name, a member's text) becomes U+FFFD, and
    ``on_lossy(doc)`` (when given) is called first to say so in the document."""
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    if is_lossy(text):
        if on_lossy is not None:
            on_lossy(doc)
            text = json.dumps(doc, indent=2, ensure_ascii=False)
        text = clean(text)
    return text + "\n"


def relpath(path: str | None, cwd: str | None = None) -> str | None:
    """``path`` relative to the current directory, with ``/`` separators.

    Paths outside the current directory keep their ``..`` steps; a path on
    another drive (Windows) stays absolute. ``None`` (text with no file)
    stays ``None``.
    """
    if path is None:
        return None
    base = cwd or os.getcwd()
    full = os.path.abspath(os.path.join(base, path))
    try:
        rel = os.path.relpath(full, base)
    except ValueError:
        rel = full
    return rel.replace(os.sep, "/")


def range_of(span: Span) -> dict[str, dict[str, int]]:
    """The 1-based ``{"start": {line, column}, "end": {line, column}}`` of a
    span; the end column is the column just after the last character."""
    sl, sc = span.start_line_col()
    el, ec = span.end_line_col()
    return {"start": {"line": sl, "column": sc}, "end": {"line": el, "column": ec}}


def systems_note(d: Diagnostic) -> str | None:
    """``in SYS1, SYS2`` for a finding in a file that several systems read
    (whom it concerns), else None. Every reporter shows the same words."""
    return "in " + ", ".join(d.systems) if d.systems else None


def count_severities(diags: Iterable[Diagnostic]) -> tuple[int, int, int]:
    """(errors, warnings, infos)."""
    e = w = i = 0
    for d in diags:
        if d.severity is Severity.ERROR:
            e += 1
        elif d.severity is Severity.WARNING:
            w += 1
        else:
            i += 1
    return e, w, i


def fails(diags: Iterable[Diagnostic], fail_on: Severity) -> bool:
    """Whether any finding is at or above the ``--fail-on`` severity."""
    return any(d.severity.rank >= fail_on.rank for d in diags)


def plural(n: int, word: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_sentence(errors: int, warnings: int, infos: int) -> str:
    """``Found 3 errors, 1 warning.`` or ``All checks passed.``"""
    parts = [plural(n, w) for n, w in ((errors, "error"), (warnings, "warning"), (infos, "info")) if n]
    if not parts:
        return "All checks passed."
    return "Found " + ", ".join(parts) + "."


@attrs.frozen(kw_only=True)
class Summary:
    """What was checked: files and systems read, each file's parse status
    (``clean``, ``recovered`` or ``unreadable``, keyed by relative path), and
    the diagnostics counted by severity."""

    files: int = 0
    systems: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    files_status: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(cls, diags: Iterable[Diagnostic], *, files: int = 0, systems: int = 0,
           files_status: Mapping[str, str] | None = None) -> Summary:
        e, w, i = count_severities(diags)
        return cls(files=files, systems=systems, errors=e, warnings=w, infos=i,
                   files_status=dict(sorted((files_status or {}).items())))

    def as_json(self) -> dict[str, Any]:
        """The contract-3 ``summary`` object (plus ``files_status``)."""
        return {
            "files": self.files,
            "systems": self.systems,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "files_status": dict(self.files_status),
        }

    def sentence(self) -> str:
        return summary_sentence(self.errors, self.warnings, self.infos)

"""SARIF 2.1.0 for GitHub code scanning (``zlint check --format sarif``).

One run, tool ``zlint``; ``tool.driver.rules`` holds the rules the results
refer to, with the rule documentation as ``help``. Each result has its
``ruleId``/``ruleIndex``, ``level`` (error, warning, note), the primary
location (artifact URI relative to the current directory, region with
1-based lines and columns counted in Unicode code points; the URI is
percent-encoded from the path's bytes, so a name that is not UTF-8 survives), the related
locations (often another system's profile), the systems a finding concerns
as ``logicalLocations`` (several, and named in the message and in
``properties.systems``, for a finding in a member that several systems
read), safe fixes as ``fixes`` and a
``partialFingerprints`` entry that survives lines moving: a hash of code,
path, message and the text of the flagged line (not its number), with an
occurrence counter for identical lines. When a message or text held bytes
that are not valid in their encoding, they are shown as U+FFFD and the run's
invocation carries a tool notification saying so.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from ..codes import CODES, Severity
from ..diagnostics import Diagnostic
from ..source import Span
from .common import LOSSY_NOTE, json_text, relpath, systems_note

__all__ = ["FINGERPRINT_KEY", "SARIF_SCHEMA", "fingerprint", "render_sarif", "sarif_log"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "zlintFingerprint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    from .. import __version__

    return __version__


def _region(span: Span) -> dict[str, int]:
    sl, sc = span.start_line_col()
    el, ec = span.end_line_col()
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def _uri(path: str | None, cwd: str | None) -> str:
    """A relative URI reference for a path: its bytes percent-encoded (RFC 3986)."""
    rel = relpath(path, cwd)
    if rel is None:
        return "<text>"
    return quote(os.fsencode(rel), safe="/")


def _physical(span: Span, cwd: str | None) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": _uri(span.path, cwd), "uriBaseId": "%SRCROOT%"},
        "region": _region(span),
    }


def fingerprint(d: Diagnostic, cwd: str | None = None) -> str:
    """A stable hash of code, relative path, message and the flagged line's text."""
    line, _ = d.span.start_line_col()
    text = d.span.source.line_text(line).strip()
    key = "\x00".join((d.code, relpath(d.span.path, cwd) or "", d.message, text))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _first_paragraph(doc: str) -> str:
    para = doc.strip().split("\n\n", 1)[0]
    return " ".join(line.strip() for line in para.splitlines()).lstrip("# ").strip()


def _rule(code: str, doc: str) -> dict[str, Any]:
    info = CODES.get(code)
    summary = info.summary if info else code
    rule: dict[str, Any] = {
        "id": code,
        "name": info.name if info else code.lower(),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _first_paragraph(doc) if doc else summary},
        "defaultConfiguration": {"level": _LEVEL[info.severity] if info else "warning"},
        "properties": {"tags": [code.rstrip("0123456789")], "scope": info.scope if info else "file"},
    }
    if doc:
        rule["help"] = {"text": doc, "markdown": doc}
    return rule


def _fix(d: Diagnostic, cwd: str | None) -> list[dict[str, Any]]:
    if d.fix is None or not d.fix.safe:
        return []
    changes: dict[str, list[dict[str, Any]]] = {}
    for e in d.fix.edits:
        uri = _uri(e.span.path, cwd)
        changes.setdefault(uri, []).append(
            {"deletedRegion": _region(e.span), "insertedContent": {"text": e.replacement}})
    return [{
        "description": {"text": d.fix.description},
        "artifactChanges": [
            {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}, "replacements": reps}
            for uri, reps in changes.items()
        ],
    }]


def sarif_log(diags: Sequence[Diagnostic], *, docs: Mapping[str, str] | None = None,
              cwd: str | None = None) -> dict[str, Any]:
    """The SARIF log as a dict. ``docs`` maps codes to rule documentation;
    by default it comes from the rule registry."""
    if docs is None:
        from ..engine import registry

        docs = {code: r.doc for code, r in registry().items()}
    codes = sorted({d.code for d in diags})
    index = {code: i for i, code in enumerate(codes)}
    seen: Counter[str] = Counter()
    results = []
    for d in diags:
        fp = fingerprint(d, cwd)
        seen[fp] += 1
        note = systems_note(d)
        text = d.message + (f" ({note})" if note else "") + (f"\n{d.help}" if d.help else "")
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVEL[d.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": _physical(d.span, cwd)}],
            "partialFingerprints": {FINGERPRINT_KEY: f"{fp}:{seen[fp]}"},
        }
        if d.concerns:
            result["locations"][0]["logicalLocations"] = [{"name": name, "kind": "module"} for name in d.concerns]
        if d.systems:
            result["properties"] = {"systems": list(d.systems)}
        if d.related:
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": _physical(r.span, cwd), "message": {"text": r.message}}
                for i, r in enumerate(d.related, 1)
            ]
        fixes = _fix(d, cwd)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "zlint",
                "semanticVersion": _version(),
                "rules": [_rule(code, docs.get(code, "")) for code in codes],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_sarif(diags: Sequence[Diagnostic], *, docs: Mapping[str, str] | None = None,
                 cwd: str | None = None) -> str:
    """The SARIF log as indented JSON with a final newline."""
    return json_text(sarif_log(diags, docs=docs, cwd=cwd), on_lossy=_say_lossy)


def _say_lossy(log: dict[str, Any]) -> None:
    log["runs"][0]["invocations"] = [{
        "executionSuccessful": True,
        "toolExecutionNotifications": [{"level": "note", "message": {"text": LOSSY_NOTE}}],
    }]

"""Code actions: the certain fixes, and "suppress CODE on this line".

* A finding whose :class:`~zparse.diagnostics.Fix` is ``safe`` offers it as
  a preferred quick fix (a ``WorkspaceEdit``; the edits may touch other files).
* Every finding offers to suppress its code on its line: in a profile,
  `` ; zlint: ignore[CODE]`` is appended to the line (or CODE is added to a
  ``zlint: ignore[...]`` comment already there); in parmlib,
  ``/* zlint: ignore[CODE] */`` is appended when it fits in columns 1-71,
  and otherwise written alone on a new line above (z/OS ignores columns
  72-80 of parmlib, so a comment there would be cut in half). Both forms are
  what :func:`zparse.engine.suppressed` honours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lsprotocol import types

from ..diagnostics import Diagnostic
from ..source import Span, line_bounds
from .textdoc import LineIndex

__all__ = ["code_actions", "suppress_edit"]

_PARMLIB_DATA = 71
_EXISTING = {
    "tcpip": re.compile(r"(?:^|\s);[^\r\n]*?\bzlint:\s*ignore\b(\[[^\]\r\n]*\])?", re.I),
    "izuprm": re.compile(r"/\*\s*zlint:\s*ignore\b(\[[^\]\r\n]*\])?[^\r\n]*?\*/", re.I),
}


def suppress_edit(kind: str, text: str, offset: int, code: str) -> tuple[int, int, str] | None:
    """(start, end, new text) that suppresses ``code`` on the line of ``offset``; None if it already is."""
    ls, le = line_bounds(text, offset)
    line = text[ls:le]
    m = _EXISTING.get(kind, _EXISTING["tcpip"]).search(line)
    if m is not None:
        bracket = m.group(1)
        if bracket is None:
            return None  # a bare "zlint: ignore" already covers every code
        codes = [c.strip().upper() for c in re.split(r"[,\s]+", bracket[1:-1]) if c.strip()]
        if code.upper() in codes or "ALL" in codes:
            return None
        at = ls + m.start(1) + len(bracket) - 1
        return at, at, (", " if codes else "") + code
    if kind == "izuprm":
        comment = f"/* zlint: ignore[{code}] */"
        data = line[:_PARMLIB_DATA].rstrip()
        beyond = line[_PARMLIB_DATA:].strip()
        if not beyond and len(data) + 1 + len(comment) <= _PARMLIB_DATA:
            at = ls + len(data)
            return at, ls + len(line), " " + comment
        indent = re.match(r"[ \t]*", line)
        pad = indent.group() if indent else ""
        eol = "\r\n" if text[le:le + 2] == "\r\n" else ("\r" if text[le:le + 1] == "\r" else "\n")
        return ls, ls, f"{pad}{comment}{eol}"
    body = line.rstrip()
    at = ls + len(body)
    return at, ls + len(line), f" ; zlint: ignore[{code}]"


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def code_actions(kind: str, uri: str, text: str, index: LineIndex, diags: Iterable[Diagnostic],
                 request: types.CodeActionParams,
                 to_lsp: Callable[[Diagnostic], types.Diagnostic],
                 edit_location: Callable[[Span], tuple[str, types.Range] | None]) -> list[types.CodeAction]:
    """Quick fixes and suppressions for the findings in the requested range."""
    wanted = request.context.only
    if wanted and not any(k == types.CodeActionKind.QuickFix or str(k).startswith("quickfix")
                          or types.CodeActionKind.QuickFix.value.startswith(str(k)) for k in wanted):
        return []
    from_client = {(d.code, d.range.start.line, d.range.start.character, d.range.end.line,
                    d.range.end.character): d for d in request.context.diagnostics}
    actions: list[types.CodeAction] = []
    suppressed_lines: set[tuple[str, int]] = set()
    for d in diags:
        lsp = to_lsp(d)
        if not _overlaps(lsp.range, request.range):
            continue
        key = (d.code, lsp.range.start.line, lsp.range.start.character, lsp.range.end.line,
               lsp.range.end.character)
        shown = from_client.get(key, lsp)
        if d.fix is not None and d.fix.safe and d.fix.edits:
            changes: dict[str, list[types.TextEdit]] = {}
            ok = True
            for e in d.fix.edits:
                where = edit_location(e.span)
                if where is None:
                    ok = False
                    break
                changes.setdefault(where[0], []).append(types.TextEdit(range=where[1], new_text=e.replacement))
            if ok:
                actions.append(types.CodeAction(
                    title=d.fix.description or f"Fix {d.code}", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[shown], is_preferred=True, edit=types.WorkspaceEdit(changes=changes)))
        line = lsp.range.start.line
        if (d.code, line) in suppressed_lines:
            continue
        suppressed_lines.add((d.code, line))
        edit = suppress_edit(kind, text, d.span.start, d.code)
        if edit is None:
            continue
        a, b, new = edit
        actions.append(types.CodeAction(
            title=f"Suppress {d.code} on this line", kind=types.CodeActionKind.QuickFix, diagnostics=[shown],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=index.range(a, b), new_text=new)]})))
    return actions

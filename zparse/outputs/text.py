"""Compiler-style text: one header line per finding, the source line with a
caret underline, then ``help``, ``fix`` and ``related`` notes.

::

    SYS1/PROFILE.TCPIP:7:12: HA301 DESTIP 192.0.2.9 is not ... [destip-not-dynamicxcf]
      |
    7 |     DESTIP 192.0.2.9 PREFERRED
      |            ^^^^^^^^^
      = help: use the DYNAMICXCF address of the target system
      = related: SYS2/PROFILE.TCPIP:3:14: SYS2 DYNAMICXCF

A finding in a file that several systems read (a shared INCLUDE or IZUPRMxx
member) names them after its message: ``... not contiguous (in SYS1, SYS2)``.

Every character taken from input (names, messages, source lines) goes through
:func:`~zparse.outputs.common.printable`: no escape sequence of a member
reaches the terminal and a line break in a file name cannot forge a line.
Colour (ANSI) is the caller's choice: the CLI turns it on only on a terminal
and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..codes import CODES, Severity
from ..diagnostics import Diagnostic
from ..source import Span
from .common import printable, relpath, systems_note

__all__ = ["Style", "render_diagnostic", "render_statistics", "render_text"]

_MAX_LINE = 160  # longer source lines are shown as a window around the span
_TAB = 4


class Style:
    """ANSI colours, or none at all."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def _wrap(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        return self._wrap(text, "1")

    def gutter(self, text: str) -> str:
        return self._wrap(text, "1;34")

    def dim(self, text: str) -> str:
        return self._wrap(text, "2")

    def severity(self, text: str, severity: Severity) -> str:
        code = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"}[severity]
        return self._wrap(text, code)

    def green(self, text: str) -> str:
        return self._wrap(text, "1;32")


def _location(span: Span, cwd: str | None) -> str:
    line, col = span.start_line_col()
    return f"{printable(relpath(span.path, cwd) or '<text>')}:{line}:{col}"


def _expand(text: str) -> str:
    """A piece of a source line for the terminal: tabs expanded, control
    characters and undecodable bytes escaped (the carets are laid out on the
    escaped text, so they stay under the span)."""
    return printable(text, keep="\t").replace("\t", " " * _TAB)


def _snippet(span: Span, style: Style, severity: Severity) -> list[str]:
    """The span's first line with carets under the span (at least one caret)."""
    source = span.source
    line, col = span.start_line_col()
    end_line, end_col = span.end_line_col()
    text = source.line_text(line)
    last = end_col if end_line == line else len(text) + 1
    last = max(last, col + 1)
    before, inside = text[: col - 1], text[col - 1 : last - 1]
    after = text[last - 1 :]
    prefix, suffix = "", ""
    if len(text) > _MAX_LINE:  # a window around the span keeps the line readable
        if len(before) > 40:
            before, prefix = before[-40:], "…"
        if len(inside) > _MAX_LINE - 80:
            inside = inside[: _MAX_LINE - 80]
        if len(after) > 40:
            after, suffix = after[:40], "…"
    shown = prefix + _expand(before)
    marked = _expand(inside)
    number = str(line)
    pad = " " * len(number)
    carets = "^" * max(len(marked), 1)
    return [
        f"{pad} {style.gutter('|')}",
        f"{style.gutter(number)} {style.gutter('|')} {shown}{marked}{_expand(after)}{suffix}".rstrip(),
        f"{pad} {style.gutter('|')} {' ' * len(shown)}{style.severity(carets, severity)}",
    ]


def render_diagnostic(d: Diagnostic, *, style: Style | None = None, show_source: bool = True,
                      cwd: str | None = None) -> str:
    """One finding: the header line and, with ``show_source``, its snippet and notes."""
    style = style or Style(False)
    note = systems_note(d)
    header = (f"{style.bold(_location(d.span, cwd))}: {style.severity(d.code, d.severity)} "
              f"{printable(d.message)}{f' ({printable(note)})' if note else ''} {style.dim('[' + d.name + ']')}")
    if not show_source:
        return header
    lines = [header]
    if d.span.source.text:
        lines.extend(_snippet(d.span, style, d.severity))
    pad = " " * len(str(d.span.start_line_col()[0]))
    eq = style.gutter("=")
    if d.help:
        lines.append(f"{pad} {eq} {style.bold('help')}: {printable(d.help)}")
    if d.fix is not None:
        how = "apply with --fix" if d.fix.safe else "unsafe: review and apply by hand"
        lines.append(f"{pad} {eq} {style.bold('fix')}: {printable(d.fix.description)} ({how})")
    for r in d.related:
        lines.append(f"{pad} {eq} {style.bold('related')}: {_location(r.span, cwd)}: {printable(r.message)}")
    return "\n".join(lines)


def render_text(diags: Sequence[Diagnostic], *, color: bool = False, show_source: bool = True,
                cwd: str | None = None) -> str:
    """Every finding, separated by a blank line when snippets are shown."""
    style = Style(color)
    sep = "\n\n" if show_source else "\n"
    out = sep.join(render_diagnostic(d, style=style, show_source=show_source, cwd=cwd) for d in diags)
    return out + "\n" if out else ""


def render_statistics(diags: Sequence[Diagnostic], *, color: bool = False) -> str:
    """``--statistics``: count, code, name and how many are fixable, most frequent first."""
    style = Style(color)
    counts = Counter(d.code for d in diags)
    fixable = Counter(d.code for d in diags if d.fix is not None and d.fix.safe)
    severity = {d.code: d.severity for d in diags}
    if not counts:
        return ""
    width = max(len(str(n)) for n in counts.values())
    rows = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        info = CODES.get(code)
        name = info.name if info else code.lower()
        mark = f" ({fixable[code]} fixable)" if fixable[code] else ""
        rows.append(f"{n:>{width}}  {style.severity(f'{code:<6}', severity[code])}  {name}{mark}")
    return "\n".join(rows) + "\n"

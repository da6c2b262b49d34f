"""GitHub Actions workflow commands (``zlint check --format github``)::

    ::error file=SYS1/PROFILE.TCPIP,line=7,col=12,endLine=7,endColumn=21,title=HA301::DESTIP ...

Errors become ``::error``, warnings ``::warning`` and infos ``::notice``;
GitHub shows them as annotations on the pull request's changed lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..codes import Severity
from ..diagnostics import Diagnostic
from .common import printable, relpath, systems_note

__all__ = ["escape_data", "escape_property", "render_github"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF; other control
    characters and undecodable bytes as backslash escapes)."""
    return printable(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diags: Sequence[Diagnostic], cwd: str | None = None) -> str:
    """One workflow command per finding."""
    lines = []
    for d in diags:
        sl, sc = d.span.start_line_col()
        el, ec = d.span.end_line_col()
        path = relpath(d.span.path, cwd) or "<text>"
        props = f"file={escape_property(path)},line={sl},col={sc},endLine={el},endColumn={ec},title={escape_property(d.code)}"
        note = systems_note(d)
        message = f"{d.message}{f' ({note})' if note else ''} [{d.name}]"
        if d.help:
            message += f"\n{d.help}"
        lines.append(f"::{_COMMAND[d.severity]} {props}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)

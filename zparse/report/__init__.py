"""The HA picture of a sysplex, for people who would rather look than read.

``zlint report`` shows, per DVIPA, the owner, the backups with their ranks,
the distributors and their targets with roles and ports, and the z/OSMF
servers behind it; then the failover table of the library's simulation
(:func:`zparse.sysplex.simulate_failover`): lose one system, who owns which
DVIPA, where new connections go, which service goes dark. Formats:

- ``text``: aligned plain text;
- ``markdown``: tables and a Mermaid diagram (renders on GitHub);
- ``html``: one self-contained page with an inline SVG drawing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .picture import Picture, build_picture

if TYPE_CHECKING:
    from ..sysplex import Sysplex

__all__ = ["REPORT_FORMATS", "Picture", "build_picture", "render_report"]

REPORT_FORMATS = ("text", "markdown", "html")


def render_report(sysplex: Sysplex, fmt: str = "text") -> str:
    """The report of ``sysplex`` in ``fmt`` (text, markdown or html)."""
    picture = build_picture(sysplex)
    if fmt == "markdown":
        from .text import render_markdown

        return render_markdown(picture)
    if fmt == "html":
        from .html import render_html

        return render_html(picture)
    if fmt == "text":
        from .text import render_text

        return render_text(picture)
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(REPORT_FORMATS)}")

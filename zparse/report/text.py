"""The HA picture as plain text (``zlint report``) and as Markdown with a
Mermaid diagram (``zlint report --format markdown``).

Every name in the picture may come from input (system, sysplex and file
names, z/OSMF values): the text report shows control characters escaped
(:func:`~zparse.outputs.common.printable`), Markdown escapes ``|``, ``<``,
``>``, backticks and line breaks (:func:`md`), Mermaid labels use Mermaid's
``#code;`` entities (:func:`mermaid_label`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..outputs.common import printable
from .picture import DvipaView, FailoverRow, Picture, SystemView

__all__ = ["md", "mermaid", "mermaid_label", "render_markdown", "render_text"]


def _zosmf(s: SystemView) -> str:
    z = s.zosmf
    if z is None:
        return "no z/OSMF"
    return (f"z/OSMF {z.proc} AUTOSTART({z.autostart}) group {z.group} "
            f"HOSTNAME({z.hostname}) port {z.port}")


def _xcf(s: SystemView) -> str:
    xcf = ", ".join(s.xcf) or "no DYNAMICXCF"
    if s.xcf_group is not None:
        xcf += f" (XCFGRPID {s.xcf_group})"
    return xcf


def _backups(d: DvipaView) -> str:
    return ", ".join(f"{s} (rank {r})" for s, r in d.backups) or "none"


def _owner(d: DvipaView) -> str:
    if d.owner is None:
        return "nobody" + (f" ({d.how})" if d.how else "")
    return d.owner + (f" via {d.how}" if d.how else "")


def _targets(row: FailoverRow) -> str:
    if row.service is None:
        return "-"
    return ", ".join(row.targets) if row.targets else "nobody"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*header).rstrip(), fmt.format(*("-" * w for w in widths)).rstrip(),
            *(fmt.format(*r).rstrip() for r in rows)]


def _lost(lost: str | None) -> str:
    return "none (all up)" if lost is None else lost


def _verdict(p: Picture, lost: str | None) -> str:
    dark = p.dark_services(lost)
    if not dark:
        return "every service stays reachable"
    return "goes dark: " + "; ".join(f"{r.service or r.dvipa} ({r.reason})" for r in dark)


def render_text(p: Picture) -> str:
    """The picture as aligned plain text."""
    out = [f"Sysplex {p.name} ({p.source}): {len(p.systems)} system{'s' if len(p.systems) != 1 else ''}", ""]
    out.append("Systems")
    for s in p.systems:
        out.append(f"  {s.name}: DYNAMICXCF {_xcf(s)}; {_zosmf(s)}")
    if not p.systems:
        out.append("  (none: a single file is not a sysplex)")
    out.append("")
    if not p.dvipas:
        out += ["No dynamic VIPA in this sysplex.", ""]
    for d in p.dvipas:
        title = f"DVIPA {d.address}" + (f" ({', '.join(d.names)})" if d.names else "")
        out.append(title)
        out.append(f"  owner:       {_owner(d)}")
        out.append(f"  defined on:  {', '.join(d.defined_on) or 'none'}")
        out.append(f"  backups:     {_backups(d)}")
        if not d.distributions:
            out.append("  distributed: no")
        for dist in d.distributions:
            out.append(f"  distributed by {dist.distributor}: {dist.method}, port {dist.ports}")
            for t in dist.targets:
                out.append(f"    -> {t.address} {t.system or '(no system)'} {t.label}".rstrip())
        if d.zosmf:
            out.append(f"  z/OSMF:      {', '.join(d.zosmf)}")
        out.append("")
    if p.failover:
        out.append("Failover")
        rows = [(_lost(r.lost), r.dvipa, r.owner or "nobody", r.service or "-", _targets(r),
                 "DARK" if r.dark else "ok") for r in p.failover]
        out += ["  " + line for line in _table(
            ("lost", "DVIPA", "owner", "service", "new connections to", "status"), rows)]
        out.append("")
        for lost in p.lost_systems:
            if lost is not None:
                out.append(f"  Lose {lost}: {_verdict(p, lost)}")
        out.append("")
    out += _findings_text(p)
    return "\n".join(printable(line) for line in out).rstrip() + "\n"


def _findings_text(p: Picture) -> list[str]:
    out = ["HA findings"]
    if not p.findings:
        out.append("  none")
    for f in p.findings:
        out.append(f"  {f.where}: {f.code} {f.message}")
    if p.other_findings:
        out.append(f"  (and {p.other_findings} other finding{'s' if p.other_findings != 1 else ''}: "
                   "run `zlint check` for all of them)")
    return out


# ---------------------------------------------------------------- markdown


def _mid(prefix: str, name: str) -> str:
    safe = "".join(c if c.isalnum() else "_" for c in name)
    return f"{prefix}_{safe}"


_MERMAID_SPECIAL = frozenset('"#<>|`&\\')


def mermaid_label(text: str) -> str:
    """Text from input inside a quoted Mermaid label: every character that
    Mermaid or the HTML it makes would read (quotes, ``<``, ``>``, ``|``,
    backticks, ``#``, ``&``, backslash) and every line break or control
    character as a ``#code;`` entity, so the label cannot close itself, add
    markup, or end the fenced block."""
    return "".join(f"#{ord(c)};" if c in _MERMAID_SPECIAL or not c.isprintable() else c
                   for c in printable(text))


def _mlabel(parts: Sequence[str]) -> str:
    """A label of lines: ``<br/>`` between them is Mermaid markup, the rest is escaped."""
    return "<br/>".join(mermaid_label(part) for part in parts)


def mermaid(p: Picture) -> str:
    """A Mermaid flowchart: systems, DVIPAs, who owns, distributes to and takes over what."""
    lines = ["flowchart TB"]
    for i, d in enumerate(p.dvipas):
        lines.append(f'  {_mid("D", str(i))}(("{_mlabel([d.address, *d.names])}"))')
    for s in p.systems:
        parts = ["XCF " + (", ".join(s.xcf) or "none")]
        if s.zosmf is not None:
            parts.append(f"z/OSMF {s.zosmf.proc} ({s.zosmf.autostart})")
        lines.append(f'  {_mid("S", s.name)}["<b>{mermaid_label(s.name)}</b><br/>{_mlabel(parts)}"]')
    known = {s.name for s in p.systems}
    for i, d in enumerate(p.dvipas):
        dv = _mid("D", str(i))
        if d.owner in known:
            lines.append(f"  {_mid('S', d.owner)} ==>|owns| {dv}")
        seen: set[tuple[str, str]] = set()
        for dist in d.distributions:
            if dist.distributor != d.owner:
                continue
            for t in dist.targets:
                if t.system not in known or (t.system, t.label) in seen:
                    continue
                seen.add((t.system, t.label))
                label = mermaid_label(f"{t.label or dist.method} :{dist.ports}")
                arrow = "-.->" if t.role == "BACKUP" else "-->"
                lines.append(f'  {dv} {arrow}|"{label}"| {_mid("S", t.system)}')
        for lost in p.lost_systems:
            if lost is None or lost != d.owner:
                continue
            for r in p.rows_for(lost):
                if r.dvipa == d.address and r.owner in known and r.owner != d.owner:
                    lines.append(f'  {_mid("S", r.owner)} -.->|"takes over if {mermaid_label(lost)} is lost"| {dv}')
                    break
    lines.append("  classDef dark fill:#fdd,stroke:#c00")
    dark = sorted({r.dvipa for r in p.failover if r.dark})
    for i, d in enumerate(p.dvipas):
        if d.address in dark:
            lines.append(f"  class {_mid('D', str(i))} dark")
    return "\n".join(lines)


_MD_SPECIAL = {"|": "\\|", "<": "&lt;", ">": "&gt;", "`": "&#96;", "&": "&amp;", "\\": "\\\\"}


def md(text: str) -> str:
    """Text from input inside Markdown (a table cell, a list item, a heading):
    ``|`` cannot split a cell, ``<``/``>`` cannot open HTML, a backtick cannot
    open code, a line break cannot end the row (control characters and
    undecodable bytes are shown as backslash escapes first)."""
    return "".join(_MD_SPECIAL.get(c, c) for c in printable(text))


def _code(text: str) -> str:
    """Text from input shown as code: a code span when that is safe (no
    backtick, no ``|``: a span shows ``<`` and ``>`` as they are), else
    ``<code>`` with the text escaped as by :func:`md`."""
    shown = printable(text)
    if "`" in shown or "|" in shown:
        return f"<code>{md(text)}</code>"
    return f"`{shown}`"


def render_markdown(p: Picture) -> str:
    """The picture as Markdown: tables and a Mermaid diagram. Every value
    taken from input goes through :func:`md` (or :func:`_code`)."""
    out = [f"# HA report: sysplex {md(p.name)}", "", f"Read from {_code(p.source)}.", ""]
    out += ["## Diagram", "", "```mermaid", mermaid(p), "```", ""]
    out += ["## Systems", "", "| system | DYNAMICXCF | profile | z/OSMF |", "|---|---|---|---|"]
    for s in p.systems:
        prof = f"{_code(s.profile)} ({md(s.profile_status or '')})" if s.profile else "none"
        out.append(f"| {md(s.name)} | {md(_xcf(s))} | {prof} | {md(_zosmf(s))} |")
    out.append("")
    out += ["## DVIPAs", ""]
    if not p.dvipas:
        out += ["No dynamic VIPA in this sysplex.", ""]
    for d in p.dvipas:
        out.append(f"### {md(d.address)}" + (f" ({md(', '.join(d.names))})" if d.names else ""))
        out.append("")
        out.append(f"- **owner**: {md(_owner(d))}")
        out.append(f"- **defined on**: {md(', '.join(d.defined_on) or 'none')}")
        out.append(f"- **backups**: {md(_backups(d))}")
        if d.zosmf:
            out.append(f"- **z/OSMF servers**: {md(', '.join(d.zosmf))}")
        out.append("")
        if d.distributions:
            out += ["| distributor | method | ports | target | system | role |", "|---|---|---|---|---|---|"]
            for dist in d.distributions:
                for t in dist.targets or ():
                    out.append(f"| {md(dist.distributor)} | {md(dist.method)} | {md(dist.ports)} | {md(t.address)} | "
                               f"{md(t.system or '(no system)')} | {md(t.label or '-')} |")
                if not dist.targets:
                    out.append(f"| {md(dist.distributor)} | {md(dist.method)} | {md(dist.ports)} | - | - | - |")
            out.append("")
        else:
            out += ["Not distributed.", ""]
    if p.failover:
        out += ["## Failover", "",
                "| lost | DVIPA | owner | service | new connections to | status |",
                "|---|---|---|---|---|---|"]
        for r in p.failover:
            status = f"**dark**: {md(r.reason)}" if r.dark else "ok"
            out.append(f"| {md(_lost(r.lost))} | {md(r.dvipa)} | {md(r.owner or 'nobody')} | {md(r.service or '-')} | "
                       f"{md(_targets(r))} | {status} |")
        out.append("")
        for lost in p.lost_systems:
            if lost is not None:
                out.append(f"- **Lose {md(lost)}**: {md(_verdict(p, lost))}")
        out.append("")
    out += ["## HA findings", ""]
    if not p.findings:
        out.append("None.")
    for f in p.findings:
        out.append(f"- `{f.code}` ({f.severity}) {_code(f.where)}: {md(f.message)}")
    if p.other_findings:
        out += ["", f"And {p.other_findings} other finding{'s' if p.other_findings != 1 else ''}: "
                "run `zlint check` for all of them."]
    return "\n".join(out).rstrip() + "\n"

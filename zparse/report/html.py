"""The HA picture as one self-contained HTML page with an inline SVG drawing.

No external resource of any kind (no script, font, style sheet or image
link): the page works offline and in a mail attachment. The drawing puts the
DVIPAs in a row above the systems: a thick line from the owner, arrows to
the distribution targets (solid PREFERRED, dashed BACKUP), and orange dashed
arrows from the system that takes a DVIPA over when its owner is lost.
DVIPAs behind a service that goes dark in some failover case are red.
"""

from __future__ import annotations

import html

from ..outputs.common import printable
from .picture import FailoverRow, Picture
from .text import _backups, _lost, _owner, _targets, _verdict, _xcf, _zosmf

__all__ = ["render_html", "svg"]

_COL = 240
_MARGIN = 30
_DV_Y = 80
_SYS_Y = 330
_SYS_W, _SYS_H = 190, 86


def escape(text: str) -> str:
    """Text from input as HTML text or attribute: ``& < > " '`` escaped, control
    characters and undecodable bytes shown as backslash escapes."""
    return html.escape(printable(text))


def _x(i: int, n: int, width: int) -> float:
    return _MARGIN + (i + 0.5) * (width - 2 * _MARGIN) / max(n, 1)


def _along(x1: float, y1: float, x2: float, y2: float, t: float) -> tuple[float, float]:
    """The point at fraction ``t`` of the way from (x1, y1) to (x2, y2)."""
    return x1 + (x2 - x1) * t, y1 + (y2 - y1) * t


def _label(x: float, y: float, text: str, cls: str = "lbl") -> str:
    return f'<text x="{x:.0f}" y="{y:.0f}" class="{cls}" text-anchor="middle">{escape(text)}</text>'


def svg(p: Picture) -> str:
    """The drawing: systems, DVIPAs, ownership, distribution and failover arrows."""
    # DESTIPs that reach no system are drawn as red "ghost" boxes after the systems
    ghosts = list(dict.fromkeys(
        t.address for d in p.dvipas for dist in d.distributions if dist.distributor == d.owner
        for t in dist.targets if t.system is None))
    n_sys, n_dv = len(p.systems) + len(ghosts), len(p.dvipas)
    width = max(n_sys, n_dv, 2) * _COL + 2 * _MARGIN
    height = _SYS_Y + _SYS_H + 70
    sx = {s.name: _x(i, n_sys, width) for i, s in enumerate(p.systems)}
    gx = {a: _x(len(p.systems) + i, n_sys, width) for i, a in enumerate(ghosts)}
    dark = {r.dvipa for r in p.failover if r.dark}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="HA picture of sysplex {escape(p.name)}">',
        "<defs>",
        *(f'<marker id="arrow-{k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
          f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="head-{k}"/></marker>'
          for k in ("pref", "backup", "takeover", "nowhere")),
        "</defs>",
    ]
    edges: list[str] = []
    labels: list[str] = []
    for i, d in enumerate(p.dvipas):
        dx = _x(i, n_dv, width)
        bottom = _DV_Y + 34
        if d.owner in sx:
            ox = sx[d.owner] - 45
            edges.append(f'<line x1="{ox:.0f}" y1="{_SYS_Y}" x2="{dx - 20:.0f}" y2="{bottom}" class="own"/>')
            lx, ly = _along(dx - 20, bottom, ox, _SYS_Y, 0.8)
            labels.append(_label(lx - 24, ly, "owns", "lbl own-l"))
        seen: set[tuple[str, str]] = set()
        for dist in d.distributions:
            if dist.distributor != d.owner:
                continue
            for t in dist.targets:
                if t.system is None and t.address in gx:
                    kind, tx = "nowhere", gx[t.address]
                elif t.system in sx and (t.system, t.label) not in seen:
                    seen.add((t.system, t.label))
                    kind = "backup" if t.role == "BACKUP" else "pref"
                    tx = sx[t.system]
                else:
                    continue
                edges.append(f'<line x1="{dx:.0f}" y1="{bottom}" x2="{tx:.0f}" y2="{_SYS_Y - 2}" '
                             f'class="{kind}" marker-end="url(#arrow-{kind})"/>')
                lx, ly = _along(dx, bottom, tx, _SYS_Y, 0.55)
                labels.append(_label(lx, ly, f"{t.label or dist.method} :{dist.ports}"))
        for lost in p.lost_systems:
            if lost is None or lost != d.owner:
                continue
            for r in p.rows_for(lost):
                if r.dvipa == d.address and r.owner in sx and r.owner != d.owner:
                    nx = sx[r.owner] + 45
                    edges.append(f'<line x1="{nx:.0f}" y1="{_SYS_Y}" x2="{dx + 22:.0f}" y2="{bottom}" '
                                 f'class="takeover" marker-end="url(#arrow-takeover)"/>')
                    lx, ly = _along(dx + 22, bottom, nx, _SYS_Y, 0.25)
                    labels.append(_label(lx + 70, ly, f"takes over if {lost} is lost", "lbl take-l"))
                    break
    parts += edges
    for i, d in enumerate(p.dvipas):
        dx = _x(i, n_dv, width)
        cls = "dvipa dark" if d.address in dark else "dvipa"
        parts.append(f'<g class="{cls}"><title>{escape(d.address)}: owner {escape(d.owner or "nobody")}</title>'
                     f'<ellipse cx="{dx:.0f}" cy="{_DV_Y}" rx="100" ry="34"/>')
        parts.append(_label(dx, _DV_Y - 2 if d.names else _DV_Y + 5, d.address, "dv-addr"))
        if d.names:
            parts.append(_label(dx, _DV_Y + 16, ", ".join(d.names), "dv-name"))
        parts.append("</g>")
    for s in p.systems:
        x = sx[s.name]
        parts.append(f'<g class="system"><title>{escape(s.name)}</title>'
                     f'<rect x="{x - _SYS_W / 2:.0f}" y="{_SYS_Y}" width="{_SYS_W}" height="{_SYS_H}" rx="8"/>')
        parts.append(_label(x, _SYS_Y + 24, s.name, "sys-name"))
        parts.append(_label(x, _SYS_Y + 46, "XCF " + (", ".join(s.xcf) or "none"), "sys-line"))
        z = f"z/OSMF {s.zosmf.proc} ({s.zosmf.autostart})" if s.zosmf else "no z/OSMF"
        parts.append(_label(x, _SYS_Y + 66, z, "sys-line"))
        parts.append("</g>")
    for a, x in gx.items():
        parts.append(f'<g class="ghost"><title>DESTIP {escape(a)}: no system has this DYNAMICXCF address</title>'
                     f'<rect x="{x - _SYS_W / 2:.0f}" y="{_SYS_Y}" width="{_SYS_W}" height="{_SYS_H}" rx="8"/>')
        parts.append(_label(x, _SYS_Y + 34, a, "sys-name"))
        parts.append(_label(x, _SYS_Y + 58, "not a DYNAMICXCF address", "sys-line"))
        parts.append("</g>")
    parts += labels
    ly = height - 22
    parts.append(f'<g class="legend"><line x1="{_MARGIN}" y1="{ly}" x2="{_MARGIN + 40}" y2="{ly}" class="own"/>'
                 + _label(_MARGIN + 72, ly + 4, "owns")
                 + f'<line x1="{_MARGIN + 120}" y1="{ly}" x2="{_MARGIN + 160}" y2="{ly}" class="pref"/>'
                 + _label(_MARGIN + 200, ly + 4, "PREFERRED")
                 + f'<line x1="{_MARGIN + 250}" y1="{ly}" x2="{_MARGIN + 290}" y2="{ly}" class="backup"/>'
                 + _label(_MARGIN + 325, ly + 4, "BACKUP")
                 + f'<line x1="{_MARGIN + 370}" y1="{ly}" x2="{_MARGIN + 410}" y2="{ly}" class="takeover"/>'
                 + _label(_MARGIN + 460, ly + 4, "takeover")
                 + "</g>")
    parts.append("</svg>")
    return "\n".join(parts)


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1b1f24; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccd; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef1f6; }
tr.dark td { background: #fde8e8; }
code { background: #f3f4f6; padding: 0 .2rem; }
.ok { color: #18794e; } .bad { color: #b42318; font-weight: 600; }
svg { max-width: 100%; height: auto; border: 1px solid #dde; background: #fcfcfd; }
svg .system rect { fill: #e8f0fe; stroke: #2f5fb3; stroke-width: 1.5; }
svg .dvipa ellipse { fill: #f2f7ec; stroke: #3d7a26; stroke-width: 1.5; }
svg .dvipa.dark ellipse { fill: #fde8e8; stroke: #b42318; }
svg text { font-family: system-ui, sans-serif; font-size: 12px; fill: #1b1f24; }
svg .sys-name { font-weight: 700; font-size: 15px; } svg .dv-addr { font-weight: 700; font-size: 14px; }
svg .lbl { paint-order: stroke; stroke: #fcfcfd; stroke-width: 4px; }
svg line.own { stroke: #2f5fb3; stroke-width: 4; }
svg line.pref { stroke: #18794e; stroke-width: 2; }
svg line.backup { stroke: #18794e; stroke-width: 2; stroke-dasharray: 6 4; }
svg line.takeover { stroke: #d97706; stroke-width: 2; stroke-dasharray: 3 3; }
svg line.nowhere { stroke: #b42318; stroke-width: 2; stroke-dasharray: 6 4; }
svg .ghost rect { fill: #fff; stroke: #b42318; stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .head-pref, svg .head-backup { fill: #18794e; } svg .head-takeover { fill: #d97706; }
svg .head-nowhere { fill: #b42318; }
"""


def _row(r: FailoverRow) -> str:
    status = f'<span class="bad">dark</span>: {escape(r.reason)}' if r.dark else '<span class="ok">ok</span>'
    cls = ' class="dark"' if r.dark else ""
    return (f'<tr{cls}><td>{escape(_lost(r.lost))}</td>'
            f"<td>{escape(r.dvipa)}</td><td>{escape(r.owner or 'nobody')}</td>"
            f"<td>{escape(r.service or '-')}</td><td>{escape(_targets(r))}</td><td>{status}</td></tr>")


def render_html(p: Picture) -> str:
    """A complete HTML document."""
    title = f"HA report: sysplex {p.name}"
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{escape(title)}</h1>", f"<p>Read from <code>{escape(p.source)}</code>.</p>",
           '<h2>Diagram</h2>', f'<figure id="diagram">{svg(p)}</figure>',
           "<h2>Systems</h2>", "<table><tr><th>system</th><th>DYNAMICXCF</th><th>profile</th><th>z/OSMF</th></tr>"]
    for s in p.systems:
        prof = f"{s.profile} ({s.profile_status})" if s.profile else "none"
        out.append(f"<tr><td>{escape(s.name)}</td><td>{escape(_xcf(s))}</td><td><code>{escape(prof)}</code></td>"
                   f"<td>{escape(_zosmf(s))}</td></tr>")
    out.append("</table>")
    out.append("<h2>DVIPAs</h2>")
    if not p.dvipas:
        out.append("<p>No dynamic VIPA in this sysplex.</p>")
    for d in p.dvipas:
        names = f" ({escape(', '.join(d.names))})" if d.names else ""
        out.append(f"<h3>{escape(d.address)}{names}</h3><ul>")
        out.append(f"<li><b>owner</b>: {escape(_owner(d))}</li>")
        out.append(f"<li><b>defined on</b>: {escape(', '.join(d.defined_on) or 'none')}</li>")
        out.append(f"<li><b>backups</b>: {escape(_backups(d))}</li>")
        if d.zosmf:
            out.append(f"<li><b>z/OSMF servers</b>: {escape(', '.join(d.zosmf))}</li>")
        out.append("</ul>")
        if d.distributions:
            out.append("<table><tr><th>distributor</th><th>method</th><th>ports</th><th>target</th>"
                       "<th>system</th><th>role</th></tr>")
            for dist in d.distributions:
                for t in dist.targets:
                    out.append(f"<tr><td>{escape(dist.distributor)}</td><td>{escape(dist.method)}</td>"
                               f"<td>{escape(dist.ports)}</td><td>{escape(t.address)}</td>"
                               f"<td>{escape(t.system or '(no system)')}</td><td>{escape(t.label or '-')}</td></tr>")
            out.append("</table>")
    if p.failover:
        out.append("<h2>Failover</h2>")
        out.append("<table><tr><th>lost</th><th>DVIPA</th><th>owner</th><th>service</th>"
                   "<th>new connections to</th><th>status</th></tr>")
        out += [_row(r) for r in p.failover]
        out.append("</table><ul>")
        for lost in p.lost_systems:
            if lost is not None:
                out.append(f"<li><b>Lose {escape(lost)}</b>: {escape(_verdict(p, lost))}</li>")
        out.append("</ul>")
    out.append("<h2>HA findings</h2>")
    if not p.findings:
        out.append("<p>None.</p>")
    else:
        out.append("<ul>")
        for f in p.findings:
            out.append(f"<li><code>{escape(f.code)}</code> ({escape(f.severity)}) <code>{escape(f.where)}</code>: "
                       f"{escape(f.message)}</li>")
        out.append("</ul>")
    if p.other_findings:
        out.append(f"<p>And {p.other_findings} other finding{'s' if p.other_findings != 1 else ''}: "
                   "run <code>zlint check</code> for all of them.</p>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"

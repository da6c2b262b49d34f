"""``zlint diff`` output: text, Markdown (a pull-request comment), GitHub, JSON.

Every format leads with the headline: services that a change leaves dark
in some failover case where they were reachable before. JSON is the
documented schema of docs/diff.md (``"version": 1``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..codes import CODES, Severity
from ..outputs.common import clean, plural
from ..outputs.github import escape_data, escape_property
from .core import Change, Finding, ServiceChange, ServiceView, SysplexDiff

__all__ = [
    "DIFF_JSON_VERSION", "diff_json", "fails", "render_github", "render_json", "render_markdown",
    "render_text", "step_summary",
]

DIFF_JSON_VERSION = 1
FAIL_ON = ("new-error", "new-warning", "lost-service")


# ---------------------------------------------------------------- shared wording


def _lost(lost: str | None) -> str:
    return "all systems up" if lost is None else f"lose {lost}"


def _targets(v: ServiceView | None) -> str:
    if v is None:
        return "not a service"
    if not v.reachable:
        return "nobody"
    return ", ".join(v.targets)


def _fields(m: Mapping[str, str] | None, only: Iterable[str] | None = None) -> str:
    if not m:
        return "-"
    keys = list(only) if only is not None else list(m)
    return ", ".join(f"{k} {m[k]}" for k in keys if k in m) or "-"


def _change_line(c: Change) -> str:
    if c.change in ("added", "removed"):
        sign, fields = ("+", c.after) if c.change == "added" else ("-", c.before)
        return f"{sign} {c.subject}" + (f": {_fields(fields)}" if fields else "")
    parts = [f"{k} {(c.before or {}).get(k, '(none)')} -> {(c.after or {}).get(k, '(none)')}" for k in c.fields]
    return f"~ {c.subject}: " + "; ".join(parts)


def _where(path: str | None, line: int | None, root: str | None = None) -> str:
    if path is None:
        return ""
    full = path if root in (None, ".", "") else f"{root.rstrip('/')}/{path}"
    return f"{full}:{line}" if line else full


def _finding_line(f: Finding, mark: str, root: str | None) -> str:
    where = _where(f.path, f.line, root)
    return f"{mark} {f.code} {f.severity.value}{' ' + where if where else ''}: {clean(f.message)}"


def _service_line(s: ServiceChange) -> str:
    text = f"{_lost(s.lost)}: {s.service}: {_targets(s.before)} -> {_targets(s.after)} [{s.status}]"
    if s.status == "dark" and s.after is not None:
        text += f" ({clean(s.after.reason)})"
    elif s.status == "dark":
        text += " (no system owns the DVIPA any more)"
    return text


def fails(diffs: Sequence[SysplexDiff], fail_on: Iterable[str]) -> bool:
    """Whether the change trips one of ``--fail-on new-error|new-warning|lost-service``."""
    wanted = set(fail_on)
    for d in diffs:
        if "lost-service" in wanted and d.dark:
            return True
        for f in d.findings.new:
            if "new-error" in wanted and f.severity is Severity.ERROR:
                return True
            if "new-warning" in wanted and f.severity.rank >= Severity.WARNING.rank:
                return True
    return False


def _counts(d: SysplexDiff) -> dict[str, int]:
    new = d.findings.new
    return {
        "new": len(new), "fixed": len(d.findings.fixed), "unchanged": len(d.findings.unchanged),
        "new_errors": sum(1 for f in new if f.severity is Severity.ERROR),
        "new_warnings": sum(1 for f in new if f.severity is Severity.WARNING),
        "changes": len(d.changes), "dark": len(d.dark), "restored": len(d.restored),
        "obey_notes": len(d.obey),
    }


def _title(d: SysplexDiff) -> str:
    return f"Sysplex {d.name}" + (f" ({d.path})" if d.path != "." else "")


# ---------------------------------------------------------------- text


def render_text(diffs: Sequence[SysplexDiff]) -> str:
    """A compact per-system summary for a terminal."""
    out: list[str] = []
    for d in diffs:
        n = _counts(d)
        out.append(f"{_title(d)}: {plural(n['new'], 'new finding')}, {n['fixed']} fixed, "
                   f"{plural(n['changes'], 'configuration change')}")
        if d.empty and not d.obey:
            out.append("  no effective change")
            out.append("")
            continue
        for s in d.dark:
            out.append(f"  !! goes dark: {_service_line(s)}")
        root = d.files_at
        for sd in d.systems:
            if sd.empty:
                continue
            out.append(f"  {sd.name}" + ("" if sd.status == "kept" else f" ({sd.status})"))
            out.extend(f"    {_change_line(c)}" for c in sd.changes)
            out.extend(f"    {_finding_line(f, '+', root)}" for f in sd.findings.new)
            out.extend(f"    {_finding_line(f, '-', None)} (fixed)" for f in sd.findings.fixed)
            out.extend(f"    ! OBEYFILE {n.statement}: {n.reason}" for n in sd.obey)
        sysplex_wide = d.sysplex_findings
        if d.sysplex_changes or sysplex_wide.new or sysplex_wide.fixed:
            out.append("  sysplex-wide")
            out.extend(f"    {_change_line(c)}" for c in d.sysplex_changes)
            out.extend(f"    {_finding_line(f, '+', root)}" for f in sysplex_wide.new)
            out.extend(f"    {_finding_line(f, '-', None)} (fixed)" for f in sysplex_wide.fixed)
        rows = [s for c in d.failover for s in c.changed if s.status != "dark"]
        owners = [o for c in d.failover for o in c.dvipas]
        if rows or owners:
            out.append("  failover")
            out.extend(f"    {_service_line(s)}" for s in rows)
            out.extend(f"    {_lost(o.lost)}: DVIPA {o.dvipa} owner {o.before or 'nobody'} -> "
                       f"{o.after or 'nobody'}" for o in owners)
        out.append("")
    dark = sum(len(d.dark) for d in diffs)
    if dark:
        out.append(f"{plural(dark, 'service')} left dark by this change.")
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- markdown


def _md(text: str) -> str:
    return clean(text).replace("|", "\\|").replace("\n", " ")


def _md_finding(f: Finding, root: str | None) -> str:
    where = _where(f.path, f.line, root)
    name = CODES[f.code].name if f.code in CODES else f.code.lower()
    return (f"- **{f.code}** ({name}, {f.severity.value})" + (f" `{where}`" if where else "")
            + f": {_md(f.message)}")


def render_markdown(diffs: Sequence[SysplexDiff]) -> str:
    """One pull-request comment: headline, a collapsible section per system,
    the before/after failover table, and the codes with their `zlint explain` pages."""
    out: list[str] = ["## zlint diff", ""]
    codes: set[str] = set()
    total_dark = [s for d in diffs for s in d.dark]
    if total_dark:
        out.append(f"> [!CAUTION]\n> **This change leaves {plural(len(total_dark), 'service')} dark** "
                   "where {} reachable before:".format("it was" if len(total_dark) == 1 else "they were"))
        for s in total_dark:
            out.append(f"> - {_md(_service_line(s))}")
        out.append("")
    for d in diffs:
        n = _counts(d)
        out.append(f"### {_md(_title(d))}")
        out.append("")
        if d.empty and not d.obey:
            out += ["No effective change: no finding, configuration or failover difference.", ""]
            continue
        out.append(f"{plural(n['new'], 'new finding')} ({n['new_errors']} errors, {n['new_warnings']} "
                   f"warnings), {n['fixed']} fixed, {n['unchanged']} unchanged; "
                   f"{plural(n['changes'], 'configuration change')}; "
                   f"{plural(n['dark'], 'service')} left dark, {n['restored']} restored.")
        out.append("")
        root = d.files_at
        groups: list[tuple[str, Sequence[Change], Sequence[Finding], Sequence[Finding], Sequence[str]]] = []
        for sd in d.systems:
            if not sd.empty:
                label = sd.name + ("" if sd.status == "kept" else f" ({sd.status})")
                groups.append((label, sd.changes, sd.findings.new, sd.findings.fixed,
                               [f"OBEYFILE `{_md(x.statement)}`: {_md(x.reason)}" for x in sd.obey]))
        sw = d.sysplex_findings
        if d.sysplex_changes or sw.new or sw.fixed:
            groups.append(("Sysplex-wide", d.sysplex_changes, sw.new, sw.fixed, []))
        for label, changes, new, fixed, notes in groups:
            summary = ", ".join(x for x in (
                plural(len(changes), "change") if changes else "",
                f"{len(new)} new" if new else "", f"{len(fixed)} fixed" if fixed else "",
                plural(len(notes), "OBEYFILE note") if notes else "") if x)
            out += ["<details>", f"<summary><b>{_md(label)}</b>: {summary}</summary>", ""]
            if changes:
                out += ["| | what | before | after |", "|---|---|---|---|"]
                for c in changes:
                    sign = {"added": "+", "removed": "−", "changed": "~"}[c.change]
                    keys = c.fields if c.change == "changed" else None
                    out.append(f"| {sign} | {_md(c.subject)} | {_md(_fields(c.before, keys))} "
                               f"| {_md(_fields(c.after, keys))} |")
                out.append("")
            for f in new:
                codes.add(f.code)
                out.append("- New " + _md_finding(f, root)[2:])
            for f in fixed:
                codes.add(f.code)
                out.append("- Fixed " + _md_finding(f, None)[2:])
            out.extend(f"- {x}" for x in notes)
            out += ["", "</details>", ""]
        rows = [s for c in d.failover for s in c.changed]
        owners = [o for c in d.failover for o in c.dvipas]
        if rows or owners:
            out += ["#### Failover before and after", "",
                    "| case | service | before | after | |", "|---|---|---|---|---|"]
            for s in rows:
                mark = {"dark": "**dark**", "restored": "restored"}.get(s.status, s.status)
                out.append(f"| {_lost(s.lost)} | {_md(s.service)} | {_md(_targets(s.before))} "
                           f"| {_md(_targets(s.after))} | {mark} |")
            for o in owners:
                out.append(f"| {_lost(o.lost)} | owner of DVIPA {o.dvipa} | {o.before or 'nobody'} "
                           f"| {o.after or 'nobody'} | moved |")
            out.append("")
    if codes:
        out += ["<details>", "<summary>Codes</summary>", ""]
        for code in sorted(codes):
            info = CODES.get(code)
            out.append(f"- **{code}**: {_md(info.summary) if info else ''} — `zlint explain {code}`")
        out += ["", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def step_summary(diffs: Sequence[SysplexDiff]) -> str:
    """The GitHub job summary (``$GITHUB_STEP_SUMMARY``): the Markdown report."""
    return render_markdown(diffs)


# ---------------------------------------------------------------- github


_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(diffs: Sequence[SysplexDiff]) -> str:
    """Workflow commands: an annotation on the after side's line for each new
    finding, each changed or added configuration item and each OBEYFILE note;
    a service left dark is an error annotation (on the changed line when
    one is known)."""
    lines: list[str] = []

    def cmd(level: str, path: str | None, line: int | None, title: str, message: str) -> None:
        props = []
        if path is not None:
            props.append(f"file={escape_property(path)}")
            if line:
                props.append(f"line={line}")
        props.append(f"title={escape_property(title)}")
        lines.append(f"::{level} {','.join(props)}::{escape_data(message)}")

    for d in diffs:
        root = d.files_at

        def at(path: str | None, root: str | None = root) -> str | None:
            return None if path is None else _where(path, None, root)

        first = next((c for c in d.changes if c.change != "removed" and c.path), None)
        for s in d.dark:
            cmd("error", at(first.path) if first else None, first.line if first else None,
                "zlint diff: service goes dark", _service_line(s))
        for f in d.findings.new:
            cmd(_LEVEL[f.severity], at(f.path), f.line, f"{f.code} (new)", clean(f.message))
        for c in d.changes:
            if c.change != "removed" and c.path is not None:
                who = f"{c.system}: " if c.system else ""
                cmd("notice", at(c.path), c.line, f"zlint diff: {c.change}", who + _change_line(c)[2:])
        for n in d.obey:
            cmd("warning", at(n.path), n.line, "OBEYFILE: not applied", f"{n.statement}: {n.reason}")
    return "".join(x + "\n" for x in lines)


# ---------------------------------------------------------------- json


def _finding_json(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity.value, "message": clean(f.message), "system": f.system,
            "path": f.path, "line": f.line, "fingerprint": f.fingerprint}


def _view_json(v: ServiceView | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"owner": v.owner, "method": v.method, "targets": list(v.targets), "reachable": v.reachable,
            "reason": clean(v.reason)}


def diff_json(d: SysplexDiff) -> dict[str, Any]:
    """One sysplex's diff as JSON data (docs/diff.md)."""
    return {
        "name": d.name,
        "path": d.path,
        "systems": {"before": list(d.systems_before), "after": list(d.systems_after)},
        "summary": _counts(d),
        "findings": {part: [_finding_json(f) for f in getattr(d.findings, part)]
                     for part in ("new", "fixed", "unchanged")},
        "changes": [{
            "system": c.system, "kind": c.kind, "key": c.key, "change": c.change,
            "before": dict(c.before) if c.before is not None else None,
            "after": dict(c.after) if c.after is not None else None,
            "fields": list(c.fields), "path": c.path, "line": c.line,
        } for c in d.changes],
        "failover": [{
            "lost": case.lost,
            "services": [{
                "kind": s.kind, "service": s.service, "dvipa": s.dvipa, "ports": s.ports, "status": s.status,
                "before": _view_json(s.before), "after": _view_json(s.after),
            } for s in case.services],
            "dvipas": [{"dvipa": o.dvipa, "before": o.before, "after": o.after, "before_how": o.before_how,
                        "after_how": o.after_how} for o in case.dvipas],
        } for case in d.failover],
        "obey": [{"system": n.system, "statement": n.statement, "reason": n.reason, "path": n.path,
                  "line": n.line} for n in d.obey],
    }


def render_json(diffs: Sequence[SysplexDiff]) -> str:
    """The whole document, indented, with a final newline."""
    totals = dict.fromkeys(_counts(SysplexDiff(name="")), 0)
    for d in diffs:
        for k, v in _counts(d).items():
            totals[k] = totals.get(k, 0) + v
    doc = {"version": DIFF_JSON_VERSION, "sysplexes": [diff_json(d) for d in diffs],
           "summary": {"sysplexes": len(diffs), **totals}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"

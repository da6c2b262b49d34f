"""``zparse.diff(before, after)``: what a change does to a sysplex.

Three parts, each computed on the effective configuration (OBEYFILE members
applied, see :mod:`zparse.review.obey`):

1. findings — new, fixed and unchanged, matched by code, system and the
   fingerprint SARIF uses (code, path relative to the sysplex root, message
   and the text of the flagged line: a finding that only moves is unchanged);
2. configuration — :class:`Change` entries between the two sides' facts
   (:mod:`zparse.review.facts`), in z/OS terms;
3. failover — for every "all up" and "lose system X" case, who owns each
   DVIPA and where new connections to each service go, before and after;
   a service reachable before and not after is ``dark``: the headline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from ..codes import Severity
from ..diagnostics import Diagnostic
from ..engine import lint
from ..outputs.sarif import fingerprint
from ..source import Span
from ..sysplex import FailoverCase, ServiceState, Sysplex, simulate_failover
from .facts import KINDS, Fact, facts_of
from .obey import ObeyNote, effective_sysplex

__all__ = [
    "CaseDiff", "Change", "DvipaChange", "Finding", "FindingsDiff", "ServiceChange", "ServiceView",
    "SysplexDiff", "SystemDiff", "diff",
]


# ---------------------------------------------------------------- result types


@attrs.frozen(kw_only=True)
class Finding:
    """A finding on one side: ``path`` is relative to that side's sysplex root."""

    code: str
    severity: Severity
    message: str
    system: str | None
    path: str | None
    line: int
    fingerprint: str
    diagnostic: Diagnostic = attrs.field(eq=False, hash=False, repr=False)


@attrs.frozen(kw_only=True)
class FindingsDiff:
    """New (only after), fixed (only before) and unchanged findings."""

    new: tuple[Finding, ...] = ()
    fixed: tuple[Finding, ...] = ()
    unchanged: tuple[Finding, ...] = ()


@attrs.frozen(kw_only=True)
class Change:
    """One fact added, removed or changed. ``system`` None: sysplex-wide.

    ``before`` / ``after`` are the fact's fields on each side (None where
    absent); ``span`` is where the after side says it (the before side for a
    removal), for annotations."""

    system: str | None
    kind: str
    key: str
    change: str  # "added" | "removed" | "changed"
    before: Mapping[str, str] | None
    after: Mapping[str, str] | None
    span: Span | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    path: str | None = attrs.field(default=None, eq=False, hash=False)
    line: int | None = attrs.field(default=None, eq=False, hash=False)

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields whose value differs (every field for an addition or removal)."""
        b, a = self.before or {}, self.after or {}
        return tuple(k for k in dict.fromkeys((*b, *a)) if b.get(k) != a.get(k))

    @property
    def subject(self) -> str:
        """``VIPADEFINE 198.51.100.10``, ``z/OSMF HTTP_SSL_PORT``, ``DNS zosmf.example.com``."""
        if self.kind == "system":
            return f"system {self.key}"
        label = {"dns": "DNS", "takeover": "takeover of"}.get(self.kind, self.kind)
        return f"{label} {self.key}".strip()


@attrs.frozen(kw_only=True)
class ServiceView:
    """One side of a service in one failover case."""

    owner: str | None
    method: str | None
    targets: tuple[str, ...]
    reachable: bool
    reason: str


@attrs.frozen(kw_only=True)
class ServiceChange:
    """A service in one failover case, before and after.

    ``status``: ``dark`` (reachable before, not after: the headline),
    ``restored`` (unreachable before, reachable after), ``moved`` (reachable
    on both sides, other owner or targets), ``added`` / ``removed`` (the
    service exists on one side only), ``unchanged``."""

    lost: str | None
    kind: str
    service: str
    dvipa: str
    ports: str
    status: str
    before: ServiceView | None
    after: ServiceView | None


@attrs.frozen(kw_only=True)
class DvipaChange:
    """Who owns a DVIPA in one failover case, before and after."""

    lost: str | None
    dvipa: str
    before: str | None
    after: str | None
    before_how: str = ""
    after_how: str = ""


@attrs.frozen(kw_only=True)
class CaseDiff:
    """One failover case (``lost`` None: every system up)."""

    lost: str | None
    services: tuple[ServiceChange, ...] = ()
    dvipas: tuple[DvipaChange, ...] = ()

    @property
    def changed(self) -> tuple[ServiceChange, ...]:
        return tuple(s for s in self.services if s.status != "unchanged")


@attrs.frozen(kw_only=True)
class SystemDiff:
    """The part of a :class:`SysplexDiff` that concerns one system."""

    name: str
    status: str  # "added" | "removed" | "kept"
    findings: FindingsDiff
    changes: tuple[Change, ...]
    obey: tuple[ObeyNote, ...]

    @property
    def empty(self) -> bool:
        return not (self.findings.new or self.findings.fixed or self.changes or self.obey
                    or self.status != "kept")


@attrs.frozen(kw_only=True)
class SysplexDiff:
    """What a change does to one sysplex (see the module docstring).

    ``name`` is the after side's sysplex name (the before side's when the
    after side has no sysplex); ``path`` the sysplex root relative to the
    folder or revision compared (``.`` for the top); ``files_at`` where the
    after side's files are on disk, relative to the current folder (for
    annotations and links), when known."""

    name: str
    path: str = "."
    findings: FindingsDiff = FindingsDiff()
    changes: tuple[Change, ...] = ()
    failover: tuple[CaseDiff, ...] = ()
    obey: tuple[ObeyNote, ...] = ()
    systems_before: tuple[str, ...] = ()
    systems_after: tuple[str, ...] = ()
    files_at: str | None = None

    @property
    def empty(self) -> bool:
        """No new or fixed finding, no configuration change, no failover change."""
        return not (self.findings.new or self.findings.fixed or self.changes
                    or any(c.changed or c.dvipas for c in self.failover))

    @property
    def dark(self) -> tuple[ServiceChange, ...]:
        """Services that go dark in some failover case where they did not before."""
        return tuple(s for c in self.failover for s in c.services if s.status == "dark")

    @property
    def restored(self) -> tuple[ServiceChange, ...]:
        return tuple(s for c in self.failover for s in c.services if s.status == "restored")

    @property
    def systems(self) -> tuple[SystemDiff, ...]:
        """One entry per system of either side, by name."""
        out = []
        for name in sorted(set(self.systems_before) | set(self.systems_after)):
            status = ("added" if name not in self.systems_before else
                      "removed" if name not in self.systems_after else "kept")

            def mine(fs: Iterable[Finding], name: str = name) -> tuple[Finding, ...]:
                return tuple(f for f in fs if f.system == name)

            out.append(SystemDiff(
                name=name, status=status,
                findings=FindingsDiff(new=mine(self.findings.new), fixed=mine(self.findings.fixed),
                                      unchanged=mine(self.findings.unchanged)),
                changes=tuple(c for c in self.changes if c.system == name),
                obey=tuple(n for n in self.obey if n.system == name),
            ))
        return tuple(out)

    @property
    def sysplex_changes(self) -> tuple[Change, ...]:
        """Changes that belong to no one system (DNS, takeover order)."""
        return tuple(c for c in self.changes if c.system is None)

    @property
    def sysplex_findings(self) -> FindingsDiff:
        """Findings that belong to no one system."""
        def none(fs: Iterable[Finding]) -> tuple[Finding, ...]:
            return tuple(f for f in fs if f.system is None)
        return FindingsDiff(new=none(self.findings.new), fixed=none(self.findings.fixed),
                            unchanged=none(self.findings.unchanged))


# ---------------------------------------------------------------- findings


def _findings(sysplex: Sysplex, diags: Sequence[Diagnostic]) -> dict[tuple[str, str, str, int], Finding]:
    out: dict[tuple[str, str, str, int], Finding] = {}
    seen: Counter[tuple[str, str, str]] = Counter()
    for d in diags:
        fp = fingerprint(d, sysplex.root)
        key = (d.code, d.system or "", fp)
        seen[key] += 1
        line, _ = d.span.start_line_col()
        path = sysplex.relpath(d.span.path) if d.span.path else None
        out[(*key, seen[key])] = Finding(code=d.code, severity=d.severity, message=d.message, system=d.system,
                                         path=path, line=line, fingerprint=fp, diagnostic=d)
    return out


def _diff_findings(before: Mapping[tuple[str, str, str, int], Finding],
                   after: Mapping[tuple[str, str, str, int], Finding]) -> FindingsDiff:
    return FindingsDiff(
        new=tuple(f for k, f in after.items() if k not in before),
        fixed=tuple(f for k, f in before.items() if k not in after),
        unchanged=tuple(f for k, f in after.items() if k in before),
    )


# ---------------------------------------------------------------- configuration


def _where(sysplex: Sysplex, span: Span | None) -> tuple[str | None, int | None]:
    if span is None or span.path is None:
        return None, None
    return sysplex.relpath(span.path), span.start_line_col()[0]


def _kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _diff_facts(before: Sysplex, after: Sysplex, fb: Mapping[tuple[str, str, str], Fact],
                fa: Mapping[tuple[str, str, str], Fact]) -> tuple[Change, ...]:
    out: list[Change] = []
    for ident in sorted(set(fb) | set(fa), key=lambda i: (i[0], _kind_rank(i[1]), i[1], i[2])):
        b, a = fb.get(ident), fa.get(ident)
        if b is not None and a is not None and b.fields == a.fields:
            continue
        if a is not None:
            side, fact = after, a
        else:
            assert b is not None
            side, fact = before, b
        path, line = _where(side, fact.span)
        change = "changed" if a is not None and b is not None else "added" if a is not None else "removed"
        out.append(Change(system=fact.system, kind=fact.kind, key=fact.key, change=change,
                          before=b.as_dict() if b is not None else None,
                          after=a.as_dict() if a is not None else None,
                          span=fact.span, path=path, line=line))
    return tuple(out)


# ---------------------------------------------------------------- failover


def _view(s: ServiceState) -> ServiceView:
    return ServiceView(owner=s.owner, method=s.method, targets=s.targets, reachable=s.reachable, reason=s.reason)


def _case_of(cases: Sequence[FailoverCase], lost: str | None) -> FailoverCase | None:
    base = None
    for c in cases:
        if c.lost == lost:
            return c
        if c.lost is None:
            base = c
    return base  # losing a system this side does not have: every system of it is up


def _diff_case(lost: str | None, cb: FailoverCase | None, ca: FailoverCase | None) -> CaseDiff:
    sb = {(s.kind, s.dvipa, s.ports): s for s in (cb.services if cb else ())}
    sa = {(s.kind, s.dvipa, s.ports): s for s in (ca.services if ca else ())}
    ob = {d.dvipa: d for d in (cb.dvipas if cb else ())}
    oa = {d.dvipa: d for d in (ca.dvipas if ca else ())}
    services: list[ServiceChange] = []
    for key in sorted(set(sb) | set(sa), key=lambda k: (k[1].version, int(k[1]), k[2], k[0])):
        b, a = sb.get(key), sa.get(key)
        ref = a or b
        assert ref is not None
        if b is not None and a is not None:
            if b.reachable and not a.reachable:
                status = "dark"
            elif a.reachable and not b.reachable:
                status = "restored"
            elif (b.owner, b.targets) != (a.owner, a.targets):
                status = "moved"
            else:
                status = "unchanged"
        elif b is not None:
            # no longer a service of its own; it goes dark when nobody owns the DVIPA any more
            owner = oa.get(b.dvipa)
            status = "dark" if b.reachable and (owner is None or owner.owner is None) else "removed"
        else:
            status = "added"
        services.append(ServiceChange(
            lost=lost, kind=ref.kind, service=ref.name, dvipa=str(ref.dvipa), ports=ref.ports, status=status,
            before=_view(b) if b is not None else None, after=_view(a) if a is not None else None,
        ))
    dvipas: list[DvipaChange] = []
    for addr in sorted(set(ob) | set(oa), key=lambda x: (x.version, int(x))):
        db, da = ob.get(addr), oa.get(addr)
        bo, ao = (db.owner if db else None), (da.owner if da else None)
        if bo != ao:
            dvipas.append(DvipaChange(lost=lost, dvipa=str(addr), before=bo, after=ao,
                                      before_how=db.how if db else "not defined",
                                      after_how=da.how if da else "not defined"))
    return CaseDiff(lost=lost, services=tuple(services), dvipas=tuple(dvipas))


def _diff_failover(before: Sysplex, after: Sysplex) -> tuple[CaseDiff, ...]:
    cb = simulate_failover(before, baseline=True) if before.systems else []
    ca = simulate_failover(after, baseline=True) if after.systems else []
    lost: list[str | None] = [None]
    lost.extend(sorted(set(before.index.systems) | set(after.index.systems)))
    return tuple(_diff_case(x, _case_of(cb, x), _case_of(ca, x)) for x in lost)


# ---------------------------------------------------------------- entry point


Linter = Callable[[Sysplex], Sequence[Diagnostic]]


def diff(before: Sysplex, after: Sysplex, *, path: str = ".", files_at: str | None = None,
         linter: Linter | None = None) -> SysplexDiff:
    """What changes from ``before`` to ``after`` (see :class:`SysplexDiff`).

    Both sides are taken with their OBEYFILE members applied. ``linter``
    gives a side's findings (default: :func:`zparse.lint` with the side's
    own ``[lint]`` settings)."""
    run = linter or (lambda s: lint(s))
    eb, _ = effective_sysplex(before)
    ea, notes = effective_sysplex(after)
    findings = _diff_findings(_findings(eb, run(eb)), _findings(ea, run(ea)))
    changes = _diff_facts(eb, ea, facts_of(eb), facts_of(ea))
    name = after.name if after.systems or not before.systems else before.name
    return SysplexDiff(
        name=name, path=path, findings=findings, changes=changes, failover=_diff_failover(eb, ea),
        obey=notes, systems_before=tuple(s.name for s in before.systems),
        systems_after=tuple(s.name for s in after.systems), files_at=files_at,
    )

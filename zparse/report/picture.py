"""The HA picture of a sysplex as plain data, shared by every report format.

:func:`build_picture` reads the sysplex's cross-system index and its
failover simulation (:func:`zparse.sysplex.simulate_failover`) and keeps only
what a person looks at: per DVIPA the owner, the backups with their ranks,
the distributors and their targets (role, rank, ports), the z/OSMF servers
behind it; per failover case (one system lost) who owns each DVIPA and where
new connections to each service go, or that the service goes dark.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..diagnostics import Diagnostic
from ..outputs.common import relpath
from ..sysplex import FailoverCase, Sysplex, SysplexIndex, simulate_failover

__all__ = [
    "DistributionView", "DvipaView", "FailoverRow", "FindingView", "Picture", "SystemView",
    "TargetView", "ZosmfView", "build_picture",
]


@attrs.frozen(kw_only=True)
class ZosmfView:
    """A system's z/OSMF server as configured (effective values)."""

    proc: str
    hostname: str
    port: int
    autostart: str
    group: str
    user_dir: str

    @property
    def runs(self) -> bool:
        return self.autostart == "LOCAL"


@attrs.frozen(kw_only=True)
class SystemView:
    name: str
    xcf: tuple[str, ...]
    xcf_group: int | None
    profile: str | None
    profile_status: str | None
    zosmf: ZosmfView | None


@attrs.frozen(kw_only=True)
class TargetView:
    """One DESTIP: its address, the system it reaches, its hot-standby role and rank."""

    address: str
    system: str | None
    role: str | None
    rank: int | None

    @property
    def label(self) -> str:
        role = self.role or ""
        if self.role == "BACKUP" and self.rank is not None:
            role += f" {self.rank}"
        return role


@attrs.frozen(kw_only=True)
class DistributionView:
    """One system's VIPADISTRIBUTE of a DVIPA."""

    distributor: str
    method: str
    ports: str
    targets: tuple[TargetView, ...]


@attrs.frozen(kw_only=True)
class DvipaView:
    address: str
    names: tuple[str, ...]
    owner: str | None
    how: str
    defined_on: tuple[str, ...]
    backups: tuple[tuple[str, int], ...]
    distributions: tuple[DistributionView, ...]
    zosmf: tuple[str, ...]  # systems whose z/OSMF HOSTNAME resolves to this DVIPA


@attrs.frozen(kw_only=True)
class FailoverRow:
    """One service (or a DVIPA without services) in one failover case."""

    lost: str | None
    dvipa: str
    owner: str | None
    how: str
    service: str | None
    targets: tuple[str, ...]
    dark: bool
    reason: str


@attrs.frozen(kw_only=True)
class FindingView:
    code: str
    severity: str
    system: str | None
    where: str
    message: str


@attrs.frozen(kw_only=True)
class Picture:
    """Everything the report shows."""

    name: str
    source: str
    mode: str
    systems: tuple[SystemView, ...]
    dvipas: tuple[DvipaView, ...]
    failover: tuple[FailoverRow, ...]
    findings: tuple[FindingView, ...]
    other_findings: int

    @property
    def lost_systems(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(r.lost for r in self.failover))

    def rows_for(self, lost: str | None) -> tuple[FailoverRow, ...]:
        return tuple(r for r in self.failover if r.lost == lost)

    def dark_services(self, lost: str | None) -> tuple[FailoverRow, ...]:
        return tuple(r for r in self.rows_for(lost) if r.dark)


def _systems(sysplex: Sysplex, idx: SysplexIndex) -> tuple[SystemView, ...]:
    out = []
    for s in sysplex.systems:
        z = idx.zosmf.get(s.name)
        zv = None
        if z is not None:
            zv = ZosmfView(proc=z.server_proc, hostname=z.hostname, port=z.port, autostart=z.autostart,
                           group=z.group, user_dir=z.user_dir)
        out.append(SystemView(
            name=s.name,
            xcf=tuple(str(x.address) for x in idx.xcf_of.get(s.name, ()) if x.address is not None),
            xcf_group=idx.xcf_group.get(s.name, (None, None))[0],
            profile=relpath(s.tcpip_path) if s.tcpip_path else None,
            profile_status=s.tcpip_status,
            zosmf=zv,
        ))
    return tuple(out)


def _dvipas(sysplex: Sysplex, idx: SysplexIndex, baseline: FailoverCase | None) -> tuple[DvipaView, ...]:
    owners = {str(d.dvipa): d for d in (baseline.dvipas if baseline else ())}
    addresses = list(dict.fromkeys([*idx.dvipas(), *idx.distributors]))
    names: dict[str, list[str]] = {}
    for host, addrs in sysplex.dns.items():
        for a in addrs:
            names.setdefault(str(a), []).append(host)
    zosmf_by: dict[str, list[str]] = {}
    for svc in idx.zosmf_services:
        zosmf_by.setdefault(str(svc.dvipa), []).extend(z.system for z in svc.servers)
    out = []
    for a in addresses:
        key = str(a)
        dists = []
        for d in idx.distributors.get(a, ()):
            st = d.statement
            targets = tuple(
                TargetView(address=str(t.address) if t.address is not None else "?", system=t.system,
                           role=t.role.value if t.role is not None else None, rank=t.rank)
                for t in idx.targets.get(a, ()) if t.statement is st
            )
            dists.append(DistributionView(
                distributor=d.system, method=st.dist_method_effective.value,
                ports=", ".join(str(p) for p in st.ports) or "all ports", targets=targets))
        state = owners.get(key)
        out.append(DvipaView(
            address=key,
            names=tuple(sorted(names.get(key, ()))),
            owner=state.owner if state else idx.owner(a),
            how=state.how if state else "",
            defined_on=tuple(dict.fromkeys(d.system for d in idx.owners.get(a, ()))),
            backups=tuple((b.system, b.rank) for b in idx.backups.get(a, ())),
            distributions=tuple(dists),
            zosmf=tuple(dict.fromkeys(zosmf_by.get(key, ()))),
        ))
    return tuple(out)


def _failover(cases: Sequence[FailoverCase]) -> tuple[FailoverRow, ...]:
    rows = []
    for case in cases:
        owners = {d.dvipa: d for d in case.dvipas}
        served = set()
        for svc in case.services:
            served.add(svc.dvipa)
            state = owners.get(svc.dvipa)
            rows.append(FailoverRow(
                lost=case.lost, dvipa=str(svc.dvipa), owner=svc.owner, how=state.how if state else "",
                service=svc.name, targets=svc.targets, dark=not svc.reachable, reason=svc.reason))
        for d in case.dvipas:
            if d.dvipa not in served:
                rows.append(FailoverRow(
                    lost=case.lost, dvipa=str(d.dvipa), owner=d.owner, how=d.how, service=None,
                    targets=(), dark=d.owner is None, reason=d.how))
    return tuple(rows)


def _findings(diags: Sequence[Diagnostic]) -> tuple[tuple[FindingView, ...], int]:
    ha = []
    other = 0
    for d in diags:
        if not d.code.startswith("HA"):
            other += 1
            continue
        line, col = d.span.start_line_col()
        ha.append(FindingView(code=d.code, severity=d.severity.value, system=d.system,
                              where=f"{relpath(d.span.path) or '<text>'}:{line}:{col}", message=d.message))
    return tuple(ha), other


def build_picture(sysplex: Sysplex, diagnostics: Sequence[Diagnostic] | None = None) -> Picture:
    """The picture of ``sysplex``; ``diagnostics`` default to a full lint run."""
    idx = sysplex.index
    cases = simulate_failover(sysplex, idx, baseline=True)
    baseline = cases[0] if cases and cases[0].lost is None else None
    if diagnostics is None:
        from ..engine import lint

        diagnostics = lint(sysplex)
    findings, other = _findings(diagnostics)
    return Picture(
        name=sysplex.name,
        source=relpath(sysplex.inventory or sysplex.root) or sysplex.root,
        mode=sysplex.mode,
        systems=_systems(sysplex, idx),
        dvipas=_dvipas(sysplex, idx, baseline),
        failover=_failover(cases),
        findings=findings,
        other_findings=other,
    )

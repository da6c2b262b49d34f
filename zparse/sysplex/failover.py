"""The failover simulation: lose each system in turn and see who serves what."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import NamedTuple

import attrs

from ..model.tcpip import DestRole, DistMethod, IpAddress, PortSpec, VipaDistribute, VipaStatement
from .index import SysplexIndex, Target, _addr_key
from .model import Sysplex

__all__ = ["Consequence", "DvipaState", "FailoverCase", "ServiceState", "consequences", "simulate_failover"]


@attrs.frozen(kw_only=True)
class DvipaState:
    """Who owns a DVIPA in one failover case, and how it got it."""

    dvipa: IpAddress
    owner: str | None
    how: str


@attrs.frozen(kw_only=True)
class ServiceState:
    """Where new connections to one service go in one failover case.

    ``kind`` is ``"distributed"`` (a VIPADISTRIBUTE's DVIPA and PORT entry;
    every live system counts as running its server) or ``"zosmf"`` (the
    DVIPA a z/OSMF HOSTNAME resolves to and its HTTP_SSL_PORT; only systems
    that autostart a z/OSMF server count). ``targets`` are the systems that
    receive new connections (one for HOTSTANDBY).
    """

    kind: str
    dvipa: IpAddress
    port_spec: PortSpec | None  # the PORT entry (a z/OSMF port is a one-port spec); None: every port
    owner: str | None
    method: str | None
    targets: tuple[str, ...]
    reachable: bool
    reason: str
    distributor: VipaDistribute | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def ports(self) -> str:
        """The PORT entry as written (``443``, ``8000-8010``), or ``all ports``."""
        return str(self.port_spec) if self.port_spec is not None else "all ports"

    @property
    def port(self) -> int | None:
        """The first port of the entry (None: every port)."""
        return self.port_spec.first if self.port_spec is not None else None

    def covers(self, port: int | None) -> bool:
        """Whether this service's PORT entry includes ``port`` (a service of every port covers none by number)."""
        return port is not None and self.port_spec is not None and port in self.port_spec

    @property
    def name(self) -> str:
        """The service for messages: ``198.51.100.10 port 443``, ``z/OSMF at ...``."""
        what = "z/OSMF at " if self.kind == "zosmf" else ""
        return f"{what}{self.dvipa} {'port ' + self.ports if self.ports != 'all ports' else '(all ports)'}"


@attrs.frozen(kw_only=True)
class FailoverCase:
    """The sysplex with one system lost (``lost`` None: every system up)."""

    lost: str | None
    dvipas: tuple[DvipaState, ...]
    services: tuple[ServiceState, ...]
    _keys: Mapping[tuple[str, IpAddress, int | None], int] = attrs.field(
        factory=dict, eq=False, repr=False, alias="_keys")

    def service(self, kind: str, dvipa: IpAddress, port: int | None) -> ServiceState | None:
        """The state of one service in this case, or None (looked up by key)."""
        if self._keys:
            i = self._keys.get((kind, dvipa, port))
            return None if i is None else self.services[i]
        for s in self.services:
            if s.kind == kind and s.dvipa == dvipa and s.port == port:
                return s
        return None


@attrs.frozen(kw_only=True)
class _Service:
    kind: str
    dvipa: IpAddress
    port_spec: PortSpec | None

    @property
    def ports(self) -> str:
        return str(self.port_spec) if self.port_spec is not None else "all ports"

    @property
    def port(self) -> int | None:
        return self.port_spec.first if self.port_spec is not None else None


def _owner(idx: SysplexIndex, dvipa: IpAddress, alive: AbstractSet[str], lost: str | None) -> tuple[str | None, str]:
    defs = [d.system for d in idx.owners.get(dvipa, ())]
    bks = list(idx.backups.get(dvipa, ()))
    base: str | None
    if defs:
        base, how = defs[0], "VIPADEFINE"
        if len(defs) > 1:
            how = "VIPADEFINE (also defined on " + ", ".join(defs[1:]) + "; the later-activated stack owns it)"
    else:
        act = [b for b in bks if b.activates]
        if act:
            base, how = act[0].system, f"VIPABACKUP {act[0].rank} MOVEABLE (activates it)"
        else:
            base, how = None, "not active: no VIPADEFINE, and a plain VIPABACKUP only takes over an active DVIPA"
    if base is None or base in alive:
        return base, how
    # the owner is lost: a stack that also VIPADEFINEs it, else the highest-ranked VIPABACKUP
    for name in defs:
        if name in alive:
            return name, "VIPADEFINE (takes over)"
    for b in bks:
        if b.system in alive:
            return b.system, f"VIPABACKUP rank {b.rank} (takes over)"
    return None, "no other system VIPADEFINEs or VIPABACKUPs it"


def _services(idx: SysplexIndex) -> list[_Service]:
    out: dict[tuple[str, IpAddress, str], _Service] = {}
    for dvipa, ds in idx.distributors.items():
        for d in ds:
            st = d.statement
            if st.delete:
                continue
            if not st.ports:
                out.setdefault(("distributed", dvipa, "all ports"),
                               _Service(kind="distributed", dvipa=dvipa, port_spec=None))
            for spec in st.ports:
                out.setdefault(("distributed", dvipa, str(spec)),
                               _Service(kind="distributed", dvipa=dvipa, port_spec=spec))
    for svc in idx.zosmf_services:
        out.setdefault(("zosmf", svc.dvipa, str(svc.port)),
                       _Service(kind="zosmf", dvipa=svc.dvipa,
                                              port_spec=PortSpec(first=svc.port, last=svc.port)))
    return sorted(out.values(), key=lambda s: (_addr_key(s.dvipa), s.port or 0, s.kind))


class _Tables:
    """What the simulation reads, built once per sysplex: the services with
    their keys, the DVIPAs, who distributes each DVIPA (by system) and the
    targets of each VIPADISTRIBUTE statement."""

    def __init__(self, idx: SysplexIndex) -> None:
        self.idx = idx
        self.services = _services(idx)
        self.keys: dict[tuple[str, IpAddress, int | None], int] = {}
        for i, s in enumerate(self.services):
            self.keys.setdefault((s.kind, s.dvipa, s.port), i)
        self.dvipas = sorted(set(idx.dvipas()) | set(idx.distributors) | {s.dvipa for s in self.services},
                             key=_addr_key)
        self.statements: dict[tuple[IpAddress, str], list[VipaDistribute]] = {}
        for dvipa, ds in idx.distributors.items():
            for d in ds:
                if not d.statement.delete:
                    self.statements.setdefault((dvipa, d.system), []).append(d.statement)
        self.everyone = frozenset(idx.systems)
        self.targets: dict[int, list[Target]] = {}
        for ts in idx.targets.values():
            for t in ts:
                self.targets.setdefault(id(t.statement), []).append(t)
        self._chosen: dict[tuple[int, str], _Route] = {}

    def serves(self, kind: str, system: str | None) -> bool:
        """Whether ``system`` runs the server of a ``kind`` service (when alive)."""
        if system is None or system not in self.everyone:
            return False
        if kind == "zosmf":
            if system in self.idx.zosmf_unknown:
                return True  # its IZUPRMxx could not be read: do not guess a failure
            z = self.idx.zosmf.get(system)
            return z is not None and z.runs_server
        return True

    def chosen(self, i: int, owner: str) -> _Route:
        """How ``owner`` routes service ``i``: its VIPADISTRIBUTE for it (None:
        it does not distribute it), that statement's targets, and the systems
        that would take the connections in target order with every system up
        (for HOTSTANDBY: the candidates in preference order)."""
        key = (i, owner)
        hit = self._chosen.get(key)
        if hit is None:
            svc = self.services[i]
            stmts = self.statements.get((svc.dvipa, owner), [])
            if svc.port is None:
                stmts = [s for s in stmts if not s.ports]
            else:
                port = svc.port
                stmts = [s for s in stmts if s.distributes_port(port)]
            st = stmts[0] if stmts else None
            tgts = self.targets.get(id(st), []) if st is not None else []
            hot = st is not None and st.dist_method_effective is DistMethod.HOTSTANDBY
            if hot:
                pref = [t for t in tgts if t.role is DestRole.PREFERRED]
                order = pref + sorted((t for t in tgts if t.role is DestRole.BACKUP),
                                      key=lambda t: (-(t.rank or 0), t.order))
                runners = [t.system for t in order if t.system is not None and self.serves(svc.kind, t.system)]
            else:
                runners = list(dict.fromkeys(t.system for t in tgts
                                             if t.system is not None and self.serves(svc.kind, t.system)))
            hit = _Route(st, tgts, hot, runners)
            self._chosen[key] = hit
        return hit


class _Route(NamedTuple):
    statement: VipaDistribute | None
    targets: list[Target]
    hotstandby: bool
    runners: list[str]


def _route(tables: _Tables, i: int, owner: str | None, lost: str | None) -> ServiceState:
    idx = tables.idx
    svc = tables.services[i]

    def runs(system: str | None) -> bool:
        return system != lost and tables.serves(svc.kind, system)

    def why(system: str | None, address: str) -> str:
        if system is None:
            return f"{address} (no system has this DYNAMICXCF address)"
        if system == lost or system not in tables.everyone:
            return f"{address} ({system}, lost)"
        if svc.kind == "zosmf":
            z = idx.zosmf.get(system)
            return f"{address} ({system}, " + ("no IZUPRMxx" if z is None else "AUTOSTART(CONNECT)") + ")"
        return f"{address} ({system})"

    def state(method: str | None, targets: tuple[str, ...], reason: str,
              distributor: VipaDistribute | None = None) -> ServiceState:
        return ServiceState(kind=svc.kind, dvipa=svc.dvipa, port_spec=svc.port_spec, owner=owner,
                            method=method, targets=targets, reachable=bool(targets), reason=reason,
                            distributor=distributor)

    if owner is None:
        return state(None, (), "no system owns the DVIPA")
    route = tables.chosen(i, owner)
    st, tgts = route.statement, route.targets
    if st is None:
        ok = runs(owner)
        reason = (f"{owner} owns the DVIPA and does not distribute it; its own server takes the connections"
                  if ok else f"{owner} owns the DVIPA, does not distribute it and runs no "
                  + ("z/OSMF server" if svc.kind == "zosmf" else "server"))
        return state(None, (owner,) if ok else (), reason)
    method = st.dist_method_effective
    runners = route.runners
    if lost is not None and lost in runners:
        k = runners.index(lost)
        runners = runners[:k] + runners[k + 1:]
    picked: tuple[str, ...] = (runners[0],) if route.hotstandby and runners else tuple(runners)
    if picked:
        reason = f"{owner} distributes ({method.value}) to " + ", ".join(picked)
    else:
        listed = ", ".join(why(t.system, str(t.address) if t.address else "?") for t in tgts) or "none"
        reason = f"{owner} distributes ({method.value}) but no target can take the connections: {listed}"
    return state(method.value, picked, reason, st)


def _simulate(idx: SysplexIndex, *, baseline: bool) -> list[FailoverCase]:
    """Every case, recomputing for each lost system only what it touches.

    The case with every system up is computed in full. Losing a system can
    change only the DVIPAs it owns and the services whose owner or targets
    include it (what else a service's route reads -- the owner's statements,
    the targets' z/OSMF settings -- does not depend on who is lost), so each
    case copies the baseline's states and recomputes those: linear in the
    systems times the DVIPAs each touches.
    """
    tables = _Tables(idx)
    everyone = frozenset(idx.systems)
    base_owner: dict[IpAddress, str | None] = {}
    base_dvipas: list[DvipaState] = []
    owned_by: dict[str, list[int]] = {}
    for k, d in enumerate(tables.dvipas):
        owner, how = _owner(idx, d, everyone, None)
        base_owner[d] = owner
        base_dvipas.append(DvipaState(dvipa=d, owner=owner, how=how))
        if owner is not None:
            owned_by.setdefault(owner, []).append(k)
    base_services: list[ServiceState] = []
    touches: dict[str, set[int]] = {}
    for i, svc in enumerate(tables.services):
        owner = base_owner[svc.dvipa]
        base_services.append(_route(tables, i, owner, None))
        if owner is None:
            continue  # nobody owns it whoever is lost
        touches.setdefault(owner, set()).add(i)
        for t in tables.chosen(i, owner).targets:
            if t.system is not None:
                touches.setdefault(t.system, set()).add(i)
    cases = [FailoverCase(lost=None, dvipas=tuple(base_dvipas), services=tuple(base_services),
                          _keys=tables.keys)] if baseline else []
    for lost in idx.systems:
        alive = everyone - {lost}
        dvipas = list(base_dvipas)
        owners = dict(base_owner)
        for k in owned_by.get(lost, ()):
            d = tables.dvipas[k]
            owner, how = _owner(idx, d, alive, lost)
            owners[d] = owner
            dvipas[k] = DvipaState(dvipa=d, owner=owner, how=how)
        services = list(base_services)
        for i in sorted(touches.get(lost, ())):
            services[i] = _route(tables, i, owners[tables.services[i].dvipa], lost)
        cases.append(FailoverCase(lost=lost, dvipas=tuple(dvipas), services=tuple(services), _keys=tables.keys))
    return cases


def simulate_failover(sysplex: Sysplex, index: SysplexIndex | None = None, *,
                      baseline: bool = False) -> list[FailoverCase]:
    """Take each system away in turn and see who serves what.

    For every DVIPA: the owner (the VIPADEFINE stack; when it is lost,
    another stack that VIPADEFINEs it, else the remaining VIPABACKUP with
    the highest rank; a plain VIPABACKUP only takes over a DVIPA that was
    active, the MOVEABLE form also activates one that was not). For every
    service (each PORT entry of a VIPADISTRIBUTE, and z/OSMF behind the DVIPA
    its HOSTNAME resolves to): the owner's VIPADISTRIBUTE for that port sends
    new connections to the PREFERRED target if its system is alive and runs
    the server, else to the highest-ranked BACKUP that does (HOTSTANDBY), or
    to every such target (other methods); an owner that does not distribute
    the port serves it itself. One case per system (by name); with
    ``baseline`` a first case with every system up (``lost`` None).
    """
    return (index or sysplex.index).failover_cases(baseline=baseline)


# ---------------------------------------------------------------- what a rejection costs


MAX_COSTED = 32


@attrs.frozen(kw_only=True)
class Consequence:
    """One thing that breaks because z/OS ignores some statements: a service
    (or a DVIPA) that the configuration as written would keep up in the case
    ``lost`` (None: with every system up) and that the configuration z/OS
    really has does not."""

    dvipa: IpAddress
    lost: str | None
    text: str


def consequences(sysplex: Sysplex, index: SysplexIndex,
                 ignored: Iterable[VipaStatement]) -> tuple[Consequence, ...]:
    """What is lost with ``ignored``, statements z/OS does not process (the
    rest of a VIPADYNAMIC block after EZZ0831I, a VIPADISTRIBUTE it rejects):
    the failover simulation of the sysplex with those statements in effect,
    compared case by case with the simulation of what z/OS really has.

    Computed once per set of statements (one more index build and
    simulation, so at most :data:`MAX_COSTED` sets per sysplex: the work
    stays linear in the sysplex); empty when nothing that works with them
    fails without them.
    """
    ids = frozenset(id(v) for v in ignored)
    if not ids:
        return ()
    key = ("consequences", ids)
    hit = index._memo.get(key)
    if isinstance(hit, tuple):
        return hit
    spent = index._memo.setdefault("consequences asked", [0])
    assert isinstance(spent, list)
    if spent[0] >= MAX_COSTED:
        return ()  # a profile full of rejections: the first ones are costed, the rest only reported
    spent[0] += 1
    meant = SysplexIndex.build(sysplex, restore=ids)
    out: list[Consequence] = []
    down_at_start: set[object] = set()  # named once, with every system up; not again per lost system
    for want, have in zip(meant.failover_cases(baseline=True), index.failover_cases(baseline=True)):
        when = f"losing {want.lost} leaves" if want.lost else "with every system up,"
        served = set()
        owners = {d.dvipa: d.owner for d in have.dvipas}
        dark: list[ServiceState] = []
        for svc in want.services:
            if not svc.reachable:
                continue
            now = have.service(svc.kind, svc.dvipa, svc.port)
            if now is not None and now.reachable:
                continue
            if now is None and owners.get(svc.dvipa) is not None:
                continue  # not distributed any more, but the DVIPA's owner serves the port itself
            dark.append(svc)
        zosmf = {(z.dvipa, z.port) for z in dark if z.kind == "zosmf"}
        for svc in dark:
            if svc.kind == "distributed" and (svc.dvipa, svc.port) in zosmf:
                continue  # the same port is z/OSMF's: named once, as z/OSMF
            served.add(svc.dvipa)
            if (svc.kind, svc.dvipa, svc.port) in down_at_start:
                continue
            if not want.lost:
                down_at_start.add((svc.kind, svc.dvipa, svc.port))
            now = have.service(svc.kind, svc.dvipa, svc.port)
            if want.lost:
                why = ("with no owner" if now is None or now.owner is None
                       else "with nobody to take new connections")
                out.append(Consequence(dvipa=svc.dvipa, lost=want.lost, text=f"{when} {svc.name} {why}"))
            else:
                out.append(Consequence(dvipa=svc.dvipa, lost=None, text=f"{when} {svc.name} is down"))
        for d in want.dvipas:
            if d.owner is None or owners.get(d.dvipa) is not None or d.dvipa in served:
                continue
            if d.dvipa in down_at_start:
                continue
            if not want.lost:
                down_at_start.add(d.dvipa)
            text = (f"{when} DVIPA {d.dvipa} with no owner" if want.lost
                    else f"DVIPA {d.dvipa} is never active")
            out.append(Consequence(dvipa=d.dvipa, lost=want.lost, text=text))
    result = tuple(out)
    index._memo[key] = result
    return result

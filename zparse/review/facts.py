"""The effective configuration of a sysplex as comparable facts.

A :class:`Fact` is one thing a z/OS reviewer recognises — a DVIPA on a
system, a distributed port, a DYNAMICXCF address, a PORT reservation, a
z/OSMF setting — named by ``(system, kind, key)`` and described by
``fields`` (name -> value, both strings in z/OS terms). Facts are read from
the typed model with symbols substituted and INCLUDEs resolved per system
(a shared member that changes shows on every system that reads it), and
with what is not in effect left out (statements lost after a syntax error,
VIPADELETE / VIPARANGE DELETE / INTERFACE DELETE applied, VIPADISTRIBUTE
that z/OS ignores marked as such). Spans are kept only to point at the
text; they never take part in a comparison, so moving or reordering text
changes no fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..model.tcpip import (
    DestIp,
    Interface,
    TcpipProfile,
    VipaBackup,
    VipaDefine,
    VipaDistribute,
    VipaRange,
)
from ..source import Span
from ..sysplex import Sysplex, SysplexIndex, System

__all__ = ["Fact", "facts_of", "interfaces_in_effect"]

# Kinds, in report order.
KINDS = (
    "system", "dns", "takeover", "DYNAMICXCF", "XCFGRPID", "VIPADEFINE", "VIPABACKUP",
    "VIPADISTRIBUTE", "VIPARANGE", "HOME", "INTERFACE", "PORT", "PORTRANGE", "z/OSMF",
)


@attrs.frozen(kw_only=True)
class Fact:
    """One piece of effective configuration. ``system`` None: sysplex-wide."""

    system: str | None
    kind: str
    key: str
    fields: tuple[tuple[str, str], ...]
    span: Span | None = attrs.field(default=None, eq=False, hash=False, repr=False)

    @property
    def ident(self) -> tuple[str, str, str]:
        return (self.system or "", self.kind, self.key)

    def as_dict(self) -> dict[str, str]:
        return dict(self.fields)


def _f(system: str | None, kind: str, key: str, span: Span | None, **fields: Any) -> Fact:
    out = tuple((k.replace("_", " "), str(v)) for k, v in fields.items() if v is not None and v != "")
    return Fact(system=system, kind=kind, key=key, fields=out, span=span)


def _mask(mask: object, prefix: int | None) -> str | None:
    if prefix is not None:
        return f"/{prefix}"
    return str(mask) if mask is not None else None


def _flags(**flags: bool) -> str | None:
    on = [k.upper() for k, v in flags.items() if v]
    return " ".join(on) or None


def _define(system: str, st: VipaDefine, span: Span) -> Fact:
    return _f(system, "VIPADEFINE", "", span, mask=_mask(st.mask, st.prefix_len),
              moveable=st.moveable_effective.value, interface=st.interface, tier=st.tier,
              options=_flags(cpcscope=st.cpcscope, servicemgr=st.service_mgr))


def _backup(system: str, st: VipaBackup, span: Span) -> Fact:
    activates = st.moveable is not None or st.mask is not None or st.prefix_len is not None
    return _f(system, "VIPABACKUP", "", span, rank=st.rank_effective,
              mask=_mask(st.mask, st.prefix_len),
              moveable=st.moveable_effective.value if activates else "no (takes over an active DVIPA only)",
              interface=st.interface, tier=st.tier,
              options=_flags(cpcscope=st.cpcscope, servicemgr=st.service_mgr))


def _dest(idx: SysplexIndex, d: DestIp) -> str:
    hits = idx.xcf.get(d.address, ()) if d.address is not None else ()
    who = hits[0].system if hits else None
    text = f"{d.address if d.address is not None else d.raw} ({who or 'no system'})"
    if d.role is not None:
        text += f" {d.role.value}"
        if d.rank is not None:
            text += f" {d.rank}"
    if d.weight is not None:
        text += f" weight {d.weight}"
    return text


def _distribution(idx: SysplexIndex, st: VipaDistribute) -> dict[str, Any]:
    dest = "ALL" if st.dest_all else "; ".join(_dest(idx, d) for d in st.dest_ips)
    rejected = st.rejection
    return {
        "method": st.dist_method_effective.value,
        "destip": dest,
        "autoswitchback": None if st.dist_method_effective.value != "HOTSTANDBY"
        else ("yes" if st.auto_switch_back_effective else "no"),
        "healthswitch": None if st.dist_method_effective.value != "HOTSTANDBY"
        else ("yes" if st.health_switch_effective else "no"),
        "optlocal": st.optlocal,
        "timedaffinity": st.timed_affinity,
        "sysplexports": "yes" if st.sysplex_ports else None,
        "tier": st.tier,
        "status": f"ignored by z/OS ({rejected})" if rejected else None,
    }


def interfaces_in_effect(statements: Iterable[Interface]) -> dict[str, Interface]:
    """INTERFACE statements in effect by name: DEFINE, then ADDADDR/DELADDR, DELETE applied in order."""
    out: dict[str, Interface] = {}
    for i in statements:
        name = i.name.upper()
        if i.action == "DEFINE":
            out[name] = i
        elif i.action == "DELETE":
            out.pop(name, None)
        elif i.action in ("ADDADDR", "DELADDR") and name in out:
            cur = out[name]
            if i.action == "ADDADDR":
                addrs = (*cur.addresses, *(a for a in i.addresses if a not in cur.addresses))
            else:
                addrs = tuple(a for a in cur.addresses if a not in i.addresses)
            out[name] = attrs.evolve(cur, addresses=addrs)
    return out


def _ranges(p: TcpipProfile) -> dict[str, VipaRange]:
    out: dict[str, VipaRange] = {}
    for v in p.vipa_ranges:
        if v.lost or v.network is None:
            continue
        key = str(v.network) + (f" {v.interface}" if v.interface else "")
        if v.delete:
            out.pop(key, None)
        else:
            out[key] = v
    return out


def _dvipa_facts(idx: SysplexIndex) -> dict[str, list[Fact]]:
    """VIPADEFINE, VIPABACKUP and VIPADISTRIBUTE facts by system, from one pass over the index
    (the last statement of a system for a DVIPA is the one in effect)."""
    out: dict[str, list[Fact]] = {}
    for addr, defs in idx.owners.items():
        last = {d.system: d for d in defs}
        for system, d in last.items():
            out.setdefault(system, []).append(attrs.evolve(_define(system, d.statement, d.span), key=str(addr)))
    for addr, bks in idx.backups.items():
        last_b = {b.system: b for b in bks}
        for system, b in last_b.items():
            out.setdefault(system, []).append(attrs.evolve(_backup(system, b.statement, b.span), key=str(addr)))
    for table in (idx.distributors, idx.rejected):
        for addr, dists in table.items():
            for dist in dists:
                st = dist.statement
                fields = _distribution(idx, st)
                for ports in ([str(ps) for ps in st.ports] or ["all ports"]):
                    key = f"{addr} port {ports}" if ports != "all ports" else f"{addr} (all ports)"
                    out.setdefault(dist.system, []).append(_f(dist.system, "VIPADISTRIBUTE", key, st.span, **fields))
    return out


def _profile_facts(s: System, p: TcpipProfile, dvipa_facts: Mapping[str, list[Fact]]) -> Iterator[Fact]:
    name = s.name
    for x, label in ((p.dynamic_xcf, "IPv4"), (p.dynamic_xcf6, "IPv6")):
        if x is not None:
            yield _f(name, "DYNAMICXCF", label, x.span, address=x.address or x.raw,
                     mask=_mask(x.mask, x.prefix_len), cost=x.cost)
    gid = p.global_config.xcf_group_id
    if gid is not None:
        yield _f(name, "XCFGRPID", "GLOBALCONFIG", None, group=gid)
    yield from dvipa_facts.get(name, ())
    for key, vr in _ranges(p).items():
        yield _f(name, "VIPARANGE", key, vr.span,
                 moveable=(vr.moveable.value if vr.moveable else "NONDISRUPTIVE"), saf=vr.saf)
    for h in p.home:
        yield _f(name, "HOME", str(h.address or h.raw), h.span, link=h.link)
    for iname, i in interfaces_in_effect(p.interfaces).items():
        addrs = " ".join(str(a) for a in i.addresses)
        yield _f(name, "INTERFACE", iname, i.span, type=i.type, address=addrs,
                 prefix=f"/{i.prefix_len}" if i.prefix_len is not None else None, portname=i.portname)
    for e in p.ports:
        port = "UNRSV" if e.port is None else str(e.port)
        yield _f(name, "PORT", f"{port} {e.protocol} {e.owner}", e.span,
                 options=" ".join(e.options) or None, bind=e.bind, saf=e.saf)
    for r in p.port_ranges:
        yield _f(name, "PORTRANGE", f"{r.first}-{r.last} {r.protocol} {r.owner}", r.span,
                 options=" ".join(r.options) or None)


def _zosmf_facts(s: System) -> Iterator[Fact]:
    z = s.izuprm
    if z is None:
        return
    for setting in z.settings:
        value = setting.value
        shown = " ".join(value) if isinstance(value, tuple) else "" if value is None else str(value)
        yield _f(s.name, "z/OSMF", setting.name, setting.span,
                 value=shown or "(none)", source="default" if setting.is_default else None)


def facts_of(sysplex: Sysplex) -> dict[tuple[str, str, str], Fact]:
    """Every fact of ``sysplex``'s effective configuration, keyed by ``(system, kind, key)``.

    When one system codes the same thing twice (two PORT entries alike),
    the later one is the fact (z/OS keeps one)."""
    out: dict[tuple[str, str, str], Fact] = {}

    def add(f: Fact) -> None:
        out[f.ident] = f

    idx = sysplex.index
    dvipa = _dvipa_facts(idx)
    for s in sysplex.systems:
        add(_f(s.name, "system", s.name, None, profile="yes" if s.profile is not None else "no",
               izuprm="yes" if s.izuprm is not None else "no"))
        if s.profile is not None:
            for f in _profile_facts(s, s.profile, dvipa):
                add(f)
        for f in _zosmf_facts(s):
            add(f)
    for host, addrs in _items(sysplex.dns):
        add(_f(None, "dns", host, None, addresses=" ".join(str(a) for a in addrs)))
    for addr in idx.dvipas():
        order = [f"{b.system} (rank {b.rank})" for b in idx.backups.get(addr, ())]
        add(_f(None, "takeover", str(addr), None, owner=idx.owner(addr) or "nobody",
               defined_on=", ".join(d.system for d in idx.owners.get(addr, ())) or "none",
               backups=" > ".join(order) or "none"))
    return out


def _items(m: Mapping[str, Any]) -> list[tuple[str, Any]]:
    return sorted(m.items())

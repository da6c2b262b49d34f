"""OBEYFILE members applied on top of a profile, the way ``VARY TCPIP,,OBEYFILE`` does.

A system of the inventory may list OBEYFILE members (``[systems.X] obey =
[...]``), applied in order on top of its profile; :func:`effective_sysplex`
gives the sysplex as its stacks run after those commands, and
:func:`apply_obey` does it for one profile. What an OBEYFILE cannot change
comes back as :class:`ObeyNote` entries (the statement is then left out).

The rules followed (IBM, z/OS Communications Server: IP Configuration
Reference and IP System Administrator's Commands; see docs/diff.md):

* changes are dynamic and last until the stack restarts (VARY TCPIP,,OBEYFILE);
* statements that add (PORT, PORTRANGE, DEVICE, LINK, INTERFACE DEFINE,
  VIPADYNAMIC statements, IPCONFIG / GLOBALCONFIG / TCPCONFIG / UDPCONFIG
  options) add to the running configuration;
* ``DELETE DEVICE | LINK | PORT | PORTRANGE`` (DELETE statement),
  ``INTERFACE ... DELETE``, ``VIPADELETE`` (VIPADELETE statement),
  ``VIPARANGE DELETE`` and ``VIPADISTRIBUTE DELETE`` remove what they name;
  a DELETE of something the stack does not have is reported;
* a HOME statement replaces the whole HOME list (HOME statement) and a
  BEGINROUTES block replaces every static route (BEGINROUTES under OBEYFILE);
* DEVICE parameters, and most LINK parameters, cannot be changed for an
  existing name without deleting it first (Modifying DEVICE and LINK
  statements): such a statement is reported and not applied;
* a second VIPADEFINE or VIPABACKUP of an active DVIPA needs a VIPADELETE
  before it (VIPADYNAMIC statement rules): reported and not applied;
* zlint also treats the DYNAMICXCF address of IPCONFIG / IPCONFIG6 and
  GLOBALCONFIG XCFGRPID as set once, by the initial profile (not confirmed
  in the IBM pages at hand): a different value is reported, not applied;
* STOP and START statements are commands run after every other statement
  of the data set: a ``DELETE DEVICE`` of a device the profile STARTs fails
  unless it was stopped before (reported).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from ..model.tcpip import (
    Device,
    DynamicXcf,
    IpConfig,
    Link,
    PortEntry,
    PortRangeEntry,
    TcpipProfile,
    VipaBackup,
    VipaDefine,
    VipaDelete,
    VipaDistribute,
    VipaStatement,
)
from ..source import Span
from ..sysplex import Sysplex, System
from .facts import interfaces_in_effect

_T = TypeVar("_T")

__all__ = ["ObeyNote", "apply_obey", "effective_sysplex", "obey_members"]


@attrs.frozen(kw_only=True)
class ObeyNote:
    """A statement of an OBEYFILE that does not change the running stack, and why."""

    system: str
    statement: str
    reason: str
    span: Span | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    path: str | None = attrs.field(default=None, eq=False, hash=False)
    line: int | None = attrs.field(default=None, eq=False, hash=False)


def obey_members(system: System) -> tuple[TcpipProfile, ...]:
    """The parsed OBEYFILE members of a system, in the order they are applied."""
    return tuple(getattr(system, "obey", ()) or ())


def effective_sysplex(sysplex: Sysplex) -> tuple[Sysplex, tuple[ObeyNote, ...]]:
    """``sysplex`` with each system's OBEYFILE members applied to its profile."""
    notes: list[ObeyNote] = []
    systems: list[System] = []
    changed = False
    for s in sysplex.systems:
        members = obey_members(s)
        if not members or s.profile is None:
            systems.append(s)
            continue
        profile = s.profile
        for m in members:
            profile, got = apply_obey(profile, m, s.name)
            notes.extend(got)
        systems.append(attrs.evolve(s, profile=profile))
        changed = True
    notes = [attrs.evolve(n, path=sysplex.relpath(n.span.path), line=n.span.start_line_col()[0])
             if n.span is not None and n.span.path else n for n in notes]
    notes.sort(key=lambda n: (n.system, n.path or "", n.line or 0))
    if not changed:
        return sysplex, tuple(notes)
    return attrs.evolve(sysplex, systems=tuple(systems)), tuple(notes)  # a new, empty index cache


class _Apply:
    def __init__(self, base: TcpipProfile, system: str) -> None:
        self.base = base
        self.system = system
        self.notes: list[ObeyNote] = []

    def note(self, statement: str, reason: str, span: Span | None) -> None:
        self.notes.append(ObeyNote(system=self.system, statement=statement, reason=reason, span=span))

    # ---------------------------------------------------------------- VIPADYNAMIC
    def vipa(self, obey: Sequence[VipaStatement]) -> tuple[VipaStatement, ...]:
        out: list[VipaStatement] = list(self.base.vipa)
        active = set(self.base.index.defined) | set(self.base.index.backed_up)
        for v in obey:
            if v.lost:
                self.note(_kw(v), "lost after a syntax error in its VIPADYNAMIC block: z/OS ignores it", v.span)
                continue
            if isinstance(v, VipaDelete):
                gone = [a for a in v.addresses if a not in active]
                for a in gone:
                    self.note(f"VIPADELETE {a}", "this stack has no such DVIPA: nothing is deleted", v.span)
                active.difference_update(v.addresses)
                out.append(v)
            elif isinstance(v, (VipaDefine, VipaBackup)):
                again = [a for a in v.addresses if a in active]
                if again:
                    shown = " ".join(str(a) for a in again)
                    self.note(f"{_kw(v)} {shown}", "the DVIPA is already defined on this stack: a "
                              "VIPADELETE must come before it, so z/OS rejects the statement", v.span)
                    continue
                active.update(v.addresses)
                out.append(v)
            elif isinstance(v, VipaDistribute) and v.delete:
                out = self._undistribute(out, v)
            else:
                out.append(v)
        return tuple(out)

    def _undistribute(self, vipa: list[VipaStatement], d: VipaDistribute) -> list[VipaStatement]:
        """VIPADISTRIBUTE DELETE: take the named ports (all without PORT) and
        DESTIPs (all without DESTIP) out of the distribution of the DVIPA."""
        out: list[VipaStatement] = []
        hit = False
        drop_dest = {x.address for x in d.dest_ips}
        for v in vipa:
            if not (isinstance(v, VipaDistribute) and not v.delete and _same_vipa(v, d)):
                out.append(v)
                continue
            if d.ports:
                del_ports = tuple(p for p in v.ports if p in d.ports)
                if not del_ports:  # other ports, or every port (a subset of "all" is not deleted)
                    out.append(v)
                    continue
                keep = tuple(p for p in v.ports if p not in del_ports)
                if keep:
                    out.append(attrs.evolve(v, ports=keep))
            else:
                del_ports = v.ports
            hit = True
            if drop_dest and not d.dest_all:
                rest = tuple(x for x in v.dest_ips if x.address not in drop_dest)
                if rest:
                    out.append(attrs.evolve(v, ports=del_ports, dest_ips=rest))
        if not hit:
            self.note(f"VIPADISTRIBUTE DELETE {d.vipa or d.raw}",
                      "this stack does not distribute that DVIPA (and port): nothing is deleted", d.span)
        return out

    # ---------------------------------------------------------------- IPCONFIG
    def ipconfig(self, base: IpConfig, obey: IpConfig, name: str) -> IpConfig:
        xcf = base.dynamic_xcf
        new = obey.dynamic_xcf
        if new is not None and xcf is not None and not _same_xcf(xcf, new):
            self.note(f"{name} DYNAMICXCF {new.address or new.raw}",
                      f"DYNAMICXCF {xcf.address or xcf.raw} is already in effect; zlint treats the "
                      "DYNAMICXCF address as set by the initial profile (restart the stack to change it)",
                      new.span)
            new = xcf
        options = tuple(o for o in obey.options if o.keyword != "DYNAMICXCF" or xcf is None)
        return IpConfig(options=(*base.options, *options), dynamic_xcf=new or xcf,
                        no_dynamic_xcf=base.no_dynamic_xcf and new is None)

    # ---------------------------------------------------------------- DELETE
    def deletes(self, obey: TcpipProfile, ports: list[PortEntry], ranges: list[PortRangeEntry],
                devices: list[Device], links: list[Link]) -> None:
        """``DELETE DEVICE | LINK | PORT | PORTRANGE`` of the OBEYFILE, in order."""
        starts = {s.upper() for s in self.base.starts} - {s.upper() for s in self.base.stops}
        for d in obey.deletes:
            shown = " ".join(d.span.text.split()) or f"DELETE {d.kind}"
            name = (d.name or "").upper()
            if d.kind == "DEVICE" and name:
                if not _remove(devices, _name, name):
                    self.note(shown, f"no DEVICE {name} on this stack: nothing is deleted", d.span)
                elif name in starts:
                    self.note(shown, f"DEVICE {name} is started by the profile: the DELETE fails unless "
                              "the device was stopped before (a STOP in the same OBEYFILE runs after it)", d.span)
            elif d.kind == "LINK" and name:
                if not _remove(links, _name, name):
                    self.note(shown, f"no LINK {name} on this stack: nothing is deleted", d.span)
            for r in d.port_ranges:
                if not _remove(ranges, _range_key, _range_key(r)):
                    self.note(shown, f"no PORTRANGE {' '.join(_range_key(r))} on this stack", d.span)
            for e in d.ports:
                if not _remove(ports, _port_key, _port_key(e)):
                    self.note(shown, f"no PORT {' '.join(_port_key(e))} reservation on this stack", d.span)

    def devices_links(self, obey: TcpipProfile, devices: list[Device], links: list[Link]) -> None:
        have_dev = {d.name.upper() for d in devices}
        for d in obey.devices:
            if d.name.upper() in have_dev:
                self.note(f"DEVICE {d.name}", "the device exists: its parameters cannot change without "
                          "DELETE DEVICE first; the statement is ignored", d.span)
            else:
                devices.append(d)
        by_name = {lk.name.upper(): i for i, lk in enumerate(links)}
        for lk in obey.links:
            if lk.name.upper() in by_name:
                self.note(f"LINK {lk.name}", "the link exists: only a few LINK parameters change "
                          "dynamically (the others need DELETE LINK and a new LINK)", lk.span)
            else:
                links.append(lk)


def apply_obey(base: TcpipProfile, obey: TcpipProfile, system: str = "") -> tuple[TcpipProfile, list[ObeyNote]]:
    """The profile after ``VARY TCPIP,,OBEYFILE`` of ``obey`` on a stack running ``base``."""
    a = _Apply(base, system)
    ports = list(base.ports)
    ranges = list(base.port_ranges)
    devices = list(base.devices)
    links = list(base.links)
    a.deletes(obey, ports, ranges, devices, links)
    a.devices_links(obey, devices, links)
    ports.extend(obey.ports)
    ranges.extend(obey.port_ranges)
    gopts = list(base.global_config.options)
    old_gid = base.global_config.xcf_group_id
    for o in obey.global_config.options:
        if o.keyword == "XCFGRPID":
            value = o.values[0] if o.values else ""
            if str(old_gid or "") != value:
                a.note(f"GLOBALCONFIG XCFGRPID {value}", "the XCF group of a stack is set by its initial "
                       "profile; an OBEYFILE does not move it to another group", o.span)
            continue
        gopts.append(o)
    profile = attrs.evolve(
        base,
        statements=(*base.statements, *obey.statements),
        ipconfig=a.ipconfig(base.ipconfig, obey.ipconfig, "IPCONFIG"),
        ipconfig6=a.ipconfig(base.ipconfig6, obey.ipconfig6, "IPCONFIG6"),
        global_config=attrs.evolve(base.global_config, options=tuple(gopts)),
        tcp_config=(*base.tcp_config, *obey.tcp_config),
        udp_config=(*base.udp_config, *obey.udp_config),
        home=obey.home or base.home,
        interfaces=tuple(interfaces_in_effect((*base.interfaces, *obey.interfaces)).values()),
        devices=tuple(devices),
        links=tuple(links),
        ports=tuple(ports),
        port_ranges=tuple(ranges),
        autolog=(*base.autolog, *obey.autolog),
        routes=obey.routes or base.routes,
        vipa=a.vipa(obey.vipa),
        includes=(*base.includes, *obey.includes),
        starts=(*base.starts, *obey.starts),
        stops=(*base.stops, *obey.stops),
        primary_interface=obey.primary_interface or (None if obey.home else base.primary_interface),
        somaxconn=obey.somaxconn if obey.somaxconn is not None else base.somaxconn,
        arpage=obey.arpage if obey.arpage is not None else base.arpage,
        other=(*base.other, *obey.other),
        unparsed=(*base.unparsed, *obey.unparsed),
    )
    return profile, a.notes


def _kw(v: object) -> str:
    return type(v).__name__.upper()


def _same_vipa(v: VipaDistribute, d: VipaDistribute) -> bool:
    if d.vipa is not None:
        return v.vipa == d.vipa
    return v.interface is not None and v.interface == d.interface


def _same_xcf(a: DynamicXcf, b: DynamicXcf) -> bool:
    return (a.address, a.mask, a.prefix_len, a.cost) == (b.address, b.mask, b.prefix_len, b.cost)


def _remove(items: list[_T], key: Callable[[_T], object], wanted: object) -> bool:
    """Remove the first item whose key is ``wanted``; whether there was one."""
    for i, x in enumerate(items):
        if key(x) == wanted:
            del items[i]
            return True
    return False


def _name(x: Device | Link) -> str:
    return x.name.upper()


def _port_key(e: PortEntry) -> tuple[str, ...]:
    return ("UNRSV" if e.port is None else str(e.port), e.protocol.upper(), e.owner.upper())


def _range_key(r: PortRangeEntry) -> tuple[str, ...]:
    return (str(r.first), str(r.count), r.protocol.upper(), r.owner.upper())

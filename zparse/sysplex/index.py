"""Facts across the systems of a sysplex, computed once (:attr:`Sysplex.index`).

Who defines, backs up and distributes each DVIPA, the DESTIP targets and
the systems they are, DYNAMICXCF and static addresses, XCF groups, and the
z/OSMF servers and services. The HA rules read only this index and the
models; the failover simulation (:mod:`zparse.sysplex.failover`) walks it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from ..model.izuprm import IzuPrm
from ..model.tcpip import (
    DestIp,
    DestRole,
    DynamicXcf,
    IpAddress,
    VipaBackup,
    VipaDefine,
    VipaDistribute,
    VipaStatement,
)
from ..source import Span
from ..workspace.config import host_key as _host_key
from .model import Sysplex

if TYPE_CHECKING:
    from .failover import Consequence, FailoverCase

__all__ = ["Distributor", "DvipaBackup", "DvipaDefinition", "SysplexIndex", "Target", "XcfAddress",
           "ZosmfServer", "ZosmfService"]


def _addr_key(a: IpAddress) -> tuple[int, int]:
    return (a.version, int(a))


@attrs.frozen(kw_only=True)
class DvipaDefinition:
    """A VIPADEFINE of a DVIPA on one system (``span``: the address as written)."""

    system: str
    statement: VipaDefine = attrs.field(repr=False)
    span: Span = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True)
class DvipaBackup:
    """A VIPABACKUP of a DVIPA on one system."""

    system: str
    statement: VipaBackup = attrs.field(repr=False)
    span: Span = attrs.field(eq=False, repr=False)

    @property
    def rank(self) -> int:
        """The VIPABACKUP rank in effect (1 when not coded)."""
        return self.statement.rank_effective

    @property
    def activates(self) -> bool:
        """The MOVEABLE form (with a mask): activates the DVIPA itself when it is
        active nowhere. The plain form only takes over an active DVIPA."""
        st = self.statement
        return st.moveable is not None or st.mask is not None or st.prefix_len is not None


@attrs.frozen(kw_only=True)
class Distributor:
    """A VIPADISTRIBUTE of a DVIPA on one system."""

    system: str
    statement: VipaDistribute = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class Target:
    """One DESTIP of a VIPADISTRIBUTE: the address, the system whose
    DYNAMICXCF address it is (None when none), its hot-standby role and rank.
    ``dest`` is None for the systems reached through ``DESTIP ALL``."""

    distributor: str
    statement: VipaDistribute = attrs.field(repr=False)
    dest: DestIp | None = attrs.field(repr=False)
    address: IpAddress | None
    system: str | None
    role: DestRole | None = None
    rank: int | None = None
    order: int = 0


@attrs.frozen(kw_only=True)
class XcfAddress:
    """A system's IPCONFIG (or IPCONFIG6) DYNAMICXCF."""

    system: str
    xcf: DynamicXcf = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class ZosmfServer:
    """The z/OSMF server settings of one system (its merged IZUPRMxx members).

    Values are the effective ones (IBM defaults where not coded);
    :meth:`span` points at the value as written, or at the member's start
    when the default applies. ``runs_server``: AUTOSTART(LOCAL) in effect.
    """

    system: str
    izuprm: IzuPrm = attrs.field(eq=False, repr=False)
    hostname: str
    port: int
    autostart: str
    autostart_coded: bool
    group: str
    user_dir: str
    keyring: str
    saf_prefix: str
    server_proc: str
    anchor: Span = attrs.field(eq=False, repr=False)

    @property
    def runs_server(self) -> bool:
        """AUTOSTART(LOCAL) is in effect: this system autostarts a server."""
        return self.autostart == "LOCAL"

    def coded(self, name: str) -> bool:
        """Whether a statement sets ``name`` (else the IBM default applies)."""
        return not self.izuprm.is_default(name)

    def span(self, name: str) -> Span:
        """The value of setting ``name`` as written, or the member's start when defaulted."""
        s = self.izuprm.setting(name)
        return s.value_span or s.span or self.anchor

    def statement_span(self, name: str) -> Span:
        """The statement that sets ``name``, or the member's start when defaulted."""
        return self.izuprm.span_of(name) or self.anchor

    def shown(self, name: str) -> str:
        """``NAME(value)`` as in effect, marked ``(default)`` when not coded."""
        value = self.izuprm.value_of(name)
        return f"{name}({value})" + ("" if self.coded(name) else " (default)")


@attrs.frozen(kw_only=True)
class ZosmfService:
    """z/OSMF behind a DVIPA: the servers whose HOSTNAME resolves to ``dvipa``.

    ``systems`` are the systems that take part: those servers' systems and
    the DESTIP targets of the DVIPA's distribution. ``port`` is the
    HTTP_SSL_PORT of the reference server (on the DVIPA's owner, else the
    most common one).
    """

    dvipa: IpAddress
    port: int
    hostnames: tuple[str, ...]
    servers: tuple[ZosmfServer, ...]
    systems: tuple[str, ...]
    reference: ZosmfServer


def _norm_dir(path: str) -> str:
    p = re.sub(r"/+", "/", path.strip())
    return p.rstrip("/") or "/"


@attrs.frozen(kw_only=True, eq=False)
class SysplexIndex:
    """Cross-system facts, computed once per sysplex (:attr:`Sysplex.index`).

    Only what z/OS really has is indexed: not the statements lost after an
    error in their VIPADYNAMIC block (a syntax error, EZZ0831I), not a
    VIPADISTRIBUTE that z/OS rejects, not a DVIPA address that is already a
    static address of its own stack (EZZ8307I); VIPADELETE applied. Maps are keyed by
    address and hold entries in system-name order.

    * ``owners`` / ``backups`` / ``distributors``: DVIPA -> VIPADEFINE,
      VIPABACKUP (highest rank first) and VIPADISTRIBUTE entries;
      ``rejected``: VIPADISTRIBUTE statements z/OS ignores (see
      :attr:`~zparse.model.tcpip.VipaDistribute.rejection`), kept out of ``distributors``;
    * ``targets``: DVIPA -> every DESTIP (with its system, role and rank;
      ``DESTIP ALL`` expanded to the systems with DYNAMICXCF);
    * ``xcf`` / ``xcf_of``: DYNAMICXCF address -> systems, system -> addresses;
    * ``static``: system -> its HOME, INTERFACE and DYNAMICXCF addresses;
    * ``dns``: host name -> addresses (``[dns]``; see :meth:`resolve`);
    * ``xcf_group``: system -> (GLOBALCONFIG XCFGRPID or None, its span);
    * ``zosmf``: system -> its z/OSMF server settings; ``zosmf_services``:
      z/OSMF behind each DVIPA a HOSTNAME resolves to; ``zosmf_ha``: z/OSMF
      is set up for HA (a HOSTNAME resolves to a DVIPA, or servers autostart
      in two or more autostart groups: with one group only one server
      autostarts in the sysplex); ``zosmf_ha_servers``: the servers the HA
      rules look at;
    * ``blind``: systems whose profile could not be read (or parsed at all);
      ``zosmf_unknown``: systems whose IZUPRMxx could not be read;
      ``uncertain_addresses``: addresses named by statements that did not
      parse or were lost (see :meth:`uncertain`);
    * ``ignored``: (system, statement) for the VIPA statements z/OS does not process (lost after an
      error in their block, a rejected VIPADISTRIBUTE, a VIPADEFINE or
      VIPABACKUP of an address the stack has statically: EZZ8307I), and
      ``ignored_addresses`` the DVIPAs they name: what breaks because of
      them is reported by the root finding (TCP102, TCP104-TCP108 or the
      syntax error), with :meth:`explained` telling the HA rules which
      failover outcomes those findings already name.
    """

    systems: tuple[str, ...]
    owners: Mapping[IpAddress, tuple[DvipaDefinition, ...]]
    backups: Mapping[IpAddress, tuple[DvipaBackup, ...]]
    distributors: Mapping[IpAddress, tuple[Distributor, ...]]
    targets: Mapping[IpAddress, tuple[Target, ...]]
    xcf: Mapping[IpAddress, tuple[XcfAddress, ...]]
    xcf_of: Mapping[str, tuple[DynamicXcf, ...]]
    static: Mapping[str, Mapping[IpAddress, tuple[tuple[str, Span], ...]]]
    dns: Mapping[str, tuple[IpAddress, ...]]
    xcf_group: Mapping[str, tuple[int | None, Span | None]]
    zosmf: Mapping[str, ZosmfServer]
    zosmf_services: tuple[ZosmfService, ...]
    zosmf_ha: bool
    zosmf_ha_servers: tuple[ZosmfServer, ...]
    blind: frozenset[str]
    uncertain_addresses: frozenset[IpAddress]
    zosmf_unknown: frozenset[str] = frozenset()
    rejected: Mapping[IpAddress, tuple[Distributor, ...]] = attrs.field(factory=dict)
    ignored: tuple[tuple[str, VipaStatement], ...] = ()
    ignored_addresses: frozenset[IpAddress] = frozenset()
    _memo: dict[object, object] = attrs.field(factory=dict, alias="_memo", repr=False)

    # ------------------------------------------------------------ queries
    def dvipas(self) -> list[IpAddress]:
        """Every DVIPA some system defines or backs up, in address order."""
        return sorted(set(self.owners) | set(self.backups), key=_addr_key)

    def is_dvipa(self, addr: IpAddress) -> bool:
        """Whether some system defines, backs up or distributes ``addr``."""
        return addr in self.owners or addr in self.backups or addr in self.distributors

    def resolve(self, host: str) -> tuple[IpAddress, ...] | None:
        """Addresses of a host name: an IP literal is itself, ``*`` is none,
        other names go through ``[dns]``; None for a name [dns] does not know."""
        h = host.strip()
        if h == "*" or not h:
            return ()
        try:
            return (ipaddress.ip_address(h),)
        except ValueError:
            pass
        return self.dns.get(_host_key(h))

    def uncertain(self, addr: IpAddress | None) -> bool:
        """Whether facts about ``addr`` may be hidden by a syntax error (an
        unparsed statement names it, or a lost VIPA statement does), or a
        system's profile could not be read at all."""
        return addr is None or bool(self.blind) or addr in self.uncertain_addresses

    def distributed_to(self, dvipa: IpAddress, system: str) -> list[Target]:
        """The DESTIP targets of ``dvipa`` that are ``system``."""
        return [t for t in self.targets.get(dvipa, ()) if t.system == system]

    def failover_cases(self, *, baseline: bool = False) -> list[FailoverCase]:
        """The failover simulation (see :func:`~zparse.sysplex.failover.simulate_failover`)."""
        from .failover import _simulate

        key = ("failover", baseline)
        hit = self._memo.get(key)
        if not isinstance(hit, tuple):
            self._memo[key] = hit = tuple(_simulate(self, baseline=baseline))
        return list(hit)

    def explained(self, sysplex: Sysplex) -> frozenset[tuple[str | None, IpAddress]]:
        """The failover outcomes (lost system or None, DVIPA) that go wrong only
        because z/OS ignores :attr:`ignored`: the root findings name them."""
        return frozenset((c.lost, c.dvipa) for c in self.consequences(sysplex, (v for _, v in self.ignored)))

    def consequences(self, sysplex: Sysplex, ignored: Iterable[VipaStatement]) -> tuple[Consequence, ...]:
        """What is lost because z/OS ignores ``ignored`` (see
        :func:`~zparse.sysplex.failover.consequences`)."""
        from .failover import consequences

        return consequences(sysplex, self, ignored)

    def owner(self, dvipa: IpAddress) -> str | None:
        """The system that owns the DVIPA with every system up (see :func:`~zparse.sysplex.failover.simulate_failover`)."""
        from .failover import _owner

        return _owner(self, dvipa, set(self.systems), None)[0]

    # ------------------------------------------------------------ building
    @classmethod
    def build(cls, sysplex: Sysplex, *, restore: frozenset[int] = frozenset()) -> SysplexIndex:
        """Compute the index of a sysplex (use :attr:`Sysplex.index`, which caches it).

        ``restore`` holds the ``id`` of statements that z/OS ignores (lost, or
        a VIPADISTRIBUTE it rejects) to be indexed as if they were in effect:
        the configuration that was meant, against which
        :func:`~zparse.sysplex.failover.consequences` measures what a
        rejection costs.
        """

        def live(v: object) -> bool:
            return not getattr(v, "lost", False) or id(v) in restore

        owners: dict[IpAddress, list[DvipaDefinition]] = {}
        backups: dict[IpAddress, list[DvipaBackup]] = {}
        dists: dict[IpAddress, list[Distributor]] = {}
        rejected: dict[IpAddress, list[Distributor]] = {}
        xcf: dict[IpAddress, list[XcfAddress]] = {}
        xcf_of: dict[str, tuple[DynamicXcf, ...]] = {}
        static: dict[str, Mapping[IpAddress, tuple[tuple[str, Span], ...]]] = {}
        groups: dict[str, tuple[int | None, Span | None]] = {}
        uncertain: set[IpAddress] = set()
        ignored: list[tuple[str, VipaStatement]] = []
        ignored_addrs: set[IpAddress] = set()
        blind: set[str] = set()
        names: list[str] = []
        for s in sysplex.systems:
            p = s.profile
            if p is None:
                if s.tcpip_path is not None:
                    blind.add(s.name)
                continue
            if s.tcpip_status == "unreadable":
                blind.add(s.name)
            names.append(s.name)
            pidx = p.index
            # a DVIPA that is already a static address of its own stack is rejected
            # there (EZZ8307I, TCP102): that stack neither owns nor backs it up
            for addr, defs in pidx.defined.items():
                for d in defs:
                    if live(d) and (addr not in pidx.static or id(d) in restore):
                        owners.setdefault(addr, []).append(
                            DvipaDefinition(system=s.name, statement=d, span=d.address_span(addr)))
                    elif live(d):
                        ignored.append((s.name, d))
                        ignored_addrs.add(addr)
            for addr, bks in pidx.backed_up.items():
                for b in bks:
                    if live(b) and (addr not in pidx.static or id(b) in restore):
                        backups.setdefault(addr, []).append(
                            DvipaBackup(system=s.name, statement=b, span=b.address_span(addr)))
                    elif live(b):
                        ignored.append((s.name, b))
                        ignored_addrs.add(addr)
            for addr, vds in pidx.distributed.items():
                for vd in vds:
                    if not live(vd):
                        continue
                    entry = Distributor(system=s.name, statement=vd)
                    if vd.rejection is None or id(vd) in restore:
                        dists.setdefault(addr, []).append(entry)
                    else:
                        rejected.setdefault(addr, []).append(entry)
                        ignored.append((s.name, vd))
                        ignored_addrs.add(addr)
            own: list[DynamicXcf] = []
            for x in (p.dynamic_xcf, p.dynamic_xcf6):
                if x is not None and x.address is not None:
                    xcf.setdefault(x.address, []).append(XcfAddress(system=s.name, xcf=x))
                    own.append(x)
            xcf_of[s.name] = tuple(own)
            static[s.name] = pidx.static
            gid: int | None = None
            gspan: Span | None = None
            for o in p.global_config.options:
                if o.keyword == "XCFGRPID" and o.values and o.values[0].isdigit():
                    gid, gspan = int(o.values[0]), o.span
            groups[s.name] = (gid, gspan)
            for v in p.vipa:
                if v.lost and id(v) not in restore:
                    uncertain.update(_statement_addresses(v))
                    ignored.append((s.name, v))
                    ignored_addrs.update(_statement_addresses(v))
            for cfg, version in ((p.ipconfig, 4), (p.ipconfig6, 6)):
                if cfg.dynamic_xcf is None or cfg.dynamic_xcf.address is None:  # misspelt: address unknown
                    for o in cfg.options:
                        uncertain.update(a for a in _addresses_in(o.values) if a.version == version)
            for u in p.unparsed:
                uncertain.update(_addresses_in(u.words))
        # systems were visited in name order, so every list is already in system order
        targets: dict[IpAddress, list[Target]] = {}
        xcf_first = {a: v[0].system for a, v in xcf.items()}
        for addr, ds in dists.items():
            for dist in ds:
                st = dist.statement
                if st.dest_all:
                    for a in sorted(xcf_first, key=_addr_key):
                        if st.vipa is not None and a.version == st.vipa.version:
                            targets.setdefault(addr, []).append(Target(
                                distributor=dist.system, statement=st, dest=None, address=a,
                                system=xcf_first[a]))
                for i, dest in enumerate(st.dest_ips):
                    targets.setdefault(addr, []).append(Target(
                        distributor=dist.system, statement=st, dest=dest, address=dest.address,
                        system=xcf_first.get(dest.address) if dest.address is not None else None,
                        role=dest.role, rank=dest.rank, order=i))
        dns = {k: v for k, v in sysplex.dns.items()}
        unreadable = {f.path for f in sysplex.files if f.kind == "izuprm" and f.status == "unreadable"}
        zosmf_unknown = frozenset(s.name for s in sysplex.systems
                                  if any(p in unreadable for p in s.izuprm_paths))
        zosmf = {n: z for n, z in _zosmf_servers(sysplex).items() if n not in zosmf_unknown}
        idx = cls(
            systems=tuple(names),
            owners={k: tuple(v) for k, v in sorted(owners.items(), key=lambda kv: _addr_key(kv[0]))},
            backups={k: tuple(sorted(v, key=lambda b: (-b.rank, b.system)))
                     for k, v in sorted(backups.items(), key=lambda kv: _addr_key(kv[0]))},
            distributors={k: tuple(v) for k, v in sorted(dists.items(), key=lambda kv: _addr_key(kv[0]))},
            targets={k: tuple(v) for k, v in targets.items()},
            xcf={k: tuple(v) for k, v in sorted(xcf.items(), key=lambda kv: _addr_key(kv[0]))},
            xcf_of=xcf_of, static=static, dns=dns, xcf_group=groups, zosmf=zosmf,
            zosmf_services=(), zosmf_ha=False, zosmf_ha_servers=(),
            blind=frozenset(blind), uncertain_addresses=frozenset(uncertain), zosmf_unknown=zosmf_unknown,
            rejected={k: tuple(v) for k, v in rejected.items()},
            ignored=tuple(ignored), ignored_addresses=frozenset(ignored_addrs),
        )
        services = _zosmf_services(idx)
        local_groups = {z.group for z in zosmf.values() if z.runs_server}
        ha = bool(services) or len(local_groups) >= 2
        if services:
            members = {n for svc in services for n in svc.systems}
            ha_servers = tuple(z for n, z in sorted(zosmf.items()) if n in members)
        elif ha:
            ha_servers = tuple(z for _, z in sorted(zosmf.items()) if z.runs_server)
        else:
            ha_servers = ()
        return attrs.evolve(idx, zosmf_services=services, zosmf_ha=ha, zosmf_ha_servers=ha_servers)




_ADDRESS_LIKE = re.compile(r"[0-9A-Fa-f:.]{3,}")


def _addresses_in(words: Iterable[str]) -> Iterator[IpAddress]:
    """Addresses inside words, also with punctuation around them (``192.0.2.9,``)."""
    for w in words:
        for m in _ADDRESS_LIKE.finditer(w):
            try:
                yield ipaddress.ip_address(m.group(0).strip(".:") if ":" not in m.group(0) else m.group(0))
            except ValueError:
                continue


def _statement_addresses(v: object) -> Iterator[IpAddress]:
    for name in ("addresses",):
        for a in getattr(v, name, ()) or ():
            yield a
    for name in ("vipa", "address", "xcf_address", "target"):
        a = getattr(v, name, None)
        if isinstance(a, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
            yield a
    for d in getattr(v, "dest_ips", ()) or ():
        if d.address is not None:
            yield d.address


def _zosmf_servers(sysplex: Sysplex) -> dict[str, ZosmfServer]:
    out: dict[str, ZosmfServer] = {}
    by_path = {f.path: f for f in sysplex.files}
    for s in sysplex.systems:
        z = s.izuprm
        if z is None:
            continue
        anchor: Span | None = None
        for path in s.izuprm_paths:
            fr = by_path.get(path)
            if fr is not None and fr.result is not None:
                src = fr.result.source
                anchor = z.statements[0].span if z.statements else Span(src, 0, 0)
                break
        if anchor is None:  # pragma: no cover - a system has an izuprm only when a member was read
            continue
        out[s.name] = ZosmfServer(
            system=s.name, izuprm=z, hostname=z.hostname, port=z.http_ssl_port,
            autostart=z.autostart.value, autostart_coded=not z.is_default("AUTOSTART"),
            group=z.autostart_group, user_dir=_norm_dir(z.user_dir), keyring=z.keyring_name,
            saf_prefix=z.saf_prefix, server_proc=z.server_proc, anchor=anchor,
        )
    return out


def _zosmf_services(idx: SysplexIndex) -> tuple[ZosmfService, ...]:
    by_dvipa: dict[IpAddress, list[tuple[str, ZosmfServer]]] = {}
    for name in sorted(idx.zosmf):
        z = idx.zosmf[name]
        for a in idx.resolve(z.hostname) or ():
            if idx.is_dvipa(a):
                by_dvipa.setdefault(a, []).append((z.hostname, z))
    services: list[ZosmfService] = []
    for dvipa in sorted(by_dvipa, key=_addr_key):
        entries = by_dvipa[dvipa]
        servers = tuple(z for _, z in entries)
        systems = {z.system for z in servers}
        for t in idx.targets.get(dvipa, ()):
            if t.system is not None:
                systems.add(t.system)
        owner = idx.owner(dvipa)
        ref = next((z for z in servers if z.system == owner), None)
        if ref is None:
            counts: dict[int, int] = {}
            for z in servers:
                counts[z.port] = counts.get(z.port, 0) + 1
            best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            ref = next(z for z in servers if z.port == best)
        services.append(ZosmfService(
            dvipa=dvipa, port=ref.port, hostnames=tuple(dict.fromkeys(h for h, _ in entries)),
            servers=servers, systems=tuple(sorted(systems)), reference=ref,
        ))
    return tuple(services)

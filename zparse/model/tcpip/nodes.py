"""Typed model of a TCP/IP stack profile (attrs, frozen, keyword-only).

What was written is kept apart from what is in effect: fields hold the
operands as coded (``None`` where omitted) and ``*_effective`` properties
apply IBM's defaults (DISTMETHOD BASEWLM, AUTOSWITCHBACK and HEALTHSWITCH on,
VIPABACKUP rank 1, MOVEABLE IMMEDIATE, ...). Spans are excluded from equality,
so two profiles that mean the same compare equal whatever their layout.
"""

from __future__ import annotations

import enum
import ipaddress
from collections.abc import Iterator
from ipaddress import IPv4Address, IPv6Address
from typing import Any

import attrs

from ...diagnostics import Suppression
from ...source import Span

__all__ = [
    "AutologEntry",
    "Deletion",
    "DestIp",
    "DestRole",
    "Device",
    "DistMethod",
    "DynamicXcf",
    "Generic",
    "GlobalConfig",
    "HomeEntry",
    "Include",
    "Interface",
    "IpAddress",
    "IpConfig",
    "Link",
    "Moveable",
    "Option",
    "PortEntry",
    "PortRangeEntry",
    "PortSpec",
    "ProfileIndex",
    "Route",
    "StatementRef",
    "SysplexMonitor",
    "TcpipProfile",
    "Unparsed",
    "VipaBackup",
    "VipaDefine",
    "VipaDelete",
    "VipaDistribute",
    "VipaRange",
    "VipaRoute",
    "VipaStatement",
    "mask_prefix",
]

IpAddress = IPv4Address | IPv6Address


def _span() -> Span:
    return attrs.field(eq=False, repr=False, hash=False)  # type: ignore[no-any-return]


class DistMethod(enum.Enum):
    """How a VIPADISTRIBUTE spreads new connections (DISTMETHOD; BASEWLM by default)."""

    BASEWLM = "BASEWLM"
    ROUNDROBIN = "ROUNDROBIN"
    SERVERWLM = "SERVERWLM"
    WEIGHTEDACTIVE = "WEIGHTEDACTIVE"
    HOTSTANDBY = "HOTSTANDBY"
    TARGCONTROLLED = "TARGCONTROLLED"


class DestRole(enum.Enum):
    """A DESTIP's role under DISTMETHOD HOTSTANDBY."""

    PREFERRED = "PREFERRED"
    BACKUP = "BACKUP"


class Moveable(enum.Enum):
    """When a DVIPA moves back to its owner (MOVEABLE; IMMEDIATE by default)."""

    IMMEDIATE = "IMMEDIATE"
    WHENIDLE = "WHENIDLE"
    NONDISRUPTIVE = "NONDISRUPTIVE"
    DISRUPTIVE = "DISRUPTIVE"


@attrs.frozen(kw_only=True)
class Option:
    """One operand keyword of an option bag (IPCONFIG, GLOBALCONFIG, ...) with its values."""

    keyword: str
    values: tuple[str, ...] = ()
    span: Span = _span()


@attrs.frozen(kw_only=True)
class DynamicXcf:
    """``IPCONFIG DYNAMICXCF addr mask cost`` (or ``IPCONFIG6 DYNAMICXCF addr``)."""

    address: IpAddress | None
    raw: str
    mask: IPv4Address | None = None
    prefix_len: int | None = None
    cost: int | None = None
    version: int = 4
    span: Span = _span()

    @property
    def network(self) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
        if self.address is None:
            return None
        plen = self.prefix_len
        if plen is None and self.mask is not None:
            plen = mask_prefix(self.mask)
        if plen is None:
            return None
        return ipaddress.ip_network(f"{self.address}/{plen}", strict=False)


@attrs.frozen(kw_only=True)
class IpConfig:
    """IPCONFIG or IPCONFIG6: every statement of the profile folded together."""

    options: tuple[Option, ...] = ()
    dynamic_xcf: DynamicXcf | None = None
    no_dynamic_xcf: bool = False

    def has(self, keyword: str) -> bool:
        return any(o.keyword == keyword for o in self.options)

    def option(self, keyword: str) -> Option | None:
        found = None
        for o in self.options:
            if o.keyword == keyword:
                found = o
        return found

    @property
    def source_vipa(self) -> bool:
        """SOURCEVIPA in effect (the last of SOURCEVIPA / NOSOURCEVIPA; IBM's default NOSOURCEVIPA)."""
        last = False
        for o in self.options:
            if o.keyword in ("SOURCEVIPA", "NOSOURCEVIPA"):
                last = o.keyword == "SOURCEVIPA"
        return last

    @property
    def tcp_stack_source_vipa(self) -> str | None:
        """TCPSTACKSOURCEVIPA as coded (an IPv4 address on IPCONFIG, an interface
        name on IPCONFIG6), unless a later NOTCPSTACKSOURCEVIPA cancels it."""
        value: str | None = None
        for o in self.options:
            if o.keyword == "TCPSTACKSOURCEVIPA":
                value = o.values[0].upper() if o.values else None
            elif o.keyword == "NOTCPSTACKSOURCEVIPA":
                value = None
        return value

    @property
    def tcp_stack_source_vipa_address(self) -> IpAddress | None:
        """The TCPSTACKSOURCEVIPA address (IPCONFIG), None when it is a name or absent."""
        v = self.tcp_stack_source_vipa
        try:
            return ipaddress.ip_address(v) if v else None
        except ValueError:
            return None

    @property
    def sysplex_routing(self) -> bool:
        last = None
        for o in self.options:
            if o.keyword in ("SYSPLEXROUTING", "NOSYSPLEXROUTING"):
                last = o.keyword
        return last == "SYSPLEXROUTING"


@attrs.frozen(kw_only=True)
class GlobalConfig:
    """``GLOBALCONFIG``: its options in order (the last one of a keyword wins)."""

    options: tuple[Option, ...] = ()

    @property
    def xcf_group_id(self) -> int | None:
        """``XCFGRPID`` as coded (None: the default group, EZBTCPCS)."""
        for o in reversed(self.options):
            if o.keyword == "XCFGRPID" and o.values and o.values[0].isdigit():
                return int(o.values[0])
        return None

    @property
    def sysplex_monitor(self) -> tuple[str, ...]:
        """SYSPLEXMONITOR sub-options as coded, upper case."""
        out: list[str] = []
        for o in self.options:
            if o.keyword == "SYSPLEXMONITOR":
                out.extend(v.upper() for v in o.values)
        return tuple(out)

    @property
    def sysplex_monitor_settings(self) -> SysplexMonitor:
        """The SYSPLEXMONITOR sub-options of every GLOBALCONFIG, typed (the last one coded wins)."""
        kw: dict[str, object] = {}
        span = None
        for o in self.options:
            if o.keyword != "SYSPLEXMONITOR":
                continue
            span = o.span
            vals = [v.upper() for v in o.values]
            for i, v in enumerate(vals):
                field = _SYSPLEX_MONITOR_FLAGS.get(v)
                if field is not None:
                    kw[field[0]] = field[1]
                    if v == "NOMONINTERFACE":
                        kw["dyn_route"] = False  # IBM's diagram: NOMONINTERFACE goes with NODYNROUTE
                elif v == "TIMERSECS" and i + 1 < len(vals) and vals[i + 1].isdigit():
                    kw["timer_secs"] = int(vals[i + 1])
        return SysplexMonitor(**kw, span=span)  # type: ignore[arg-type]


# SYSPLEXMONITOR sub-option -> (field, value) (GLOBALCONFIG statement, IP Configuration Reference V2R3).
_SYSPLEX_MONITOR_FLAGS: dict[str, tuple[str, bool]] = {
    "AUTOREJOIN": ("auto_rejoin", True), "NOAUTOREJOIN": ("auto_rejoin", False),
    "DELAYJOIN": ("delay_join", True), "NODELAYJOIN": ("delay_join", False),
    "NOJOIN": ("join", False),
    "MONINTERFACE": ("mon_interface", True), "NOMONINTERFACE": ("mon_interface", False),
    "DYNROUTE": ("dyn_route", True), "NODYNROUTE": ("dyn_route", False),
    "RECOVERY": ("recovery", True), "NORECOVERY": ("recovery", False),
}
SYSPLEX_MONITOR_WORDS = frozenset({*_SYSPLEX_MONITOR_FLAGS, "TIMERSECS"})


@attrs.frozen(kw_only=True)
class SysplexMonitor:
    """GLOBALCONFIG SYSPLEXMONITOR: fields as coded (None: not coded);
    ``*_effective`` apply IBM's defaults (NOAUTOREJOIN, NODELAYJOIN, join the
    group, NOMONINTERFACE NODYNROUTE, NORECOVERY, TIMERSECS 60)."""

    auto_rejoin: bool | None = None
    delay_join: bool | None = None
    join: bool | None = None
    mon_interface: bool | None = None
    dyn_route: bool | None = None
    recovery: bool | None = None
    timer_secs: int | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def recovery_effective(self) -> bool:
        return bool(self.recovery)

    @property
    def delay_join_effective(self) -> bool:
        return bool(self.delay_join)

    @property
    def auto_rejoin_effective(self) -> bool:
        return bool(self.auto_rejoin)

    @property
    def timer_secs_effective(self) -> int:
        return 60 if self.timer_secs is None else self.timer_secs


@attrs.frozen(kw_only=True)
class HomeEntry:
    """One ``HOME`` entry: a static address on a link (``raw`` as written when it is not an address)."""

    address: IPv4Address | None
    raw: str
    link: str
    span: Span = _span()
    link_span: Span = _span()


@attrs.frozen(kw_only=True)
class Interface:
    """``INTERFACE name DEFINE|DELETE|ADDADDR|DELADDR ...``."""

    name: str
    action: str
    type: str | None = None
    addresses: tuple[IpAddress, ...] = ()
    prefix_len: int | None = None
    portname: str | None = None
    vmac: str | None = None  # VMAC: None when not coded, "" when the OSA generates the address
    vmac_route: str | None = None  # "ROUTEALL" / "ROUTELCL" as coded (IBM's default: ROUTEALL)
    options: tuple[Option, ...] = ()
    span: Span = _span()
    name_span: Span = _span()


@attrs.frozen(kw_only=True)
class Device:
    """``DEVICE``: a device name and type, other operands as written."""

    name: str
    type: str | None
    operands: tuple[str, ...] = ()
    span: Span = _span()
    name_span: Span = _span()


@attrs.frozen(kw_only=True)
class Link:
    """``LINK``: a link name, its type and the DEVICE it runs on."""

    name: str
    type: str | None
    device: str | None
    operands: tuple[str, ...] = ()
    span: Span = _span()
    name_span: Span = _span()
    device_span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class PortEntry:
    """One entry of a PORT statement. ``port`` is None for ``UNRSV``."""

    port: int | None
    protocol: str
    owner: str  # job name, "*", "OMVS" or "RESERVED"
    options: tuple[str, ...] = ()
    bind: IpAddress | None = None
    saf: str | None = None
    span: Span = _span()

    @property
    def reserved(self) -> bool:
        return self.owner == "RESERVED"


@attrs.frozen(kw_only=True)
class PortRangeEntry:
    """One ``PORTRANGE`` entry: ``count`` ports from ``first`` reserved for a job name."""

    first: int
    count: int
    protocol: str
    owner: str
    options: tuple[str, ...] = ()
    span: Span = _span()

    @property
    def last(self) -> int:
        return min(self.first + self.count - 1, 65535)


@attrs.frozen(kw_only=True)
class AutologEntry:
    """One ``AUTOLOG`` entry: a procedure the stack starts (and restarts)."""

    proc: str
    jobname: str | None = None
    parmstring: str | None = None
    delay_start: tuple[str, ...] = ()
    span: Span = _span()


@attrs.frozen(kw_only=True)
class Route:
    """One ``BEGINROUTES ROUTE`` entry: destination, first hop, link and options as written."""

    destination: str  # "DEFAULT", an address, or address/prefix
    mask: str | None
    first_hop: str  # an address or "="
    link: str
    options: tuple[str, ...] = ()
    span: Span = _span()
    link_span: Span = _span()


class _Addressed:
    """The addresses of a VIPADEFINE / VIPABACKUP, each with the span of its text."""

    __slots__ = ()
    addresses: tuple[IpAddress, ...]
    address_spans: tuple[Span, ...]
    span: Span

    def located(self) -> tuple[tuple[IpAddress, Span], ...]:
        """Each address with the span of its text (the statement's span where the
        builder could not place it): the one pairing every rule and index uses."""
        spans = self.address_spans
        if len(spans) == len(self.addresses):
            return tuple(zip(self.addresses, spans))
        return tuple((a, self.span) for a in self.addresses)

    def address_span(self, address: IpAddress) -> Span:
        """Where ``address`` is written in this statement (the statement when it is not)."""
        for a, sp in self.located():
            if a == address:
                return sp
        return self.span


@attrs.frozen(kw_only=True)
class VipaDefine(_Addressed):
    """``VIPADEFINE``: this stack owns and activates the DVIPAs."""

    addresses: tuple[IpAddress, ...]
    mask: IPv4Address | None = None
    prefix_len: int | None = None
    interface: str | None = None  # IPv6 interface name
    moveable: Moveable | None = None
    tier: str | None = None  # "TIER1" / "TIER2"
    cpcscope: bool = False
    service_mgr: bool = False
    block: int = 0
    lost: bool = False  # after a syntax error in its VIPADYNAMIC block: z/OS ignores it
    span: Span = _span()
    address_spans: tuple[Span, ...] = attrs.field(default=(), eq=False, repr=False)

    @property
    def moveable_effective(self) -> Moveable:
        return self.moveable or Moveable.IMMEDIATE


@attrs.frozen(kw_only=True)
class VipaBackup(_Addressed):
    """``VIPABACKUP [rank]``: this stack takes the DVIPAs over (higher rank first)."""

    addresses: tuple[IpAddress, ...]
    rank: int | None = None
    mask: IPv4Address | None = None
    prefix_len: int | None = None
    interface: str | None = None
    moveable: Moveable | None = None
    tier: str | None = None
    cpcscope: bool = False
    service_mgr: bool = False
    block: int = 0
    lost: bool = False
    span: Span = _span()
    address_spans: tuple[Span, ...] = attrs.field(default=(), eq=False, repr=False)

    @property
    def rank_effective(self) -> int:
        return 1 if self.rank is None else self.rank

    @property
    def moveable_effective(self) -> Moveable:
        return self.moveable or Moveable.IMMEDIATE


@attrs.frozen(kw_only=True)
class VipaDelete:
    """``VIPADELETE``: removes DVIPAs defined or backed up earlier in the profile."""

    addresses: tuple[IpAddress, ...] = ()
    interface: str | None = None
    block: int = 0
    lost: bool = False
    span: Span = _span()


@attrs.frozen(kw_only=True)
class PortSpec:
    """A port, or a range ``first-last``, of a VIPADISTRIBUTE PORT list."""

    first: int
    last: int

    def __contains__(self, port: object) -> bool:
        return isinstance(port, int) and self.first <= port <= self.last

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@attrs.frozen(kw_only=True)
class DestIp:
    """One ``DESTIP`` target of a VIPADISTRIBUTE: the XCF address, its hot-standby role and rank, WLM weight."""

    address: IpAddress | None
    raw: str
    role: DestRole | None = None
    rank: int | None = None
    weight: int | None = None
    span: Span = _span()
    role_span: Span | None = attrs.field(default=None, eq=False, repr=False)
    address_span: Span | None = attrs.field(default=None, eq=False, repr=False)  # the address alone


@attrs.frozen(kw_only=True)
class VipaDistribute:
    """``VIPADISTRIBUTE``: sysplex distribution of a DVIPA to DESTIP targets."""

    vipa: IpAddress | None
    raw: str
    interface: str | None = None
    delete: bool = False
    dist_method: DistMethod | None = None
    auto_switch_back: bool | None = None
    health_switch: bool | None = None
    ports: tuple[PortSpec, ...] = ()
    dest_all: bool = False
    dest_ips: tuple[DestIp, ...] = ()
    optlocal: int | None = None
    sysplex_ports: bool = False
    timed_affinity: int | None = None
    tier: str | None = None  # "TIER1" / "TIER2"
    tier_group: str | None = None  # the group name after TIER1/TIER2
    encapsulation: str | None = None  # "GRE" / "ENCAP" (tier 1)
    control_port: int | None = None  # CONTROLPORT (tier 1; IBM's default 1702)
    proc_type: tuple[tuple[str, int | None], ...] = ()  # PROCTYPE (CP|ZAAP|ZIIP, weight) as coded
    proc_xcost: tuple[tuple[str, int | None], ...] = ()  # PROCXCOST (ZIIP|ZAAP, cost) as coded
    il_weighting: int | None = None  # ILWEIGHTING
    hotstandby_keywords: tuple[tuple[str, Span], ...] = attrs.field(default=(), eq=False, repr=False)
    block: int = 0
    lost: bool = False
    span: Span = _span()
    vipa_span: Span = _span()

    @property
    def dist_method_effective(self) -> DistMethod:
        return self.dist_method or DistMethod.BASEWLM

    @property
    def auto_switch_back_effective(self) -> bool:
        return True if self.auto_switch_back is None else self.auto_switch_back

    @property
    def health_switch_effective(self) -> bool:
        return True if self.health_switch is None else self.health_switch

    def distributes_port(self, port: int) -> bool:
        """Whether connections to ``port`` are distributed (no PORT list: every port)."""
        return not self.ports or any(port in p for p in self.ports)

    @property
    def preferred(self) -> tuple[DestIp, ...]:
        return tuple(d for d in self.dest_ips if d.role is DestRole.PREFERRED)

    @property
    def backups(self) -> tuple[DestIp, ...]:
        return tuple(d for d in self.dest_ips if d.role is DestRole.BACKUP)

    @property
    def rejection(self) -> str | None:
        """The IBM message with which z/OS ignores this VIPADISTRIBUTE, or None.

        Hot standby needs exactly one PREFERRED and at least one BACKUP target
        (EZZ0826I/EZZ0827I), at most 31 BACKUPs (EZZ0829I), distinct PREFERRED
        and BACKUP addresses (EZZ0830I) and a target list, not ``DESTIP ALL``
        (EZZ0165I). Decided once, here: the TCP1xx rules report these and the
        sysplex index leaves such a statement out, as z/OS does.
        """
        if self.dist_method_effective is not DistMethod.HOTSTANDBY or self.delete:
            return None
        if self.dest_all:
            return "EZZ0165I"
        if not self.dest_ips:
            return None
        pref, backups = self.preferred, self.backups
        if not pref and not backups:
            return "EZZ0826I"
        if len(pref) != 1 or not backups:
            return "EZZ0827I"
        if len(backups) > 31:
            return "EZZ0829I"
        if {d.address for d in pref} & {d.address for d in backups}:
            return "EZZ0830I"
        return None


@attrs.frozen(kw_only=True)
class VipaRange:
    """``VIPARANGE``: a subnet in which applications may create DVIPAs by BIND or SIOCSVIPA."""

    delete: bool = False
    mask: IPv4Address | None = None
    address: IpAddress | None = None
    prefix_len: int | None = None
    interface: str | None = None
    moveable: Moveable | None = None
    saf: str | None = None
    zcx: bool = False
    block: int = 0
    lost: bool = False
    span: Span = _span()

    @property
    def network(self) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
        if self.address is None:
            return None
        plen = self.prefix_len
        if plen is None and self.mask is not None:
            plen = mask_prefix(self.mask)
        if plen is None:
            plen = self.address.max_prefixlen
        return ipaddress.ip_network(f"{self.address}/{plen}", strict=False)


@attrs.frozen(kw_only=True)
class VipaRoute:
    """``VIPAROUTE``: the route (target address) used to reach a DESTIP's XCF address."""

    delete: bool = False
    xcf_address: IpAddress | None = None
    target: IpAddress | None = None
    block: int = 0
    lost: bool = False
    span: Span = _span()


@attrs.frozen(kw_only=True)
class Include:
    """``INCLUDE``: a member read in place of the statement (``path`` when it was found locally)."""

    dsn: str
    path: str | None = None  # the local file it resolved to, when it did
    span: Span = _span()


@attrs.frozen(kw_only=True)
class Generic:
    """A statement zlint keeps as keyword + operands (SACONFIG, NETMONITOR, ...)."""

    keyword: str
    words: tuple[str, ...] = ()
    span: Span = _span()


@attrs.frozen(kw_only=True)
class Deletion:
    """``DELETE DEVICE|LINK name`` or ``DELETE PORT|PORTRANGE entries``: removes
    an earlier definition (mostly in OBEYFILE data sets)."""

    kind: str  # "DEVICE", "LINK", "PORT" or "PORTRANGE"
    name: str | None = None  # the device or link name
    ports: tuple[PortEntry, ...] = ()
    port_ranges: tuple[PortRangeEntry, ...] = ()
    span: Span = _span()
    name_span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Unparsed:
    """A statement that did not parse: its words, for rules that must stay quiet."""

    block: str | None
    words: tuple[str, ...]
    span: Span = _span()


@attrs.frozen(kw_only=True)
class StatementRef:
    """One statement in text order, for outlines: keyword, a name, span."""

    keyword: str
    name: str | None = None
    block: str | None = None
    span: Span = _span()


VipaStatement = VipaDefine | VipaBackup | VipaDelete | VipaDistribute | VipaRange | VipaRoute


@attrs.frozen(kw_only=True)
class TcpipProfile:
    """One TCP/IP stack's profile, INCLUDEs resolved into it."""

    statements: tuple[StatementRef, ...] = ()
    ipconfig: IpConfig = IpConfig()
    ipconfig6: IpConfig = IpConfig()
    global_config: GlobalConfig = GlobalConfig()
    tcp_config: tuple[Option, ...] = ()
    udp_config: tuple[Option, ...] = ()
    home: tuple[HomeEntry, ...] = ()
    interfaces: tuple[Interface, ...] = ()
    devices: tuple[Device, ...] = ()
    links: tuple[Link, ...] = ()
    ports: tuple[PortEntry, ...] = ()
    port_ranges: tuple[PortRangeEntry, ...] = ()
    autolog: tuple[AutologEntry, ...] = ()
    routes: tuple[Route, ...] = ()
    vipa: tuple[VipaStatement, ...] = ()
    includes: tuple[Include, ...] = ()
    starts: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()
    primary_interface: str | None = None
    somaxconn: int | None = None
    arpage: int | None = None
    other: tuple[Generic, ...] = ()
    deletes: tuple[Deletion, ...] = ()  # DELETE statements, in text order
    unparsed: tuple[Unparsed, ...] = ()
    suppressions: tuple[Suppression, ...] = ()  # zlint: ignore comments (profile and its INCLUDEs)
    # Facts derived once from the frozen model (the one cache idiom of the models).
    _cache: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    # -------------------------------------------------- convenient views
    @property
    def dynamic_xcf(self) -> DynamicXcf | None:
        return self.ipconfig.dynamic_xcf

    @property
    def dynamic_xcf6(self) -> DynamicXcf | None:
        return self.ipconfig6.dynamic_xcf

    @property
    def vipa_defines(self) -> tuple[VipaDefine, ...]:
        return tuple(v for v in self.vipa if isinstance(v, VipaDefine))

    @property
    def vipa_backups(self) -> tuple[VipaBackup, ...]:
        return tuple(v for v in self.vipa if isinstance(v, VipaBackup))

    @property
    def vipa_deletes(self) -> tuple[VipaDelete, ...]:
        return tuple(v for v in self.vipa if isinstance(v, VipaDelete))

    @property
    def vipa_distributes(self) -> tuple[VipaDistribute, ...]:
        return tuple(v for v in self.vipa if isinstance(v, VipaDistribute))

    @property
    def vipa_ranges(self) -> tuple[VipaRange, ...]:
        return tuple(v for v in self.vipa if isinstance(v, VipaRange))

    @property
    def vipa_routes(self) -> tuple[VipaRoute, ...]:
        return tuple(v for v in self.vipa if isinstance(v, VipaRoute))

    @property
    def index(self) -> ProfileIndex:
        """What the profile defines, backs up and distributes, after VIPADELETE (computed once)."""
        hit = self._cache.get("index")
        if hit is None:
            hit = self._cache["index"] = ProfileIndex.of(self)
        return hit

    def mentions_unparsed(self, text: str) -> bool:
        """Whether a statement that did not parse names ``text`` (an address, a name).

        Rules use this to stay quiet instead of reporting a "missing"
        definition that is really a syntax error already reported."""
        t = text.upper()
        return any(t in u.words for u in self.unparsed)

    @property
    def has_unparsed_vipa(self) -> bool:
        return any(u.block == "VIPADYNAMIC" for u in self.unparsed)


@attrs.frozen(kw_only=True)
class ProfileIndex:
    """Definitions and references of one profile, computed once per profile.

    ``defined``/``backed_up``/``distributed``: DVIPA → statements (in effect
    after VIPADELETE); ``static``: HOME, INTERFACE and DYNAMICXCF addresses →
    (kind, span); ``destips``: every DESTIP with its VIPADISTRIBUTE.
    """

    defined: dict[IpAddress, tuple[VipaDefine, ...]]
    backed_up: dict[IpAddress, tuple[VipaBackup, ...]]
    distributed: dict[IpAddress, tuple[VipaDistribute, ...]]
    static: dict[IpAddress, tuple[tuple[str, Span], ...]]
    devices: dict[str, Device]
    links: dict[str, Link]
    interfaces: dict[str, Interface]
    destips: tuple[tuple[DestIp, VipaDistribute], ...]

    @classmethod
    def of(cls, p: TcpipProfile) -> ProfileIndex:
        """Build the index of a profile (use :attr:`TcpipProfile.index`, which keeps it)."""
        defined: dict[IpAddress, list[VipaDefine]] = {}
        backed: dict[IpAddress, list[VipaBackup]] = {}
        dist: dict[IpAddress, list[VipaDistribute]] = {}
        by_interface: dict[str, tuple[IpAddress, ...]] = {}
        for v in p.vipa:
            if isinstance(v, VipaDelete):
                for a in v.addresses:
                    defined.pop(a, None)
                    backed.pop(a, None)
                if v.interface is not None:
                    for a in by_interface.pop(v.interface, ()):
                        defined.pop(a, None)
                        backed.pop(a, None)
            elif isinstance(v, VipaDefine):
                for a in v.addresses:
                    defined.setdefault(a, []).append(v)
                if v.interface is not None:
                    by_interface[v.interface] = v.addresses
            elif isinstance(v, VipaBackup):
                for a in v.addresses:
                    backed.setdefault(a, []).append(v)
                if v.interface is not None:
                    by_interface[v.interface] = v.addresses
            elif isinstance(v, VipaDistribute) and not v.delete:
                # An IPv6 DVIPA is distributed by its interface name.
                targets = (v.vipa,) if v.vipa is not None else by_interface.get(v.interface or "", ())
                for a in targets:
                    dist.setdefault(a, []).append(v)
        static: dict[IpAddress, list[tuple[str, Span]]] = {}
        for h in p.home:
            if h.address is not None:
                static.setdefault(h.address, []).append((f"HOME ({h.link})", h.span))
        for i in p.interfaces:
            if i.action == "DEFINE":
                for a in i.addresses:
                    static.setdefault(a, []).append((f"INTERFACE {i.name}", i.span))
        for x in (p.dynamic_xcf, p.dynamic_xcf6):
            if x is not None and x.address is not None:
                static.setdefault(x.address, []).append(("DYNAMICXCF", x.span))
        return cls(
            defined={k: tuple(v) for k, v in defined.items()},
            backed_up={k: tuple(v) for k, v in backed.items()},
            distributed={k: tuple(v) for k, v in dist.items()},
            static={k: tuple(v) for k, v in static.items()},
            devices={d.name: d for d in p.devices},
            links={lk.name: lk for lk in p.links},
            interfaces={i.name: i for i in p.interfaces if i.action == "DEFINE"},
            destips=tuple((d, v) for v in p.vipa_distributes for d in v.dest_ips),
        )

    def dvipas(self) -> Iterator[IpAddress]:
        """Every DVIPA this stack defines or backs up, in address order."""
        yield from sorted(set(self.defined) | set(self.backed_up), key=_addr_key)




def _addr_key(a: IpAddress) -> tuple[int, int]:
    return (a.version, int(a))


def mask_prefix(mask: IPv4Address) -> int | None:
    """Prefix length of a contiguous mask, None if the mask is not contiguous."""
    n = int(mask)
    inv = (~n) & 0xFFFFFFFF
    if inv & (inv + 1):
        return None
    return 32 - inv.bit_length()


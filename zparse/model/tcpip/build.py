"""Build the TCP/IP model from the syntax tree; resolve INCLUDEs.

The builder reads the grammar's view of each statement (a :class:`Tree`
whose leaves are CST tokens; freed once the model is built) and never raises: values out of bounds become SYN004
diagnostics, unknown operands SYN012, obsolete device types SYN011.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from ipaddress import IPv4Address, IPv6Address
from typing import Any

from ..._gc import gc_paused
from ...codes import Severity
from ...diagnostics import Diagnostic, Suppression, make, sort_diagnostics
from ...source import Source, Span
from ...syntax.cst import Node, Token
from ...syntax.releases import NEWEST, normalise_release, release_findings
from ...syntax.suppress import read_suppressions
from ...syntax.tcpip import parse_tcpip_syntax
from ..result import ParseResult
from .nodes import (
    SYSPLEX_MONITOR_WORDS,
    AutologEntry,
    Deletion,
    DestIp,
    DestRole,
    Device,
    DistMethod,
    DynamicXcf,
    Generic,
    GlobalConfig,
    HomeEntry,
    Include,
    Interface,
    IpAddress,
    IpConfig,
    Link,
    Moveable,
    Option,
    PortEntry,
    PortRangeEntry,
    PortSpec,
    Route,
    StatementRef,
    TcpipProfile,
    Unparsed,
    VipaBackup,
    VipaDefine,
    VipaDelete,
    VipaDistribute,
    VipaRange,
    VipaRoute,
    VipaStatement,
)

__all__ = ["MAX_INCLUDE_DEPTH", "IncludeResolver", "parse_tcpip", "release_diagnostics"]

IncludeResolver = Callable[[str], "tuple[str, str] | str"]
MAX_INCLUDE_DEPTH = 16
MAX_INCLUDES = 256  # INCLUDE statements followed per profile (an include "bomb" doubles per level)
# Text that INCLUDEs may add to one profile, counted per INCLUDE followed: the
# model holds the statements of every inclusion, so this bounds its memory
# (a real profile with its members is well under a megabyte).
MAX_INCLUDED_TEXT = 4 * 1024 * 1024

# DEVICE types that IBM removed by V2R2 (ATM, CLAW, HYPERchannel, SNA LU0/LU6.2, X.25, CDLC, MPCOSA).
_OBSOLETE_DEVICES = {"ATM", "CLAW", "HCH", "SNAIUCV", "SNALU62", "X25NPSI", "CDLC", "MPCOSA", "ATMLIS"}
# Link types whose device name follows directly after the type; others put an adapter number first.
_LINK_DEVICE_NEXT = {"IPAQENET", "IPAQIDIO", "MPCPTP", "MPCPTP6", "IPAQTR", "SAMEHOST", "IPAQENET6"}
_HOTSTANDBY_ONLY = {"PREFERRED", "BACKUP", "AUTOSWITCHBACK", "NOAUTOSWITCHBACK", "HEALTHSWITCH", "NOHEALTHSWITCH"}
_FLAGS: dict[str, frozenset[str]] = {
    "ipconfig": frozenset({
        "CHECKSUMOFFLOAD", "NOCHECKSUMOFFLOAD", "CLAWUSEDOUBLENOP", "NODATAGRAMFWD", "NOFWDMULTIPATH",
        "NODYNAMICXCF", "SMCD", "NOSMCD", "IGNOREREDIRECT", "IPSECURITY", "NOIQDIOROUTING",
        "NOMULTIPATH", "PATHMTUDISCOVERY", "NOPATHMTUDISCOVERY", "NOQDIOACCELERATOR",
        "SEGMENTATIONOFFLOAD", "NOSEGMENTATIONOFFLOAD", "SOURCEVIPA", "NOSOURCEVIPA",
        "SYSPLEXROUTING", "NOSYSPLEXROUTING", "NOTCPSTACKSOURCEVIPA", "VARSUBNETTING"}),
}
_FLAGS["ipconfig6"] = _FLAGS["ipconfig"] - {"NODATAGRAMFWD"}
# Options whose value IBM's diagram requires (what the value is, for the message).
_NEEDS_VALUE: dict[str, dict[str, str]] = {
    "ipconfig": {"ARPTO": "ARP cache timeout", "DEVRETRYDURATION": "retry duration", "FORMAT": "LONG or SHORT",
                 "REASSEMBLYTIMEOUT": "timeout", "TTL": "time-to-live", "TCPSTACKSOURCEVIPA": "VIPA address"},
    "ipconfig6": {"HOPLIMIT": "hop limit", "ICMPERRORLIMIT": "messages per second", "OSMSECCLASS": "security class",
                  "SOURCEVIPAINTERFACE": "VIPA interface name", "TCPSTACKSOURCEVIPA": "interface name",
                  "INTFID": "interface ID"},
    "globalconfig": {"ADJUSTDVIPAMSS": "AUTO, ALL or NONE", "ECSALIMIT": "limit", "POOLLIMIT": "limit",
                     "MAXRECS": "record count", "SYSPLEXWLMPOLL": "seconds", "IQDVLANID": "VLAN ID",
                     "EXPLICITBINDPORTRANGE": "first port and number of ports", "XCFGRPID": "group ID"},
}
# Option values IBM's diagrams fix: a set of words, or a number range
# (True: the range is on IBM's page; False: zlint's guess, a warning).
_VALUE_WORDS: dict[tuple[str, str], frozenset[str]] = {
    ("ipconfig", "FORMAT"): frozenset({"LONG", "SHORT"}),
    ("ipconfig", "MULTIPATH"): frozenset({"PERCONNECTION", "PERPACKET"}),
    ("ipconfig6", "MULTIPATH"): frozenset({"PERCONNECTION", "PERPACKET"}),
    ("globalconfig", "ADJUSTDVIPAMSS"): frozenset({"AUTO", "ALL", "NONE"}),
}
_VALUE_RANGE: dict[tuple[str, str], tuple[int, int, bool]] = {
    ("ipconfig", "ARPTO"): (60, 86400, True),
    ("ipconfig6", "HOPLIMIT"): (1, 255, False),
}
_SIZE_KM = frozenset({("globalconfig", "ECSALIMIT"), ("globalconfig", "POOLLIMIT")})
_DECIMAL = re.compile(r"\d*\.?\d+")


# The PORT options in the order of IBM's diagram (shared reference, section 2.4).
_PORT_ORDER = {"K_NOAUTOLOG": 0, "K_DELAYACKS": 1, "K_NODELAYACKS": 1, "K_SHAREPORT": 2, "K_SHAREPORTWLM": 2,
               "K_BIND": 3, "K_SAF": 4, "K_NOSMC": 5, "K_SMC": 5, "K_NOSMCR": 5}
_ROUTE_TIMING = frozenset({"K_MAXIMUMRETRANSMITTIME", "K_MINIMUMRETRANSMITTIME", "K_ROUNDTRIPGAIN", "K_VARIANCEGAIN",
                           "K_VARIANCEMULTIPLIER"})

_ADDR_CACHE: dict[str, IpAddress] = {}
_LOOPBACK = IPv4Address("127.0.0.1")


def _remember(text: str, addr: IpAddress) -> None:
    """Addresses repeat a lot in a profile; parsing them is the builder's main cost."""
    if len(_ADDR_CACHE) > 50_000:
        _ADDR_CACHE.clear()
    _ADDR_CACHE[text] = addr


def _num_ok(text: str) -> bool:
    return text.isdigit() and len(text) <= 10


def _looks_like_mask(text: str) -> bool:
    """An IPv4 mask that no one would take for a host address: 255.x.x.x, contiguous."""
    parts = text.split(".")
    if len(parts) != 4 or parts[0] != "255" or not all(_num_ok(p) and int(p) <= 255 for p in parts):
        return False
    n = 0
    for p in parts:
        n = (n << 8) | int(p)
    inv = (~n) & 0xFFFFFFFF
    return not inv & (inv + 1)


class _Builder:
    def __init__(self, resolver: IncludeResolver | None, symbols: Mapping[str, str] | None) -> None:
        self.resolver = resolver
        self.symbols = symbols
        self.diags: list[Diagnostic] = []
        self.sources: list[Source] = []
        self.errors = 0
        self.statements = 0
        self.refs: list[StatementRef] = []
        self.ipconfig: list[Option] = []
        self.ipconfig6: list[Option] = []
        self.xcf: DynamicXcf | None = None
        self.xcf6: DynamicXcf | None = None
        self.noxcf = False
        self.noxcf6 = False
        self.globalconfig: list[Option] = []
        self.tcpconfig: list[Option] = []
        self.udpconfig: list[Option] = []
        self.home: list[HomeEntry] = []
        self.interfaces: list[Interface] = []
        self.devices: list[Device] = []
        self.links: list[Link] = []
        self.ports: list[PortEntry] = []
        self.port_ranges: list[PortRangeEntry] = []
        self.autolog: list[AutologEntry] = []
        self.routes: list[Route] = []
        self.vipa: list[VipaStatement] = []
        self.includes: list[Include] = []
        self.starts: list[str] = []
        self.stops: list[str] = []
        self.primary: str | None = None
        self.somaxconn: int | None = None
        self.arpage: int | None = None
        self.other: list[Generic] = []
        self.deletes: list[Deletion] = []
        self.unparsed: list[Unparsed] = []
        self.block_no = 0
        self.block_lost = False
        self.include_count = 0
        self.included_text = 0
        self.suppressions: list[Suppression] = []
        self.resolved: dict[str, tuple[str, str] | str] = {}
        self.parsed: dict[str, tuple[Source, Node]] = {}
        self.source: Source = Source("")
        self.cur_span: Span = Span(self.source, 0, 0)
        self.cur_tokens: list[Any] = []

    # ------------------------------------------------------------ values
    def span(self, tok: Token) -> Span:
        return Span(self.source, tok.start, tok.end)

    def bad(self, tok: Token, message: str, code: str = "SYN004") -> None:
        self.diags.append(make(code, message, self.span(tok)))

    def number(self, tok: Token, what: str, lo: int, hi: int, verified: bool = True) -> int | None:
        """``tok`` as an integer in ``lo``-``hi``. Outside a range IBM documents: a
        SYN004 error and None. Outside a range IBM's pages do not state
        (``verified=False``, zlint's guess): a SYN004 warning, and the value is kept."""
        v = tok.value
        if tok.kind == "SYMBOLIC":
            return None
        if not _num_ok(v):
            self.bad(tok, f"{what} {tok.text} is not a number")
            return None
        if not lo <= int(v) <= hi:
            if not verified:
                self.diags.append(make("SYN004", f"{what} {tok.text} is outside {lo}-{hi}, the range zlint "
                                       "assumes (IBM's pages do not state it; check with VARY TCPIP,,SYNTAXCHECK)",
                                       self.span(tok), severity=Severity.WARNING))
                return int(v)
            self.bad(tok, f"{what} {tok.text} is out of range ({lo}-{hi})")
            return None
        return int(v)

    def ipv4(self, tok: Token, what: str = "IPv4 address", value: str | None = None) -> IPv4Address | None:
        """``value`` (default: the token's) is the text to read, e.g. without a /prefix."""
        v = tok.value if value is None else value
        if tok.kind == "SYMBOLIC":
            return None
        hit = _ADDR_CACHE.get(v)
        if hit is not None and hit.version == 4:
            return hit
        parts = v.split(".")
        if len(parts) != 4 or not all(_num_ok(p) and int(p) <= 255 for p in parts):
            self.bad(tok, f"{tok.text!r} is not a valid {what}")
            return None
        a, b, c, d = (int(p) for p in parts)
        addr = IPv4Address((a << 24) | (b << 16) | (c << 8) | d)
        _remember(v, addr)
        return addr

    def ipv6(self, tok: Token, what: str = "IPv6 address") -> IPv6Address | None:
        if tok.kind == "SYMBOLIC":
            return None
        v = tok.value.split("/")[0]
        hit = _ADDR_CACHE.get(v)
        if hit is not None and hit.version == 6:
            return hit
        try:
            addr6 = IPv6Address(v)
            _remember(v, addr6)
            return addr6
        except ValueError:
            self.bad(tok, f"{tok.text!r} is not a valid {what}")
            return None

    def address(self, tok: Token) -> IpAddress | None:
        v = tok.value.split("/")[0]
        if tok.kind == "SYMBOLIC":
            return None
        if ":" in v:
            return self.ipv6(tok)
        return self.ipv4(tok, value=v)

    def prefix(self, tok: Token, bits: int) -> int | None:
        v = tok.value
        if "/" not in v:
            return None
        p = v.rsplit("/", 1)[1]
        if not _num_ok(p) or int(p) > bits:
            self.bad(tok, f"prefix length /{p} is out of range (0-{bits})")
            return None
        return int(p)

    def mask(self, tok: Token) -> IPv4Address | None:
        return self.ipv4(tok, "address mask")

    # ------------------------------------------------------------ walking
    def add_file(self, tree: Node, source: Source, chain: tuple[str, ...]) -> None:
        saved = self.source
        self.source = source
        self._walk(tree, None, chain)
        self.source = saved

    def _walk(self, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        for child in node.children:
            if not isinstance(child, Node):
                continue
            if child.kind == "block":
                kw = child.keyword
                if kw == "VIPADYNAMIC":
                    self.block_no += 1
                    self.block_lost = False
                self._walk(child, kw, chain)
                self.block_lost = False
            elif child.kind == "statement":
                self.statements += 1
                try:
                    self._statement(child, block, chain)
                except Exception as exc:  # a builder bug must never lose the file
                    self.diags.append(make("ZL001", f"internal error reading this statement: {exc!r}",
                                           child.span))
            elif child.kind == "error":
                self.errors += 1
                words = tuple(t.value.upper() for t in child.significant())
                self.unparsed.append(Unparsed(block=block, words=words, span=child.span))
                if block == "VIPADYNAMIC":
                    self.block_lost = True

    def _statement(self, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        tree = node.tree
        kind = tree.data
        # A statement node's children are its tokens, first and last significant.
        children = node.children
        self.cur_span = span = Span(self.source, children[0].start, children[-1].end)
        self.cur_tokens = children
        handler = _HANDLERS.get(kind)
        name = None
        if handler is not None:
            name = handler(self, tree, node, block, chain)
        self.refs.append(StatementRef(keyword=node.keyword or str(kind).upper(), name=name, block=block,
                                      span=span))

    # ------------------------------------------------------------ helpers
    @staticmethod
    def toks(tree: Any) -> list[Token]:
        """All tokens under a statement tree, in order (statement trees are shallow:
        repetitions are spliced flat by the grammar's ``_`` rules)."""
        out: list[Token] = []
        for c in tree.children:
            if isinstance(c, Token):
                out.append(c)
            else:
                out.extend(_Builder.toks(c))
        return out

    @staticmethod
    def sub(tree: Any, name: str) -> list[Any]:
        return [c for c in tree.children if not isinstance(c, Token) and c.data == name]

    def options(self, tree: Any, bag: str) -> list[Option]:
        out: list[Option] = []
        flags = _FLAGS.get(bag, frozenset())
        needs = _NEEDS_VALUE.get(bag, {})
        for opt in tree.children[1:]:
            toks = self.toks(opt)
            head = toks[0]
            kw = head.type[2:] if head.type.startswith("K_") else head.value.upper()
            if not head.type.startswith("K_"):
                self.bad(head, f"{head.text!r} is not a {bag.upper()} operand that zlint knows", "SYN012")
            values = tuple(t.value for t in toks[1:])
            if not values and kw in needs:
                self.bad(head, f"{bag.upper()} {kw} is missing its value ({needs[kw]})", "SYN001")
            elif values and toks[1].kind != "SYMBOLIC":
                self._option_value(bag, kw, toks[1])
            if kw in flags and values and kw != "DYNAMICXCF":
                self.bad(toks[1], f"{toks[1].text!r} is not a value of {kw}", "SYN012")
            span = Span(self.source, head.start, toks[-1].end)
            out.append(Option(keyword=kw, values=values, span=span))
            if kw == "DYNAMICXCF":
                self.dynamicxcf(bag, toks, span)
            elif kw == "NODYNAMICXCF":
                if bag == "ipconfig":
                    self.noxcf, self.xcf = True, None
                else:
                    self.noxcf6, self.xcf6 = True, None
        return out

    def _option_value(self, bag: str, kw: str, tok: Token) -> None:
        words = _VALUE_WORDS.get((bag, kw))
        if words is not None and tok.value.upper() not in words:
            self.bad(tok, f"{bag.upper()} {kw} takes {' or '.join(sorted(words))}, not {tok.text}")
        rng = _VALUE_RANGE.get((bag, kw))
        if rng is not None:
            self.number(tok, f"{bag.upper()} {kw}", rng[0], rng[1], verified=rng[2])
        if (bag, kw) in _SIZE_KM and tok.kind != "SIZE":
            self.diags.append(make("SYN004", f"{kw} {tok.text}: IBM's diagram writes the limit with a K or M "
                                   "suffix (e.g. 2048K or 2M)", self.span(tok), severity=Severity.WARNING))

    def dynamicxcf(self, bag: str, toks: list[Token], span: Span) -> None:
        head, vals = toks[0], toks[1:]
        if bag == "ipconfig6":
            if not vals:
                self.bad(head, "IPCONFIG6 DYNAMICXCF is missing its IPv6 address", "SYN001")
                return
            if vals[0].kind in ("IPV4", "IPV4P"):
                self.bad(vals[0], f"{vals[0].text} is an IPv4 address: IPCONFIG6 DYNAMICXCF takes an IPv6 "
                         "address (the IPv4 one belongs on IPCONFIG DYNAMICXCF)")
                return
            addr6 = self.address(vals[0]) if vals[0].kind != "WORD" else None
            if vals[0].kind == "WORD":
                self.bad(vals[0], f"{vals[0].text!r} is not a valid IPv6 address")
            self.xcf6 = DynamicXcf(address=addr6, raw=vals[0].value, version=6,
                                   prefix_len=self.prefix(vals[0], 128), span=span)
            self.noxcf6 = False
            return
        if not vals:
            self.bad(head, "IPCONFIG DYNAMICXCF is missing its address, mask (or /prefix) and cost metric",
                     "SYN001")
            return
        if vals[0].kind in ("IPV6", "IPV6P"):
            self.bad(vals[0], f"{vals[0].text} is an IPv6 address: IPCONFIG DYNAMICXCF takes an IPv4 address "
                     "(the IPv6 one belongs on IPCONFIG6 DYNAMICXCF)")
            return
        a = vals[0]
        address: IPv4Address | None = None
        plen = None
        mask = None
        rest = vals[1:]
        if a.kind == "IPV4P":
            address = self.ipv4(a, "DYNAMICXCF address", a.value.split("/")[0])
            plen = self.prefix(a, 32)
        elif a.kind in ("IPV4", "SYMBOLIC"):
            address = self.ipv4(a, "DYNAMICXCF address")
            if rest and rest[0].kind in ("IPV4", "SYMBOLIC"):
                mask = self.mask(rest[0])
                rest = rest[1:]
            else:
                self.bad(a, "DYNAMICXCF needs a subnet mask (or a /prefix) after the address")
        else:
            self.bad(a, f"{a.text!r} is not a valid DYNAMICXCF address")
        cost = None
        if rest and rest[0].kind in ("NUMBER", "SYMBOLIC"):
            cost = self.number(rest[0], "DYNAMICXCF cost metric", 0, 255, verified=False)
            rest = rest[1:]
        elif a.kind in ("IPV4", "IPV4P"):
            self.bad(vals[-1], "DYNAMICXCF needs a cost metric after the mask")
        for t in rest:
            self.bad(t, f"unexpected {t.text!r} after DYNAMICXCF", "SYN012")
        self.xcf = DynamicXcf(address=address, raw=a.value, mask=mask, prefix_len=plen, cost=cost,
                              span=span)
        self.noxcf = False

    # ------------------------------------------------------------ statements
    def s_ipconfig(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.ipconfig.extend(self.options(tree, "ipconfig"))

    def s_ipconfig6(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.ipconfig6.extend(self.options(tree, "ipconfig6"))

    def s_globalconfig(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        opts = self.options(tree, "globalconfig")
        for o in opts:
            if o.keyword == "SYSPLEXMONITOR":
                self._sysplex_monitor(o)
            if o.keyword == "XCFGRPID" and o.values and (not _num_ok(o.values[0]) or not 2 <= int(o.values[0]) <= 31):
                self.diags.append(make("SYN004", "XCFGRPID needs a number from 2 to 31", o.span))
        self.globalconfig.extend(opts)

    def _sysplex_monitor(self, o: Option) -> None:
        """Sub-options of SYSPLEXMONITOR: IBM's words only, TIMERSECS with a number."""
        vals = [v.upper() for v in o.values]
        for i, v in enumerate(vals):
            if v.isdigit() and i > 0 and vals[i - 1] == "TIMERSECS":
                continue
            if v not in SYSPLEX_MONITOR_WORDS and "&" not in v:
                self.diags.append(make("SYN012", f"{v} is not a SYSPLEXMONITOR sub-option (AUTOREJOIN, "
                                       "DELAYJOIN, NOJOIN, MONINTERFACE, DYNROUTE, RECOVERY, TIMERSECS and "
                                       "their NO forms)", o.span))
            elif v == "TIMERSECS" and (i + 1 >= len(vals) or not vals[i + 1].isdigit()):
                self.diags.append(make("SYN004", "SYSPLEXMONITOR TIMERSECS needs a number of seconds", o.span))

    def s_tcpconfig(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.tcpconfig.extend(self.options(tree, "tcpconfig"))

    def s_udpconfig(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.udpconfig.extend(self.options(tree, "udpconfig"))

    def s_home(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        for e in self.sub(tree, "home_entry"):
            a, link = e.children
            addr = self.ipv4(a, "HOME address")
            if addr == _LOOPBACK:
                self.bad(a, "127.0.0.1 cannot be a HOME address (EZZ0344I: z/OS ignores it)")
            self.home.append(HomeEntry(address=addr, raw=a.value, link=link.value.upper(),
                                       span=Span(self.source, a.start, link.end), link_span=self.span(link)))

    def s_interface(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str:
        name_tok = tree.children[1]
        name = str(name_tok.value.upper())
        if len(name) > 16:
            self.bad(name_tok, f"interface name {name_tok.text} is longer than 16 characters")
        action_tree = tree.children[2]
        action = {"intf_define": "DEFINE", "intf_delete": "DELETE", "intf_addaddr": "ADDADDR",
                  "intf_deladdr": "DELADDR"}[str(action_tree.data)]
        itype = None
        addresses: list[IpAddress] = []
        plen = None
        portname = None
        vmac: str | None = None
        vmac_route: str | None = None
        opts: list[Option] = []
        if action == "DEFINE":
            ttok = self.toks(action_tree.children[1])[0]
            itype = ttok.value.upper()
            if not ttok.type.startswith("K_"):
                self.bad(ttok, f"{ttok.text!r} is not an INTERFACE type zlint knows", "SYN012")
            for opt in action_tree.children[2:]:
                toks = self.toks(opt)
                kw = toks[0].type[2:]
                values = tuple(t.value for t in toks[1:])
                opts.append(Option(keyword=kw, values=values, span=Span(self.source, toks[0].start, toks[-1].end)))
                if kw == "IPADDR":
                    for t in toks[1:]:
                        if t.kind == "WORD":
                            self.bad(t, f"{t.text!r} is not a valid IP address")
                            continue
                        a = self.address(t)
                        if a is not None:
                            addresses.append(a)
                        p = self.prefix(t, 128 if ":" in t.value else 32)
                        plen = p if p is not None else plen
                elif kw == "PORTNAME" and values:
                    portname = values[0].upper()
                elif kw == "VMAC":
                    vmac, vmac_route = self._vmac(toks)
        elif action in ("ADDADDR", "DELADDR"):
            for t in self.toks(action_tree)[1:]:
                a = self.address(t)
                if a is not None:
                    addresses.append(a)
        self.interfaces.append(Interface(name=name, action=action, type=itype, addresses=tuple(addresses),
                                         prefix_len=plen, portname=portname, vmac=vmac, vmac_route=vmac_route,
                                         options=tuple(opts),
                                         span=self.cur_span, name_span=self.span(name_tok)))
        return name

    def _vmac(self, toks: list[Token]) -> tuple[str, str | None]:
        """``VMAC [macaddr] [ROUTEALL | ROUTELCL]``: the MAC address ("" when the
        OSA generates one) and the routing form as coded."""
        mac = ""
        route = None
        for t in toks[1:]:
            word = t.value.upper()
            if word in ("ROUTEALL", "ROUTELCL") and route is None:
                route = word
            elif not mac and route is None and t.kind != "SYMBOLIC":
                if len(word) != 12 or any(ch not in "0123456789ABCDEF" for ch in word):
                    self.bad(t, f"VMAC address {t.text} must be 12 hexadecimal digits")
                mac = word
            elif t.kind != "SYMBOLIC":
                self.bad(t, f"{t.text!r} is not a VMAC operand (a MAC address, then ROUTEALL or ROUTELCL)",
                         "SYN012")
        return mac, route

    def s_device(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str:
        name_tok = tree.children[1]
        ops = [t for t in tree.children[2:]]
        dtype = ops[0].value.upper() if ops else None
        if dtype in _OBSOLETE_DEVICES:
            self.bad(ops[0], f"DEVICE type {ops[0].text} is not supported by current z/OS releases "
                     "(removed in V2R2)", "SYN011")
        self.devices.append(Device(name=name_tok.value.upper(), type=dtype,
                                   operands=tuple(t.value.upper() for t in ops[1:]), span=self.cur_span,
                                   name_span=self.span(name_tok)))
        return str(name_tok.value.upper())

    def s_link(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str:
        name_tok = tree.children[1]
        ops = [t for t in tree.children[2:]]
        ltype = ops[0].value.upper() if ops else None
        dev_tok = None
        if ltype in _LINK_DEVICE_NEXT and len(ops) > 1:
            dev_tok = ops[1]
        elif len(ops) > 2:
            dev_tok = ops[2]
        self.links.append(Link(name=name_tok.value.upper(), type=ltype,
                               device=dev_tok.value.upper() if dev_tok else None,
                               operands=tuple(t.value.upper() for t in ops[1:]), span=self.cur_span,
                               name_span=self.span(name_tok),
                               device_span=self.span(dev_tok) if dev_tok else None))
        return str(name_tok.value.upper())

    def _port_options(self, toks: list[Token]) -> tuple[tuple[str, ...], IpAddress | None, str | None]:
        opts: list[str] = []
        bind = None
        saf = None
        k = 0
        while k < len(toks):
            t = toks[k]
            kw = t.type[2:]
            if kw == "BIND" and k + 1 < len(toks):
                bind = self.address(toks[k + 1])
                k += 1
            elif kw == "SAF" and k + 1 < len(toks):
                saf = toks[k + 1].value.upper()
                if len(saf) > 8:
                    self.bad(toks[k + 1], f"SAF resource name {toks[k + 1].text} is longer than 8 characters")
                k += 1
            opts.append(kw)
            k += 1
        return tuple(opts), bind, saf

    def _port_rules(self, owner: Token, opts: tuple[str, ...], toks: list[Token]) -> None:
        """IBM's PORT diagram: RESERVED takes no options; SHAREPORT or
        SHAREPORTWLM, not both; the options in the diagram's order (a warning:
        whether the stack insists on the order is not documented)."""
        if not opts:
            return
        if owner.type == "K_RESERVED":
            self.bad(toks[0], f"RESERVED takes no options ({toks[0].text} follows it): a reserved port "
                     "has no job to share, bind or autolog")
            return
        if "SHAREPORT" in opts and "SHAREPORTWLM" in opts:
            self.bad(toks[0], "SHAREPORT and SHAREPORTWLM exclude each other: IBM's PORT diagram offers one of "
                     "them")
        last = -1
        for t in toks:
            rank = _PORT_ORDER.get(t.type)
            if rank is None:
                continue
            if rank < last:
                self.diags.append(make("SYN004", f"{t.text} is out of the order of IBM's PORT diagram (NOAUTOLOG, "
                                       "DELAYACKS|NODELAYACKS, SHAREPORT|SHAREPORTWLM, BIND, SAF, NOSMC|SMC)",
                                       self.span(t), severity=Severity.WARNING))
                return
            last = rank

    def s_port(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.ports.extend(self._port_entries(tree.children[1:]))

    def _port_entries(self, entries: list[Any]) -> list[PortEntry]:
        out: list[PortEntry] = []
        for e in entries:
            toks = e.children  # flat: the grammar inlines owner and options
            first = toks[0]
            port = None if first.type == "K_UNRSV" else self.number(first, "port", 1, 65535)
            proto = toks[1].type[2:]
            owner = toks[2].value.upper()
            if len(owner) > 8:
                self.bad(toks[2], f"job name {toks[2].text} is longer than 8 characters")
            opts, bind, saf = self._port_options(toks[3:]) if len(toks) > 3 else ((), None, None)
            self._port_rules(toks[2], opts, toks[3:])
            if "DENY" in opts and owner != "*":
                self.bad(first, "DENY is valid only with the job name * (EZZ0146I: z/OS ignores the "
                         "whole PORT statement)")
            out.append(PortEntry(port=port, protocol=proto, owner=owner, options=opts, bind=bind,
                                 saf=saf, span=Span(self.source, first.start, toks[-1].end)))
        return out

    def s_portrange(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.port_ranges.extend(self._portrange_entries(tree.children[1:]))

    def _portrange_entries(self, entries: list[Any]) -> list[PortRangeEntry]:
        out: list[PortRangeEntry] = []
        for e in entries:
            toks = e.children  # flat: the grammar inlines owner and options
            first = self.number(toks[0], "first port", 1, 65535)
            count = self.number(toks[1], "number of ports", 1, 65535)
            opts, _, _ = self._port_options(toks[4:])
            if first is not None and count is not None:
                out.append(PortRangeEntry(first=first, count=count, protocol=toks[2].type[2:],
                                          owner=toks[3].value.upper(), options=opts,
                                          span=Span(self.source, toks[0].start, toks[-1].end)))
        return out

    def s_delete_stmt(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str | None:
        kids = tree.children[1:]
        head = kids[0]
        if not isinstance(head, Token):  # del_other: a kind DELETE does not take
            words = list(head.children)
            what = words[0].value.upper()
            hint = ("; delete an interface with INTERFACE name DELETE" if what.startswith("INTERF")
                    else "")
            self.bad(words[0], f"DELETE takes DEVICE, LINK, PORT or PORTRANGE, not {words[0].text}{hint}",
                     "SYN001")
            self.unparsed.append(Unparsed(block=block, words=tuple(t.value.upper() for t in self.cur_tokens
                                                                   if not t.trivia), span=self.cur_span))
            return None
        kind = head.type[2:]
        name = None
        ports: list[PortEntry] = []
        ranges: list[PortRangeEntry] = []
        if kind in ("DEVICE", "LINK"):
            name = kids[1].value.upper()
        elif kind == "PORT":
            ports = self._port_entries(kids[1:])
        else:
            ranges = self._portrange_entries(kids[1:])
        self.deletes.append(Deletion(kind=kind, name=name, ports=tuple(ports), port_ranges=tuple(ranges),
                                     span=self.cur_span,
                                     name_span=self.span(kids[1]) if name is not None else None))
        return name

    def s_autolog(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        if len(tree.children) > 1:
            self.number(tree.children[1], "AUTOLOG wait time", 0, 9999)

    def s_autolog_entry(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str:
        proc = tree.children[0]
        jobname = parm = None
        delay: list[str] = []
        for opt in tree.children[1:]:
            toks = self.toks(opt)
            kw = toks[0].type[2:]
            if kw == "JOBNAME":
                jobname = toks[1].value.upper()
            elif kw == "PARMSTRING":
                parm = toks[1].value[1:-1] if toks[1].value.endswith('"') else toks[1].value[1:]
            else:
                delay.extend(t.type[2:] for t in toks[1:])
        if len(proc.value) > 8:
            self.bad(proc, f"procedure name {proc.text} is longer than 8 characters")
        self.autolog.append(AutologEntry(proc=proc.value.upper(), jobname=jobname, parmstring=parm,
                                         delay_start=tuple(delay), span=self.cur_span))
        return str(proc.value.upper())

    def s_route(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        dest_tree = tree.children[1]
        dtoks = self.toks(dest_tree)
        dest = dtoks[0].value.upper()
        mask = None
        if dtoks[0].kind in ("IPV4", "IPV4P", "IPV6", "IPV6P"):
            self.address(dtoks[0])
        if len(dtoks) > 1:
            if dtoks[1].type == "K_HOST":
                mask = "HOST"
            else:
                self.mask(dtoks[1])
                mask = dtoks[1].value
        hop = tree.children[2]
        if hop.type != "EQ":
            self.address(hop)
        link = tree.children[3]
        opts = tuple(t.type[2:] if t.type.startswith("K_") else t.value for t in tree.children[4:])
        for k, t in enumerate(tree.children[4:-1], 4):
            if t.type in _ROUTE_TIMING:
                v = tree.children[k + 1]
                if v.kind != "SYMBOLIC" and not _DECIMAL.fullmatch(v.value):
                    self.bad(v, f"{t.type[2:]} {v.text} is not a number of seconds (e.g. 120 or 0.5)")
        self.routes.append(Route(destination=dest, mask=mask, first_hop=hop.value, link=link.value.upper(),
                                 options=opts, span=self.cur_span, link_span=self.span(link)))

    def s_include(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        tok = tree.children[1]
        dsn = tok.value.upper()
        if self.resolver is None:
            self.includes.append(Include(dsn=dsn, span=self.span(tok)))
            return
        where = self.span(tok)
        if len(chain) > MAX_INCLUDE_DEPTH:
            self.diags.append(make("SYN007", f"INCLUDE {dsn} is nested more than {MAX_INCLUDE_DEPTH} "
                                   "levels deep", where))
            self.includes.append(Include(dsn=dsn, span=where))
            return
        self.include_count += 1
        if self.include_count > MAX_INCLUDES:
            self.diags.append(make("SYN007", f"INCLUDE {dsn} is not followed: this profile already "
                                   f"includes more than {MAX_INCLUDES} members", where))
            self.includes.append(Include(dsn=dsn, span=where))
            return
        got = self.resolved.get(dsn)
        if got is None:
            try:
                got = self.resolver(dsn)
            except Exception as exc:  # the resolver belongs to the caller; never lose the file
                got = f"INCLUDE {dsn} could not be resolved ({exc})"
            self.resolved[dsn] = got
        if isinstance(got, str):
            self.diags.append(make("SYN007", got, where))
            self.includes.append(Include(dsn=dsn, span=where))
            return
        path, text = got
        if path in chain:
            loop = " → ".join([*chain[chain.index(path):], path])
            self.diags.append(make("SYN007", f"INCLUDE cycle: {loop}", where))
            self.includes.append(Include(dsn=dsn, path=path, span=where))
            return
        if self.included_text + len(text) > MAX_INCLUDED_TEXT:
            if self.included_text <= MAX_INCLUDED_TEXT:  # one finding, at the first INCLUDE cut off
                self.diags.append(make("SYN007", f"INCLUDE {dsn} and the INCLUDEs after it are not "
                                       f"followed: they would add more than {MAX_INCLUDED_TEXT // (1024 * 1024)} "
                                       "MiB of text to this profile", where))
                self.included_text = MAX_INCLUDED_TEXT + 1
            self.includes.append(Include(dsn=dsn, path=path, span=where))
            return
        self.included_text += len(text)
        self.includes.append(Include(dsn=dsn, path=path, span=where))
        cached = self.parsed.get(path)
        if cached is None:
            src = Source(text, path, "tcpip")
            syn = parse_tcpip_syntax(src, self.symbols)
            self.diags.extend(syn.diagnostics)
            self.suppressions.extend(read_suppressions(src, syn.remarks, "tcpip"))
            cached = self.parsed[path] = (src, syn.tree)
            self.sources.append(src)
        self.add_file(cached[1], cached[0], (*chain, path))

    def s_start_stmt(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str:
        self.starts.append(tree.children[1].value.upper())
        return str(tree.children[1].value.upper())

    def s_stop_stmt(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str:
        self.stops.append(tree.children[1].value.upper())
        return str(tree.children[1].value.upper())

    def s_primaryinterface(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str:
        name = str(tree.children[1].value.upper())
        self.primary = name
        return name

    def s_somaxconn(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.somaxconn = self.number(tree.children[1], "SOMAXCONN", 1, 2147483647)

    def s_arpage(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.arpage = self.number(tree.children[1], "ARPAGE", 1, 1440)

    def s_generic(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        toks = self.toks(tree)
        self.other.append(Generic(keyword=toks[0].type[2:], words=tuple(t.value for t in toks[1:]),
                                  span=self.cur_span))

    s_netaccess = s_srcip = s_ipsec = s_defaddrtable = s_bsdroutingparms = s_generic

    # ------------------------------------------------------------ VIPADYNAMIC
    def _vipa_common(self, tree: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"tier": None, "cpcscope": False, "moveable": None, "service_mgr": False}
        for c in tree.children[1:]:
            if isinstance(c, Token):
                continue
            if c.data == "tier":
                for t in c.children:
                    if t.type == "K_CPCSCOPE":
                        out["cpcscope"] = True
                    else:
                        out["tier"] = t.type[2:]
            elif c.data == "moveable":
                word = c.children[1].type[2:]
                out["moveable"] = Moveable(word)
                if word in ("NONDISRUPTIVE", "DISRUPTIVE"):
                    self.bad(c.children[1], f"MOVEABLE {word} belongs to VIPARANGE; VIPADEFINE and "
                             "VIPABACKUP take IMMEDIATE or WHENIDLE")
            elif c.data == "service_mgr":
                out["service_mgr"] = True
        return out

    def _vipa_addresses(self, tree: Any, kw: str, common: dict[str, Any]) -> dict[str, Any] | None:
        """The addresses of a VIPADEFINE/VIPABACKUP, checked against the form of
        IBM's diagram they use; None (after a SYN001 naming what is missing or
        not allowed) when the statement is not one z/OS accepts."""
        out: dict[str, Any] = {"addresses": (), "mask": None, "interface": None, "prefix_len": None,
                               "address_spans": ()}
        moveable = common["moveable"]
        # IBM's forms: VIPADEFINE always takes a mask before its IPv4 DVIPAs;
        # VIPABACKUP takes one only with MOVEABLE (its plain form lists DVIPAs).
        with_mask = kw == "VIPADEFINE" or moveable is not None
        for c in tree.children:
            if isinstance(c, Token) or c.data not in ("ipv4_addresses", "ipv6_address"):
                continue
            toks = list(c.children)
            if c.data == "ipv6_address":
                if moveable not in (None, Moveable.IMMEDIATE):
                    self.vipa_error(toks[0], f"the IPv6 form of {kw} takes only MOVEABLE IMMEDIATE, "
                                           f"not MOVEABLE {moveable.value}")
                    return None
                if common["service_mgr"]:
                    self.vipa_error(toks[0], f"SERVICEMGR is valid only on the IPv4 form of {kw} "
                                           "(the service manager supports IPv4 only)")
                    return None
                out["interface"] = toks[0].value.upper()
                a6 = self.ipv6(toks[1])
                out["addresses"] = (a6,) if a6 else ()
                out["prefix_len"] = self.prefix(toks[1], 128)
                out["address_spans"] = (self.span(toks[1]),) if a6 else ()
                if len(toks[0].value) > 16:
                    self.bad(toks[0], f"interface name {toks[0].text} is longer than 16 characters")
                continue
            if common["service_mgr"] and moveable is None and kw == "VIPABACKUP":
                self.vipa_error(toks[0], "VIPABACKUP takes SERVICEMGR only after MOVEABLE IMMEDIATE or "
                                       "MOVEABLE WHENIDLE (and then an address mask)")
                return None
            if with_mask:
                if len(toks) < 2:
                    what = "MOVEABLE " + moveable.value if moveable is not None else kw
                    self.vipa_error(toks[0], f"{kw} is missing its address mask or its DVIPA: after "
                                           f"{what} IBM expects an address mask and then the DVIPAs, and "
                                           f"{toks[0].text} alone cannot be both")
                    return None
                out["mask"] = self.mask(toks[0])
                toks = toks[1:]
            elif len(toks) > 1 and _looks_like_mask(toks[0].value):
                self.vipa_error(toks[0], f"{toks[0].text} looks like an address mask, but VIPABACKUP "
                                       "takes a mask only after MOVEABLE IMMEDIATE or MOVEABLE WHENIDLE; without "
                                       "MOVEABLE every address is a DVIPA")
                return None
            addrs = []
            spans = []
            for t in toks:
                a = self.ipv4(t, "DVIPA")
                if a is None:
                    continue
                if a == _LOOPBACK:
                    self.bad(t, "127.0.0.1 cannot be a DVIPA (EZZ0638I: z/OS ignores the statement)")
                addrs.append(a)
                spans.append(self.span(t))
            out["addresses"] = tuple(addrs)
            out["address_spans"] = tuple(spans)
        return out

    def vipa_error(self, tok: Token, message: str) -> None:
        """A VIPADYNAMIC statement z/OS rejects although the grammar took it: a
        SYN001 at ``tok``; the statement is kept as unparsed words (never as a
        half-read DVIPA) and, as after any syntax error, the rest of the block is lost."""
        self.diags.append(make("SYN001", message + "; z/OS ignores the rest of this VIPADYNAMIC block",
                               self.span(tok)))
        self.unparsed.append(Unparsed(block="VIPADYNAMIC", words=tuple(t.value.upper() for t in self.cur_tokens if not t.trivia),
                                      span=self.cur_span))
        self.block_lost = True
        return None

    def _add_vipa(self, v: VipaStatement) -> None:
        self.vipa.append(v)

    def s_vipadefine(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str | None:
        common = self._vipa_common(tree)
        addrs = self._vipa_addresses(tree, "VIPADEFINE", common)
        if addrs is None:
            return None
        self._add_vipa(VipaDefine(**common, **addrs, block=self.block_no, lost=self.block_lost, span=self.cur_span))
        return " ".join(str(a) for a in addrs["addresses"])

    def s_vipabackup(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str | None:
        common = self._vipa_common(tree)
        rank = None
        for c in tree.children:
            if not isinstance(c, Token) and c.data == "rank":
                rank = self.number(c.children[0], "VIPABACKUP rank", 1, 254)
        addrs = self._vipa_addresses(tree, "VIPABACKUP", common)
        if addrs is None:
            return None
        self._add_vipa(VipaBackup(**common, **addrs, rank=rank, block=self.block_no, lost=self.block_lost,
                                  span=self.cur_span))
        return " ".join(str(a) for a in addrs["addresses"])

    def s_vipadelete(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        toks = tree.children[1:]
        if len(toks) == 1 and toks[0].type == "WORD":
            self._add_vipa(VipaDelete(interface=toks[0].value.upper(), block=self.block_no,
                                      lost=self.block_lost, span=self.cur_span))
            return
        addrs = tuple(a for a in (self.ipv4(t, "DVIPA") for t in toks) if a is not None)
        if _LOOPBACK in addrs:
            self.bad(toks[0], "127.0.0.1 cannot be deleted as a DVIPA (EZZ0638I: z/OS ignores the statement)")
        self._add_vipa(VipaDelete(addresses=addrs, block=self.block_no, lost=self.block_lost, span=self.cur_span))

    def s_vipadistribute(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str | None:
        kw: dict[str, Any] = {}
        hs_words: list[tuple[str, Span]] = []
        target: Token | None = None
        ports: list[PortSpec] = []
        dests: list[DestIp] = []
        dest_all = False
        for c in tree.children[1:]:
            if isinstance(c, Token):  # the distributed DVIPA (IPV4/IPV6) or an IPv6 interface name
                target = c
                continue
            if c.data == "dist_opt":
                toks = self.toks(c)
                word = toks[0].type[2:]
                if word == "DELETE":
                    kw["delete"] = True
                elif word == "DISTMETHOD":
                    m = toks[1].value.upper() if toks[1].type == "WORD" else toks[1].type[2:]
                    try:
                        kw["dist_method"] = DistMethod(m)
                    except ValueError:
                        self.bad(toks[1], f"{toks[1].text!r} is not a DISTMETHOD (BASEWLM, ROUNDROBIN, "
                                 "SERVERWLM, WEIGHTEDACTIVE, HOTSTANDBY or TARGCONTROLLED)")
                elif word in ("AUTOSWITCHBACK", "NOAUTOSWITCHBACK"):
                    kw["auto_switch_back"] = word == "AUTOSWITCHBACK"
                    hs_words.append((word, self.span(toks[0])))
                elif word in ("HEALTHSWITCH", "NOHEALTHSWITCH"):
                    kw["health_switch"] = word == "HEALTHSWITCH"
                    hs_words.append((word, self.span(toks[0])))
                elif word == "OPTLOCAL":
                    kw["optlocal"] = self.number(toks[1], "OPTLOCAL value", 0, 16, verified=False) if len(toks) > 1 else 1
                elif word == "SYSPLEXPORTS":
                    kw["sysplex_ports"] = True
                elif word == "TIMEDAFFINITY":
                    kw["timed_affinity"] = self.number(toks[1], "TIMEDAFFINITY seconds", 0, 99999, verified=False)
                elif word in ("TIER1", "TIER2"):
                    kw["tier"] = word
                    if len(toks) > 1:
                        kw["tier_group"] = toks[1].value.upper()
                    else:
                        self.vipa_error(toks[0], f"VIPADISTRIBUTE {word} is missing its group name (the name "
                                        f"that ties the TIER1 and TIER2 statements of one group together)")
                        return None
                elif word in ("GRE", "ENCAP"):
                    kw["encapsulation"] = word
                elif word == "CONTROLPORT":
                    kw["control_port"] = self.number(toks[1], "CONTROLPORT port", 1, 65535)
                elif word in ("PROCTYPE", "PROCXCOST"):
                    weights = tuple((p.children[0].type[2:], self.number(p.children[1], f"{word} weight", 0, 2147483647))
                                    for p in self.sub(c, "proc_weight"))
                    kw["proc_type" if word == "PROCTYPE" else "proc_xcost"] = weights
                elif word == "ILWEIGHTING":
                    kw["il_weighting"] = self.number(toks[1], "ILWEIGHTING", 0, 2147483647)
            elif c.data == "dist_ports":
                for t in c.children[1:]:
                    if t.kind == "PRANGE":
                        lo_s, hi_s = t.value.split("-", 1)
                        lo_t = Token("NUMBER", lo_s, t.start)
                        hi_t = Token("NUMBER", hi_s, t.start)
                        lo = self.number(lo_t, "port", 1, 65535)
                        hi = self.number(hi_t, "port", 1, 65535)
                        if lo is not None and hi is not None:
                            if hi < lo:
                                self.bad(t, f"port range {t.text} ends before it starts")
                            else:
                                ports.append(PortSpec(first=lo, last=hi))
                    else:
                        p = self.number(t, "port", 1, 65535)
                        if p is not None:
                            ports.append(PortSpec(first=p, last=p))
            elif c.data == "destips":
                if len(c.children) > 1 and isinstance(c.children[1], Token) and c.children[1].type == "K_ALL":
                    dest_all = True
                for d in self.sub(c, "destip"):
                    a_tok = d.children[0]
                    role = rank = weight = None
                    role_span = None
                    if len(d.children) > 1:
                        rtoks = self.toks(d.children[1])
                        rword = rtoks[0].type[2:]
                        role_span = self.span(rtoks[0])
                        if rword == "WEIGHT":
                            weight = self.number(rtoks[1], "WEIGHT", 1, 99, verified=False)
                        else:
                            role = DestRole(rword)
                            hs_words.append((rword, role_span))
                            if len(rtoks) > 1:
                                rank = self.number(rtoks[1], "BACKUP rank", 1, 254, verified=False)
                    dests.append(DestIp(address=self.address(a_tok), raw=a_tok.value, role=role, rank=rank,
                                        weight=weight, span=self._tree_span(d), role_span=role_span, address_span=self.span(a_tok)))
        vipa = None
        interface = None
        raw = ""
        if target is not None:
            raw = target.value
            if target.type == "WORD":
                if all(ch.isdigit() or ch == "." for ch in target.value) or target.value.count(".") == 3:
                    self.bad(target, f"{target.text!r} is not a valid IPv4 address")
                interface = target.value.upper()
            else:
                vipa = self.address(target)
                if vipa == _LOOPBACK:
                    self.bad(target, "127.0.0.1 cannot be distributed (EZZ0638I: z/OS ignores the statement)")
        v = VipaDistribute(vipa=vipa, raw=raw, interface=interface, ports=tuple(ports), dest_all=dest_all,
                           dest_ips=tuple(dests), hotstandby_keywords=tuple(hs_words), block=self.block_no,
                           lost=self.block_lost, span=self.cur_span,
                           vipa_span=self.span(target) if target is not None else node.span, **kw)
        if v.hotstandby_keywords and v.dist_method_effective is not DistMethod.HOTSTANDBY:
            # EZZ0831I: the statement and the rest of the block are ignored by z/OS.
            v = VipaDistribute(**{**_fields(v), "lost": True})
            self.block_lost = True
        self._add_vipa(v)
        return raw

    def _tree_span(self, tree: Any) -> Span:
        toks = self.toks(tree)
        return Span(self.source, toks[0].start, toks[-1].end)

    def s_viparange(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> str | None:
        delete = False
        moveable = None
        saf = None
        zcx = False
        toks: list[Token] = []
        for c in tree.children[1:]:
            if isinstance(c, Token):
                toks.append(c)
            elif c.data == "range_action":
                delete = c.children[0].type == "K_DELETE"
            elif c.data == "moveable":
                moveable = Moveable(c.children[1].type[2:])
                if moveable not in (Moveable.NONDISRUPTIVE, Moveable.DISRUPTIVE):
                    self.bad(c.children[1], "VIPARANGE takes MOVEABLE NONDISRUPTIVE or DISRUPTIVE")
            elif c.data == "range_opt":
                if c.children[0].type == "K_SAF":
                    saf = c.children[1].value.upper()
                else:
                    zcx = True
        mask: IPv4Address | None = None
        address: IpAddress | None = None
        interface = None
        plen = None
        if toks and toks[0].type == "IPV4" and len(toks) == 1:
            self.vipa_error(toks[0], "VIPARANGE is missing its address mask or its address: IBM expects an "
                            f"address mask and then the range's address, and {toks[0].text} alone cannot be both")
            return None
        if toks and toks[0].type == "IPV4":
            mask = self.mask(toks[0])
            address = self.ipv4(toks[1], "VIPARANGE address")
            if address == _LOOPBACK:
                self.bad(toks[1], "127.0.0.1 cannot be a VIPARANGE address (EZZ0638I: z/OS ignores the statement)")
        elif toks:
            if moveable not in (None, Moveable.NONDISRUPTIVE):
                self.vipa_error(toks[0], "the IPv6 form of VIPARANGE takes only MOVEABLE NONDISRUPTIVE, "
                                f"not MOVEABLE {moveable.value}")
                return None
            interface = toks[0].value.upper()
            if len(toks) > 1:
                address = self.ipv6(toks[1])
                plen = self.prefix(toks[1], 128)
        self._add_vipa(VipaRange(delete=delete, mask=mask, address=address, prefix_len=plen, interface=interface,
                                 moveable=moveable, saf=saf, zcx=zcx, block=self.block_no, lost=self.block_lost,
                                 span=self.cur_span))
        return str(address) if address else (interface or "")

    def s_viparoute(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        toks = [c for c in tree.children[1:] if isinstance(c, Token)]
        delete = any(not isinstance(c, Token) and c.children[0].type == "K_DELETE" for c in tree.children[1:])
        addrs = [self.address(t) for t in toks]
        self._add_vipa(VipaRoute(delete=delete, xcf_address=addrs[0] if addrs else None,
                                 target=addrs[1] if len(addrs) > 1 else None, block=self.block_no,
                                 lost=self.block_lost, span=self.cur_span))

    def s_vipasmparms(self, tree: Any, node: Node, block: str | None, chain: tuple[str, ...]) -> None:
        self.s_generic(tree, node, block, chain)

    # ------------------------------------------------------------ result
    def finish(self) -> TcpipProfile:
        return TcpipProfile(
            statements=tuple(self.refs),
            ipconfig=IpConfig(options=tuple(self.ipconfig), dynamic_xcf=self.xcf, no_dynamic_xcf=self.noxcf),
            ipconfig6=IpConfig(options=tuple(self.ipconfig6), dynamic_xcf=self.xcf6, no_dynamic_xcf=self.noxcf6),
            global_config=GlobalConfig(options=tuple(self.globalconfig)),
            tcp_config=tuple(self.tcpconfig), udp_config=tuple(self.udpconfig),
            home=tuple(self.home), interfaces=tuple(self.interfaces), devices=tuple(self.devices),
            links=tuple(self.links), ports=tuple(self.ports), port_ranges=tuple(self.port_ranges),
            autolog=tuple(self.autolog), routes=tuple(self.routes), vipa=tuple(self.vipa),
            includes=tuple(self.includes), starts=tuple(self.starts), stops=tuple(self.stops),
            primary_interface=self.primary, somaxconn=self.somaxconn, arpage=self.arpage,
            other=tuple(self.other), deletes=tuple(self.deletes), unparsed=tuple(self.unparsed),
            suppressions=tuple(self.suppressions),
        )


_HANDLERS: dict[str, Callable[..., Any]] = {
    name[2:]: fn for name, fn in vars(_Builder).items() if name.startswith("s_") and callable(fn)
}


def _fields(v: Any) -> dict[str, Any]:
    import attrs

    return attrs.asdict(v, recurse=False)


def parse_tcpip(
    text: str,
    path: str | None = None,
    *,
    symbols: Mapping[str, str] | None = None,
    include_resolver: IncludeResolver | None = None,
    target_release: str | None = None,
) -> ParseResult[TcpipProfile]:
    """Parse a TCP/IP profile into its lossless tree, model and diagnostics.

    Never raises for any ``str``. ``symbols`` maps system symbol names to
    values (``SYSCLONE`` → ``01``); without it, symbolic operands stay
    unresolved and are not reported. ``include_resolver`` maps an INCLUDE data
    set name to ``(path, text)`` or an error message; without it INCLUDEs are
    recorded but not followed. ``target_release`` (``"V2R4"``; default the
    newest release the grammar knows) adds a SYN014 for each operand that
    release does not have yet; a release zparse does not know is a ValueError.
    """
    source = Source(text, path, "tcpip")
    target = None if target_release is None else normalise_release(target_release)
    with gc_paused():
        syn = parse_tcpip_syntax(source, symbols)
        builder = _Builder(include_resolver, symbols)
        builder.sources.append(source)
        builder.suppressions.extend(read_suppressions(source, syn.remarks, "tcpip"))
        builder.add_file(syn.tree, source, (path or "<text>",))
        model = builder.finish()
        if target is not None and target != NEWEST:
            for tree in (syn.tree, *(t for _, t in builder.parsed.values())):
                builder.diags.extend(release_findings(tree, target))
        # The statement trees served the builder; freed here, they cost the
        # collector nothing later (they are a quarter of a parse's objects).
        for tree in (syn.tree, *(t for _, t in builder.parsed.values())):
            _release_trees(tree)
    diags = sort_diagnostics([*syn.diagnostics, *builder.diags])
    errors = syn.errors + sum(1 for d in builder.diags if d.code == "SYN001")
    included_errors = builder.errors - syn.errors if builder.errors > syn.errors else 0
    if errors == 0 and included_errors == 0:
        status = "clean"
    elif builder.statements == 0:
        status = "unreadable"
    else:
        status = "recovered"
    return ParseResult(source=source, tree=syn.tree, model=model, diagnostics=tuple(diags), status=status,
                       includes=tuple(builder.sources[1:]))


def release_diagnostics(result: ParseResult[TcpipProfile], target_release: str | None,
                        symbols: Mapping[str, str] | None = None) -> list[Diagnostic]:
    """SYN014 findings of an already parsed profile and its INCLUDEd members
    for ``target_release`` (for a loader whose parses were made without one;
    the members are lexed again, which costs only when a target is set)."""
    if target_release is None or normalise_release(target_release) == NEWEST:
        return []
    out = release_findings(result.tree, target_release)
    for src in result.includes:
        out.extend(release_findings(parse_tcpip_syntax(src, symbols).tree, target_release))
    return out


def _release_trees(node: Node) -> None:
    for child in node.children:
        if isinstance(child, Node):
            child.tree = None
            if child.kind == "block":
                _release_trees(child)


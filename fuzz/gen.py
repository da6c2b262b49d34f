"""Generated inputs: grammar-based (Hypothesis) and realistic (deterministic).

Grammar-based generation uses ``hypothesis.extra.lark.from_lark`` over
``grammars/<kind>.lark``. ``from_lark`` only reads the grammar's rules
(``lark.grammar.compile``) and the start symbols, never the lexer, so the Lark
object is built as zparse/syntax/grammar.py does (LALR, a placeholder lexer
class, the keyword terminals ``%declare``\\ d) and every declared terminal gets
an ``explicit`` strategy: keywords drawn as the full word or a valid IBM
abbreviation in any case, values (WORD, NUMBER, IPV4, ...) drawn realistic
enough that the text is valid often. Each explicit strategy appends a
separator mark; :func:`layout_tcpip` turns the marks into blanks and
continuation lines within column 72.

The realistic generators (:func:`realistic_profile`, :func:`realistic_izuprm`,
:func:`write_sysplex`) are plain ``random.Random`` code, used by the benchmarks
and by the lint fuzz target as seeds.
"""

from __future__ import annotations

import functools
import ipaddress
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark, get_terminal_names
from lark import Lark
from lark.lexer import Lexer

from zparse.syntax.grammar import grammar_path, keyword_lines
from zparse.syntax.keywords import Keyword, KeywordTable

__all__ = [
    "SEP",
    "grammar_lark",
    "izuprm_documents",
    "layout_tcpip",
    "realistic_izuprm",
    "realistic_profile",
    "tcpip_profiles",
    "tcpip_statements",
    "write_sysplex",
]

SEP = "\ue000"  # separator mark appended by every explicit terminal strategy

TCPIP_STARTS = ("statement", "vipa_item", "autolog_item", "routes_item", "bsd_item", "generic_item")
# Block opener keyword -> (item start symbol, END keyword).
TCPIP_BLOCKS = {
    "VIPADYNAMIC": ("vipa_item", "ENDVIPADYNAMIC"),
    "AUTOLOG": ("autolog_item", "ENDAUTOLOG"),
    "BEGINROUTES": ("routes_item", "ENDROUTES"),
    "BSDROUTINGPARMS": ("bsd_item", "ENDBSDROUTINGPARMS"),
    "NETACCESS": ("generic_item", "ENDNETACCESS"),
    "SRCIP": ("generic_item", "ENDSRCIP"),
    "IPSEC": ("generic_item", "ENDIPSEC"),
    "DEFADDRTABLE": ("generic_item", "ENDDEFADDRTABLE"),
}

NAMES = ("OSA1", "OSA2", "ETH1", "ETH2", "OSAQDIO1", "IUTIQDF4", "LOOPBACK", "TCPIP", "FTPD1",
         "TN3270", "OMPROUTE", "IZUSVR1", "IZUANG1", "RESOLVER", "SYSLOGD", "INETD", "DB2DDF",
         "MQCHIN", "CICSA", "JES2", "SMTP", "PORTMAP", "OMVS", "NFSS", "EZBNPORT", "VIPL0A01",
         "DYNXCF1", "CTC1", "HIPER1", "QDIO6", "LNK@1", "DEV#2", "X$Y")


class _NoLexer(Lexer):
    """Placeholder lexer: generation never lexes."""

    def __init__(self, conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any) -> Any:  # pragma: no cover
        raise NotImplementedError


@functools.cache
def grammar_lark(name: str, starts: tuple[str, ...]) -> tuple[Lark, KeywordTable, tuple[str, ...]]:
    """The Lark object of ``grammars/<name>``, its keyword table and every
    declared terminal (the grammar's own ``%declare`` plus the keywords)."""
    text = grammar_path(name).read_text(encoding="utf-8")
    stmt_words = keyword_lines(text, "stmt")
    table = KeywordTable(stmt_words + keyword_lines(text, "kw"))
    declared = [w for m in re.finditer(r"^%declare[ \t]+(.*)$", text, re.M) for w in m.group(1).split()]
    keyword_terms = [t for t in table.all_terminals() if t not in declared]
    full = text + (f"\n%declare {' '.join(keyword_terms)}\n" if keyword_terms else "")
    lark = Lark(full, parser="lalr", lexer=_NoLexer, start=list(starts))
    return lark, table, tuple(declared + keyword_terms)


# ---------------------------------------------------------------- terminals
def _case(word: str, mode: int, seed: int) -> str:
    if mode < 6:
        return word.upper()
    if mode == 6:
        return word.lower()
    if mode == 7:
        return word.capitalize()
    rnd = random.Random(seed)
    return "".join(c.lower() if rnd.random() < 0.5 else c.upper() for c in word)


def keyword_strategy(kw: Keyword) -> st.SearchStrategy[str]:
    """The full keyword or a valid abbreviation (at least the minimum), any case."""
    return st.builds(
        lambda n, mode, seed: _case(kw.name[:n], mode, seed),
        st.one_of(st.just(len(kw.name)), st.integers(kw.minimum, len(kw.name))),
        st.integers(0, 8),
        st.integers(0, 2**16),
    )


def _octet() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(1, 254), st.sampled_from([0, 255]))


def ipv4() -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from([10, 172, 192, 198, 203]), _octet(), _octet(), _octet()).map(
        lambda t: ".".join(map(str, t)))


def ipv6() -> st.SearchStrategy[str]:
    return st.ip_addresses(v=6).map(str).filter(lambda s: ":" in s and "%" not in s)


def names(table: KeywordTable | None) -> st.SearchStrategy[str]:
    """Job, link and device names that are not keyword spellings."""
    made = st.from_regex(r"[A-Z@#$][A-Z0-9@#$]{0,7}", fullmatch=True)
    strategy = st.one_of(st.sampled_from(NAMES), made)
    if table is None:
        return strategy
    return strategy.filter(lambda w: not table.terminals(w))


def value_strategies(table: KeywordTable | None) -> dict[str, st.SearchStrategy[str]]:
    """Strategies for the value terminals shared by both grammars."""
    number = st.one_of(st.integers(0, 255), st.integers(1, 65535), st.integers(0, 2**31 - 1)).map(str)
    quoted_text = st.text(st.characters(codec="utf-8", exclude_characters='"\'\r\n\x85\u2028\u2029' + SEP,
                                        exclude_categories=("Cs", "Cc")), max_size=30)
    return {
        "WORD": names(table),
        "NUMBER": number,
        "IPV4": ipv4(),
        "IPV4P": st.builds(lambda a, p: f"{a}/{p}", ipv4(), st.integers(0, 32)),
        "IPV6": ipv6(),
        "IPV6P": st.builds(lambda a, p: f"{a}/{p}", ipv6(), st.integers(0, 128)),
        "PRANGE": st.tuples(st.integers(1, 65535), st.integers(0, 2000)).map(
            lambda t: f"{t[0]}-{min(t[0] + t[1], 65535)}"),
        "SIZE": st.builds(lambda n, u: f"{n}{u}", st.integers(1, 4096), st.sampled_from("KMkm")),
        "QUOTED": quoted_text.map(lambda s: f'"{s}"'),
        "EQ": st.just("="),
    }


def explicit_strategies(declared: tuple[str, ...], table: KeywordTable,
                        extra: dict[str, st.SearchStrategy[str]] | None = None
                        ) -> tuple[dict[str, st.SearchStrategy[str]], list[str]]:
    """An explicit strategy (with the separator mark) for every declared
    terminal; also the names that fell back to a generic word (should be none)."""
    values = value_strategies(table)
    values.update(extra or {})
    out: dict[str, st.SearchStrategy[str]] = {}
    generic: list[str] = []
    for name in declared:
        if name.startswith("K_") and name[2:] in table.keywords:
            s = keyword_strategy(table.keywords[name[2:]])
        elif name.startswith("K_"):  # a keyword without an abbreviation table: the full word
            s = keyword_strategy(Keyword(name[2:]))
        elif name in values:
            s = values[name]
        else:
            generic.append(name)
            s = names(table)
        out[name] = s.map(lambda v: v + SEP)
    return out, generic


def lark_strategy(lark: Lark, start: str, explicit: dict[str, st.SearchStrategy[str]]
                  ) -> st.SearchStrategy[str]:
    """``from_lark`` from one start symbol, passing the explicit strategies of
    the terminals reachable from it (from_lark rejects the others)."""
    terminals, rules, ignore = lark.grammar.compile([start], ())
    used = get_terminal_names(terminals, rules, ignore)
    return from_lark(lark, start=start, explicit={k: v for k, v in explicit.items() if k in used})


# ---------------------------------------------------------------- TCP/IP
@functools.cache
def _tcpip_setup() -> tuple[Lark, KeywordTable, dict[str, st.SearchStrategy[str]], frozenset[str]]:
    lark, table, declared = grammar_lark("tcpip.lark", TCPIP_STARTS)
    explicit, generic = explicit_strategies(declared, table)
    if generic:  # pragma: no cover - a new terminal in tcpip.lark without a strategy here
        raise RuntimeError(f"fuzz/gen.py has no strategy for tcpip terminals {generic}")
    text = grammar_path("tcpip.lark").read_text(encoding="utf-8")
    starters = frozenset(w.upper() for w in keyword_lines(text, "stmt")) | frozenset(
        w for w in (k.upper() for k in keyword_lines(text, "kw")) if w.startswith("END") or w.startswith("VIPA"))
    return lark, table, explicit, starters


def _starts_statement(table: KeywordTable, word: str, starters: frozenset[str]) -> bool:
    return any(t[2:] in starters for t in table.terminals(word))


def layout_tcpip(raw: str, indent: int = 0, width: int = 71, rnd: random.Random | None = None) -> str:
    """Turn a generated statement (tokens followed by :data:`SEP`) into lines
    of at most ``width`` columns; continuation lines are indented and never
    start with a word that could start a statement."""
    _, table, _, starters = _tcpip_setup()
    words = [w for w in raw.split(SEP) if w]
    if not words:
        return ""
    rnd = rnd or random.Random(len(raw))
    lines: list[str] = []
    cur = " " * indent + words[0]
    for w in words[1:]:
        gap = " " if rnd.random() < 0.85 else " " * rnd.randint(2, 6)
        if len(cur) + len(gap) + len(w) <= width or _starts_statement(table, w, starters):
            cur += gap + w
        else:
            lines.append(cur)
            cur = " " * (indent + rnd.randint(1, 8)) + w
    lines.append(cur)
    return "\n".join(lines) + "\n"


@functools.cache
def tcpip_statements(start: str = "statement") -> st.SearchStrategy[str]:
    """Raw generated statements (with separator marks) from one start symbol."""
    lark, _, explicit, _ = _tcpip_setup()
    return lark_strategy(lark, start, explicit)


@st.composite
def tcpip_statement_text(draw: Any) -> str:
    """One top-level statement laid out; a block opener comes with its items and END."""
    table = _tcpip_setup()[1]
    raw = draw(tcpip_statements("statement"))
    seed = draw(st.integers(0, 2**16))
    rnd = random.Random(seed)
    out = layout_tcpip(raw, indent=rnd.choice([0, 0, 0, 1, 2]), rnd=rnd)
    first = raw.split(SEP, 1)[0]
    opener = next((t[2:] for t in table.terminals(first) if t[2:] in TCPIP_BLOCKS), None)
    if opener is not None and rnd.random() < 0.95:
        item_start, end = TCPIP_BLOCKS[opener]
        items = draw(st.lists(tcpip_statements(item_start), max_size=6))
        for item in items:
            if item.split(SEP, 1)[0].upper().startswith("END"):
                continue
            out += layout_tcpip(item, indent=2, rnd=rnd)
        out += end + "\n"
    return out


@st.composite
def tcpip_profiles(draw: Any, max_statements: int = 12) -> str:
    """A generated profile: statements and blocks, comments, a line-end style."""
    rnd = random.Random(draw(st.integers(0, 2**16)))
    parts = []
    if rnd.random() < 0.5:
        parts.append("; generated profile\n")
    for stmt in draw(st.lists(tcpip_statement_text(), min_size=1, max_size=max_statements)):
        parts.append(stmt)
        if rnd.random() < 0.15:
            parts.append(rnd.choice([";\n", "; comment\n", "\n", "   ; indented comment\n"]))
    text = "".join(parts)
    newline = rnd.choice(["\n"] * 8 + ["\r\n", "\r"])
    return text.replace("\n", newline) if newline != "\n" else text


# ---------------------------------------------------------------- IZUPRMxx
IZUPRM_WORDS = ("LOCAL", "CONNECT", "IZUSVR1", "IZUANG1", "443", "10443", "ON", "OFF", "IZUDFLT",
                "INCIDENT_LOG", "ISPF", "SYSDA", "IZUGUEST", "IZUUSER", "IZUADMIN", "IZUSECAD", "NONE",
                "COMMSERVER_CFG", "WORKLOAD_MGMT", "RESOURCE_MON", "CAPACITY_PROV", "SOFTWARE_MGMT",
                "SYSPLEX_MGMT", "IZUFPROC", "495", "4096", "ACCT#", "IZUDFLT1", "*")
IZUPRM_QUOTED = ("'*'", "'zosmf.example.com'", "'/global/zosmf/'", "'IZUKeyring.IZUDFLT'",
                 "'/usr/lpp/java/J17.0_64'", "'IZUDFLT'", "'1443'", "''", "'it''s'")


@functools.cache
def _izuprm_setup() -> tuple[Lark, KeywordTable, dict[str, st.SearchStrategy[str]], list[str], str]:
    start = "statement"
    lark, table, declared = grammar_lark("izuprm.lark", (start,))
    keywords = {d[2:] for d in declared if d.startswith("K_")}
    quoted_value = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x85\u2028\u2029" + SEP,
                                         exclude_categories=("Cs", "Cc")), max_size=40)
    word = st.one_of(st.sampled_from(IZUPRM_WORDS),
                     st.from_regex(r"[A-Z@#$][A-Z0-9@#$_]{0,7}", fullmatch=True),
                     st.integers(0, 65535).map(str)).filter(lambda w: w not in keywords)
    quoted = st.one_of(st.sampled_from(IZUPRM_QUOTED),
                       quoted_value.map(lambda s: "'" + s.replace("'", "''") + "'"))
    extra: dict[str, st.SearchStrategy[str]] = {
        "QUOTED": quoted,
        "WORD": word,
        "NAME": st.from_regex(r"[A-Z][A-Z0-9_]{2,15}", fullmatch=True).filter(lambda w: w not in keywords),
        "_LPAR": st.sampled_from(["(", "(", "( "]),
        "_RPAR": st.sampled_from([")", ")", " )"]),
        "COMMA": st.sampled_from([",", ", "]),
    }
    explicit, generic = explicit_strategies(declared, table, extra)
    return lark, table, explicit, generic, start


def _lay_izuprm(raw: str) -> str:
    out: list[str] = []
    col = 0
    for w in raw.split(SEP):
        if not w:
            continue
        if col and col + 1 + len(w) > 71:
            out.append("\n  ")
            col = 2
        elif col and w.strip() not in (")", ",") and not out[-1].rstrip().endswith("("):
            out.append(" ")
            col += 1
        out.append(w)
        col += len(w)
    return "".join(out)


@functools.cache
def izuprm_statements() -> st.SearchStrategy[str]:
    """One generated IZUPRMxx statement laid out within column 71."""
    lark, _, explicit, _, start = _izuprm_setup()
    return lark_strategy(lark, start, explicit).map(_lay_izuprm)


@st.composite
def izuprm_documents(draw: Any, max_statements: int = 12) -> str:
    """A generated IZUPRMxx member: statements, comments, blank lines."""
    rnd = random.Random(draw(st.integers(0, 2**16)))
    parts = ["/* IZUPRMxx (generated) */\n"] if rnd.random() < 0.5 else []
    for stmt in draw(st.lists(izuprm_statements(), min_size=1, max_size=max_statements)):
        parts.append(stmt + rnd.choice(["\n"] * 8 + [" ", "  /* note */\n", "\n\n"]))
    return "".join(parts)


def izuprm_unmapped_terminals() -> list[str]:
    """Declared IZUPRMxx terminals without a dedicated strategy (should be empty)."""
    return list(_izuprm_setup()[3])


# ---------------------------------------------------------------- realistic
def _addr(net: str, i: int) -> str:
    return str(ipaddress.ip_network(net)[i])


def xcf_address(i: int) -> str:
    """DYNAMICXCF address of system ``i`` (0-based); valid for thousands of systems."""
    return f"10.1.{1 + i // 254}.{i % 254 + 1}"


def _net(first: int, second: int, i: int) -> str:
    """``first.second.i`` for i < 256, carrying into the second octet beyond (large sites)."""
    return f"{first}.{second + i // 256}.{i % 256}"


def realistic_profile(system: int = 0, systems: int = 1, lines: int = 1500, seed: int = 0) -> str:
    """A sane PROFILE.TCPIP of about ``lines`` lines for system ``system`` of a
    ``systems``-system sysplex: DYNAMICXCF, devices, links, interfaces, HOME,
    routes, AUTOLOG, PORT and PORTRANGE, and a VIPADYNAMIC block with the
    z/OSMF HA recipe (pairs of systems sharing a hot-standby DVIPA), per-system
    DVIPAs backed up by the next system, and a sysplex-wide BASEWLM service."""
    rnd = random.Random(seed * 1000 + system)
    me = system
    out: list[str] = [
        f"; PROFILE.TCPIP for SYS{me + 1} (generated, seed {seed})",
        "ARPAGE 20",
        "GLOBALCONFIG NOTCPIPSTATISTICS SYSPLEXMONITOR RECOVERY XCFGRPID 21",
        "IPCONFIG DATAGRAMFWD SYSPLEXROUTING",
        f"         DYNAMICXCF {xcf_address(me)} 255.255.255.0 1",
        "IPCONFIG6 DATAGRAMFWD",
        "SOMAXCONN 1024",
        "TCPCONFIG TCPSENDBFRSIZE 256K TCPRCVBUFRSIZE 256K SENDGARBAGE FALSE",
        "          RESTRICTLOWPORTS FINWAIT2TIME 600",
        "UDPCONFIG RESTRICTLOWPORTS UDPCHKSUM",
        ";",
    ]
    n_if = 4 + rnd.randint(0, 4)
    for k in range(n_if):
        out.append(f"INTERFACE OSA{k}I DEFINE IPAQENET PORTNAME OSAP{k}")
        out.append(f"  IPADDR {_net(192, 168, me)}.{10 + k}/24 VLANID {100 + k} MTU 1492")
    out += ["DEVICE IUTSAMEH MPCPTP", "LINK SAMEHLNK MPCPTP IUTSAMEH", ";"]
    # VIPADYNAMIC: z/OSMF HA pair, own DVIPA, backup of the next system's, BASEWLM service.
    pair = me // 2
    partner = me ^ 1 if (me ^ 1) < systems else None
    vipa = ["VIPADYNAMIC"]
    if partner is not None:
        preferred, backup = xcf_address(pair * 2), xcf_address(pair * 2 + 1)
        vipa += [f"  VIPADEFINE MOVEABLE IMMEDIATE 255.255.255.0 {_net(10, 100, pair)}.1",
                 "  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY NOAUTOSWITCHBACK",
                 f"    {_net(10, 100, pair)}.1",
                 "    PORT 443", f"    DESTIP {preferred} PREFERRED", f"           {backup} BACKUP"]
    vipa.append(f"  VIPADEFINE MOVEABLE IMMEDIATE 255.255.255.0 {_net(10, 200, me)}.1")
    if systems > 1:
        nxt = (me + 1) % systems
        vipa.append(f"  VIPABACKUP {100 - me % 50} MOVEABLE IMMEDIATE 255.255.255.0 {_net(10, 200, nxt)}.1")
    if me == 0:
        vipa.append("  VIPADEFINE MOVEABLE IMMEDIATE 255.255.255.0 10.150.0.1")
    elif me == 1:
        vipa.append("  VIPABACKUP 200 MOVEABLE IMMEDIATE 255.255.255.0 10.150.0.1")
    if me in (0, 1) and systems > 1:
        vipa += ["  VIPADISTRIBUTE DEFINE DISTMETHOD BASEWLM 10.150.0.1",
                 "    PORT 8080 8443 9080 9443", "    DESTIP"]
        vipa += [f"      {xcf_address(s)}" for s in range(systems)]
    vipa += ["  VIPARANGE DEFINE MOVEABLE NONDISRUPTIVE 255.255.255.0 10.160.0.0", "ENDVIPADYNAMIC", ";"]
    out += vipa
    out += ["AUTOLOG 5", "  FTPD JOBNAME FTPD1", "  OMPROUTE", "  RESOLVER", "ENDAUTOLOG", ";"]
    out += ["PORT", "   20 TCP * NOAUTOLOG   ; FTP data", "   21 TCP FTPD1       ; FTP control",
            "   23 TCP TN3270", "  443 TCP IZUSVR1 SHAREPORT", "  520 UDP OMPROUTE"]
    # Body: the bulk of the lines, in realistic proportions.
    ports: list[str] = []
    routes: list[str] = []
    home: list[str] = []
    devices: list[str] = []
    budget = max(lines - len(out) - 16, 0)
    port = 1024
    i = 0
    while len(ports) + len(routes) + len(home) + 2 * len(devices) < budget:
        i += 1
        r = rnd.random()
        if r < 0.45:
            port += rnd.randint(1, 7)
            if port > 65000:
                port = 1024 + i % 1000
            ports.append(f"  {port:5d} {rnd.choice(['TCP', 'UDP'])} {rnd.choice(NAMES[7:20])}"
                         + (" ; " + rnd.choice(["server", "client", "reserved for test"]) if rnd.random() < 0.3 else ""))
        elif r < 0.7:
            net = f"172.{16 + i % 16}.{(i // 16) % 256}.0"
            routes.append(f"ROUTE {net}/24 {_net(192, 168, me)}.1 OSA{rnd.randrange(n_if)}I MTU 1492")
        elif r < 0.8:
            home.append(f"   10.{20 + i % 60}.{me % 256}.{1 + (i // 60) % 250} LNK{i}")
            devices.append(f"DEVICE DEV{i} MPCPTP AUTORESTART\nLINK LNK{i} MPCPTP DEV{i}")
        else:
            ports.append(rnd.choice([";", "; ------------------------------------------------------------",
                                     f"; port block {i}"]))
    out += [*ports, ";"]
    out += devices
    if home:
        out += ["HOME", *home]
    out += ["PORTRANGE 10000 1000 TCP OMVS", "           20000 500 UDP OMVS", ";"]
    out += ["BEGINROUTES", "ROUTE DEFAULT 192.168.0.1 OSA0I MTU 1492", *routes, "ENDROUTES", ";"]
    out += ["START OSA0I", "START OSA1I", "ITRACE OFF", "SACONFIG ENABLED COMMUNITY public AGENT 161"]
    return "\n".join(out) + "\n"


def realistic_izuprm(system: int = 0, systems: int = 1) -> str:
    """An IZUPRMxx member for the z/OSMF HA recipe: pairs of systems share a
    HOSTNAME resolving to their hot-standby DVIPA."""
    pair = system // 2
    host = f"zosmf{pair}.example.com" if systems > 1 else "*"
    return "\n".join([
        "/* IZUPRM00 (generated) */",
        "SERVER_PROC(IZUSVR1)",
        "ANGEL_PROC(IZUANG1)",
        "AUTOSTART(LOCAL)",
        f"AUTOSTART_GROUP('IZUGRP{system:02d}')",
        f"HOSTNAME('{host}')",
        "HTTP_SSL_PORT(443)",
        "UNAUTH_USER(IZUGUEST)",
        "SAF_PREFIX(IZUDFLT)",
        "KEYRING_NAME('IZUKeyring.IZUDFLT')",
        f"USER_DIR('/global/zosmf/sys{system + 1}')   /* one per server */",
        "JAVA_HOME('/usr/lpp/java/J17.0_64')",
        "PLUGINS(INCIDENT_LOG,COMMSERVER_CFG,WORKLOAD_MGMT,",
        "        RESOURCE_MON,CAPACITY_PROV,SOFTWARE_MGMT,SYSPLEX_MGMT,ISPF)",
        "",
    ])


def write_sysplex(root: Path, systems: int, lines: int = 1500, seed: int = 0,
                  profile: Callable[[int, int], str] | None = None,
                  izuprm: Callable[[int, int], str] | None = None,
                  encoding: str | None = None) -> Path:
    """Write a ``systems``-system sysplex (zlint.toml, SYSn/PROFILE.TCPIP,
    SYSn/IZUPRM00) under ``root``; returns the zlint.toml path. With an EBCDIC
    ``encoding`` the members are written in it and the inventory says so."""
    from zparse.source import encode

    def data(text: str) -> bytes:
        return encode(text, encoding) if encoding else text.encode("utf-8", "surrogatepass")

    root.mkdir(parents=True, exist_ok=True)
    toml = [f'encoding = "{encoding}"'] if encoding else []
    toml += ["[sysplex]", 'name = "PLEXG"', "", "[dns]"]
    toml += [f'"zosmf{p}.example.com" = "{_net(10, 100, p)}.1"' for p in range((systems + 1) // 2)]
    toml.append("")
    for s in range(systems):
        name = f"SYS{s + 1}"
        (root / name).mkdir(exist_ok=True)
        text = profile(s, systems) if profile else realistic_profile(s, systems, lines, seed)
        (root / name / "PROFILE.TCPIP").write_bytes(data(text))
        member = izuprm(s, systems) if izuprm else realistic_izuprm(s, systems)
        (root / name / "IZUPRM00").write_bytes(data(member))
        toml += [f"[systems.{name}]", f'tcpip = "{name}/PROFILE.TCPIP"', f'izuprm = ["{name}/IZUPRM00"]',
                 f'symbols = {{ SYSNAME = "{name}", SYSCLONE = "{s + 1:02d}" }}', ""]
    path = root / "zlint.toml"
    path.write_text("\n".join(toml), encoding="utf-8")
    return path

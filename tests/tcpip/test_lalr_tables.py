"""zparse's own LALR loop against Lark's: same trees, same expectations.

Both parsers run over the tables Lark compiles (zparse.syntax.grammar caches
them as plain data) with tree callbacks that must shape trees exactly as
Lark's ParseTreeBuilder does. These tests feed the terminals of real
statements to both and compare, and check that a warm ``zlint check`` never
imports Lark at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import lark
import pytest

from zparse.source import Source
from zparse.syntax import izuprm as izuprm_syntax
from zparse.syntax.cst import Node, Token, Tree
from zparse.syntax.grammar import LalrParser, ParseError, lalr_parser, load_lalr
from zparse.syntax.tcpip import _STARTS, BLOCKS, parse_tcpip_syntax

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "zosmf-ha-broken"

TCPIP = """\
ARPAGE 20
GLOBALCONFIG SYSPLEXMONITOR RECOVERY XCFGRPID 21
IPCONFIG DATAGRAMFWD SYSPLEXROUTING
         DYNAMICXCF 10.1.1.1 255.255.255.0 1
TCPCONFIG TCPSENDBFRSIZE 256K RESTRICTLOWPORTS
INTERFACE OSA0I DEFINE IPAQENET PORTNAME OSAP0 IPADDR 192.168.0.10/24 VLANID 100 MTU 1492
INTERFACE VIPA6 ADDADDR 2001:db8::1
DEVICE IUTSAMEH MPCPTP
LINK SAMEHLNK MPCPTP IUTSAMEH
HOME 10.1.1.1 ETH1
     10.1.1.2 ETH2
VIPADYNAMIC
  VIPADEFINE MOVEABLE IMMEDIATE SERVICEMGR 255.255.255.0 10.200.0.1
  VIPABACKUP 100 MOVEABLE IMMEDIATE 10.150.0.1
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 10.200.0.1 PORT 443 10443
     DESTIP 10.1.1.1 PREFERRED 10.1.1.2 BACKUP
  VIPARANGE DEFINE MOVEABLE NONDISRUPTIVE 255.255.255.0 10.160.0.0
  VIPAROUTE 10.1.1.2 10.1.1.12
ENDVIPADYNAMIC
AUTOLOG 5
  FTPD JOBNAME FTPD1 PARMSTRING "TRACE"
  OMPROUTE DELAYSTART DVIPA
ENDAUTOLOG
PORT
   20 TCP * NOAUTOLOG
   21 TCP FTPD1 BIND 10.200.0.1 SAF FTPSAF
  443 TCP IZUSVR1 SHAREPORT
  UNRSV TCP * DENY
PORTRANGE 10000 100 TCP AUTHPORT
BEGINROUTES
  ROUTE DEFAULT 192.168.0.1 OSA0I MTU 1492
  ROUTE 10.2.0.0 255.255.0.0 = OSA0I MTU DEFAULTSIZE REPLACEABLE
  ROUTE 10.3.0.0/16 10.1.1.9 OSA0I MAXIMUMRETRANSMITTIME 2
ENDROUTES
SACONFIG ENABLED COMMUNITY public
START OSA0I
"""

IZUPRM = """\
HOSTNAME('zosmf.example.com')
HTTP_SSL_PORT(443)
AUTOSTART_GROUP('IZUDFLT')
WLM_CLASSES DEFAULT(IZUGHTTP) LONG_WORK(IZUGWORK)
COMMON_TSO ACCT(IZUACCT) REGION(50000) PROC(IZUFPROC)
PLUGINS(INCIDENT_LOG,ISPF,SOFTWARE_MGMT)
SEC_GROUPS USER(IZUUSER),ADMIN(IZUADMIN),SECADMIN(IZUSECAD)
INCIDENT_LOG UNIT(SYSDA)
MYSTERY(A,(B,C))
"""


def _shape(value: Any) -> Any:
    """A tree as nested tuples: (rule, children) for trees, (type, text) for leaves."""
    if isinstance(value, (Tree, lark.Tree)):
        return (str(value.data), [_shape(c) for c in value.children])
    if isinstance(value, lark.Token):
        return (str(value.type), str(value))
    assert isinstance(value, Token)
    return (value.type, value.value)


def _lark_tree(grammar: str, start: str, tokens: list[Token]) -> Any:
    parser = load_lalr(grammar, (start,) if grammar == "izuprm.lark" else _STARTS)[0]
    ip = parser.parse_interactive(start=start)
    for tok in tokens:
        ip.feed_token(lark.Token(tok.type, tok.value))
    return ip.feed_eof()


def _tcpip_statements() -> list[tuple[str, Node]]:
    """Every statement of TCPIP with the start symbol the driver parsed it from."""
    out: list[tuple[str, Node]] = []
    tree = parse_tcpip_syntax(Source(TCPIP)).tree
    for child in tree.children:
        if not isinstance(child, Node):
            continue
        if child.kind == "statement":
            out.append(("statement", child))
        elif child.kind == "block":
            stmts = [c for c in child.children if isinstance(c, Node) and c.kind == "statement"]
            item = BLOCKS[f"K_{child.keyword}"].item_start
            out.append(("statement", stmts[0]))
            out.extend((item, s) for s in stmts[1:])
    return out


def test_the_fixture_profile_parses_cleanly() -> None:
    result = parse_tcpip_syntax(Source(TCPIP))
    assert result.errors == 0, result.diagnostics
    starts = [start for start, _ in _tcpip_statements()]
    assert len(starts) == 29  # every statement, block items and END statements included
    assert set(starts) == {"statement", "vipa_item", "autolog_item", "routes_item"}


@pytest.mark.parametrize(("start", "node"), _tcpip_statements(), ids=lambda v: v if isinstance(v, str) else v.keyword)
def test_tcpip_trees_are_the_trees_lark_builds(start: str, node: Node) -> None:
    tokens = list(node.significant())
    assert _shape(node.tree) == _shape(_lark_tree("tcpip.lark", start, tokens))


def _izuprm_statements() -> list[Node]:
    return list(izuprm_syntax.parse_izuprm_syntax(Source(IZUPRM)).statements)


@pytest.mark.parametrize("node", _izuprm_statements(), ids=lambda n: n.keyword or "unknown")
def test_izuprm_trees_are_the_trees_lark_builds(node: Node) -> None:
    assert node.kind == "statement"
    tokens = list(node.significant())
    assert _shape(node.tree) == _shape(_lark_tree("izuprm.lark", "statement", tokens))


@pytest.mark.parametrize("node", _izuprm_statements(), ids=lambda n: n.keyword or "unknown")
def test_accepts_matches_lark_at_every_step(node: Node) -> None:
    ours = lalr_parser("izuprm.lark", "statement").copy()
    theirs = load_lalr("izuprm.lark", ("statement",))[0].parse_interactive(start="statement")
    for tok in node.significant():
        assert ours.accepts() == theirs.accepts()
        ours.feed(tok.type, tok)
        theirs.feed_token(lark.Token(tok.type, tok.value))
    assert ours.accepts() == theirs.accepts()
    assert "$END" in ours.accepts()


def test_a_rejected_terminal_raises_and_copies_are_independent() -> None:
    fresh = lalr_parser("izuprm.lark", "statement")
    first = fresh.copy()
    first.feed("K_HOSTNAME", None)
    with pytest.raises(ParseError):
        first.copy().feed("K_HOSTNAME", None)
    with pytest.raises(ParseError):
        fresh.copy().feed_eof()  # an empty statement is no statement
    assert fresh.states == [fresh.states[0]] and fresh.values == []
    assert isinstance(first, LalrParser) and len(first.states) == 2


def test_zlint_check_never_imports_lark_once_the_tables_are_cached() -> None:
    code = (
        "import sys\n"
        "from zparse.cli import main\n"
        f"code = main(['check', {str(EXAMPLE)!r}, '-q'])\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('lark', 'pygls')}))\n"
    )
    for _ in range(2):  # the first run may build the cache (and import Lark to do it)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "1 []"


def test_a_stale_or_corrupt_table_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from zparse.syntax.grammar import compiled_tables

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build = compiled_tables.__wrapped__  # past the per-process cache
    table, bounds = build("izuprm.lark", ("statement",))
    [cache] = (tmp_path / "zparse").glob("lalr_izuprm.lark_*.json")
    key = json.loads(cache.read_text())["key"]
    for bad in (json.dumps({"key": "another grammar's key", "states": [], "rules": [], "bounds": {}}), "not json"):
        cache.write_text(bad)
        again, again_bounds = build("izuprm.lark", ("statement",))
        assert again_bounds.keys() == bounds.keys() and len(again) == len(table)
        assert json.loads(cache.read_text())["key"] == key  # rewritten with the right key

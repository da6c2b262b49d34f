"""Class 9 of issue 14: a syntax message never contradicts itself.

For every SYN001, the offending word is not among the words the message
lists as expected ("unexpected PORT; expected DESTIP or PORT" must not exist).
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import zparse
from zparse.syntax.tcpip import keyword_table

WORDS = ["VIPADYNAMIC", "ENDVIPADYNAMIC", "VIPADEFINE", "VIPABACKUP", "VIPADISTRIBUTE", "VIPADIST", "VIPARANGE",
         "VIPADELETE", "VIPAROUTE", "DEFINE", "DELETE", "DISTMETHOD", "HOTSTANDBY", "SERVERWLM", "TIER1", "TIER2",
         "GRE", "ENCAP", "CONTROLPORT", "PORT", "PORTRANGE", "DESTIP", "ALL", "PREFERRED", "BACKUP", "WEIGHT",
         "MOVEABLE", "IMMEDIATE", "WHENIDLE", "SERVICEMGR", "CPCSCOPE", "HOME", "TCP", "UDP", "RESERVED", "443",
         "10", "255.255.255.0", "10.1.1.1", "2001:db8::1", "DVIPA1", "IPCONFIG", "IPCONFIG6", "DYNAMICXCF",
         "GLOBALCONFIG", "SMCR", "MTU", "INTERFACE", "IPAQENET", "VMAC", "ROUTEALL", "BEGINROUTES", "ROUTE",
         "ENDROUTES", "=", "AUTOLOG", "ENDAUTOLOG", "JOBNAME", "IZUSVR1", "ETH1", "x.x.x.V", "0.5"]
SEPS = [" ", "\n", "\n "]

_UNEXPECTED = re.compile(r"(?:unexpected (?:second )?|incomplete before )'([^']*)'.*?; expected (.*?)(?:; z/OS|$)")
_NOT_VALID = re.compile(r"^(\S+) is not valid in the \w+ block; expected (.*?)(?:; z/OS|$)")
TABLE = keyword_table()


def contradictions(text: str) -> list[str]:
    out = []
    for d in zparse.parse(text, kind="tcpip").diagnostics:
        if d.code != "SYN001":
            continue
        m = _UNEXPECTED.search(d.message) or _NOT_VALID.search(d.message)
        if not m:
            continue
        word, expected = m.group(1), m.group(2)
        names = {n.strip() for n in re.split(r",| or ", expected)}
        meant = {TABLE.canonical(t) for t in TABLE.terminals(word)} | {word.upper()}
        if meant & names:
            out.append(d.message)
    return out


@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), min_size=1, max_size=30))
def test_no_syn001_lists_its_offending_word_as_expected(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    assert contradictions(text) == [], text


def test_a_second_port_list_is_named_as_such() -> None:
    r = zparse.parse("VIPADYNAMIC\n VIPADISTRIBUTE 10.1.1.1 PORT 80 PORT 81 DESTIP ALL\nENDVIPADYNAMIC\n")
    assert [d.code for d in r.diagnostics] == ["SYN001"]
    assert "unexpected second 'PORT'" in r.diagnostics[0].message


def test_a_statement_cut_short_by_the_next_says_so() -> None:
    r = zparse.parse("VIPADYNAMIC\n VIPADISTRIBUTE 10.1.1.1 PORT 80\nENDVIPADYNAMIC\n")
    assert "VIPADISTRIBUTE statement is incomplete before 'ENDVIPADYNAMIC'; expected DESTIP" in \
        r.diagnostics[0].message


def test_known_contradictions_are_gone() -> None:
    # A second PORT list, a keyword where its value belongs, a line-initial
    # keyword that the statement also takes.
    for text in ("VIPADYNAMIC\n VIPADISTRIBUTE 10.1.1.1 PORT 80 PORT 81 DESTIP ALL\nENDVIPADYNAMIC\n",
                 "VIPADYNAMIC\n VIPADISTRIBUTE DISTMETHOD PORT 10.1.1.1 PORT 80 DESTIP ALL\nENDVIPADYNAMIC\n",
                 "VIPADYNAMIC\n VIPADISTRIBUTE 10.1.1.1\nDESTIP\nPORT 80\nENDVIPADYNAMIC\n",
                 "PORT 443 TCP PORT\n"):
        assert contradictions(text) == [], text

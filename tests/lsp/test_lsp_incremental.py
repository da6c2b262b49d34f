"""The incremental profile parser gives exactly what a full parse gives, after any edits.

Pieces are made tiny (a few lines) so that every edit crosses boundaries,
and the snippets include what makes boundaries hard: blocks without END,
statements that take the next line's keyword (``DELETE`` + ``PORT``),
errors at the end of a piece, INCLUDEs, CR LF and lone CR line breaks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zparse.lsp.incremental import IncrementalTcpip, _all_spans, _own_spans
from zparse.model.tcpip.build import parse_tcpip

REPO = Path(__file__).resolve().parents[2]

SNIPPETS = [
    "IPCONFIG SYSPLEXROUTING\n", "         DYNAMICXCF 192.0.2.1 255.255.255.0 1\n", "IPCONFIG NODYNAMICXCF\n",
    "VIPADYNAMIC\n", "  VIPADEFINE 255.255.255.0 198.51.100.10\n",
    "  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443\n",
    "     DESTIP 192.0.2.1 PREFERRED\n", "            192.0.2.2 BACKUP\n", "  VIPABACKUP 100 198.51.100.20\n",
    "ENDVIPADYNAMIC\n", "DELETE\n", "PORT 20 TCP FTPD\n", "PORT\n", "   21 TCP FTPD NOAUTOLOG\n",
    "DEVICE D1 MPCIPA\n", "LINK L1 IPAQENET D1\n", "HOME 10.0.0.1 L1\n", "START L1\n",
    "AUTOLOG 5\n", "  FTPD JOBNAME FTPD1\n", "ENDAUTOLOG\n", "BEGINROUTES\n",
    "  ROUTE DEFAULT 10.0.0.254 L1 MTU 1492\n", "ENDROUTES\n", "ARPAGE 5 SOMAXCONN 10\n", "SOMAXCONN 99999999999\n",
    "PRIMARYINTERFACE L1\n", "INCLUDE USER.TCPPARMS(COMMON)\n", "; a comment\n", "\n", "FROBNICATE 1\n",
    "GLOBALCONFIG XCFGRPID 5 SYSPLEXMONITOR RECOVERY\n", "PORT 443 TCP X;glued\n", "\r\n", "HOME\r",
    "17\n", "x" * 80 + "\n", "INTERFACE E1 DEFINE IPAQENET PORTNAME P1 IPADDR 10.1.1.1/24\n",
]


def signature(result: Any) -> tuple[Any, ...]:
    spans = sorted((s.start, s.end) for s in _own_spans((result.model,), result.source))
    diags = [(d.code, d.message, d.span.start, d.span.end, d.span.path, d.span.source is result.source)
             for d in result.diagnostics]
    stmts = [(s.keyword, s.name, s.span.start, s.span.end, s.span.source is result.source)
             for s in result.model.statements]
    tokens = [(t.start, t.text, t.type) for t in result.tree.tokens()]
    sources = len({id(s.source) for s in _all_spans((result.model, result.diagnostics))})
    return (result.model, diags, stmts, spans, tokens, result.status, result.render(),
            [s.text for s in result.includes], sources)


def resolver(dsn: str) -> tuple[str, str] | str:
    if dsn == "USER.TCPPARMS(COMMON)":
        return "/x/COMMON", "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 198.51.100.99\nENDVIPADYNAMIC\nSOMAXCONN 5\n"
    return f"INCLUDE {dsn}: not found"


def check(inc: IncrementalTcpip, text: str) -> None:
    got = inc.parse(text, resolver)
    want = parse_tcpip(text, inc.path, symbols=inc.symbols, include_resolver=resolver)
    assert got.render() == text
    assert signature(got) == signature(want)


TINY = 3  # lines per piece: every edit crosses piece boundaries


@settings(max_examples=60)
@given(start=st.lists(st.sampled_from(SNIPPETS), min_size=0, max_size=40),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 60),
                                st.lists(st.sampled_from([*SNIPPETS, "x", " ", "A"]), max_size=3)),
                      min_size=1, max_size=12))
def test_incremental_equals_full_parse_after_edits(start: list[str],
                                                   edits: list[tuple[float, int, list[str]]]) -> None:
    text = "".join(start)
    inc = IncrementalTcpip(path="/x/PROFILE.TCPIP", symbols={"SYSCLONE": "01"}, target_lines=TINY)
    check(inc, text)
    for where, delete, insert in edits:
        a = int(where * len(text))
        text = text[:a] + "".join(insert) + text[a + delete:]
        check(inc, text)


@pytest.mark.parametrize("path", sorted(p for p in (REPO / "examples").rglob("PROFILE*") if p.is_file())
                         + sorted((Path(__file__).parent / "data").rglob("PROFILE*")), ids=lambda p: p.parent.name)
def test_incremental_equals_full_parse_on_examples(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    inc = IncrementalTcpip(path=str(path), target_lines=TINY)
    check(inc, text)
    lines = text.splitlines(keepends=True)
    for i in range(len(lines)):  # delete each line in turn, then put it back
        check(inc, "".join(lines[:i] + lines[i + 1:]))
        check(inc, text)


def test_large_profile_reparses_only_the_edited_piece() -> None:
    blocks = [f"DEVICE D{n} MPCIPA\nLINK L{n} IPAQENET D{n}\nHOME 10.0.{n // 250}.{n % 250 + 1} L{n}\n"
              for n in range(2000)]
    text = "".join(blocks)
    inc = IncrementalTcpip(path="/x/PROFILE")
    inc.parse(text)
    edited = text.replace("HOME 10.0.4.1 L1000\n", "HOME 10.0.4.1 L1000 ; moved\n")
    result = inc.parse(edited)
    assert inc.last_reparsed < len(text) // 20
    assert signature(result) == signature(parse_tcpip(edited, "/x/PROFILE"))
    assert inc.parse(edited) is result  # same text: the same result, nothing parsed
    assert inc.last_reparsed == 0


def test_changed_include_is_read_again() -> None:
    text = "".join(SNIPPETS[:6]) + "ENDVIPADYNAMIC\nINCLUDE USER.TCPPARMS(COMMON)\n" + "".join(SNIPPETS[10:20])
    member = {"text": "SOMAXCONN 5\n"}

    def res(dsn: str) -> tuple[str, str]:
        return "/x/COMMON", member["text"]

    inc = IncrementalTcpip(path="/x/PROFILE", target_lines=TINY)
    assert inc.parse(text, res).model.somaxconn == 5
    member["text"] = "SOMAXCONN 7\n"
    got = inc.parse(text, res)
    assert got.model.somaxconn == 7
    assert signature(got) == signature(parse_tcpip(text, "/x/PROFILE", include_resolver=res))

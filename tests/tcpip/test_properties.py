"""Laws of the TCP/IP parser: lossless, total, tiled, in bounds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import zparse

WORDS = ["VIPADYNAMIC", "ENDVIPADYNAMIC", "VIPADEFINE", "VIPABACKUP 100", "VIPADIST", "DESTIP",
         "PREFERRED", "BACKUP", "HOME", "PORT", "443", "TCP", "IZUSVR1", "255.255.255.0", "192.0.2.1",
         "2001:db8::1", "DISTM", "HOTSTANDBY", "AUTOLOG", "ENDAUTOLOG", "BEGINROUTES", "ROUTE", "=",
         "ENDROUTES", "IPCONFIG", "DYNAMICXCF", "1", "&SYSCLONE.", ";c", '"q"', "x.x.x.V", "INCLUDE"]
SEPS = [" ", "\n", "  ", "\t", "\r\n", " ; note\n", "\r"]


def laws(text: str) -> None:
    r = zparse.parse(text, kind="tcpip")
    assert r.render() == text
    pos = 0
    for t in r.tree.tokens():
        assert t.start == pos and t.text
        pos = t.end
    assert pos == len(text)
    for d in r.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text)
        d.span.start_line_col()
    assert r.status in {"clean", "recovered", "unreadable"}


@given(st.text())
def test_any_text(text: str) -> None:
    laws(text)


@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=40))
def test_profile_like_text(parts: list[tuple[str, str]]) -> None:
    laws("".join(w + s for w, s in parts))


def test_same_text_same_diagnostics() -> None:
    text = "VIPADYNAMIC\n VIPADEFINE 255.255.255.0 x\nPORT 1 XYZ\n"
    a = [(d.code, d.span.start, d.message) for d in zparse.parse(text).diagnostics]
    b = [(d.code, d.span.start, d.message) for d in zparse.parse(text).diagnostics]
    assert a == b and a

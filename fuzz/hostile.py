"""Hostile input shapes (issue 7), shared by tests/robustness/test_hostile.py
and bench/run.py.

Each shape is ``name -> (kinds, build)`` where ``build(scale)`` returns the
text; ``scale=1.0`` gives the size named in the issue (a 200 KB line, 30,000
unclosed blocks, 60,000 HOME entries, ...); the benchmark scales them to about
1 MB to compare time per MB with a normal profile.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from zparse.source import decode

__all__ = ["KNOWN_FAILURES", "SHAPES", "build", "cases"]

BOTH = ("tcpip", "izuprm")
TCPIP = ("tcpip",)
IZUPRM = ("izuprm",)


def _n(base: int, scale: float) -> int:
    return max(1, int(base * scale))


def _random_bytes(scale: float) -> str:
    rnd = random.Random(7)
    return decode(bytes(rnd.randrange(256) for _ in range(_n(200_000, scale))))[0]


def _random_ebcdic(scale: float) -> str:
    rnd = random.Random(8)
    return decode(bytes(rnd.randrange(256) for _ in range(_n(200_000, scale))), "cp1047")[0]


def _home(scale: float) -> str:
    n = _n(60_000, scale)
    return "HOME\n" + "".join(f"  10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255} LNK{i % 9999}\n" for i in range(n))


def _home_one_line(scale: float) -> str:
    n = _n(60_000, scale)
    return "HOME " + " ".join(f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255} L{i}" for i in range(n)) + "\n"


def _digits(scale: float) -> str:
    lines = []
    for d in (30, 60, 4300, 4301, 5000, 20000):
        big = "9" * d
        lines += [f"ARPAGE {big}", f"PORT {big} TCP FTPD", f"  {big} UDP X",
                  "VIPADYNAMIC", f"  VIPABACKUP {big} 10.1.1.1", f"  VIPADEFINE 255.255.255.0 {big}.1.1.1",
                  f"  VIPADISTRIBUTE DEFINE OPTLOCAL {big} 10.1.1.1 PORT {big} {big}-{big} DESTIP ALL",
                  "ENDVIPADYNAMIC", f"IPCONFIG DYNAMICXCF 10.1.1.1 {big} {big}", f"SOMAXCONN {big}",
                  f"PORTRANGE {big} {big} TCP OMVS", f"ROUTE 10.0.0.0/{big} = L1 MTU {big}",
                  f"INTERFACE I1 DEFINE IPAQENET PORTNAME P1 IPADDR 10.1.1.1/{big} VLANID {big} MTU {big}"]
    return "\n".join(lines * _n(1, scale)) + "\n"


def _izuprm_digits(scale: float) -> str:
    lines = []
    for d in (30, 60, 4300, 4301, 5000, 20000):
        big = "9" * d
        lines += [f"HTTP_SSL_PORT({big})", f"SESSION_EXPIRE({big})", f"HTTP_SSL_PORT('{big}')",
                  f"COMMON_TSO ACCT({big}) REGION({big}) PROC(IZUFPROC)"]
    return "\n".join(lines * _n(1, scale)) + "\n"


def _bad_addresses(scale: float) -> str:
    block = ("HOME\n  999.1.1.1 L1\n  1.2.3 L2\n  :::: L3\n  1.2.3.4.5 L4\n  256.0.0.1 L5\n"
             "IPCONFIG DYNAMICXCF 1.2.3 999.255.255.0 1\n"
             "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 999.1.1.1\n  VIPADEFINE 1.2.3 ::::\n"
             "  VIPABACKUP 1 ::::\n  VIPADISTRIBUTE DEFINE 999.1.1.1 PORT 443 DESTIP :::: 1.2.3 PREFERRED\n"
             "  VIPARANGE DEFINE 255.0.255.0 10.1.1.1\n  VIPADEFINE 0.0.0.0 10.1.1.255\nENDVIPADYNAMIC\n"
             "ROUTE 1.2.3/99 :::: L1\nPORT 443 TCP X BIND ::::\n")
    return block * _n(1, scale)


def _izuprm_bad_values(scale: float) -> str:
    block = ("HOSTNAME(999.1.1.1)\nHOSTNAME('::::')\nHOSTNAME('1.2.3')\nHTTP_SSL_PORT(99999)\n"
             "HTTP_SSL_PORT(-1)\nAUTOSTART(MAYBE)\nAUTOSTART_GROUP('')\nKEYRING_NAME()\n")
    return block * _n(1, scale)


def _vipadynamic(scale: float) -> str:
    return "VIPADYNAMIC\n" * _n(30_000, scale)


def _autolog(scale: float) -> str:
    return "AUTOLOG\n" * _n(30_000, scale)


def _mixed_blocks(scale: float) -> str:
    return "VIPADYNAMIC\nAUTOLOG 5\nBEGINROUTES\nIPSEC\n" * _n(7_500, scale)


def _end_without_block(scale: float) -> str:
    return "ENDVIPADYNAMIC\nENDAUTOLOG\n" * _n(15_000, scale)


def _long_line(scale: float) -> str:
    return "HOME " + "x" * _n(200_000, scale) + "\n"


def _long_line_words(scale: float) -> str:
    return "PORT " + "1 TCP X " * _n(25_000, scale) + "\n"


def _long_izuprm_line(scale: float) -> str:
    return "HOSTNAME('" + "x" * _n(200_000, scale) + "')\n"


def _comments_open(scale: float) -> str:
    return "/*" * _n(20_000, scale)


def _comments_nested(scale: float) -> str:
    n = _n(20_000, scale)
    return "/*" * n + " x " + "*/" * n + "\nHTTP_SSL_PORT(443)\n"


def _comments_nested_lines(scale: float) -> str:
    """Balanced comments nested 20,000 deep, spread over lines within column 71."""
    n = _n(20_000, scale)
    body = "/*" * n + " x  " + "*/" * n  # even length: no pair is cut by a line end
    return "\n".join(body[i:i + 70] for i in range(0, len(body), 70)) + "\nHTTP_SSL_PORT(443)\n"


def _comments_close(scale: float) -> str:
    return "*/" * _n(20_000, scale) + "\n"


def _parens(scale: float) -> str:
    return "(" * _n(50_000, scale)


def _parens_stmt(scale: float) -> str:
    n = _n(50_000, scale)
    return "PLUGINS" + "(" * n + "ISPF" + ")" * n + "\n"


def _parens_lines(scale: float) -> str:
    """Balanced parentheses nested 50,000 deep after an unknown statement,
    spread over lines within column 71 (parmlib ignores columns 72-80)."""
    n = _n(50_000, scale)
    body = "(" * n + "X" + ")" * n
    return "FOO\n" + "\n".join(body[i:i + 70] for i in range(0, len(body), 70)) + "\nHTTP_SSL_PORT(443)\n"


def _parens_close(scale: float) -> str:
    return ")" * _n(50_000, scale) + "\n"


def _unterminated_quote(scale: float) -> str:
    return ('AUTOLOG\n  FTPD PARMSTRING "abc\nENDAUTOLOG\nPORT 21 TCP "FTPD\n' * _n(1, scale)) + '"'


def _unterminated_squote(scale: float) -> str:
    return ("HOSTNAME('zosmf.example.com\nHTTP_SSL_PORT(443)\n" * _n(1, scale)) + "USER_DIR('/u"


def _unterminated_comment(scale: float) -> str:
    return "HOSTNAME('x') /* no end\n" + "HTTP_SSL_PORT(443)\n" * _n(1, scale)


def _nul(scale: float) -> str:
    return ("HOME\x00 10.1.1.1\x00 L\n\x00\x00\x00\n" * _n(1, scale)) + "\x00"


def _nul_only(scale: float) -> str:
    return "\x00" * _n(100_000, scale)


def _cr_only(scale: float) -> str:
    return ("HOME\r 10.1.1.1 ETH1\rPORT\r 21 TCP FTPD1\rVIPADYNAMIC\r VIPADEFINE 255.255.255.0 10.9.9.9\r"
            "ENDVIPADYNAMIC\rHTTP_SSL_PORT(443)\r/* c */\r") * _n(1, scale)


def _mixed_newlines(scale: float) -> str:
    return ("HOME\r\n 10.1.1.1 ETH1\n\r PORT\x85 21 TCP X\u2028\x0b\x0c\r\r\n\n" * _n(1, scale))


def _bom(scale: float) -> str:
    return "\ufeff" + "HOME 10.1.1.1 ETH1\n\ufeffPORT 21 TCP X\n\ufeffHTTP_SSL_PORT(443)\n" * _n(1, scale)


def _bom_only(scale: float) -> str:
    return "\ufeff"


def _tabs(scale: float) -> str:
    return ("HOME\t10.1.1.1\tETH1\n\tPORT\t21\tTCP\tX\t;\tc\n\t\t\n\tHTTP_SSL_PORT(\t443\t)\n" * _n(1, scale))


def _surrogates(scale: float) -> str:
    return ("HOME \udcff\udc80 10.1.1.1 L\ud800\n\udfffPORT 21 TCP X\n" * _n(1, scale))


def _whitespace_only(scale: float) -> str:
    return " \t\n\r\n  \x0b\x0c" * _n(1000, scale)


def _seqnums(scale: float) -> str:
    return "".join(f"{'HOME 10.1.1.1 ETH1':72}{n:08d}\n" for n in range(_n(10_000, scale)))


SHAPES: dict[str, tuple[tuple[str, ...], Callable[[float], str]]] = {
    "empty": (BOTH, lambda s: ""),
    "whitespace-only": (BOTH, _whitespace_only),
    "random-bytes": (BOTH, _random_bytes),
    "random-ebcdic": (BOTH, _random_ebcdic),
    "line-200kb": (BOTH, _long_line),
    "line-200kb-words": (BOTH, _long_line_words),
    "izuprm-line-200kb": (IZUPRM, _long_izuprm_line),
    "vipadynamic-x30000": (BOTH, _vipadynamic),
    "autolog-x30000": (BOTH, _autolog),
    "mixed-blocks-x30000": (TCPIP, _mixed_blocks),
    "end-without-block-x30000": (TCPIP, _end_without_block),
    "comment-open-x20000": (BOTH, _comments_open),
    "comment-nested-x20000": (BOTH, _comments_nested),
    "comment-nested-lines-x20000": (BOTH, _comments_nested_lines),
    "comment-close-x20000": (BOTH, _comments_close),
    "paren-open-x50000": (BOTH, _parens),
    "paren-nested-x50000": (BOTH, _parens_stmt),
    "paren-nested-lines-x50000": (BOTH, _parens_lines),
    "paren-close-x50000": (BOTH, _parens_close),
    "unterminated-quote": (BOTH, _unterminated_quote),
    "unterminated-single-quote": (BOTH, _unterminated_squote),
    "unterminated-comment": (BOTH, _unterminated_comment),
    "home-60000": (TCPIP, _home),
    "home-60000-one-line": (TCPIP, _home_one_line),
    "huge-numbers": (TCPIP, _digits),
    "izuprm-huge-numbers": (IZUPRM, _izuprm_digits),
    "invalid-addresses": (TCPIP, _bad_addresses),
    "izuprm-invalid-values": (IZUPRM, _izuprm_bad_values),
    "nul-bytes": (BOTH, _nul),
    "nul-only": (BOTH, _nul_only),
    "cr-only": (BOTH, _cr_only),
    "mixed-newlines": (BOTH, _mixed_newlines),
    "bom": (BOTH, _bom),
    "bom-only": (BOTH, _bom_only),
    "tabs": (BOTH, _tabs),
    "lone-surrogates": (BOTH, _surrogates),
    "sequence-numbers-x10000": (BOTH, _seqnums),
}


# (kind, shape) -> why it still fails; the tests mark these xfail(strict=True).
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def cases() -> list[Any]:
    """pytest parameters (name, kind) of every shape, known failures marked
    ``xfail(strict=True)``."""
    import pytest

    out = []
    for name, (kinds, _) in SHAPES.items():
        for kind in kinds:
            reason = KNOWN_FAILURES.get((kind, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(name, kind, id=f"{kind}-{name}", marks=marks))
    return out


def build(name: str, scale: float = 1.0) -> str:
    """The text of a hostile shape."""
    return SHAPES[name][1](scale)

"""Source layer: decoding and positions."""

from __future__ import annotations

import pytest

from zparse.source import Source, decode, encode


def test_line_col_with_crlf_lone_cr_and_lf():
    s = Source("ab\r\ncd\ref\ngh")
    assert s.line_starts == [0, 4, 7, 10]
    assert s.line_col(0) == (1, 1)
    assert s.line_col(5) == (2, 2)
    assert s.line_col(11) == (4, 2)
    assert s.line_text(2) == "cd"
    assert s.offset(3, 2) == 8
    assert s.line_col(999) == (4, 3)


def test_utf8_bom_is_kept_and_bad_bytes_are_listed():
    text, bad = decode(b"\xef\xbb\xbfARPAGE 5\n\xff\n")
    assert text.startswith("\ufeff")
    assert bad == [(10, 0xFF)]
    assert encode(text) == b"\xef\xbb\xbfARPAGE 5\n\xff\n"


@pytest.mark.parametrize("codepage", ["cp037", "cp1047", "cp500"])
def test_ebcdic_binary_member_is_split_into_records(codepage: str):
    records = ["VIPADYNAMIC".ljust(80), " VIPADEFINE 255.255.255.0 [10.1.1.1]".ljust(80)]
    data = encode("".join(records), codepage)
    assert len(data) == 160
    text, bad = decode(data, codepage)
    assert not bad
    assert text.split("\n") == records


def test_cp1047_brackets_differ_from_cp037():
    assert decode(b"\xad\xbd", "cp1047")[0] == "[]"
    assert decode(b"\xba\xbb", "cp037")[0] == "[]"


def test_unknown_encoding_is_a_lookup_error():
    with pytest.raises(LookupError):
        decode(b"x", "no-such-codec")

"""The fixer: safe edits only, no other byte changed, idempotent, encodings kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import zparse
from zparse.diagnostics import Edit, Fix, make
from zparse.outputs.fix import apply_fixes, fix_until_stable, write_fixes
from zparse.source import Source, Span, decode, encode

SEQ = "00010000"


def _lint_file(path: Path, encoding: str | None = None) -> list[zparse.Diagnostic]:
    text, _ = decode(path.read_bytes(), encoding)
    return list(zparse.parse(text, "tcpip", path=str(path)).diagnostics)


def _fixable(diags: list[zparse.Diagnostic]) -> list[str]:
    return [d.code for d in diags if d.fix is not None and d.fix.safe]


def test_apply_fixes_first_of_overlapping_wins():
    src = Source("ABCDEFGH")
    f1 = Fix("one", (Edit(Span(src, 1, 4), "x"),))
    f2 = Fix("two", (Edit(Span(src, 3, 6), "y"),))
    f3 = Fix("three", (Edit(Span(src, 6, 6), "!"),))
    text, applied, edits, skipped = apply_fixes(src.text, [f1, f2, f3])
    assert text == "AxEF!GH"
    assert (applied, edits, skipped) == (2, 2, 1)


def test_apply_fixes_same_edit_twice_is_applied_once():
    src = Source("A;B")
    f = Fix("blank", (Edit(Span(src, 1, 1), " "),))
    assert apply_fixes(src.text, [f, f]) == ("A ;B", 1, 1, 0)


def test_apply_fixes_two_insertions_at_one_point_conflict():
    src = Source("AB")
    fixes = [Fix("a", (Edit(Span(src, 1, 1), "x"),)), Fix("b", (Edit(Span(src, 1, 1), "y"),))]
    assert apply_fixes(src.text, fixes) == ("AxB", 1, 1, 1)


def test_fix_changes_only_intended_bytes_crlf_and_bad_bytes(tmp_path):
    body = (
        b"TCPCONFIG RESTRICTLOWPORTS;glued comment\r\n"
        b"; a comment with an invalid byte \xff kept as is\r\n"
        + b"PORT 23 TCP INTCLIEN".ljust(72) + SEQ.encode() + b"\r\n"
        + b"UDPCONFIG RESTRICTLOWPORTS\r\n"
    )
    path = tmp_path / "PROFILE.TCPIP"
    path.write_bytes(body)
    diags = _lint_file(path)
    assert sorted(_fixable(diags)) == ["SYN006", "SYN009"]
    results = write_fixes(diags)
    assert [(r.fixes, r.edits, r.skipped, r.error) for r in results] == [(2, 2, 0, None)]
    expected = (
        b"TCPCONFIG RESTRICTLOWPORTS ;glued comment\r\n"
        b"; a comment with an invalid byte \xff kept as is\r\n"
        + b"PORT 23 TCP INTCLIEN".ljust(72) + b"\r\n"
        + b"UDPCONFIG RESTRICTLOWPORTS\r\n"
    )
    assert path.read_bytes() == expected
    # applying again changes nothing more
    again = _lint_file(path)
    assert _fixable(again) == []
    assert write_fixes(again) == []
    assert path.read_bytes() == expected


def test_fix_keeps_ebcdic_records(tmp_path):
    records = ["TCPCONFIG RESTRICTLOWPORTS".ljust(72) + SEQ, "; comment".ljust(80),
               "UDPCONFIG RESTRICTLOWPORTS".ljust(72) + "00020000"]
    data = encode("".join(records), "cp1047")
    path = tmp_path / "PROFILE"
    path.write_bytes(data)
    diags = _lint_file(path, "cp1047")
    assert _fixable(diags) == ["SYN006", "SYN006"]
    results = write_fixes(diags, encoding="cp1047")
    assert results[0].fixes == 2 and results[0].error is None
    new = path.read_bytes()
    assert len(new) == len(data) and b"\n" not in new and b"\x15" not in new
    assert decode(new, "cp1047")[0].split("\n") == [
        "TCPCONFIG RESTRICTLOWPORTS".ljust(80), "; comment".ljust(80), "UDPCONFIG RESTRICTLOWPORTS".ljust(80)]
    assert _fixable(_lint_file(path, "cp1047")) == []


@pytest.mark.parametrize("codepage", ["cp037", "cp1047", "cp500"])
def test_fix_keeps_ebcdic_new_line_characters(tmp_path, codepage):
    text = "TCPCONFIG RESTRICTLOWPORTS;x\x85UDPCONFIG RESTRICTLOWPORTS\x85"
    data = encode(text, codepage)
    assert data.count(b"\x15") == 2
    path = tmp_path / "PROFILE"
    path.write_bytes(data)
    [r] = write_fixes(_lint_file(path, codepage), encoding=codepage)
    assert r.error is None and r.fixes == 1
    assert path.read_bytes() == encode(text.replace(";x", " ;x"), codepage)


def test_fix_refuses_a_file_changed_on_disk(tmp_path):
    path = tmp_path / "PROFILE.TCPIP"
    path.write_text("TCPCONFIG RESTRICTLOWPORTS;x\n")
    diags = _lint_file(path)
    path.write_text("TCPCONFIG RESTRICTLOWPORTS;changed\n")
    [result] = write_fixes(diags)
    assert result.fixes == 0 and result.error is not None and "changed on disk" in result.error
    assert path.read_text() == "TCPCONFIG RESTRICTLOWPORTS;changed\n"


def test_fix_skips_unsafe_fixes(tmp_path):
    path = tmp_path / "PROFILE.TCPIP"
    path.write_text("FOO BAR\n")
    src = Source(path.read_text(), str(path))
    d = make("SYN002", "unknown", Span(src, 0, 3), fix=Fix("drop it", (Edit(Span(src, 0, 8), ""),), safe=False))
    assert write_fixes([d]) == []
    assert path.read_text() == "FOO BAR\n"
    [r] = write_fixes([d], unsafe=True)
    assert r.fixes == 1 and path.read_text() == ""


def test_fix_until_stable_applies_skipped_fixes_in_a_later_round(tmp_path):
    path = tmp_path / "F"
    path.write_text("abc\n")

    def lint() -> list[zparse.Diagnostic]:
        src = Source(path.read_text(), str(path))
        out = []
        if "b" in src.text:
            i = src.text.index("b")
            out.append(make("SYN002", "b", Span(src, i, i + 1), fix=Fix("B", (Edit(Span(src, i, i + 1), "B"),))))
        if "c" in src.text:  # overlaps the first fix while "b" is there
            i = src.text.index("c")
            span = Span(src, i - 1, i + 1)
            out.append(make("SYN002", "c", span, fix=Fix("C", (Edit(span, src.text[i - 1] + "C"),))))
        return out

    remaining, results = fix_until_stable(lint)
    assert path.read_text() == "aBC\n"
    assert remaining == []
    assert [(r.fixes, r.skipped) for r in results] == [(2, 0)]
    # a second run finds nothing to do
    assert fix_until_stable(lint) == ([], [])


@pytest.mark.parametrize("encoding", [None, "utf-8"])
def test_fix_keeps_a_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "PROFILE.TCPIP"
    path.write_bytes(b"\xef\xbb\xbfTCPCONFIG RESTRICTLOWPORTS;x\n")
    write_fixes(_lint_file(path, encoding), encoding=encoding)
    assert path.read_bytes() == b"\xef\xbb\xbfTCPCONFIG RESTRICTLOWPORTS ;x\n"

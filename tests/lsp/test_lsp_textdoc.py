"""Positions (UTF-16 columns, LSP line breaks) and document recognition."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from zparse.lsp.textdoc import LineIndex, TextDoc, doc_kind, uri_path


def _pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


@pytest.mark.parametrize("text,offset,expected", [
    ("abc\ndef", 5, (1, 1)),
    ("a😀b\nc", 2, (0, 3)),          # the emoji counts two UTF-16 units
    ("ab\r\ncd", 4, (1, 0)),         # \r\n is one break
    ("ab\rcd", 3, (1, 0)),           # a lone \r is a break
    ("ab\fcd\u2028ef\x85g", 9, (0, 9)),  # form feed, U+2028 and NEL are not breaks in LSP
    ("abc\n", 4, (1, 0)),            # the end of a text that ends with a break
    ("", 0, (0, 0)),
])
def test_offset_to_position(text: str, offset: int, expected: tuple[int, int]) -> None:
    idx = LineIndex(text, PositionCodec())
    assert idx.position(offset) == _pos(*expected)
    assert idx.offset(_pos(*expected)) == offset


@pytest.mark.parametrize("position,offset", [
    ((0, 99), 3),      # past the end of a line: its end (before the break)
    ((1, 99), 7),      # past the end of the last line, which has no break
    ((9, 0), 7),       # past the last line: the end of the text
])
def test_positions_out_of_range_are_clamped(position: tuple[int, int], offset: int) -> None:
    assert LineIndex("abc\ndef", PositionCodec()).offset(_pos(*position)) == offset


def test_utf8_and_utf32_encodings() -> None:
    text = "é😀x"
    assert LineIndex(text, PositionCodec(types.PositionEncodingKind.Utf8)).position(2) == _pos(0, 6)
    assert LineIndex(text, PositionCodec(types.PositionEncodingKind.Utf32)).position(2) == _pos(0, 2)


def test_incremental_changes() -> None:
    doc = TextDoc("file:///x/PROFILE", "PORT 1 TCP A\r\nHOME 😀 L\n", 1, "tcpip", PositionCodec())
    doc.apply(types.TextDocumentContentChangePartial(range=types.Range(start=_pos(1, 5), end=_pos(1, 7)),
                                                     text="1.2.3.4"))
    assert doc.text == "PORT 1 TCP A\r\nHOME 1.2.3.4 L\n"
    doc.apply(types.TextDocumentContentChangePartial(range=types.Range(start=_pos(0, 12), end=_pos(1, 0)),
                                                     text=" NOAUTOLOG\n"))
    assert doc.text == "PORT 1 TCP A NOAUTOLOG\nHOME 1.2.3.4 L\n"
    # A reversed range is read the right way round.
    doc.apply(types.TextDocumentContentChangePartial(range=types.Range(start=_pos(1, 4), end=_pos(1, 0)),
                                                     text="home"))
    assert doc.text == "PORT 1 TCP A NOAUTOLOG\nhome 1.2.3.4 L\n"
    doc.apply(types.TextDocumentContentChangeWholeDocument(text="ARPAGE 5\n"))
    assert doc.text == "ARPAGE 5\n"


@pytest.mark.parametrize("uri,language,kind", [
    ("file:///p/SYS1/PROFILE.TCPIP", "plaintext", "tcpip"),
    ("file:///p/SYS1/TCPIPA", None, "tcpip"),
    ("file:///p/SYS1/stack.tcpip", None, "tcpip"),
    ("file:///p/SYS1/IZUPRM0A", "plaintext", "izuprm"),
    ("file:///p/SYS1/whatever.txt", "tcpip", "tcpip"),
    ("file:///p/SYS1/whatever.txt", "zos-tcpip", "tcpip"),
    ("file:///p/SYS1/whatever.txt", "izuprm", "izuprm"),
    ("file:///p/SYS1/whatever.txt", "plaintext", None),
    ("file:///p/SYS1/.PROFILE.swp", None, None),
    ("zowe-ds:/prof/USER.TCPPARMS/PROFILE", "plaintext", "tcpip"),
    ("zowe-ds:/prof/SYS1.PARMLIB(IZUPRM00)", None, "izuprm"),
    ("zowe-ds:/prof/SYS1.PARMLIB(IEASYS00)", None, None),
    ("untitled:Untitled-1", "tcpip", "tcpip"),
])
def test_document_kind(uri: str, language: str | None, kind: str | None) -> None:
    assert doc_kind(uri, language) == kind


def test_only_file_uris_have_paths() -> None:
    assert uri_path("file:///tmp/a%20b/PROFILE") == "/tmp/a b/PROFILE"
    assert uri_path("zowe-ds:/prof/USER.TCPPARMS/PROFILE") is None
    assert uri_path("untitled:Untitled-1") is None

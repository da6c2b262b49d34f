"""Open documents as the client sees them, and position conversion.

The server keeps its own copy of every open document. Lines end at ``\\n``,
``\\r\\n`` or ``\\r`` only, as the LSP specification says (Python's
``str.splitlines`` also breaks at form feeds, ``\\x85`` and ``\\u2028``, which
would put the server's text out of step with the client's). Columns are
converted between code points and the client's units (UTF-16 unless the
client negotiated otherwise) by pygls's :class:`PositionCodec`.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.uris import to_fs_path
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from ..workspace.discover import kind_of

__all__ = ["LineIndex", "TextDoc", "doc_kind", "uri_path"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")


_BAD_URIS: set[str] = set()


def uri_path(uri: str) -> str | None:
    """The file-system path of a ``file:`` URI; None for any other scheme, and
    for a path no system call can take (a NUL byte, from ``%00``): such a
    document is checked on its own, like a document that is not a file, and
    the first time a URI is seen that way it is logged."""
    try:
        if urlparse(uri).scheme != "file":
            return None
        path = to_fs_path(uri)
    except Exception:
        return None
    if path and "\x00" in path:
        if uri not in _BAD_URIS and len(_BAD_URIS) < 1000:
            _BAD_URIS.add(uri)
            logging.getLogger("zparse.lsp").warning(
                "%.300s names no valid path (it holds a NUL byte, %%00): the document is checked on its own", uri)
        return None
    return os.path.abspath(path) if path else None


def _name_of(uri: str) -> str:
    try:
        path = urlparse(uri).path
    except Exception:
        path = uri
    return unquote(path.rstrip("/").rsplit("/", 1)[-1])


def doc_kind(uri: str, language_id: str | None) -> str | None:
    """``"tcpip"``, ``"izuprm"`` or None (not ours), from the language id or the
    document's name (:func:`zparse.workspace.discover.kind_of`)."""
    return kind_of(_name_of(uri), language_id=language_id)


class LineIndex:
    """Lines of one text (with their breaks) and conversion of offsets to LSP positions."""

    __slots__ = ("codec", "lines", "starts", "text")

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.codec = codec
        self.lines: list[str] = _LINE.findall(text) if text else []
        starts = [0]
        for line in self.lines:
            starts.append(starts[-1] + len(line))
        self.starts = starts  # one more than lines: the last is len(text)

    def position(self, offset: int) -> types.Position:
        """The client position of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        if line >= len(self.lines):
            return types.Position(line=len(self.lines), character=0)
        pos = ServerTextPosition(line, offset - self.starts[line])
        return self.codec.position_to_client_units(self.lines, pos)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position (clamped to the text, as LSP says)."""
        if position.line >= len(self.lines):
            return len(self.text)
        line = self.lines[position.line]
        content = line.rstrip("\r\n")
        width = self.codec.client_num_units(content)
        character = min(position.character, width)
        if character == width:
            return self.starts[position.line] + len(content)
        pos = self.codec.position_from_client_units(
            self.lines, types.Position(line=position.line, character=character))
        return self.starts[pos.line] + min(pos.character, len(content))


class TextDoc:
    """One open document: its text, version, kind, and path if it has one."""

    def __init__(self, uri: str, text: str, version: int | None, language_id: str | None,
                 codec: PositionCodec) -> None:
        self.uri = uri
        self.language_id = language_id
        self.version = version
        self.kind = doc_kind(uri, language_id)
        self.path = uri_path(uri)
        self.codec = codec
        self._text = text
        self._index: LineIndex | None = None

    @property
    def text(self) -> str:
        return self._text

    @property
    def index(self) -> LineIndex:
        if self._index is None or self._index.text is not self._text:
            self._index = LineIndex(self._text, self.codec)
        return self._index

    def apply(self, change: types.TextDocumentContentChangeEvent) -> None:
        """Apply one content change (a range replacement, or the whole text)."""
        if isinstance(change, types.TextDocumentContentChangePartial):
            idx = self.index
            a = idx.offset(change.range.start)
            b = idx.offset(change.range.end)
            if b < a:
                a, b = b, a
            self._text = self._text[:a] + change.text + self._text[b:]
        else:
            self._text = change.text

"""Source text, positions and decoding.

Offsets into the decoded ``str`` are the truth; line and column (both 1-based,
columns counted in characters) are computed at the edges through
:class:`Source`'s line index.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Sequence

__all__ = ["EBCDIC_CODEPAGES", "Source", "Span", "decode", "edit_distance", "line_bounds"]

_BREAK = re.compile(r"\r\n|\r|\n")


class Source:
    """One file's decoded text, its path (as given) and a lazy line index.

    Sources compare by identity: two reads of one file are two sources.
    """

    __slots__ = ("_line_starts", "kind", "path", "text")

    def __init__(self, text: str, path: str | None = None, kind: str | None = None) -> None:
        self.text = text
        self.path = path
        self.kind = kind
        self._line_starts: list[int] | None = None

    def __repr__(self) -> str:
        return f"Source({self.path or '<text>'!s}, {len(self.text)} chars)"

    @property
    def line_starts(self) -> list[int]:
        """Offsets at which each line begins (after ``\\n``, ``\\r\\n`` or lone ``\\r``)."""
        if self._line_starts is None:
            text = self.text
            if "\r" in text:
                self._line_starts = [0, *(m.end() for m in _BREAK.finditer(text))]
            else:
                starts = [0]
                find = text.find
                i = find("\n")
                while i >= 0:
                    starts.append(i + 1)
                    i = find("\n", i + 1)
                self._line_starts = starts
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; offsets past the end clamp to it."""
        offset = max(0, min(offset, len(self.text)))
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based (line, column), clamped to the line's end."""
        starts = self.line_starts
        if line < 1:
            return 0
        if line > len(starts):
            return len(self.text)
        start = starts[line - 1]
        end = self.line_end(line)
        return min(start + max(column - 1, 0), end)

    def line_end(self, line: int) -> int:
        """Offset of the end of a 1-based line, before its line break."""
        starts = self.line_starts
        end = starts[line] if line < len(starts) else len(self.text)
        text = self.text
        while end > starts[line - 1] and text[end - 1] in "\r\n":
            end -= 1
        return end

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        starts = self.line_starts
        if not 1 <= line <= len(starts):
            return ""
        return self.text[starts[line - 1] : self.line_end(line)]


class Span:
    """A half-open range ``[start, end)`` of offsets into one :class:`Source`.

    Immutable. Equality and hashing consider the offsets and the source's
    path, never its text, so model nodes that exclude spans from equality
    stay cheap to compare.
    """

    __slots__ = ("end", "source", "start")
    source: Source
    start: int
    end: int

    def __init__(self, source: Source, start: int, end: int) -> None:
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Span is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return (self.start == other.start and self.end == other.end
                and self.source.path == other.source.path)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.source.path))

    def __repr__(self) -> str:
        return f"Span({self.source.path or '<text>'}, {self.start}, {self.end})"

    def __reduce__(self) -> tuple[type[Span], tuple[Source, int, int]]:
        return (Span, (self.source, self.start, self.end))

    @property
    def path(self) -> str | None:
        return self.source.path

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]

    def start_line_col(self) -> tuple[int, int]:
        return self.source.line_col(self.start)

    def end_line_col(self) -> tuple[int, int]:
        return self.source.line_col(self.end)

    def cover(self, other: Span) -> Span:
        """The smallest span of the same source holding both spans."""
        return Span(self.source, min(self.start, other.start), max(self.end, other.end))

    def sort_key(self) -> tuple[str, int, int]:
        return (self.source.path or "", self.start, self.end)


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end (before its line break) of the line around ``offset`` in
    a plain text, for callers without a :class:`Source` line index."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    end = len(text)
    for ch in "\r\n":
        k = text.find(ch, offset)
        if k >= 0:
            end = min(end, k)
    return start, end


def edit_distance(a: str, b: str) -> int:
    """Edit distance of two words, a swap of neighbours counting as one edit
    (typos like ``TCP140`` for ``TCP104``): the one "did you mean" measure."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _cp1047_table() -> str:
    # IBM-1047 (Open Systems Latin-1) differs from CP037 in six code points:
    # the square brackets, circumflex, not sign, Y-acute and diaeresis.
    table = list(bytes(range(256)).decode("cp037"))
    for byte, char in ((0xAD, "["), (0xBD, "]"), (0x5F, "^"), (0xB0, "¬"), (0xBA, "Ý"), (0xBB, "¨")):
        table[byte] = char
    return "".join(table)


_CP1047_DECODE = _cp1047_table()
_CP1047_ENCODE = {ord(c): i for i, c in enumerate(_CP1047_DECODE)}

EBCDIC_CODEPAGES = ("cp037", "cp1047", "cp500", "cp1140")


def _normalise(encoding: str) -> str:
    e = encoding.lower().replace("-", "").replace("_", "")
    aliases = {"ibm1047": "cp1047", "1047": "cp1047", "ibm037": "cp037", "037": "cp037",
               "ibm500": "cp500", "ibm1140": "cp1140", "utf8": "utf-8", "utf8sig": "utf-8"}
    return aliases.get(e, encoding.lower())


def encode(text: str, encoding: str = "utf-8") -> bytes:
    """Encode text back to bytes (the inverse of :func:`decode` for valid input)."""
    enc = _normalise(encoding)
    if enc == "cp1047":
        return bytes(_CP1047_ENCODE.get(ord(c), 0x6F) for c in text)
    return text.encode(enc, errors="surrogateescape" if enc == "utf-8" else "replace")


def decode(data: bytes, encoding: str | None = None, record_length: int = 80) -> tuple[str, list[tuple[int, int]]]:
    """Decode a file's bytes into text.

    Returns the text and the undecodable bytes as ``(offset in text, byte)``
    pairs. UTF-8 is the default; a byte-order mark is kept as the text's first
    character so that the round trip stays exact. Bytes that are not valid
    UTF-8 become lone surrogates (``surrogateescape``), so nothing is lost and
    the lexer can point at them.

    With an EBCDIC code page (cp037, cp1047, cp500, cp1140) the bytes are a
    member downloaded in binary: when they hold no line breaks, they are split
    into ``record_length``-byte records joined by ``\\n``.
    """
    enc = _normalise(encoding or "utf-8")
    bad: list[tuple[int, int]] = []
    if enc in EBCDIC_CODEPAGES:
        text = "".join(_CP1047_DECODE[b] for b in data) if enc == "cp1047" else data.decode(enc)
        if "\n" not in text and "\r" not in text and "\x85" not in text and len(text) > record_length:
            text = "\n".join(text[i : i + record_length] for i in range(0, len(text), record_length))
        text = text.replace("\x85", "\n")
        return text, bad
    if enc != "utf-8":
        codecs.lookup(enc)  # raises LookupError for an unknown encoding
        return data.decode(enc, errors="replace"), bad
    try:
        return data.decode("utf-8"), bad  # valid UTF-8 (the usual case): nothing to look for
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    for i, ch in enumerate(text):
        if "\udc80" <= ch <= "\udcff":
            bad.append((i, ord(ch) - 0xDC00))
    return text, bad


def undecodable_offsets(text: str) -> Sequence[int]:
    """Offsets of characters that stand for undecodable bytes (lone surrogates)."""
    return [i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"]

"""Issue 13 item 10: a long system-symbol value used many times does not
multiply memory.

Each case parses a profile whose words use a long symbol value many times
(under tracemalloc, with the GC and caches as in a real run): the peak must
stay far below the naive substituted size, and a word whose substituted
value would be too long is reported (SYN004) and kept as written."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

import zparse
from zparse.syntax import tcpip

MB = 1 << 20

# (case, symbol value length, uses of the symbol per word, words)
CASES = [
    ("one-long-value-many-words", 1 * MB, 1, 200),
    ("many-uses-in-one-word", 64 << 10, 400, 4),
    ("long-address-word", 256 << 10, 8, 40),
]


@pytest.mark.parametrize(("case", "size", "uses", "words"), CASES, ids=[c[0] for c in CASES])
def test_long_symbol_values_do_not_multiply_memory(case: str, size: int, uses: int, words: int) -> None:
    symbols = {"BIG": "9" * size, "SYSCLONE": "01"}
    word = "&BIG." * uses
    text = "".join(f"PORT 2{i:03d} TCP {word}\n" for i in range(words)) + "HOME 10.1.1.&SYSCLONE. ETH1\n"
    naive = size * uses * words
    gc.collect()
    tracemalloc.start()
    try:
        result = zparse.parse(text, "tcpip", symbols=symbols)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 48 * MB + 2 * size, f"peak {peak / MB:.0f} MB for a naive substituted size of {naive / MB:.0f} MB"
    too_long = [d for d in result.diagnostics if d.code == "SYN004" and "system symbols" in d.message]
    assert len(too_long) == words, [d.message[:80] for d in result.diagnostics][:5]
    assert result.source.text == text  # lossless: the text is the member's, symbols only change token values


def test_short_symbols_are_still_substituted() -> None:
    result = zparse.parse("HOME 10.1.1.&SYSCLONE. ETH1\n", "tcpip", symbols={"SYSCLONE": "01"})
    assert not result.diagnostics
    assert str(result.model.home[0].address) == "10.1.1.1"


def test_the_limit_is_on_the_substituted_size() -> None:
    limit = tcpip.MAX_SUBSTITUTED
    ok, _, over = tcpip.substitute_symbols("&A." * 4, {"A": "x" * (limit // 4)})
    assert not over and len(ok) == limit
    kept, _, over = tcpip.substitute_symbols("&A." * 4, {"A": "x" * (limit // 4 + 1)})
    assert over and kept == "&A." * 4

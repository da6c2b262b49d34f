"""Mutation of real inputs: the shared corpus and tests/data (read-only,
copied into memory) and the regression corpus.

Every mutator is a pure function ``(text, rnd, kind) -> text``; the Hypothesis
strategy :func:`mutated` draws a seed document, a list of mutators and one
random seed, so shrinking removes mutators and simplifies the seed.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

from zparse.source import decode, encode

from .corpus_io import seed_documents

__all__ = ["MUTATORS", "apply", "mutated", "seeds", "sysplex_cases", "write_sysplex_case"]

Mutator = Callable[[str, random.Random, str], str]

_FALLBACK_SEEDS = (
    ("tcpip", "builtin/tcpip",
     "; minimal profile\nIPCONFIG DYNAMICXCF 10.1.1.1 255.255.255.0 1\nHOME\n  192.168.0.1 ETH1\n"
     "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 10.100.0.1\n"
     "  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 10.100.0.1\n    PORT 443\n"
     "    DESTIP 10.1.1.1 PREFERRED 10.1.1.2 BACKUP\nENDVIPADYNAMIC\n"
     "PORT\n  443 TCP IZUSVR1 ; z/OSMF\nAUTOLOG 5\n  FTPD JOBNAME FTPD1\nENDAUTOLOG\n"),
    ("izuprm", "builtin/izuprm",
     "/* IZUPRM00 */\nHOSTNAME('zosmf.example.com')\nHTTP_SSL_PORT(443)\nAUTOSTART(LOCAL)\n"
     "AUTOSTART_GROUP('IZUDFLT')\nKEYRING_NAME('IZUKeyring.IZUDFLT')\nSAF_PREFIX(IZUDFLT)\n"
     "USER_DIR('/global/zosmf')\nPLUGINS(INCIDENT_LOG,ISPF)\n"),
)


@functools.cache
def seeds() -> tuple[tuple[str, str, str], ...]:
    """(kind, name, text) of every seed document, read once."""
    return tuple(seed_documents()) + _FALLBACK_SEEDS


def _pos(text: str, rnd: random.Random) -> int:
    return rnd.randint(0, len(text))


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True) or [""]


def byte_flip(text: str, rnd: random.Random, kind: str) -> str:
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    if not data:
        return text
    for _ in range(rnd.randint(1, 4)):
        i = rnd.randrange(len(data))
        data[i] ^= 1 << rnd.randrange(8)
    return decode(bytes(data))[0]


def truncate(text: str, rnd: random.Random, kind: str) -> str:
    return text[: _pos(text, rnd)]


def duplicate_lines(text: str, rnd: random.Random, kind: str) -> str:
    lines = _lines(text)
    i = rnd.randrange(len(lines))
    j = min(len(lines), i + rnd.randint(1, 5))
    return "".join(lines[:j] + lines[i:j] * rnd.randint(1, 3) + lines[j:])


def shuffle_lines(text: str, rnd: random.Random, kind: str) -> str:
    lines = _lines(text)
    i = rnd.randrange(len(lines))
    j = min(len(lines), i + rnd.randint(2, 12))
    part = lines[i:j]
    rnd.shuffle(part)
    return "".join(lines[:i] + part + lines[j:])


def delete_lines(text: str, rnd: random.Random, kind: str) -> str:
    lines = _lines(text)
    i = rnd.randrange(len(lines))
    return "".join(lines[:i] + lines[i + rnd.randint(1, 3):])


def change_case(text: str, rnd: random.Random, kind: str) -> str:
    a = _pos(text, rnd)
    b = min(len(text), a + rnd.randint(1, 200))
    f = rnd.choice([str.upper, str.lower, str.swapcase])
    return text[:a] + f(text[a:b]) + text[b:]


def insert_comment(text: str, rnd: random.Random, kind: str) -> str:
    comment = rnd.choice([
        "; zlint: ignore[HA301]", ";", "; comment; with ; semicolons", " ;no blank",
        "/* comment */", "/* unterminated", "/* nested /* comment */ */", "*/", "/*/", "/**/",
        "/* zlint: ignore[IZU204] */", "'/* in quotes */'", '"; in quotes"',
    ])
    i = _pos(text, rnd)
    if rnd.random() < 0.5:  # at a line start
        i = text.rfind("\n", 0, i) + 1
        comment += "\n"
    return text[:i] + comment + text[i:]


def sequence_numbers(text: str, rnd: random.Random, kind: str) -> str:
    """ISPF-style sequence numbers in columns 73-80 of some (or all) lines."""
    out = []
    every = rnd.random() < 0.5
    for n, line in enumerate(_lines(text), 1):
        body = line.rstrip("\r\n")
        end = line[len(body):]
        if every or rnd.random() < 0.2:
            body = body[:72].ljust(72) + f"{n * 100:08d}"
        out.append(body + end)
    return "".join(out)


def insert_nul(text: str, rnd: random.Random, kind: str) -> str:
    i = _pos(text, rnd)
    return text[:i] + "\x00" * rnd.randint(1, 3) + text[i:]


def insert_ebcdic(text: str, rnd: random.Random, kind: str) -> str:
    """Random bytes read as IBM-1047, or the whole text as if transferred in binary."""
    if rnd.random() < 0.3:
        data = encode(text, "cp1047")
        return decode(data, "utf-8")[0]
    blob = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 120)))
    i = _pos(text, rnd)
    return text[:i] + decode(blob, "cp1047")[0] + text[i:]


def insert_surrogates(text: str, rnd: random.Random, kind: str) -> str:
    i = _pos(text, rnd)
    s = "".join(chr(rnd.choice([rnd.randint(0xD800, 0xDBFF), rnd.randint(0xDC00, 0xDFFF),
                                rnd.randint(0xDC80, 0xDCFF)])) for _ in range(rnd.randint(1, 3)))
    return text[:i] + s + text[i:]


def line_ends(text: str, rnd: random.Random, kind: str) -> str:
    text = text.replace("\r\n", "\n")
    target = rnd.choice(["\r\n", "\r", "\n\r", "\x85", "\u2028", "\x0b", "\x0c"])
    if rnd.random() < 0.5:
        return text.replace("\n", target)
    i = _pos(text, rnd)
    return text[:i] + target + text[i:]


def whitespace(text: str, rnd: random.Random, kind: str) -> str:
    i = _pos(text, rnd)
    return text[:i] + rnd.choice(["\t", " \t ", "\u00a0", "\u3000", "\ufeff", "\u200b", "  "]) + text[i:]


def bom(text: str, rnd: random.Random, kind: str) -> str:
    return "\ufeff" + text


def hostile_value(text: str, rnd: random.Random, kind: str) -> str:
    """Replace a word with an out-of-bounds or malformed value."""
    value = rnd.choice([
        "9" * rnd.choice([11, 40, 4301, 5000]), "999.1.1.1", "1.2.3", "::::", "1.2.3.4.5", "256.256.256.256",
        "10.0.0.1/99", "-1", "0x10", "65536", "99999-1", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0",
        "'", '"', "(", ")", "((((", "))))", "&SYSCLONE.", "&UNDEF.", "&", "&&A.", "=", ",", "''", "'''",
        "HOSTNAME(", "PORT", "ENDVIPADYNAMIC", "VIPADYNAMIC", "AUTOLOG", "INCLUDE", "END",
    ])
    words = [i for i in range(1, len(text)) if text[i - 1] in " \t\n(" and text[i] not in " \t\n"]
    if not words:
        return text + value
    i = rnd.choice(words)
    j = i
    while j < len(text) and text[j] not in " \t\r\n(),":
        j += 1
    return text[:i] + value + text[j:]


def insert_symbol(text: str, rnd: random.Random, kind: str) -> str:
    """A system symbol reference (see fuzz.laws.FUZZ_SYMBOLS) inside or instead of a word."""
    ref = rnd.choice(["&SYSCLONE.", "&SYSNAME", "&EMPTY.", "&LONG.", "&SP.", "&NL.", "&SEMI.", "&Q.",
                      "&AMP.", "&ADDR.", "&UNDEF.", "&", "&.", "&&SYSCLONE..", "&SYSCLONE..", "&TOOLONGNAME."])
    i = _pos(text, rnd)
    if rnd.random() < 0.5:  # replace a whole word
        j = i
        while j < len(text) and text[j] not in " \t\r\n()":
            j += 1
        while i > 0 and text[i - 1] not in " \t\r\n()":
            i -= 1
        return text[:i] + ref + text[j:]
    return text[:i] + ref + text[i:]


def splice(text: str, rnd: random.Random, kind: str) -> str:
    """Insert lines of another seed document (possibly of the other kind)."""
    other = rnd.choice(seeds())[2]
    lines = _lines(other)
    a = rnd.randrange(len(lines))
    chunk = "".join(lines[a : a + rnd.randint(1, 8)])
    i = text.rfind("\n", 0, _pos(text, rnd)) + 1
    return text[:i] + chunk + text[i:]


def repeat(text: str, rnd: random.Random, kind: str) -> str:
    """Repeat a slice many times (long lines, many blocks)."""
    a = _pos(text, rnd)
    b = min(len(text), a + rnd.randint(1, 40))
    return text[:b] + text[a:b] * rnd.randint(2, 200) + text[b:]


MUTATORS: tuple[Mutator, ...] = (
    byte_flip, truncate, duplicate_lines, shuffle_lines, delete_lines, change_case, insert_comment,
    sequence_numbers, insert_nul, insert_ebcdic, insert_surrogates, line_ends, whitespace, bom,
    hostile_value, insert_symbol, splice, repeat,
)


def apply(text: str, kind: str, mutators: list[int], seed: int) -> str:
    """Apply mutators (indices into :data:`MUTATORS`) in order with one seed."""
    rnd = random.Random(seed)
    for m in mutators:
        text = MUTATORS[m % len(MUTATORS)](text, rnd, kind)
    return text


@st.composite
def mutated(draw: st.DrawFn, kinds: tuple[str, ...] = ("tcpip", "izuprm")) -> tuple[str, str]:
    """(kind, text): a seed document of one of ``kinds`` after 1-6 mutations.
    One draw in eight parses a seed as the other kind."""
    pool = [s for s in seeds() if s[0] in kinds] or list(seeds())
    kind, _, text = draw(st.sampled_from(pool))
    muts = draw(st.lists(st.integers(0, len(MUTATORS) - 1), min_size=1, max_size=6))
    seed = draw(st.integers(0, 2**32 - 1))
    out = apply(text, kind, muts, seed)
    if len(kinds) > 1 and seed % 8 == 0:
        kind = next(k for k in kinds if k != kind)
    return kind, out


@st.composite
def sysplex_cases(draw: st.DrawFn) -> str:
    """A two-system sysplex case (see :func:`fuzz.corpus_io.split_sysplex_case`):
    each member realistic, realistic and mutated, grammar-generated, or a
    mutated seed."""
    from .corpus_io import SYSPLEX_SEPARATOR
    from .gen import izuprm_documents, realistic_izuprm, realistic_profile, tcpip_profiles

    parts = []
    for system in range(2):
        for kind in ("tcpip", "izuprm"):
            how = draw(st.sampled_from(["realistic", "mutated-realistic", "grammar", "mutated-seed"]))
            if how in ("realistic", "mutated-realistic"):
                text = realistic_profile(system, 2, lines=60) if kind == "tcpip" else realistic_izuprm(system, 2)
                if how == "mutated-realistic":
                    muts = draw(st.lists(st.integers(0, len(MUTATORS) - 1), min_size=1, max_size=4))
                    text = apply(text, kind, muts, draw(st.integers(0, 2**32 - 1)))
            elif how == "grammar":
                text = draw(tcpip_profiles() if kind == "tcpip" else izuprm_documents())
            else:
                text = draw(mutated((kind,)))[1]
            parts.append(text.replace(SYSPLEX_SEPARATOR, "\n"))
    encoding = draw(st.sampled_from(["", "", "", "", "cp1047", "cp037"]))
    prefix = f"{ENCODING_PREFIX}{encoding}\n" if encoding else ""
    return prefix + SYSPLEX_SEPARATOR.join(parts)


# A sysplex case may start with this line: its members are written in that EBCDIC code page.
ENCODING_PREFIX = "%%encoding "


def write_sysplex_case(root: Path, case: str) -> Path:
    """Write a sysplex case as a two-system sysplex with a zlint.toml under ``root``."""
    from .corpus_io import split_sysplex_case
    from .gen import write_sysplex

    encoding = None
    if case.startswith(ENCODING_PREFIX):
        line, _, case = case.partition("\n")
        encoding = line[len(ENCODING_PREFIX):].strip() or None
    parts = split_sysplex_case(case)
    return write_sysplex(root, 2, profile=lambda s, n: parts[2 * s], izuprm=lambda s, n: parts[2 * s + 1],
                         encoding=encoding)

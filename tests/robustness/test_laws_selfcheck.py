"""The law checkers themselves: each must catch the violation it names
(a checker that cannot fail would make every robustness test vacuous)."""

from __future__ import annotations

import random
import time
from types import SimpleNamespace

import pytest

from fuzz import laws, mutate
from fuzz.corpus_io import decode_case, encode_case, read_case, write_case
from zparse.diagnostics import make
from zparse.source import Source, Span


def _tokens(*pieces: tuple[int, str]) -> list[SimpleNamespace]:
    return [SimpleNamespace(start=s, text=t) for s, t in pieces]


def test_tiling_accepts_a_tiling() -> None:
    assert laws.check_tiling(_tokens((0, "HOME"), (4, " "), (5, "x")), "HOME x") == 3


@pytest.mark.parametrize(("pieces", "what"), [
    (((0, "HOME"), (5, "x")), "gap"),
    (((0, "HOME"), (3, "E x")), "overlap"),
    (((0, "HOME"), (4, " ")), "tokens end"),
    (((0, "HOMX"), (4, " "), (5, "x")), "does not hold"),
])
def test_tiling_catches(pieces: tuple[tuple[int, str], ...], what: str) -> None:
    with pytest.raises(laws.LawViolation, match=what):
        laws.check_tiling(_tokens(*pieces), "HOME x")


def test_span_checks() -> None:
    src = Source("HOME\r\n  1.1.1.1 L\n", "p")
    good = make("SYN001", "m", Span(src, 6, 13))
    laws.check_diagnostics([good], [src])
    with pytest.raises(laws.LawViolation, match="outside its document"):
        laws.check_diagnostics([make("SYN001", "m", Span(src, 3, 99))], [src])
    with pytest.raises(laws.LawViolation, match="outside its document"):
        laws.check_diagnostics([make("SYN001", "m", Span(src, 5, 4))], [src])
    other = Source("something else", "q")
    with pytest.raises(laws.LawViolation, match="not the parsed document"):
        laws.check_diagnostics([make("SYN001", "m", Span(other, 0, 1))], [src])
    with pytest.raises(laws.LawViolation, match="internal error"):
        laws.check_diagnostics([make("ZL001", "boom", Span(src, 0, 0))], [src])


def test_determinism_check_catches_a_flaky_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import zparse

    real = zparse.parse
    calls = {"n": 0}

    def flaky(text: str, kind: str = "tcpip", **kw: object) -> object:
        result = real(text, kind, **kw)
        calls["n"] += 1
        if calls["n"] % 2 == 0:
            extra = make("SYN001", "only sometimes", Span(result.source, 0, 0))
            return SimpleNamespace(**{f: getattr(result, f) for f in ("source", "tree", "model", "status",
                                                                       "includes")},
                                   diagnostics=(*result.diagnostics, extra), render=result.render)
        return result

    monkeypatch.setattr(zparse, "parse", flaky)
    with pytest.raises(laws.LawViolation, match="deterministic"):
        laws.check_parse("HOME 10.1.1.1 ETH1\n", "tcpip")


def test_exception_becomes_a_violation(monkeypatch: pytest.MonkeyPatch) -> None:
    import zparse

    def boom(text: str, kind: str = "tcpip", **kw: object) -> object:
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    monkeypatch.setattr(zparse, "parse", boom)
    with pytest.raises(laws.LawViolation, match="no-exception"):
        laws.check_parse("ARPAGE 1\n", "tcpip")


def test_hang_detector() -> None:
    with pytest.raises(laws.LawViolation, match="hang"):
        laws.run_guarded(lambda: time.sleep(2), 0.1, "sleep")
    assert laws.run_guarded(lambda: 42, 5) == 42
    with pytest.raises(KeyError):
        laws.run_guarded(lambda: {}["x"], 5)


@pytest.mark.parametrize("mutator", mutate.MUTATORS, ids=lambda m: m.__name__)
def test_mutators_change_text_and_stay_str(mutator: mutate.Mutator) -> None:
    text = "HOME\n  10.1.1.1 ETH1\nPORT\n  21 TCP FTPD1 ; ftp\nHTTP_SSL_PORT(443)\n"
    outs = {mutator(text, random.Random(seed), "tcpip") for seed in range(20)}
    assert all(isinstance(o, str) for o in outs)
    assert outs != {text}, f"{mutator.__name__} never changes its input"


def test_corpus_files_keep_lone_surrogates_and_nul(tmp_path: object) -> None:
    text = "HOME \ud800\udcff\x00 10.1.1.1 L\r\n"
    assert decode_case(encode_case(text)) == text
    path = write_case("tcpip", text, "selfcheck", corpus=tmp_path)  # type: ignore[arg-type]
    assert read_case(path) == text
    # hand-written files with invalid UTF-8 read as zlint reads members
    path.write_bytes(b"HOME \xff\n")
    assert read_case(path) == "HOME \udcff\n"

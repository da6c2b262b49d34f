"""Data-driven syntax cases written from IBM's pages (tests/tcpip/cases/*.txt).

Each case names its IBM page, the SYN-family codes it must produce (``none``
when the text is valid) and, for valid text, what the model must say. The
format is described in tests/tcpip/cases/README.md.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import attrs
import pytest

import zparse
from zparse.model import tcpip as nodes

CASES = Path(__file__).parent / "cases"
_SYN = re.compile(r"SYN\d{3}")


@attrs.frozen
class Case:
    file: str
    name: str
    page: str
    codes: tuple[str, ...]
    messages: tuple[str, ...]
    models: tuple[str, ...]
    target: str | None
    text: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.name}"


def load(path: Path) -> list[Case]:
    out: list[Case] = []
    parts = re.split(r"^=== (.*)\n", path.read_text(encoding="utf-8"), flags=re.M)
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        head, sep, text = body.partition("---\n")
        assert sep, f"{path.name}: case {name!r} has no --- line"
        fields: dict[str, list[str]] = {}
        for line in head.splitlines():
            if line.strip():
                key, _, value = line.partition(":")
                fields.setdefault(key.strip(), []).append(value.strip())
        assert fields.get("page"), f"{path.name}: case {name!r} names no IBM page"
        codes = () if fields["codes"][0] == "none" else tuple(sorted(fields["codes"][0].split()))
        # Trailing blank lines separate cases; they are not part of the text.
        text = text.rstrip("\n") + "\n"
        out.append(Case(path.name, name.strip(), fields["page"][0], codes, tuple(fields.get("message", ())),
                        tuple(fields.get("model", ())), (fields.get("target") or [None])[0], text))
    return out


ALL = [c for p in sorted(CASES.glob("*.txt")) for c in load(p)]


def check(case: Case) -> list[str]:
    """What is wrong with the parser on ``case`` (empty: right)."""
    kw = {"target_release": case.target} if case.target else {}
    r = zparse.parse(case.text, kind="tcpip", **kw)  # type: ignore[arg-type]
    wrong: list[str] = []
    if r.render() != case.text:
        wrong.append("not lossless")
    got = tuple(sorted(d.code for d in r.diagnostics if _SYN.fullmatch(d.code)))
    if got != case.codes:
        wrong.append(f"codes {got} != {case.codes}: " + "; ".join(f"{d.code} {d.message}" for d in r.diagnostics))
    for text in case.messages:
        if not any(text.lower() in d.message.lower() for d in r.diagnostics):
            wrong.append(f"no message contains {text!r}")
    env = {"m": r.model, "nodes": nodes, "ipaddress": ipaddress}
    for expr in case.models:
        try:
            ok = eval(expr, env)  # expressions from our own case files
        except Exception as exc:  # a model that lacks a field is a wrong case, not a crash of the runner
            ok = False
            expr = f"{expr} raised {exc!r}"
        if not ok:
            wrong.append(f"model: {expr}")
    return wrong


@pytest.mark.parametrize("case", ALL, ids=[c.id for c in ALL])
def test_case(case: Case) -> None:
    assert check(case) == []


def test_every_class_has_valid_and_invalid_cases() -> None:
    by_file: dict[str, set[bool]] = {}
    for c in ALL:
        by_file.setdefault(c.file, set()).add(not c.codes)
    assert by_file and all(v == {True, False} for v in by_file.values()), by_file


if __name__ == "__main__":  # counts per class, for the closing note
    totals: dict[str, list[int]] = {}
    for c in ALL:
        t = totals.setdefault(c.file, [0, 0])
        t[0] += 1
        t[1] += bool(check(c))
    for f, (n, bad) in totals.items():
        print(f"{f}: {bad} of {n} wrong")

"""Run the TCP1xx case files of tests/rules/cases through the checks directly.

The shared harness (tests/rules) runs every case through the whole engine.
This one needs only the model and the rule registry, so the TCP1xx cases
stay tested on their own: each file's ``# expect:`` lines must equal the
findings of the case's code (the folder name), as ``code@path:line``.
Without a zlint.toml each top-level folder is a system and its INCLUDEs are
looked up in that folder, as ``zlint check`` does for discovered systems.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from zparse.engine import Finding, load_builtin_rules
from zparse.model.tcpip.build import parse_tcpip

CASES = Path(__file__).resolve().parents[1] / "rules" / "cases"
SECTION = re.compile(r"^-- (.+?) --[ \t]*(?:\r?\n|\Z)", re.M)


def _case_files() -> list[Path]:
    return sorted(p for p in CASES.glob("TCP1*/*.txt"))


def parse_case(text: str) -> tuple[list[str], dict[str, str]]:
    """(expected ``code@path:line`` entries, files by path) of one case file."""
    parts = SECTION.split(text)
    header, files = parts[0], {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}
    expected: list[str] = []
    for line in header.splitlines():
        m = re.match(r"#\s*expect:\s*(.+)$", line.strip())
        if m:
            expected.extend(x for x in re.split(r"[\s,]+", m.group(1).strip()) if x and x != "none")
    return expected, files


def _is_profile(name: str) -> bool:
    base = name.rsplit("/", 1)[-1].upper()
    return base.startswith(("PROFILE", "TCPIP")) or base.endswith(".TCPIP")


def run_case(code: str, files: dict[str, str]) -> list[Finding]:
    """The findings of ``code`` for every system profile of a case."""
    check = load_builtin_rules()[code].check
    assert check is not None
    out: list[Finding] = []
    for path, text in files.items():
        if "/" not in path or not _is_profile(path):
            continue
        folder = path.rsplit("/", 1)[0]

        def resolve(dsn: str, folder: str = folder) -> tuple[str, str] | str:
            m = re.fullmatch(r"[^(]+\((\w+)\)", dsn)
            member = m.group(1) if m else dsn.rsplit(".", 1)[-1]
            key = f"{folder}/{member}"
            hit = next((p for p in files if p.upper() in (key.upper(), member.upper())), None)
            return (hit, files[hit]) if hit else f"INCLUDE {dsn}: no file {key}"

        out.extend(check(parse_tcpip(text, path, include_resolver=resolve).model))
    # A member INCLUDEd by several profiles is checked once per profile; like
    # the engine, keep one finding per place and message.
    once = {(f.span.path, f.span.start, f.span.end, f.message): f for f in out}
    return list(once.values())


def findings(code: str, files: dict[str, str]) -> list[str]:
    return [f"{code}@{f.span.path}:{f.span.start_line_col()[0]}" for f in run_case(code, files)]


@pytest.mark.parametrize("case", _case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_tcp_case(case: Path) -> None:
    expected, files = parse_case(case.read_text(encoding="utf-8"))
    assert "zlint.toml" not in files, "this runner handles discovered systems only"
    code = case.parent.name
    assert all(e.startswith(code + "@") for e in expected), "a case expects only its own code"
    assert Counter(findings(code, files)) == Counter(expected)


def test_every_tcp_code_has_firing_and_quiet_cases() -> None:
    codes = sorted(c for c in load_builtin_rules() if c.startswith("TCP"))
    for code in codes:
        kinds = Counter()
        for case in (CASES / code).glob("*.txt"):
            expected, _ = parse_case(case.read_text(encoding="utf-8"))
            kinds["fires" if expected else "quiet"] += 1
        assert kinds["fires"] >= 1 and kinds["quiet"] >= 1, f"{code}: {dict(kinds)}"

"""Every case file under tests/rules/cases runs through the whole engine.

``zparse.load_sysplex`` reads the case's files as a sysplex and
``zparse.lint`` runs every rule; the findings of the compared codes (the
case's folder, the codes its ``# expect:`` lines name, or ``# codes:``) must
equal the expectations. See README.md for the format.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casefile import CASES, case_files, compare, load_case, parse_case, run_case

from zparse.codes import CODES
from zparse.engine import load_builtin_rules

# Every HA and TCP code needs its case folder here (the IZU2xx and SYN codes
# are tested under tests/izuprm and tests/tcpip).
CASE_CODES = sorted({c for c in CODES if c.startswith(("HA", "TCP"))}
                    | {c for c in load_builtin_rules() if c.startswith(("HA", "TCP"))})


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case(path: Path, tmp_path: Path) -> None:
    case = load_case(path)
    assert case.code in CODES, f"{path.parent.name} is not a code"
    got, everything = run_case(case, tmp_path)
    missing, unexpected = compare(case.expected, got)
    shown = "\n".join(f"  {d.code} {d.severity.value} {d.span.path}:{d.span.start_line_col()} {d.message}"
                      for d in everything)
    assert not missing and not unexpected, (
        f"missing: {[str(e) for e in missing]}\nunexpected: {[str(e) for e in unexpected]}\n"
        f"all diagnostics:\n{shown}")


@pytest.mark.parametrize("code", CASE_CODES)
def test_every_ha_and_tcp_code_has_firing_and_quiet_cases(code: str) -> None:
    cases = [load_case(p) for p in sorted((CASES / code).glob("*.txt"))]
    assert any(c.fires for c in cases), f"{code}: no case expects it to fire"
    assert any(not c.fires for c in cases), f"{code}: no quiet case"


def test_every_case_folder_has_firing_and_quiet_cases() -> None:
    folders = sorted(p for p in CASES.iterdir() if p.is_dir())
    assert folders, f"no case folder under {CASES}"
    lacking = []
    for folder in folders:
        cases = [load_case(p) for p in folder.glob("*.txt")]
        if not (any(c.fires for c in cases) and any(not c.fires for c in cases)):
            lacking.append(folder.name)
    assert not lacking, f"case folders without both a firing and a quiet case: {lacking}"


def test_case_format_parses_headers() -> None:
    case = parse_case(
        "# a comment\n# expect: HA301@SYS1/PROFILE.TCPIP:7, HA390@SYS2/P:3:12\n# codes: HA3\n"
        "# min-severity: warning\n-- zlint.toml --\n[sysplex]\n-- SYS1/PROFILE.TCPIP --\nA\nB\n",
        "x", "HA301")
    assert [str(e) for e in case.expected] == ["HA301@SYS1/PROFILE.TCPIP:7", "HA390@SYS2/P:3:12"]
    assert case.codes == {"HA301", "HA3", "HA390"}
    assert case.files == {"zlint.toml": "[sysplex]\n", "SYS1/PROFILE.TCPIP": "A\nB\n"}
    assert case.fires
    assert not parse_case("# expect: none\n-- a --\n", "y", "HA301").fires
    with pytest.raises(ValueError, match="bad expectation"):
        parse_case("# expect: HA301 line 7\n", "z", "HA301")
    assert parse_case("# codes: ALL\n", "w", "HA301").codes is None


def test_compare_reports_missing_and_unexpected() -> None:
    case = parse_case("# expect: HA301@A:1 HA301@A:2:5\n", "c", "HA301")
    got = parse_case("# expect: HA301@A:1:9 HA301@A:2:6 HA301@B:1\n", "g", "HA301").expected
    missing, unexpected = compare(case.expected, got)
    assert [str(e) for e in missing] == ["HA301@A:2:5"]
    assert sorted(str(e) for e in unexpected) == ["HA301@A:2:6", "HA301@B:1"]

"""``zlint diff BEFORE AFTER``: the four formats, --fail-on and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zparse.cli import main

from .conftest import CASES


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    got = capsys.readouterr()
    return code, got.out, got.err


def _sides(name: str) -> tuple[str, str]:
    return str(CASES / name / "before"), str(CASES / name / "after")


def test_text_leads_with_the_dark_service(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "diff", *_sides("zosmf-autostart"))
    assert code == 0  # no --fail-on: a report
    lines = out.splitlines()
    assert lines[1].startswith("  !! goes dark: lose SYS1: z/OSMF at 198.51.100.10 port 443: SYS2 -> nobody")
    assert "~ z/OSMF AUTOSTART: value LOCAL -> CONNECT" in out


def test_markdown_is_a_pull_request_comment(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "diff", *_sides("zosmf-autostart"), "--format", "markdown")
    assert out.startswith("## zlint diff\n")
    assert "> [!CAUTION]" in out and "**This change leaves 1 service dark**" in out
    assert "<details>\n<summary><b>SYS2</b>" in out
    assert "| case | service | before | after | |" in out
    assert "| lose SYS1 | z/OSMF at 198.51.100.10 port 443 | SYS2 | nobody | **dark** |" in out
    assert "`zlint explain HA323`" in out


def test_markdown_of_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "diff", *_sides("reorder-only"), "--format", "markdown")
    assert "No effective change" in out and "CAUTION" not in out


def test_github_annotations_and_step_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(CASES)
    code, out, _ = _run(capsys, "diff", "obeyfile-delete/before", "obeyfile-delete/after", "--format", "github",
                        "--fail-on", "new-error")
    assert code == 1  # TCP104 is new
    lines = out.splitlines()
    assert any(x.startswith("::error file=obeyfile-delete/after/tcpparms/ZOSMFHA,line=3,title=TCP104 (new)::")
               for x in lines)
    assert any(x.startswith("::warning file=obeyfile-delete/after/SYS2/OBEYDEL,line=") and "XCFGRPID" in x
               for x in lines)
    assert any(x.startswith("::notice file=obeyfile-delete/after/tcpparms/ZOSMFHA,line=3,title=zlint diff%3A changed::")
               for x in lines)
    assert summary.read_text().startswith("## zlint diff\n")


def test_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "diff", *_sides("rank-swap"), "--format", "json")
    doc = json.loads(out)
    assert doc["version"] == 1
    assert set(doc["summary"]) == {"sysplexes", "new", "fixed", "unchanged", "new_errors", "new_warnings",
                                   "changes", "dark", "restored", "obey_notes"}
    (plex,) = doc["sysplexes"]
    assert set(plex) == {"name", "path", "systems", "summary", "findings", "changes", "failover", "obey"}
    change = next(c for c in plex["changes"] if c["system"] == "SYS2")
    assert change == {"system": "SYS2", "kind": "VIPABACKUP", "key": "198.51.100.30", "change": "changed",
                      "before": {"rank": "100", "mask": "255.255.255.0", "moveable": "IMMEDIATE"},
                      "after": {"rank": "50", "mask": "255.255.255.0", "moveable": "IMMEDIATE"},
                      "fields": ["rank"], "path": "tcpparms/APP2", "line": 2}
    cases = {c["lost"]: c for c in plex["failover"]}
    assert set(cases) == {None, "SYS1", "SYS2", "SYS3"}
    assert cases["SYS1"]["dvipas"] == [{"dvipa": "198.51.100.30", "before": "SYS2", "after": "SYS3",
                                        "before_how": "VIPABACKUP rank 100 (takes over)",
                                        "after_how": "VIPABACKUP rank 100 (takes over)"}]


def test_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    sides = _sides("zosmf-autostart")
    assert _run(capsys, "diff", *sides, "--fail-on", "lost-service")[0] == 1
    assert _run(capsys, "diff", *sides, "--fail-on", "new-warning")[0] == 1
    assert _run(capsys, "diff", *_sides("rank-swap"), "--fail-on", "new-error,new-warning,lost-service")[0] == 0


@pytest.mark.parametrize("argv", [
    ["diff"], ["diff", "only-one"], ["diff", "no/such/a", "no/such/b"], ["diff", "a", "b", "--fail-on", "typo"],
])
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = _run(capsys, *argv)
    assert code == 2
    assert err.startswith("zlint: error:") or "error:" in err

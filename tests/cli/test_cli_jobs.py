"""`zlint check --jobs N`: several sysplexes checked in worker processes give
exactly what one process gives, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zparse.cli import main

from .conftest import EXAMPLES


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    """Three sysplexes with findings (copies of examples/zosmf-ha-broken, one
    edited), a clean one, and a discovered folder without an inventory."""
    broken = EXAMPLES / "zosmf-ha-broken"
    if not (broken / "zlint.toml").is_file() or not (EXAMPLES / "zosmf-ha" / "zlint.toml").is_file():
        pytest.skip("the examples are not in this checkout")
    root = tmp_path / "site"
    for name in ("plexa", "plexb", "plexc"):
        shutil.copytree(broken, root / name)
    shutil.copytree(EXAMPLES / "zosmf-ha", root / "plexok")
    prof = next((root / "plexb").rglob("PROFILE.TCPIP"))
    prof.write_text(prof.read_text() + "PORT\n  23 TCP TN3270\n  23 TCP TN3270\n")
    (root / "loose" / "SYSX").mkdir(parents=True)
    (root / "loose" / "SYSX" / "PROFILE.TCPIP").write_text("PORT\n  21 TCP FTPD1\n  21 TCP FTPD1\nFOO BAR\n")
    monkeypatch.chdir(tmp_path)
    return root


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_jobs_give_the_output_of_one_process(capsys, site, fmt):
    one = run(capsys, "check", "site", "site/loose", "--format", fmt, "--jobs", "1")
    assert one[0] == 1 and one[1]
    for jobs in ("2", "4"):
        assert run(capsys, "check", "site", "site/loose", "--format", fmt, "--jobs", jobs) == one


def test_paths_of_one_sysplex_are_read_once_and_others_in_parallel(capsys, site):
    prof = next((site / "plexa").rglob("PROFILE.TCPIP"))
    args = ("check", str(prof), "site/plexa", "site/plexc", "--format", "json")
    assert run(capsys, *args, "--jobs", "1") == run(capsys, *args, "--jobs", "3")


def test_an_inventory_error_is_reported_the_same_way(capsys, site):
    (site / "plexc" / "zlint.toml").write_text("[systems.SYS1]\ntcpip = 3\n")
    one = run(capsys, "check", "site", "--jobs", "1")
    assert one[0] == 2 and "plexc/zlint.toml" in one[2]
    assert run(capsys, "check", "site", "--jobs", "2") == one


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(capsys, site, value):
    code, _, err = run(capsys, "check", "site", "--jobs", value)
    assert code == 2 and "--jobs" in err

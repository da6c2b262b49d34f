"""``zlint diff --git``: both sides read from git objects of a real repository
built in the test (two commits), never by checking anything out."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from zparse.cli import main

from .conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose sysplex is in plex/: commit 1 the IBM recipe, commit 2 the
    BACKUP target moved to an address no system has."""
    r = tmp_path / "repo"
    r.mkdir()
    _git(r, "init", "-q")
    _git(r, "config", "user.email", "t@example.com")
    _git(r, "config", "user.name", "t")
    _git(r, "config", "commit.gpgsign", "false")
    shutil.copytree(REPO / "examples" / "zosmf-ha", r / "plex")
    (r / "README").write_text("not a member\n")
    _git(r, "add", "-A")
    _git(r, "commit", "-qm", "recipe")
    member = r / "plex" / "tcpparms" / "ZOSMFHA"
    member.write_text(member.read_text().replace("192.0.2.2 BACKUP", "192.0.2.9 BACKUP"))
    _git(r, "commit", "-qam", "move the backup")
    return r


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cwd: Path,
         *argv: str) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_two_commits(repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # the work tree says something else again: the revisions, not the disk, are compared
    member = repo / "plex" / "tcpparms" / "ZOSMFHA"
    member.write_text(member.read_text().replace("PORT 443", "PORT 8443"))
    (repo / "plex" / "SYS1" / "IZUPRM0A").unlink()
    status = _git(repo, "status", "--porcelain")
    head = _git(repo, "rev-parse", "HEAD")
    code, out = _run(capsys, monkeypatch, repo, "diff", "--git", "HEAD~1", "HEAD", "plex", "--format", "json",
                     "--fail-on", "lost-service")
    assert code == 1
    doc = json.loads(out)
    (plex,) = doc["sysplexes"]
    assert plex["name"] == "PLEX1"
    assert {(c["system"], c["key"], c["change"]) for c in plex["changes"]} >= {
        ("SYS1", "198.51.100.10 port 443", "changed"), ("SYS2", "198.51.100.10 port 443", "changed")}
    dark = [s for case in plex["failover"] for s in case["services"] if s["status"] == "dark"]
    assert {(s["service"], tuple(s["before"]["targets"])) for s in dark} == {
        ("198.51.100.10 port 443", ("SYS2",)), ("z/OSMF at 198.51.100.10 port 443", ("SYS2",))}
    assert {f["code"] for f in plex["findings"]["new"]} >= {"HA301", "HA390"}
    # nothing was checked out: the work tree, the index and HEAD are as they were
    assert _git(repo, "status", "--porcelain") == status
    assert _git(repo, "rev-parse", "HEAD") == head


def test_head_against_the_work_tree(repo: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``zlint diff --git HEAD``: the pre-commit check of what is on disk."""
    code, out = _run(capsys, monkeypatch, repo / "plex", "diff", "--git", "HEAD")
    assert code == 0
    assert "no effective change" in out
    izu = repo / "plex" / "SYS2" / "IZUPRM0B"
    izu.write_text(izu.read_text().replace("HTTP_SSL_PORT(443)", "HTTP_SSL_PORT(8443)"))
    code, out = _run(capsys, monkeypatch, repo / "plex", "diff", "--git", "HEAD", "--fail-on", "new-error,new-warning")
    assert "z/OSMF HTTP_SSL_PORT: value 443 -> 8443" in out
    assert code == 1  # HA321: the HA servers' ports differ


def test_sysplex_added_in_head(repo: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "examples" / "zosmf-ha-broken", repo / "plex2")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "second sysplex")
    code, out = _run(capsys, monkeypatch, repo, "diff", "--git", "HEAD~1", "HEAD", "plex2", "--format", "json")
    assert code == 0
    (plex,) = json.loads(out)["sysplexes"]
    assert plex["systems"] == {"before": [], "after": ["SYS1", "SYS2"]}
    assert {c["key"] for c in plex["changes"] if c["kind"] == "system"} == {"SYS1", "SYS2"}


def test_bad_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert main(["diff", "--git", "no-such-rev", "HEAD"]) == 2
    assert "no-such-rev" in capsys.readouterr().err


def test_outside_a_repository_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["diff", "--git", "HEAD"]) == 2
    assert "zlint: error:" in capsys.readouterr().err


def test_inventory_is_read_from_the_revision(repo: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """HEAD adds an OBEYFILE to SYS2 in zlint.toml; the work tree goes back to no OBEYFILE."""
    plex = repo / "plex"
    (plex / "SYS2" / "OBEYVIPA").write_text("VIPADYNAMIC\n  VIPADELETE 198.51.100.10\nENDVIPADYNAMIC\n")
    inv = plex / "zlint.toml"
    original = inv.read_text()
    inv.write_text(original.replace('izuprm = ["SYS2/IZUPRM0B"]',
                                    'izuprm = ["SYS2/IZUPRM0B"]\nobey = ["SYS2/OBEYVIPA"]'))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "obeyfile on SYS2")
    inv.write_text(original)
    code, out = _run(capsys, monkeypatch, repo, "diff", "--git", "HEAD~1", "HEAD", "plex", "--format", "json")
    assert code == 0
    (doc,) = json.loads(out)["sysplexes"]
    removed = {(c["system"], c["kind"], c["key"]) for c in doc["changes"] if c["change"] == "removed"}
    assert ("SYS2", "VIPADEFINE", "198.51.100.10") in removed
    # and the work tree (no OBEYFILE listed) against HEAD says the opposite
    code, out = _run(capsys, monkeypatch, repo, "diff", "--git", "HEAD", "plex", "--format", "json")
    assert code == 0
    (doc,) = json.loads(out)["sysplexes"]
    added = {(c["system"], c["kind"], c["key"]) for c in doc["changes"] if c["change"] == "added"}
    assert ("SYS2", "VIPADEFINE", "198.51.100.10") in added


def test_nested_sysplexes_at_the_top(repo: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "examples" / "zosmf-ha-broken", repo / "plex2")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "second sysplex")
    code, out = _run(capsys, monkeypatch, repo, "diff", "--git", "HEAD~2", "HEAD", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert [(p["path"], p["systems"]["before"]) for p in doc["sysplexes"]] == [
        ("plex", ["SYS1", "SYS2"]), ("plex2", [])]

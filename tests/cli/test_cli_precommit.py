"""The pre-commit hook, driven by the real pre-commit framework in a scratch git repo.

The repository's `.pre-commit-hooks.yaml` is validated by pre-commit itself;
the scratch repo then uses the same hook (its `entry`, `files` and `exclude`)
as a `repo: local` hook with `language: system` pointing at this
environment's `zlint`, so that the test needs no network (a `language:
python` hook would pip-install zparse and its dependencies into a fresh
virtualenv).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLES, REPO

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pre_commit"]


def _zlint() -> str:
    exe = Path(sys.executable).parent / "zlint"
    return str(exe) if exe.exists() else f"{sys.executable} -m zparse.cli"


def _manifest() -> dict:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    return hook


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp / "pre-commit-cache"), NO_COLOR="1", HOME=str(tmp),
               GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    return env


def _git(repo: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run([GIT or "git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def scratch(tmp_path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "zosmf-ha", repo / "plex1")
    (repo / "README.md").write_text("profiles of PLEX1\n")
    hook = _manifest()
    config = {"repos": [{"repo": "local", "hooks": [{
        "id": hook["id"], "name": hook["name"], "entry": f"{_zlint()} check",
        "language": "system", "files": hook["files"], "exclude": hook.get("exclude", "^$"),
        "require_serial": hook.get("require_serial", False),
    }]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    env = _env(tmp_path)
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "PLEX1 as it is in production")
    return repo, env


def _run(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_pre_commit(), "run", *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)


def test_manifest_is_valid_for_pre_commit():
    proc = subprocess.run([*_pre_commit(), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    hook = _manifest()
    assert hook["id"] == "zlint" and hook["entry"] == "zlint check" and hook["language"] == "python"


@pytest.mark.parametrize(("path", "matched"), [
    ("SYS1/PROFILE.TCPIP", True), ("plex/SYS2/TCPIPA", True), ("x/stack.tcpip", True),
    ("SYS1/IZUPRM00", True), ("zlint.toml", True), ("plex/zlint.toml", True),
    ("README.md", False), ("src/profile.py", False), ("docs/tcpip.md", False), ("SYS1/BPXPRM00", False),
])
def test_manifest_selects_member_files(path, matched):
    import re

    hook = _manifest()
    selected = bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)
    assert selected is matched


def test_hook_passes_on_a_clean_sysplex(scratch):
    repo, env = scratch
    proc = _run(repo, env, "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "zlint" in proc.stdout and "Passed" in proc.stdout


def test_hook_fails_and_names_the_finding(scratch):
    repo, env = scratch
    profile = repo / "plex1/SYS2/PROFILE.TCPIP"
    profile.write_text(profile.read_text().replace("DYNAMICXCF 192.0.2.2 ", "DYNAMICXCF 192.0.2.3 "))
    _git(repo, env, "add", "plex1/SYS2/PROFILE.TCPIP")
    proc = _run(repo, env)  # the staged files only, as on `git commit`
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "HA301" in proc.stdout and "plex1/tcpparms/ZOSMFHA:8:12" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_hook_skips_when_no_member_changed(scratch):
    repo, env = scratch
    (repo / "README.md").write_text("changed\n")
    _git(repo, env, "add", "README.md")
    proc = _run(repo, env)
    assert proc.returncode == 0
    assert "no files to check" in proc.stdout.lower()

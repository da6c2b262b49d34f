"""The atheris target: its plain corpus loop always runs; with atheris
installed, a coverage-guided run of this test's share of ``FUZZ_SECONDS``
whose crash inputs are saved under fuzz/corpus/."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fuzz import atheris_target
from fuzz.runner import STATS, Stats

WORK = Path(__file__).resolve().parent / ".work"


def _count(name: str, n: int) -> int:
    stats = STATS.setdefault(name, Stats())
    stats.rounds += 1
    stats.inputs += n
    return n


def test_plain_loop_parse() -> None:
    assert _count("corpus-loop-parse", atheris_target.plain_loop(sysplex=False)) > 0


def test_plain_loop_sysplex() -> None:
    assert _count("corpus-loop-sysplex", atheris_target.plain_loop(sysplex=True)) > 0


@pytest.mark.parametrize("mode", ["parse", "sysplex"])
def test_atheris(mode: str, fuzz_seconds: float, tmp_path: Path) -> None:
    if importlib.util.find_spec("atheris") is None:
        pytest.skip("atheris is not installed (pip install atheris)")
    WORK.mkdir(exist_ok=True)
    cmd = [sys.executable, str(Path(atheris_target.__file__)), "--atheris",
           f"-max_total_time={max(int(fuzz_seconds), 1)}", f"-artifact_prefix={tmp_path}/",
           "-rss_limit_mb=4096", "-timeout=30"]
    if mode == "sysplex":
        cmd.append("--sysplex")
    proc = subprocess.run(cmd, cwd=WORK, capture_output=True, text=True, errors="replace",
                          timeout=fuzz_seconds + 300)
    done = re.search(r"Done (\d+) runs", proc.stderr)
    stats = STATS.setdefault(f"atheris-{mode}", Stats())
    stats.rounds += 1
    stats.inputs += int(done.group(1)) if done else 0
    crashes = sorted(p for p in tmp_path.iterdir() if p.name.split("-")[0] in ("crash", "timeout", "oom"))
    saved = [atheris_target.save_crash(p, mode == "sysplex") for p in crashes]
    assert proc.returncode == 0 and not crashes, (
        f"atheris found {len(crashes)} failing input(s), saved as {saved}:\n{proc.stderr[-4000:]}")

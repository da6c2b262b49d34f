"""Issue 13 item 7: nothing taken from input can inject into an output.

An inventory whose sysplex, system, folder and file names and whose member
values carry terminal escape sequences, line breaks with forged finding
lines and GitHub workflow commands, and Markdown / HTML / Mermaid syntax is
put through every output. Text output and stderr must hold no control
character (ESC, C1 CSI, BEL, a bare CR) and no line that is not zlint's own;
Markdown and Mermaid must show the names escaped."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "zosmf-ha"

ESC = "\x1b]0;owned\x07\x1b[2J"
FORGE = "\n::error file=x,line=1::forged\nSYS9/PROFILE.TCPIP:1:1: HA301 forged finding"
MARKUP = "|<script>x</script>`code`|"
HOSTILE = [ESC, FORGE, MARKUP, "\x9b31m", "\u202eevil", "\r::warning::cr"]

# (output, command) -- every output that shows names or member text
OUTPUTS = [
    ("text", ["check"]),
    ("text", ["check", "--no-source"]),
    ("text", ["check", "--statistics"]),
    ("github", ["check", "--format", "github"]),
    ("text", ["report"]),
    ("markdown", ["report", "--format", "markdown"]),
    ("html", ["report", "--format", "html"]),
    ("text", ["parse", "SYS1/PROFILE.TCPIP"]),
    ("text", ["check", "missing" + FORGE]),  # a name on the command line, echoed in an error
]


@pytest.fixture(scope="module")
def plex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inject")
    shutil.copytree(EXAMPLE, root, dirs_exist_ok=True)
    toml = (root / "zlint.toml").read_text()
    toml = toml.replace('name = "PLEX1"', 'name = "PLEX1' + _toml(ESC + MARKUP) + '"')
    # SYS2 gets a system name, a folder and a member name full of hostile text
    odd = "SYS2" + _file(MARKUP + ESC)
    (root / "SYS2").rename(root / odd)
    member = "IZUPRM0B" + _file(FORGE + ESC)
    (root / odd / "IZUPRM0B").rename(root / odd / member)
    toml = toml.replace("[systems.SYS2]", '[systems."SYS2' + _toml(FORGE + MARKUP) + '"]')
    toml = toml.replace('tcpip = "SYS2/PROFILE.TCPIP"', f'tcpip = "{_toml(odd)}/PROFILE.TCPIP"')
    toml = toml.replace('izuprm = ["SYS2/IZUPRM0B"]', f'izuprm = ["{_toml(odd)}/{_toml(member)}"]')
    (root / "zlint.toml").write_text(toml)
    for path in (root / "SYS1" / "PROFILE.TCPIP", root / odd / "PROFILE.TCPIP"):
        text = path.read_text()
        path.write_text(text + "".join(f"; {h}\nBOGUS{h.strip()} X\n" for h in HOSTILE))
    izu = root / odd / member
    izu.write_text(re.sub(r"HOSTNAME\('[^']*'\)", "HOSTNAME('zosmf" + MARKUP + "')", izu.read_text()))
    return root


def _toml(text: str) -> str:
    return "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in text)


def _file(text: str) -> str:
    return text.replace("/", "_")


def _run(cwd: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zparse.cli", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="surrogateescape", timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"})


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

@pytest.mark.parametrize(("kind", "command"), OUTPUTS, ids=[f"{k}: {' '.join(c)[:40]!r}" for k, c in OUTPUTS])
def test_no_injection(plex: Path, kind: str, command: list[str]) -> None:
    out = _run(plex, command)
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr, out.stderr
    for stream, text in (("stdout", out.stdout), ("stderr", out.stderr)):
        if kind == "html" and stream == "stdout":
            continue
        assert not _CONTROL.search(text), f"{stream}: {_CONTROL.search(text)!r} reached the output"
        lines = text.splitlines()
        assert not [line for line in lines if line.startswith("::") and kind != "github"], \
            f"{stream} carries a workflow command taken from input"
        if kind == "github":  # one workflow command per line, each a finding of ours
            assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines if line)
        assert "forged" not in "\n".join(line for line in lines if line.startswith(("SYS9", "::error file=x")))
    assert "\x1b" not in out.stdout
    if kind == "markdown":
        body = out.stdout
        assert "<script>" not in body and "&lt;script&gt;" in body
        for line in body.splitlines():
            if line.startswith("|") and "---" not in line:
                cells = re.split(r"(?<!\\)\|", line)
                assert len(cells) in (6, 8), f"a name split a table row: {line!r}"
        mermaid = body.split("```mermaid\n", 1)[1].split("```", 1)[0]
        assert "<script" not in mermaid and "`" not in mermaid
        for line in mermaid.splitlines():  # quoted labels stay closed: an even number of quotes
            assert line.count('"') % 2 == 0, line
    if kind == "html":
        assert "<script>" not in out.stdout and "&lt;script&gt;" in out.stdout
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", out.stdout)

"""Issue 13 item 4: non-UTF-8 bytes in file names, folder names and members
never break an output.

A sysplex whose folder and file names hold bytes that are not UTF-8, and
whose members hold stray bytes, is put through every output of ``zlint``
under several locales and ``PYTHONIOENCODING`` values: every command
succeeds (no traceback, no internal error), JSON and SARIF are valid UTF-8
JSON that say when bytes were replaced, HTML and Markdown are valid UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "zosmf-ha"
STRAY = b"; stray bytes \xff\xfe\x80 and \x1b[31m in a comment\nBOGUS\xff STATEMENT\n"

ENVIRONMENTS = {
    "utf-8": {"PYTHONIOENCODING": "utf-8"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "c-locale": {"LC_ALL": "C", "LANG": "C"},
    "posix-locale-no-coercion": {"LC_ALL": "POSIX", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
}

# (command, what its standard output must be)
COMMANDS = [
    (["check"], "text"),
    (["check", "--no-source"], "text"),
    (["check", "--format", "json"], "json"),
    (["check", "--format", "sarif"], "json"),
    (["check", "--format", "github"], "text"),
    (["check", "--statistics"], "text"),
    (["report"], "text"),
    (["report", "--format", "markdown"], "utf-8"),
    (["report", "--format", "html"], "utf-8"),
    (["parse", "MEMBER"], "text"),
    (["parse", "--format", "json", "MEMBER"], "json"),
]


@pytest.fixture(scope="module")
def plex(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A discovered sysplex (no inventory): system folders named ``SYS\\xff1``
    and ``SYS2``, one profile named ``PROFILE\\xfe.TCPIP``, stray bytes in
    every member."""
    root = os.fsencode(tmp_path_factory.mktemp("odd"))
    for name, sys_dir in ((b"SYS1", b"SYS\xff1"), (b"SYS2", b"SYS2")):
        folder = os.path.join(root, sys_dir)
        os.mkdir(folder)
        src = EXAMPLE / os.fsdecode(name)
        profile = (src / "PROFILE.TCPIP").read_bytes().replace(b"INCLUDE USER.TCPPARMS(ZOSMFHA)\n", b"")
        target = b"PROFILE\xfe.TCPIP" if name == b"SYS2" else b"PROFILE.TCPIP"
        with open(os.path.join(folder, target), "wb") as f:
            f.write(profile + STRAY)
        member = next(p for p in src.iterdir() if p.name.startswith("IZUPRM"))
        with open(os.path.join(folder, os.fsencode(member.name)), "wb") as f:
            f.write(member.read_bytes() + b"/* stray \xff\x00 */\nHOSTNAME('zosmf\xff.example.com')\n")
    return root


def _run(args: list[bytes], cwd: bytes, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "LC_ALL", "LANG", "PYTHONUTF8")}
    return subprocess.run([os.fsencode(sys.executable), b"-m", b"zparse.cli", *args], cwd=cwd,
                          capture_output=True, timeout=120, env={**base, "PYTHONPATH": str(ROOT), **env})


@pytest.mark.parametrize("env_name", list(ENVIRONMENTS))
@pytest.mark.parametrize(("command", "expect"), COMMANDS, ids=[" ".join(c) + f" [{e}]" for c, e in COMMANDS])
def test_every_output_survives_odd_bytes(plex: bytes, command: list[str], expect: str, env_name: str) -> None:
    args = [os.path.join(b"SYS2", b"PROFILE\xfe.TCPIP") if a == "MEMBER" else a.encode() for a in command]
    if command[0] != "parse":
        args.append(b".")
    out = _run(args, plex, ENVIRONMENTS[env_name])
    err = out.stderr.decode("utf-8", "replace")
    assert out.returncode in (0, 1), err
    assert b"Traceback" not in out.stderr and b"internal error" not in out.stderr, err
    assert out.stdout, err
    if expect in ("json", "utf-8"):
        text = out.stdout.decode("utf-8")  # strict: valid UTF-8 whatever the locale
        if expect == "json":
            doc = json.loads(text)
            assert "\ufffd" in text
            if command[0] == "check" and "sarif" in command:
                notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
                assert any("U+FFFD" in n["message"]["text"] for n in notes)
            else:
                assert any("U+FFFD" in n for n in doc["notes"]), "the document must say bytes were replaced"

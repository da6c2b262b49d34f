"""The `zlint diff` command lines shown in README.md and docs/diff.md parse."""

from __future__ import annotations

import re
import shlex

import pytest

from zparse.cli import _build_parser

from .conftest import REPO


def _commands() -> list[str]:
    out = []
    for doc in (REPO / "README.md", REPO / "docs" / "diff.md", REPO / "docs" / "cli.md"):
        for line in doc.read_text(encoding="utf-8").splitlines():
            m = re.search(r"(zlint diff [^#>|]*)", line.replace("$ ", ""))
            if m and "`" not in m.group(1) and "(" not in m.group(1):
                out.append(re.sub(r"\$\{\{[^}]*\}\}", "HEAD", m.group(1)).strip())
    return out


COMMANDS = _commands()


def test_the_docs_show_the_commands() -> None:
    assert any("--git HEAD" in c for c in COMMANDS)
    assert any("--format markdown" in c for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_parses(command: str) -> None:
    words = [w for w in shlex.split(command)[1:] if w not in ("[PATH]",)]
    words = [w for w in words if not re.fullmatch(r"[a-z-]+\|[a-z|-]+", w)]  # "text|markdown|..." choices
    args = _build_parser().parse_args(words)
    assert args.command == "diff"

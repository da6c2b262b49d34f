"""Fixtures of the CLI tests: golden files and a fresh sysplex copy.

Golden files live in ``tests/cli/golden/``. They are generated, never edited
by hand: regenerate them with

    ZLINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/cli

and review the change with ``git diff tests/cli/golden``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
GOLDEN = HERE / "golden"
EXAMPLES = REPO / "examples"
UPDATE = os.environ.get("ZLINT_UPDATE_GOLDEN", "") not in ("", "0")


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """``golden(name, text)``: compare ``text`` with ``golden/name``, or
    rewrite the file when ``ZLINT_UPDATE_GOLDEN=1``."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        if not path.exists():
            pytest.fail(f"golden file {path.relative_to(REPO)} is missing; "
                        "run ZLINT_UPDATE_GOLDEN=1 pytest tests/cli to create it")
        expected = path.read_text(encoding="utf-8")
        assert text == expected, (
            f"output differs from {path.relative_to(REPO)}; if the change is intended, "
            "regenerate with ZLINT_UPDATE_GOLDEN=1 pytest tests/cli and review the diff")

    return check


def example(name: str) -> Path:
    """The path of ``examples/<name>`` (an inventory: it holds a zlint.toml)."""
    path = EXAMPLES / name
    assert (path / "zlint.toml").is_file(), f"examples/{name} has no zlint.toml"
    return path


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    """A private copy of examples/zosmf-ha-broken (safe to fix in place)."""
    src = example("zosmf-ha-broken")
    dst = tmp_path / "zosmf-ha-broken"
    shutil.copytree(src, dst)
    return dst

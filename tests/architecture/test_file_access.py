"""Only the workspace opens member files (issue 12, contract 6).

An import contract cannot see calls, so this test reads the library's source:
every call that opens, lists or writes a file must stand in a module that is
allowed to, each for the reason given.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "zparse"

ALLOWED = {
    "workspace/files.py": "the one safe reader of member files",
    "syntax/grammar.py": "package data: the grammars and the LALR table cache",
    "outputs/fix.py": "applies --fix to the files the findings name",
    "cli.py": "zlint parse FILE, --output, and stdio set-up",
    "lsp/convert.py": "writes the rule pages the editor links to",
}

_PATH_METHODS = {"read_bytes", "read_text", "write_bytes", "write_text", "iterdir", "open"}
_OS_FUNCTIONS = {"open", "listdir", "scandir"}


def _calls(tree: ast.AST) -> list[tuple[int, str]]:
    """``open(...)``, ``os.open/listdir/scandir(...)`` and ``Path.read_text()``-style calls."""
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id == "open":
            out.append((node.lineno, "open"))
        elif isinstance(f, ast.Attribute):
            owner = f.value.id if isinstance(f.value, ast.Name) else None
            if owner == "os" and f.attr in _OS_FUNCTIONS:
                out.append((node.lineno, f"os.{f.attr}"))
            elif owner != "os" and f.attr in _PATH_METHODS - {"open"}:
                out.append((node.lineno, f.attr))
    return out


def test_only_the_allowed_modules_touch_the_file_system() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        calls = _calls(ast.parse(path.read_text(encoding="utf-8")))
        if calls and rel not in ALLOWED:
            found[rel] = calls
    assert found == {}, f"file access outside zparse/workspace: {found}"


def test_the_allow_list_has_no_stale_entries() -> None:
    for rel in ALLOWED:
        path = PACKAGE / rel
        assert path.is_file(), rel
        assert _calls(ast.parse(path.read_text(encoding="utf-8"))), f"{rel} no longer opens files"

"""The two sides of ``zlint diff``: folders, or git revisions read from git objects.

A side is a folder holding one sysplex (an inventory found in it or above
it, or system subfolders) or several (``zlint.toml`` files below it, each
one sysplex, matched between the sides by their path). A sysplex present
on one side only is compared with an empty one. A git revision is read
with ``git ls-tree`` / ``git cat-file`` into a temporary folder (no
checkout, the work tree and the index are never touched) and loaded from
there.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable

from ..sysplex import Sysplex, find_inventory, load_sysplex
from .core import Linter, SysplexDiff, diff
from .gitsource import GitTree, git_toplevel

__all__ = ["compare_folders", "compare_git", "empty_sysplex", "sysplexes_in"]

_SKIP = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "build", "dist"})


def empty_sysplex(root: str, name: str = "") -> Sysplex:
    """A sysplex with no system: the side of a sysplex that does not exist yet (or any more)."""
    return Sysplex(name=name or os.path.basename(root), root=root, inventory=None, mode="discovered",
                   systems=())


def sysplexes_in(folder: str, *, boundary: str | None = None,
                 load: Callable[[str], Sysplex] = load_sysplex) -> dict[str, Sysplex]:
    """The sysplexes of one side, keyed by their folder relative to ``folder`` (``.``).

    An inventory in ``folder`` or above it (not above ``boundary``) makes one
    sysplex; else each ``zlint.toml`` below it does; else ``folder`` is read as
    a folder of system subfolders. A missing folder has none."""
    top = os.path.abspath(folder)
    if not os.path.exists(top):
        return {}
    if os.path.isfile(top):
        return {".": load(top)}
    inv = find_inventory(top)
    if inv is not None and (boundary is None or _inside(os.path.abspath(boundary), str(inv))):
        return {".": load(top)}
    nested: dict[str, Sysplex] = {}
    for here, dirs, files in os.walk(top):
        if "zlint.toml" in files and os.path.abspath(here) != top:
            nested[os.path.relpath(here, top).replace(os.sep, "/")] = load(os.path.join(here, "zlint.toml"))
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP)
    if nested:
        return dict(sorted(nested.items()))
    return {".": load(top)}


def _inside(root: str, path: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _pair(before: dict[str, Sysplex], after: dict[str, Sysplex], before_root: str, after_root: str,
          files_at: Callable[[str], str | None], linter: Linter | None) -> list[SysplexDiff]:
    out = []
    for key in sorted(set(before) | set(after)):
        b = before.get(key) or empty_sysplex(os.path.join(before_root, key), after[key].name)
        a = after.get(key) or empty_sysplex(os.path.join(after_root, key), b.name)
        out.append(diff(b, a, path=key, files_at=files_at(key), linter=linter))
    return out


def _shown(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel.replace(os.sep, "/")


def compare_folders(before: str, after: str, *, load: Callable[[str], Sysplex] = load_sysplex,
                    linter: Linter | None = None) -> list[SysplexDiff]:
    """Diff every sysplex of folder ``before`` against the same one in ``after``."""
    return _pair(sysplexes_in(before, load=load), sysplexes_in(after, load=load),
                 os.path.abspath(before), os.path.abspath(after),
                 lambda key: _shown(os.path.normpath(os.path.join(after, key))), linter)


def compare_git(base: str, head: str | None, path: str = ".", *,
                load: Callable[[str], Sysplex] = load_sysplex,
                linter: Linter | None = None) -> list[SysplexDiff]:
    """Diff ``path`` at revision ``base`` against revision ``head`` (None: the work tree).

    The revisions are read from git objects into temporary folders; the
    sysplex root found for ``path`` in the work tree (its inventory's
    folder, or ``path``) is what is read on both sides."""
    full = os.path.abspath(path)
    top = git_toplevel(full if os.path.isdir(full) else os.path.dirname(full) or ".")
    inv = find_inventory(full) if os.path.exists(full) else None
    root = os.path.dirname(str(inv)) if inv is not None and _inside(top, str(inv)) else full
    prefix = os.path.relpath(root, top).replace(os.sep, "/")
    if prefix.startswith(".."):
        raise ValueError(f"{path} is not inside the git work tree at {top}")
    with tempfile.TemporaryDirectory(prefix="zlint-diff-") as tmp:
        sides: list[tuple[dict[str, Sysplex], str]] = []
        for i, rev in enumerate((base, head)):
            if rev is None:
                sides.append((sysplexes_in(root, load=load), root))
                continue
            dest = os.path.join(tmp, f"side{i}")
            os.makedirs(dest)
            GitTree(top, rev).materialize(dest, "" if prefix == "." else prefix)
            side_root = os.path.normpath(os.path.join(dest, prefix))
            sides.append((sysplexes_in(side_root, boundary=dest, load=load), side_root))
        (b, b_root), (a, a_root) = sides
        return _pair(b, a, b_root, a_root,
                     lambda key: _shown(os.path.normpath(os.path.join(root, key))), linter)
